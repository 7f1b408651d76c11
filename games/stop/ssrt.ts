/**
 * Stop-signal reaction time by the integration method with replacement of go omissions (Verbruggen et al. 2019, eLife
 * 8:e46323, recommendation 7; the method the SRO published SSRTs use). Pure: the game's scorer and the external
 * validation against the SRO data (ssrt.sro.test.ts) call this one function.
 */
import { mean, quantileType6 } from '../../src/lib/stats.ts';

export type SsrtResult =
  | {
      ok: true;
      /** nthRT − mean SSD (ms). */
      ssrt: number;
      /** The p(respond|signal) quantile (type 6) of the go RTs with omissions replaced. */
      nthRt: number;
      pRespond: number;
      meanSsd: number;
      /** The largest go RT: the value every omitted go RT was replaced by. */
      maxGoRt: number;
      replacedOmissions: number;
    }
  | { ok: false; reason: string };

/**
 * @param goRts one entry per go trial: its RT in ms (choice errors included), or null when the go trial had no response.
 * @param stopResponded one entry per stop trial: whether any response was made (a failed stop).
 * @param ssds one entry per stop trial, the same order: its stop-signal delay in ms.
 *
 * Rule: replace every omitted go RT by the largest go RT; p = share of stop trials with a response; nthRT = the
 * p-quantile of those go RTs by quantile type 6 (position (n + 1)·p, linear interpolation, clamped to the ends);
 * SSRT = nthRT − mean SSD. Not computable (instead of a wrong number) when there are no go trials, no go response at
 * all, no stop trials, or p is 0 or 1: at p = 0 or 1 the quantile is clamped to the fastest or slowest go RT, and the
 * SSRT that comes out says nothing about the stopping latency.
 */
export function ssrtIntegration(goRts: readonly (number | null)[], stopResponded: readonly boolean[], ssds: readonly number[]): SsrtResult {
  if (stopResponded.length !== ssds.length) {
    throw new Error(`ssrtIntegration: ${stopResponded.length} stop outcomes but ${ssds.length} SSDs`);
  }
  if (goRts.length === 0) return { ok: false, reason: 'no go trials' };
  const answered = goRts.filter((rt): rt is number => rt !== null);
  if (answered.length === 0) return { ok: false, reason: 'no go trial was answered: the go RT distribution is unknown' };
  if (stopResponded.length === 0) return { ok: false, reason: 'no stop trials' };
  const failed = stopResponded.filter(Boolean).length;
  const pRespond = failed / stopResponded.length;
  if (failed === 0) return { ok: false, reason: 'no stop trial was answered (p(respond|signal) = 0): the SSD never reached the stopping limit' };
  if (failed === stopResponded.length) return { ok: false, reason: 'every stop trial was answered (p(respond|signal) = 1): the candidate never stopped' };

  const maxGoRt = Math.max(...answered);
  const replaced = goRts.map((rt) => rt ?? maxGoRt);
  const nthRt = quantileType6(replaced, pRespond);
  const meanSsd = mean([...ssds]);
  return { ok: true, ssrt: nthRt - meanSsd, nthRt, pRespond, meanSsd, maxGoRt, replacedOmissions: goRts.length - answered.length };
}
