/**
 * Sends a pilot's xAPI statements to the pilot's Learning Record Store, from the server's OWN copy of each certified
 * session (never from what a browser claims), with credentials that never reach a browser.
 *
 * When a pilot's session log becomes complete, the statements are built (src/embed/xapi.ts: one per game, one for the
 * scan, carrying only what the pilot's `share` allows), checked against the xAPI 1.0.3 statement rules, and written to
 * the `xapi_outbox` table; then they are posted to `<lrs.endpoint>/statements` with the `Authorization` value held in
 * the environment variable the pilot file names (`xapi.lrs.authEnv`). Delivery is separate from the session: a failure
 * is recorded on the statement's row and retried with backoff (network, 5xx, 408, 429, missing credentials), or kept
 * as `rejected` (the LRS refused it) / `invalid` (it broke the xAPI rules, never sent); the session is never touched.
 */
import type { ProfileSource } from '../credential/profile-source.ts';
import type { PilotConfig } from '../embed/pilot.ts';
import { shares } from '../embed/pilot.ts';
import { statementsFromLog, type XapiStatement, XAPI_VERSION } from '../embed/xapi.ts';
import type { Db } from './db/connect.ts';
import type { IssuanceService } from './issuance.ts';
import { xapiWarnings } from './xapi-rules.ts';
import type { WitnessStore } from './witness-store.ts';

/** Most statements posted in one request (an LRS may limit the body). */
const BATCH = 50;
/** After this many failed attempts a statement is kept as `gave-up` (about four days of backoff). */
export const MAX_ATTEMPTS = 16;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 6 * 3_600_000;
/** A claimed statement is not claimed again by another instance (or a parallel flush) for this long. */
const LEASE_MS = 60_000;
/** How often due statements are sent (retries included). */
const FLUSH_EVERY_MS = 30_000;

export type OutboxState = 'pending' | 'sent' | 'rejected' | 'invalid' | 'gave-up';

export interface XapiForwarderDeps {
  db: Db;
  witness: WitnessStore;
  issuance: Pick<IssuanceService, 'validate'>;
  profileSource: ProfileSource;
  pilots: ReadonlyMap<string, PilotConfig>;
  /** Where the LRS credentials are read from (process.env in production). */
  env: Readonly<Record<string, string | undefined>>;
  /** The Talentscan origin: activity ids and the pseudonymous account live under it. */
  publicUrl: string;
  now: () => number;
  fetch?: typeof fetch;
  log?: { warn(msg: string): void; error(detail: object, msg: string): void };
}

export interface FlushReport {
  sent: number;
  retried: number;
  rejected: number;
}

export class XapiForwarder {
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly fetch: typeof fetch;

  constructor(private readonly deps: XapiForwarderDeps) {
    this.fetch = deps.fetch ?? globalThis.fetch;
  }

  /** Pilots that have an LRS; a missing credential variable is said at start (statements wait for it). */
  get lrsPilots(): PilotConfig[] {
    return [...this.deps.pilots.values()].filter((p) => p.xapi.enabled && p.xapi.lrs);
  }

  start(): void {
    for (const p of this.lrsPilots) {
      if (!this.deps.env[p.xapi.lrs!.authEnv]) this.deps.log?.warn(`pilot ${p.id}: ${p.xapi.lrs!.authEnv} is not set; its xAPI statements wait until it is`);
    }
    if (this.lrsPilots.length === 0 || this.timer) return;
    this.timer = setInterval(() => void this.flush().catch((err: unknown) => this.deps.log?.error({ err }, 'xAPI flush failed')), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * The session's log is complete: build its statements from the server's copy, check them, store them, send them.
   * Never throws (the caller is the batch upload, which must not fail because of an LRS).
   */
  async sessionFinished(sessionId: string): Promise<void> {
    try {
      const queued = await this.enqueue(sessionId);
      if (queued > 0) await this.flush();
    } catch (err) {
      this.deps.log?.error({ err, sessionId }, 'xAPI statements could not be built');
    }
  }

  /** Builds and stores the statements of one session (none when its pilot has no LRS). Returns how many were new. */
  async enqueue(sessionId: string): Promise<number> {
    const session = await this.deps.witness.getSession(sessionId);
    const pilot = session?.pilot ? this.deps.pilots.get(session.pilot) : undefined;
    if (!session || !pilot?.xapi.enabled || !pilot.xapi.lrs) return 0;
    const { events: stored } = await this.deps.witness.batches(sessionId);
    // The same gate as issuance: only a log that follows the event schema is read.
    const events = this.deps.issuance.validate(stored);
    const shareDomains = shares(pilot.share, 'domains');
    const profile = shareDomains ? await this.deps.profileSource(events, { normGroup: session.norm_group }) : null;
    const statements = statementsFromLog(
      {
        origin: this.deps.publicUrl,
        pilot: pilot.id,
        sessionId,
        battery: session.battery,
        lang: session.lang,
        shareDomains,
        uuid: () => crypto.randomUUID(),
      },
      events,
      profile?.domains ?? null,
      new Date(this.deps.now()),
    );
    const now = this.deps.now();
    let added = 0;
    for (const st of statements) {
      const problems = xapiProblems(st);
      const res = await this.deps.db.kysely
        .insertInto('xapi_outbox')
        .values({
          id: st.id,
          session_id: sessionId,
          pilot: pilot.id,
          activity: st.object.id,
          statement: JSON.stringify(st),
          state: problems ? 'invalid' : 'pending',
          attempts: 0,
          created_at: now,
          next_attempt_at: now,
          sent_at: null,
          last_error: problems,
        })
        .onConflict((oc) => oc.columns(['session_id', 'activity']).doNothing())
        .executeTakeFirst();
      added += Number(res.numInsertedOrUpdatedRows ?? 0);
      if (problems) this.deps.log?.error({ sessionId, statement: st.id, problems }, 'xAPI statement breaks the xAPI rules; not sent');
    }
    return added;
  }

  /** Sends every due statement, per pilot in batches; records each outcome on its row. */
  async flush(): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, retried: 0, rejected: 0 };
    const now = this.deps.now();
    const k = this.deps.db.kysely;
    // Claim before sending, so two flushes (or two instances) never post one statement at the same time.
    const claimed = await k
      .updateTable('xapi_outbox')
      .set({ next_attempt_at: now + LEASE_MS })
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .returning(['id', 'pilot', 'statement', 'attempts'])
      .execute();
    const byPilot = new Map<string, typeof claimed>();
    for (const row of claimed) byPilot.set(row.pilot, [...(byPilot.get(row.pilot) ?? []), row]);
    for (const [pilotId, rows] of byPilot) {
      for (let i = 0; i < rows.length; i += BATCH) {
        const chunk = rows.slice(i, i + BATCH);
        const outcome = await this.post(
          this.deps.pilots.get(pilotId),
          chunk.map((r) => r.statement as XapiStatement),
        );
        for (const row of chunk) {
          const attempts = row.attempts + 1;
          if (outcome.kind === 'sent') {
            await k.updateTable('xapi_outbox').set({ state: 'sent', attempts, sent_at: this.deps.now(), last_error: null }).where('id', '=', row.id).execute();
            report.sent++;
          } else if (outcome.kind === 'rejected') {
            await k.updateTable('xapi_outbox').set({ state: 'rejected', attempts, last_error: outcome.error }).where('id', '=', row.id).execute();
            report.rejected++;
          } else {
            const state: OutboxState = attempts >= MAX_ATTEMPTS ? 'gave-up' : 'pending';
            const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));
            await k
              .updateTable('xapi_outbox')
              .set({ state, attempts, next_attempt_at: this.deps.now() + wait, last_error: outcome.error })
              .where('id', '=', row.id)
              .execute();
            report.retried++;
          }
        }
      }
    }
    return report;
  }

  /** Where each statement of a session stands (for operators and tests). */
  async status(sessionId: string): Promise<{ id: string; activity: string; state: string; attempts: number; lastError: string | null }[]> {
    const rows = await this.deps.db.kysely
      .selectFrom('xapi_outbox')
      .select(['id', 'activity', 'state', 'attempts', 'last_error'])
      .where('session_id', '=', sessionId)
      .orderBy('created_at')
      .orderBy('activity')
      .execute();
    return rows.map((r) => ({ id: r.id, activity: r.activity, state: r.state, attempts: r.attempts, lastError: r.last_error }));
  }

  private async post(
    pilot: PilotConfig | undefined,
    statements: XapiStatement[],
  ): Promise<{ kind: 'sent' } | { kind: 'retry'; error: string } | { kind: 'rejected'; error: string }> {
    const lrs = pilot?.xapi.lrs;
    if (!pilot || !lrs) return { kind: 'retry', error: 'the pilot no longer has an LRS configured' };
    const auth = this.deps.env[lrs.authEnv];
    if (!auth) return { kind: 'retry', error: `LRS credentials not configured (${lrs.authEnv} is not set)` };
    let res: Response;
    try {
      res = await this.fetch(`${lrs.endpoint.replace(/\/?$/, '/')}statements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-experience-api-version': XAPI_VERSION, authorization: auth },
        body: JSON.stringify(statements),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      return { kind: 'retry', error: `LRS not reachable: ${err instanceof Error ? err.message : String(err)}` };
    }
    const text = (await res.text().catch(() => '')).slice(0, 300);
    if (res.ok) return { kind: 'sent' };
    const error = `LRS answered ${res.status}${text ? `: ${text}` : ''}`;
    return res.status === 408 || res.status === 429 || res.status >= 500 || res.status === 401 || res.status === 403
      ? { kind: 'retry', error }
      : { kind: 'rejected', error };
  }
}

/** The statement's breaches of the xAPI 1.0.3 rules (Learning Locker's validator), or null when it has none. */
export function xapiProblems(statement: XapiStatement): string | null {
  const warnings = xapiWarnings(statement);
  if (warnings.length === 0) return null;
  return JSON.stringify(warnings).slice(0, 1000);
}
