/**
 * Whether a witnessed log deserves a credential (architecture invariant 5). The server calls `assessWitnessed` with
 * its own copy of a certified session — the events it stored, the batches with their receive times and chain hashes,
 * the seeds it handed out — after its schema and plausibility validation of the raw log (src/server/log-validation.ts),
 * and before it scores and signs. Pure and deterministic for a record and `now`; runs in Node and in the browser.
 *
 * The verdict: `ok` only when no refusal; each refusal has a stable code and a message for the candidate's screen;
 * plausibility signals come back as flags with their rule and policy (refuse or mark); `assurance` is what the
 * credential states about how the result was obtained.
 */
import { completenessRefusals } from './completeness.ts';
import { plausibilityFlags } from './plausibility.ts';
import type { Assurance, IntegrityFlag, Refusal, WitnessRecord } from './record.ts';
import { chainRefusals, offlineGaps, pageClockRefusals, receiptRefusals, seedRefusals, sessionRefusals } from './witness-checks.ts';

export type { Assurance, Embedding, IntegrityFlag, OfflineGap, Refusal, SeedHandout, SignalPolicy, WitnessedBatch, WitnessRecord } from './record.ts';
export type { QualityFlag } from '../runtime/game-contract.ts';

/** Bump on any change to a check, threshold or policy: the credential names the version its checks ran at. */
export const INTEGRITY_CHECKS_VERSION = '1';

/** The checks in the order they run; a check passes when it raised no refusal (the credential lists them). */
export const CHECKS = ['session', 'seeds', 'hash-chain', 'receipt-times', 'page-clocks', 'completeness', 'plausibility'] as const;
export type CheckId = (typeof CHECKS)[number];

/** Which check each refusal code belongs to (every code the checks can raise; the algorithm card lists them). */
export const REFUSAL_CHECK: Readonly<Record<string, CheckId>> = {
  'session-mismatch': 'session',
  'seed-not-handed-out': 'seeds',
  'seed-mismatch': 'seeds',
  'hash-chain-broken': 'hash-chain',
  'events-altered': 'hash-chain',
  'received-too-early': 'receipt-times',
  'page-clock-implausible': 'page-clocks',
  'games-missing': 'completeness',
  'trials-missing': 'completeness',
  'session-not-finished': 'completeness',
  anticipations: 'plausibility',
  omissions: 'plausibility',
  'rt-too-regular': 'plausibility',
  'rt-identical': 'plausibility',
  'untrusted-input': 'plausibility',
  'response-input-mismatch': 'plausibility',
  'response-end-gap': 'plausibility',
  'fast-correct': 'plausibility',
};

export interface IntegrityVerdict {
  ok: boolean;
  refusals: Refusal[];
  flags: IntegrityFlag[];
  assurance: Assurance;
  /** Games of the battery the log completed, in play order. */
  coveredGames: string[];
}

export async function assessWitnessed(record: WitnessRecord, opts: { now: number }): Promise<IntegrityVerdict> {
  const refusals: Refusal[] = [...sessionRefusals(record), ...seedRefusals(record)];
  const chain = await chainRefusals(record);
  refusals.push(...chain.refusals);
  // Times are judged only on a chain that joins: otherwise the batch of an event is unknown.
  const joined = !chain.refusals.some((r) => r.code === 'hash-chain-broken');
  if (joined) refusals.push(...receiptRefusals(record, chain.located));
  refusals.push(...pageClockRefusals(record));
  const lastReceipt = record.batches.reduce((m, b) => Math.max(m, b.receivedAt), record.serverStart);
  if (lastReceipt > opts.now + 60_000) {
    refusals.push({
      code: 'received-too-early',
      message: 'The server records a batch as received after the present moment: its receive times cannot be trusted.',
    });
  }
  const coverage = completenessRefusals(record.events, record.battery);
  refusals.push(...coverage.refusals);
  const flags = plausibilityFlags(record.events);
  for (const f of flags) if (f.policy === 'refuse') refusals.push({ code: f.code, message: f.detail });

  const failed = new Set(refusals.map((r) => REFUSAL_CHECK[r.code]));
  const gaps = joined ? offlineGaps(record, chain.located) : [];
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const assurance: Assurance = {
    mode: 'certified',
    witnessed: true,
    battery: record.battery,
    games: coverage.completed,
    proctoring: 'unproctored-online',
    sessionStart: iso(record.serverStart),
    sessionEnd: iso(lastReceipt),
    checks: {
      version: INTEGRITY_CHECKS_VERSION,
      passed: CHECKS.filter((c) => !failed.has(c)),
      marked: [...new Set(flags.filter((f) => f.policy === 'mark').map((f) => f.code))],
    },
    offline: {
      gaps: gaps.length,
      totalMs: gaps.reduce((s, g) => s + g.durationMs, 0),
      longestMs: gaps.reduce((m, g) => Math.max(m, g.durationMs), 0),
    },
  };
  return { ok: refusals.length === 0, refusals, flags, assurance, coveredGames: coverage.completed };
}
