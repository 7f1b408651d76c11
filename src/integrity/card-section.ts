/**
 * The algorithm card's section on certified sessions (docs/algorithm.md, rendered by src/scoring/algorithm-card.ts):
 * every refusal code with its check, the clock rule with its tolerances, the incomplete-battery policy, the
 * plausibility signals with thresholds and policy, and the calibration measured on simulated candidates.
 */
import { INTEGRITY_CHECKS_VERSION, REFUSAL_CHECK } from './index.ts';
import { LIMITS, SIGNALS } from './plausibility.ts';
import {
  CROSS_PAGE_TOLERANCE_MS,
  OFFLINE_LAG_MS,
  PAGE_SPAN_RATE_TOLERANCE,
  PAGE_SPAN_TOLERANCE_MS,
  RECEIPT_RATE_TOLERANCE,
  RECEIPT_TOLERANCE_MS,
} from './witness-checks.ts';

const REFUSAL_MEANING: Readonly<Record<string, string>> = {
  'session-mismatch': "the log's `session-start` names another session or battery than the server created (a replayed log)",
  'seed-not-handed-out': 'a `game-start` for a game whose seed the server never handed out (a design chosen by the browser)',
  'seed-mismatch': "a `game-start` whose seed or version differs from the server's handout (a foreign seed)",
  'hash-chain-broken':
    "the stored batches do not link: the first does not start from the session's genesis hash, a `prevHash` is not the previous batch's hash, or seqs are not contiguous",
  'events-altered': 'the links join, but the stored events of a batch no longer hash (`chainHash`) to what was acknowledged on arrival',
  'received-too-early': 'an event reached the server sooner after an anchor than the page time between them (see the clock rule)',
  'page-clock-implausible': "the pages' clocks together ran longer than the server's span from creating the session to its last batch",
  'games-missing': 'a game of the battery was not completed (see the policy below)',
  'trials-missing': 'a trial of a test block of the design was not completed (Corsi: up to its stop rule); an interrupted and re-run trial counts once',
  'session-not-finished': 'the last stored event is not `session-end`',
};

export function integritySection(): string[] {
  const out = ['## 12. Certified sessions: witness, completeness and plausibility checks', ''];
  out.push(
    `A certified session is witnessed by the server (architecture invariant 5). Before it scores and signs, the issuer runs \`assessWitnessed\` (\`src/integrity/\`, checks version **${INTEGRITY_CHECKS_VERSION}**) on its own copy: the events it stored, the batches with their receive times and chain hashes, and the seeds it handed out. A credential is issued only when no check refuses; every refusal has a stable code and a message, and the credential's assurance lists the checks passed and the signals marked. Practice sessions never leave the device and never yield a credential.`,
    '',
    '| Refusal code | Check | Refused when |',
    '|---|---|---|',
  );
  for (const [code, check] of Object.entries(REFUSAL_CHECK)) {
    const meaning = REFUSAL_MEANING[code] ?? `plausibility signal: ${SIGNALS.find((s) => s.code === code)?.rule ?? ''} (policy below)`;
    out.push(`| \`${code}\` | ${check} | ${meaning} |`);
  }
  out.push(
    '',
    "**The clock rule.** A device's wall clock (`timeOrigin`) can be off by minutes or hours, so no check relies on it where a duration will do. The server knows when it created the session and when it handed out each game's seed; the page logs `session-start` after the first and `game-start` after the second. These are anchors. An event *d* ms of page time after an anchor on the same page cannot reach the server less than *d* ms after the anchor's server time: " +
      `refused when it arrives earlier by more than ${RECEIPT_TOLERANCE_MS} ms + ${RECEIPT_RATE_TOLERANCE * 100} % of *d* (timer rounding, batching, clock-rate differences). ` +
      `On a page without its own anchor (a reload mid-game) the device clock carries the tightest anchor of the other pages over, with ${CROSS_PAGE_TOLERANCE_MS / 1000} s allowance (the wall clock may have been corrected between page loads). ` +
      `Separately, the pages' clocks together may run at most ${PAGE_SPAN_RATE_TOLERANCE * 100} % + ${PAGE_SPAN_TOLERANCE_MS / 1000} s longer than the server's span from creating the session to the last batch (a 20-minute battery received in 2 minutes). A page clock that stops while the device sleeps only weakens these bounds; it never causes a refusal.`,
    '',
    `**Offline gaps.** The recorder uploads each batch within about 100 ms. Per page, the offset between device and server clocks is estimated from the batch that arrived soonest after its events; a batch whose first event then waited more than ${OFFLINE_LAG_MS / 1000} s was queued offline, and consecutive queued batches form one gap. Gaps are allowed (every event in them is checked like the rest) and stated in the credential.`,
    '',
    '**Incomplete battery: no credential.** The battery, and with it the games a credential covers, is fixed when the session is created, before any game is played. A credential for whichever games happened to be finished would let a candidate drop the game that went badly; a verifier could not tell. A candidate who wants fewer games chooses a shorter battery (`short`, or one game alone) at the start, and the credential names exactly its games.',
    '',
    '**Plausibility signals** (test blocks only). Policy *refuse*: no credential. Policy *mark*: the credential is issued and its assurance names the signal. Nothing is dropped silently.',
    '',
    '| Signal | Rule | Policy |',
    '|---|---|---|',
  );
  for (const s of SIGNALS) out.push(`| \`${s.code}\` | ${s.rule.replace(/\|/g, '\\|')} | ${s.policy} |`);
  out.push(
    '',
    `The answer-to-input check uses each game's own reading of an input (key or stage position) as the scene does; Corsi (a board position or a cursor) is not read back. The response-to-trial-end gap applies to the games that end a trial in the handler of the answer. Fast guesses are two-choice answers under ${LIMITS.fastGuessMs} ms.`,
    '',
    "**Calibration** (measured with `npm run integrity:calibrate -- 300`, 2026-12-02): 300 simulated standard-battery sessions — the games' own simulated participants with abilities drawn from N(0, 1) per domain, device clocks off by up to ±10 minutes, one in four with an offline stretch (all 75 found as gaps): **0 refused, 0 marked** (false-refusal rate 0 of 300; with no event in 300 the 95 % upper bound is 1 %). Lowest coefficient of variation of any game's RTs: 0.130 (flanker); highest share of identical RTs: 9.1 % (corsi: 2 of 22 first-tap times); highest anticipation share 1.7 %; highest omission share 3.4 %; pooled skewness 0.39–1.62. Every attack of `npm run attack:issuer -- --in-process` is refused with its own code. Simulated players are not people: real plays will show wider distributions, so the thresholds keep a margin below the simulated minimum and the mark level sits between.",
    '',
    "**Limits.** The session is unproctored: the checks show that a log was played live, in full, with human-like timing on the handed-out design — not who played it. A modified browser that plays consistently (keys, times and trial ends agreeing) is a bot, and only the statistical signals can catch it. Automated test plays at a faster game clock (`page-start.timeScale`) are refused by the issuer's log validation before these checks.",
    '',
  );
  return out;
}
