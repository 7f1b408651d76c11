/**
 * xAPI 1.0.3 statements for pilots that record learning activity in a Learning Record Store: one `completed`
 * statement per game and one per scan. Pure: the iframe sends them through the embed protocol and the server can send
 * the same statements to a pilot's LRS (with credentials that never reach the browser).
 *
 * What a statement may carry follows the pilot's `share` setting, like everything the host receives: a game's score
 * (the sten of the domain it measures, 1–10) only when domains may be shared; the scan's score is how much of the
 * battery was completed, which every pilot may know.
 */
import { GAMES } from '../../games/registry.ts';
import type { LogEvent } from '../log/events.ts';
import { BATTERIES } from '../runtime/batteries.ts';
import type { Domain } from '../runtime/game-contract.ts';
import type { DomainScore } from '../scoring/profile-types.ts';

export const XAPI_VERSION = '1.0.3' as const;
const COMPLETED = { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } } as const;
const ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';

export interface XapiStatement {
  id: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  verb: typeof COMPLETED;
  object: { objectType: 'Activity'; id: string; definition: { type: string; name: Record<string, string> } };
  result: { completion: true; duration: string; score?: { scaled: number; raw: number; min: number; max: number } };
  context: {
    registration: string;
    platform: string;
    language: string;
    contextActivities?: { parent: { objectType: 'Activity'; id: string }[] };
  };
  timestamp: string;
  version: typeof XAPI_VERSION;
}

export interface ScanContext {
  /** The Talentscan origin; activity ids and the pseudonymous account live under it. */
  origin: string;
  pilot: string;
  /** The session id (a UUID): the statement's `registration`, and the candidate's pseudonym towards the LRS. */
  sessionId: string;
  battery: string;
  lang: string;
  /** Whether the pilot may receive domain scores (its `share` is `domains` or more). */
  shareDomains: boolean;
  /** Statement ids: a UUID v4 source (crypto.randomUUID in page and Node). */
  uuid: () => string;
}

/** ISO 8601 duration with seconds to two decimals, as xAPI wants for `result.duration`. */
export function isoDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round((s % 60) * 100) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${sec}S`;
}

function statementContext(ctx: ScanContext): XapiStatement['context'] {
  return { registration: ctx.sessionId, platform: 'Talentscan', language: ctx.lang };
}

function base(ctx: ScanContext, activity: string, name: string, at: Date): Omit<XapiStatement, 'result' | 'context'> {
  return {
    id: ctx.uuid(),
    actor: { objectType: 'Agent' as const, account: { homePage: ctx.origin, name: ctx.sessionId } },
    verb: COMPLETED,
    object: { objectType: 'Activity' as const, id: `${ctx.origin}/xapi/activities/${activity}`, definition: { type: ASSESSMENT, name: { 'en-US': name } } },
    timestamp: at.toISOString(),
    version: XAPI_VERSION,
  };
}

/** A game of the battery was completed; its score is the sten of the domain it measures, when that may be shared. */
export function gameCompletedStatement(
  ctx: ScanContext,
  game: { id: string; domains: readonly Domain[]; durationMs: number },
  domains: readonly DomainScore[] | null,
  at: Date,
): XapiStatement {
  const measured = domains?.find((d) => game.domains.includes(d.domain) && d.status === 'measured' && d.sten !== undefined);
  const score = ctx.shareDomains && measured?.sten !== undefined ? { scaled: round(measured.sten / 10), raw: measured.sten, min: 1, max: 10 } : undefined;
  return {
    ...base(ctx, `games/${game.id}`, `Talentscan game: ${game.id}`, at),
    result: { completion: true, duration: isoDuration(game.durationMs), ...(score ? { score } : {}) },
    context: {
      ...statementContext(ctx),
      contextActivities: { parent: [{ objectType: 'Activity', id: `${ctx.origin}/xapi/activities/scan/${ctx.battery}` }] },
    },
  };
}

/** The scan was completed; its score is the share of the battery's games completed. */
export function scanCompletedStatement(
  ctx: ScanContext,
  scan: { gamesCompleted: number; gamesInBattery: number; durationMs: number },
  at: Date,
): XapiStatement {
  const max = Math.max(1, scan.gamesInBattery);
  return {
    ...base(ctx, `scan/${ctx.battery}`, `Talentscan scan: ${ctx.battery}`, at),
    context: statementContext(ctx),
    result: {
      completion: true,
      duration: isoDuration(scan.durationMs),
      score: { scaled: round(scan.gamesCompleted / max), raw: scan.gamesCompleted, min: 0, max },
    },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Time spent between two positions of a log: the page clock's steps summed within each page, so the gap of a reload
 * (when nobody played) is not counted, and no clock of one page is compared with another's.
 */
export function playedMs(events: readonly LogEvent[], from: number, to: number): number {
  let ms = 0;
  for (let i = Math.max(1, from + 1); i <= to && i < events.length; i++) {
    const a = events[i - 1]!;
    const b = events[i]!;
    if (a.page === b.page) ms += Math.max(0, b.t - a.t);
  }
  return ms;
}

/** How long each completed game took (from its `game-start` to its `game-end`), in log order. */
export function completedGames(events: readonly LogEvent[]): { game: string; durationMs: number }[] {
  const starts = new Map<string, number>();
  const out: { game: string; durationMs: number }[] = [];
  events.forEach((e, i) => {
    if (e.type === 'game-start') starts.set(e.game, i);
    if (e.type === 'game-end') out.push({ game: e.game, durationMs: playedMs(events, starts.get(e.game) ?? i, i) });
  });
  return out;
}

/**
 * Every statement a finished (or partly played) log gives: one per completed game and, once the log has its
 * `session-end`, one for the scan. The server builds these from its own copy for a pilot's LRS.
 */
export function statementsFromLog(ctx: ScanContext, events: readonly LogEvent[], domains: readonly DomainScore[] | null, at: Date): XapiStatement[] {
  const games = completedGames(events);
  const out = games.map((g) => gameCompletedStatement(ctx, { id: g.game, domains: GAMES[g.game]?.domains ?? [], durationMs: g.durationMs }, domains, at));
  if (events.at(-1)?.type === 'session-end') {
    const scan = {
      gamesCompleted: games.length,
      gamesInBattery: BATTERIES[ctx.battery]?.games.length ?? games.length,
      durationMs: playedMs(events, 0, events.length - 1),
    };
    out.push(scanCompletedStatement(ctx, scan, at));
  }
  return out;
}
