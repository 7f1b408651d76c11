/**
 * Re-score, then sign. The browser sends the raw session log (never only scores); this service validates it
 * (log-validation.ts), re-scores it with the same scoring code as the browser (`scoreSession`), builds the profile
 * with the same profile engine, compares any scores the browser claimed, and only then builds and signs the
 * credential. Nothing is issued when any step fails; the error names the step and the reason.
 */
import Ajv from 'ajv';
import { buildOpenBadgeCredential, type OpenBadgeCredential } from '../credential/ob-credential.ts';
import { logHash } from '../credential/log-hash.ts';
import { UnknownNormGroup, type ProfileSource } from '../credential/profile-source.ts';
import { issueDcSdJwt, issueVcSdJwt, type HolderBinding, type SdJwtFormat, type StatusReference } from '../credential/sd-jwt.ts';
import type { Assurance } from '../integrity/index.ts';
import type { LogEvent } from '../log/events.ts';
import type { GameScore } from '../runtime/game-contract.ts';
import { profileMessages } from '../scoring/messages.ts';
import type { Profile } from '../scoring/profile-types.ts';
import { scoreSession } from '../scoring/score-game.ts';
import type { IssuerConfig } from './config.ts';
import { HttpError } from './http.ts';
import type { IssuerIdentity } from './keys.ts';
import { createLogValidator, LogRejected, type LogValidator } from './log-validation.ts';

export const LANGS = ['nl', 'en', 'uk', 'ar'] as const;

export interface IssueRequest {
  events: unknown[];
  normGroup?: string;
  lang?: (typeof LANGS)[number];
  /** Scores the browser computed; when present they must equal the issuer's own. */
  claimed?: { scores?: { game: string; metrics: Record<string, { value: number | null }> }[] };
  /** Ask for a transaction code on the wallet offer (shown next to the QR code). */
  txCode?: boolean;
}

const requestSchema = {
  type: 'object',
  properties: {
    events: { type: 'array' },
    normGroup: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
    lang: { enum: [...LANGS] },
    txCode: { type: 'boolean' },
    claimed: {
      type: 'object',
      properties: {
        scores: {
          type: 'array',
          maxItems: 32,
          items: {
            type: 'object',
            properties: {
              game: { type: 'string', maxLength: 64 },
              metrics: {
                type: 'object',
                maxProperties: 64,
                additionalProperties: { type: 'object', properties: { value: { type: ['number', 'null'] } }, required: ['value'] },
              },
            },
            required: ['game', 'metrics'],
          },
        },
      },
      additionalProperties: false,
    },
  },
  required: ['events'],
  additionalProperties: false,
} as const;

export interface Prepared {
  events: LogEvent[];
  scores: GameScore[];
  profile: Profile;
  logDigest: string;
  battery: string;
}

export const VCT_PATH = '/issuer/vct/cognitive-profile/v1';
export const STATUS_LIST_PATH = '/issuer/status/1';
/** The same list as a W3C BitstringStatusListCredential, for the VCDM form's `credentialStatus`. */
export const BITSTRING_STATUS_PATH = '/issuer/status/1/credential';

export class IssuanceService {
  private readonly validateRequest;
  private readonly validateLog: LogValidator;

  constructor(
    private readonly config: IssuerConfig,
    private readonly identity: IssuerIdentity,
    private readonly profileSource: ProfileSource,
  ) {
    this.validateRequest = new Ajv({ strict: false }).compile(requestSchema);
    this.validateLog = createLogValidator({ maxEvents: config.maxEvents });
  }

  get vct(): string {
    return this.config.publicUrl + VCT_PATH;
  }

  get statusListUri(): string {
    return this.config.publicUrl + STATUS_LIST_PATH;
  }

  parseRequest(body: unknown): IssueRequest {
    if (!this.validateRequest(body)) {
      const e = this.validateRequest.errors?.[0];
      throw new HttpError(400, 'bad-request', `The request is malformed: ${e?.instancePath || '(body)'} ${e?.message ?? ''}`.trim());
    }
    return body as unknown as IssueRequest;
  }

  /** The log-validation gate alone (schema and plausibility, log-validation.ts): the typed log, or HttpError 4xx. */
  validate(raw: unknown[]): LogEvent[] {
    try {
      return this.validateLog(raw);
    } catch (err) {
      if (err instanceof LogRejected) {
        const status = err.code === 'too-many-events' ? 413 : 422;
        throw new HttpError(status, err.code === 'schema' ? 'invalid-log' : err.code, err.message, err.problems);
      }
      throw err;
    }
  }

  /** Validates, re-scores and profiles a log. Throws HttpError (4xx) with the reason when anything is off. */
  async prepare(req: IssueRequest): Promise<Prepared> {
    const events = this.validate(req.events);
    let scores: GameScore[];
    try {
      scores = scoreSession(events);
    } catch (err) {
      throw new HttpError(422, 'scoring-failed', `The log could not be scored: ${(err as Error).message}`);
    }
    const scaled = scores.find((s) => s.flags.some((f) => f.code === 'time-scaled'));
    if (scaled) throw new HttpError(422, 'time-scaled', 'This session was an automated test play; it is not a valid measurement and cannot be certified.');
    if (req.claimed?.scores) compareClaimedScores(req.claimed.scores, scores);
    let profile: Profile;
    try {
      profile = await this.profileSource(events, req.normGroup === undefined ? {} : { normGroup: req.normGroup });
    } catch (err) {
      const message = (err as Error).message;
      if (err instanceof UnknownNormGroup || /norm/i.test(message)) throw new HttpError(422, 'unknown-norm-group', message);
      throw new HttpError(422, 'profile-failed', `No profile could be computed from this log: ${message}`);
    }
    if (!profile.domains.some((d) => d.status === 'measured'))
      throw new HttpError(422, 'nothing-measured', 'No domain could be measured from this log, so there is nothing to certify.');
    const start = events[0] as Extract<LogEvent, { type: 'session-start' }>;
    return { events, scores, profile, logDigest: await logHash(events), battery: start.battery };
  }

  /** The unsecured OB 3.0 credential for a prepared log. */
  build(prepared: Prepared, opts: { id?: string; subjectId?: string; issuedAt?: Date; assurance?: Assurance; pilot?: string } = {}): OpenBadgeCredential {
    return buildOpenBadgeCredential(prepared.profile, {
      id: opts.id ?? `urn:uuid:${crypto.randomUUID()}`,
      issuer: { id: this.identity.did, name: this.config.name, url: this.config.publicUrl },
      baseUrl: this.config.publicUrl,
      subjectId: opts.subjectId ?? `urn:uuid:${crypto.randomUUID()}`,
      issuedAt: opts.issuedAt ?? new Date(),
      validForDays: this.config.validForDays,
      logDigest: prepared.logDigest,
      logEvents: prepared.events.length,
      battery: prepared.battery,
      // Role names in English (the credential's language); the role id where the engine has no words for it.
      roleNames: Object.fromEntries(prepared.profile.roleFits.map((r) => [r.role, profileMessages.en[r.label] ?? r.role])),
      ...(opts.assurance ? { assurance: opts.assurance } : {}),
      ...(opts.assurance && opts.pilot ? { pilot: opts.pilot } : {}),
    });
  }

  get bitstringStatusListCredential(): string {
    return this.config.publicUrl + BITSTRING_STATUS_PATH;
  }

  async secure(vc: OpenBadgeCredential, status: StatusReference, format: SdJwtFormat, holder?: HolderBinding): Promise<string> {
    const listCredential = this.bitstringStatusListCredential;
    const opts = { signer: this.identity.signer, status, vct: this.vct, bitstringStatusListCredential: listCredential, ...(holder ? { holder } : {}) };
    return format === 'vc+sd-jwt' ? issueVcSdJwt(vc, opts) : issueDcSdJwt(vc, opts);
  }
}

/** Forged or stale scores: every claimed metric must equal the issuer's own value for the same game. */
export function compareClaimedScores(claimed: NonNullable<NonNullable<IssueRequest['claimed']>['scores']>, scores: GameScore[]): void {
  const mine = new Map(scores.map((s) => [s.game, s]));
  for (const c of claimed) {
    const own = mine.get(c.game);
    if (!own) throw new HttpError(422, 'scores-disagree', `The scores sent include ${c.game}, which the raw log does not complete.`);
    for (const [metric, v] of Object.entries(c.metrics)) {
      const o = own.metrics[metric];
      const same =
        o !== undefined &&
        (o.value === v.value || (o.value !== null && v.value !== null && Math.abs(o.value - v.value) <= 1e-9 * Math.max(1, Math.abs(o.value))));
      if (!same) {
        throw new HttpError(
          422,
          'scores-disagree',
          `The scores sent disagree with the raw log: ${c.game} ${metric} is ${o?.value ?? 'absent'} when re-scored, not ${String(v.value)}.`,
        );
      }
    }
  }
}
