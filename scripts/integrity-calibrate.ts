/**
 * Calibration of the integrity checks on the games' own simulated participants: N standard-battery sessions of
 * candidates with abilities drawn from N(0, 1) per domain, device clocks off by up to ±10 minutes, one in four with
 * an offline stretch, witnessed as the server would. Prints the false-refusal and mark rates per code and the
 * distribution of every plausibility measure, so the thresholds in src/integrity/plausibility.ts can be checked
 * against what honest plays produce. Usage: npm run integrity:calibrate [-- N]
 */
import { createRng } from '../src/lib/rng.ts';
import { assessWitnessed } from '../src/integrity/index.ts';
import { plausibilityAssessment } from '../src/integrity/plausibility.ts';
import { simulatedWitnessedRecord } from '../src/integrity/simulated-record.ts';

const n = Number(process.argv[2] ?? 300);
const rng = createRng(20261202);
const refused = new Map<string, number>();
const marked = new Map<string, number>();
const values = new Map<string, number[]>();
const put = (k: string, v: number | undefined) => {
  if (v !== undefined && Number.isFinite(v)) values.set(k, [...(values.get(k) ?? []), v]);
};
let sessionsRefused = 0;
let sessionsMarked = 0;
let withGaps = 0;
for (let i = 0; i < n; i++) {
  const record = await simulatedWitnessedRecord({
    seed: 1000 + i,
    clockSkewMs: Math.round(rng.uniform(-600_000, 600_000)),
    ...(i % 4 === 3 ? { offline: { fromBatch: 50 + (i % 100), batches: 20, durationMs: 60_000 + (i % 7) * 30_000 } } : {}),
  });
  const v = await assessWitnessed(record, { now: record.serverStart + 86_400_000 });
  if (!v.ok) sessionsRefused++;
  if (v.flags.some((f) => f.policy === 'mark')) sessionsMarked++;
  if (v.assurance.offline.gaps > 0) withGaps++;
  for (const code of new Set(v.refusals.map((r) => r.code))) refused.set(code, (refused.get(code) ?? 0) + 1);
  for (const code of new Set(v.flags.filter((f) => f.policy === 'mark').map((f) => f.code))) marked.set(code, (marked.get(code) ?? 0) + 1);
  const m = plausibilityAssessment(record.events).measures;
  put('anticipation share', m.anticipationShare);
  put('omission share', m.omissionShare);
  put('skewness (pooled)', m.skewness);
  put('median response→trial-end gap (ms)', m.medianEndGapMs);
  put('fast two-choice answers (n)', m.fastGuesses.n);
  for (const g of m.games) {
    put(`CV ${g.game}`, g.cv);
    put(`identical share ${g.game}`, g.identicalShare);
  }
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))]!;
};
const f = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3));
console.log(`Simulated honest sessions: ${n} (standard battery, abilities ~ N(0,1), clock skew ±10 min, ${withGaps} with an offline gap found)`);
console.log(
  `Refused: ${sessionsRefused} (${((100 * sessionsRefused) / n).toFixed(1)} %)   marked: ${sessionsMarked} (${((100 * sessionsMarked) / n).toFixed(1)} %)`,
);
for (const [code, k] of refused) console.log(`  refused by ${code}: ${k}`);
for (const [code, k] of marked) console.log(`  marked ${code}: ${k}`);
console.log('\nmeasure | min | p1 | median | p99 | max');
for (const [k, xs] of values) console.log(`${k} | ${f(Math.min(...xs))} | ${f(q(xs, 0.01))} | ${f(q(xs, 0.5))} | ${f(q(xs, 0.99))} | ${f(Math.max(...xs))}`);
