import type { LogEvent } from '../../src/log/events.ts';
import { pairTrials, type TrialRecord } from '../../src/log/trials.ts';
import type { GameScore, MetricDefinition, MetricValue, QualityFlag } from '../../src/runtime/game-contract.ts';
import { mean, round, sd } from '../../src/lib/stats.ts';
import { STOP_ID, type StopDesign, type StopTrial } from './design.ts';
import { ssrtIntegration } from './ssrt.ts';
import { prescribedSsds, SSD_MAX_MS, SSD_MIN_MS, SSD_START_MS, SSD_STEP_MS } from './staircase.ts';
import { answerInWindow, PLAY_FLAG_CODES, playFlags } from '../kit/scoring.ts';

export const STOP_SCORER_VERSION = '1.1.0';

/** Fewer correct go RTs than this and go RT mean and SD are not computable. */
export const MIN_GO_RTS = 5;
/** Fewer completed test stop trials than this and SSRT is not computable: p(respond|signal) would move in steps of 10 % or more. */
export const MIN_STOP_TRIALS = 10;
/** p(respond|signal) outside this range: the staircase did not converge and SSRT is unreliable (Verbruggen et al. 2019). */
export const P_RESPOND_RANGE = { min: 0.25, max: 0.75 } as const;
/**
 * Go omission rate above this is flagged. Omissions are replaced by the maximum go RT, which corrects their bias only
 * for a modest rate; many omissions also mean the candidate waited for the signal or disengaged. 20 % is our limit
 * (of the 80 SRO reference sessions of online adults, one exceeds it).
 */
export const GO_OMISSION_LIMIT = 0.2;

/** Every flag code the scorer raises (its flags are typed against this list; the manifest carries it). */
export const STOP_FLAG_CODES = [
  'ssd-mismatch',
  'missing-onset',
  'ssrt.race-violation',
  'ssrt.p-respond-out-of-range',
  'ssrt.many-go-omissions',
  ...PLAY_FLAG_CODES,
] as const;
type StopFlagCode = (typeof STOP_FLAG_CODES)[number];

const ssdRule = `The SSD of a stop trial is the realised one: stop-signal onset − arrow onset, both stamped at the frame that first showed them; when the candidate answered before the signal was due (so it never appeared) it is the nominal SSD the staircase prescribed (logged as the stimulus parameter ssd; start ${SSD_START_MS} ms, ${SSD_STEP_MS} ms up after a stop trial without response and down after one with a response, kept within ${SSD_MIN_MS}–${SSD_MAX_MS} ms). Realised, because the race the model describes starts when the signal is seen; a nominal delay misstates it by up to a frame, and by more whenever a frame is dropped.`;

export const STOP_METRICS: MetricDefinition[] = [
  {
    id: 'ssrt',
    unit: 'ms',
    direction: 'lower-is-better',
    definition: `Stop-signal reaction time by the integration method with replacement of go omissions (Verbruggen et al. 2019): over all test go trials, choice errors included, replace the RT of each go trial without a response by the largest go RT; p = p(respond|signal); nthRT = the p-quantile of those go RTs by quantile type 6 ((n + 1)·p, linear interpolation); SSRT = nthRT − mean SSD of the test stop trials. ${ssdRule} Not computable with fewer than ${MIN_STOP_TRIALS} test stop trials, with no answered go trial, or when p is 0 or 1.`,
  },
  {
    id: 'go_rt.mean',
    unit: 'ms',
    direction: 'lower-is-better',
    definition: `Mean RT of test go trials answered in the arrow's direction (RT = input event.timeStamp − arrow onset; first response of the trial). Not computable below ${MIN_GO_RTS} such trials.`,
  },
  {
    id: 'go_rt.sd',
    unit: 'ms',
    direction: 'lower-is-better',
    definition: `Sample SD (n − 1) of the same RTs as go_rt.mean: intra-individual variability.`,
  },
  {
    id: 'go_omission_rate',
    unit: 'proportion',
    direction: 'lower-is-better',
    definition: `Test go trials without a response within the response window, divided by all completed test go trials. Above ${GO_OMISSION_LIMIT} it is flagged (ssrt.many-go-omissions).`,
  },
  {
    id: 'choice_error_rate',
    unit: 'proportion',
    direction: 'lower-is-better',
    definition: `Test go trials whose first response was the direction opposite to the arrow, divided by the test go trials with a response (omissions are counted in go_omission_rate, not here).`,
  },
  {
    id: 'p_respond_signal',
    unit: 'proportion',
    direction: 'neither',
    definition: `Test stop trials with any response (either direction) within the response window, divided by all completed test stop trials. The staircase aims at 0.5; outside ${P_RESPOND_RANGE.min}–${P_RESPOND_RANGE.max} it is flagged (ssrt.p-respond-out-of-range).`,
  },
  {
    id: 'mean_ssd',
    unit: 'ms',
    direction: 'neither',
    definition: `Mean stop-signal delay of the test stop trials, the same SSDs as in the SSRT. ${ssdRule}`,
  },
  {
    id: 'signal_respond_rt.mean',
    unit: 'ms',
    direction: 'neither',
    definition: `Mean RT of the test stop trials with a response (failed stops), RT from arrow onset. Under the race model it is shorter than the mean RT of answered go trials; when it is not, ssrt.race-violation is flagged.`,
  },
];

/** One completed trial, read by the rules above. Exported for the scene's practice feedback and for tests. */
export interface StopOutcome {
  stop: boolean;
  responded: boolean;
  /** ms from arrow onset of the first response; null without response (or without an arrow onset). */
  rt: number | null;
  /** Go: answered in the arrow's direction. Stop: no response at all (a successful stop). */
  correct: boolean;
  choiceError: boolean;
  /** Stop trials: the SSD the scene logged (params.ssd); null when it logged none. */
  nominalSsd: number | null;
  /** Stop trials: stop-signal onset − arrow onset; null when the signal never appeared. */
  realisedSsd: number | null;
}

export function outcomeOf(trial: TrialRecord, spec: StopTrial): StopOutcome {
  const first = answerInWindow(trial, spec.windowMs);
  const responded = first !== undefined;
  const rt = first?.rt ?? null;
  const target = trial.onsets['target'];
  const signal = trial.onsets['stop-signal'];
  const logged = trial.params['ssd'];
  const choiceError = !spec.stop && responded && first.value !== spec.direction;
  return {
    stop: spec.stop,
    responded,
    rt,
    correct: spec.stop ? !responded : responded && !choiceError,
    choiceError,
    nominalSsd: spec.stop && typeof logged === 'number' ? logged : null,
    realisedSsd: spec.stop && target !== undefined && signal !== undefined ? signal - target : null,
  };
}

/** `(design, events) → metrics` for Stop. Pure and deterministic; every rule is in STOP_METRICS. */
export function scoreStop(design: StopDesign, events: readonly LogEvent[]): GameScore {
  const all = pairTrials(events, STOP_ID);
  const metrics: Record<string, MetricValue> = {};
  const flags: QualityFlag<StopFlagCode>[] = [];

  // The staircase replayed from the log: the SSD each stop trial should have had (practice included, as played).
  const prescribed = new Map(prescribedSsds(design, all).map(({ trial, ssd }) => [trial, ssd]));
  const mismatches = [...prescribed].filter(([t, ssd]) => {
    const logged = t.params['ssd'];
    return typeof logged === 'number' && logged !== ssd;
  }).length;
  if (mismatches > 0) {
    flags.push({
      code: 'ssd-mismatch',
      detail: `${mismatches} stop trial(s) logged a stop-signal delay other than the staircase replayed from the log prescribes.`,
      values: { count: mismatches },
    });
  }

  const test = all.filter((t) => t.kind === 'test' && design.blocks[t.block]?.trials[t.trial] !== undefined);
  const withOnset = test.filter((t) => t.onsets['target'] !== undefined);
  if (withOnset.length < test.length) {
    flags.push({
      code: 'missing-onset',
      detail: `${test.length - withOnset.length} test trial(s) have no arrow onset in the log and are left out.`,
      values: { count: test.length - withOnset.length },
    });
  }
  const outcomes = withOnset.map((t) => {
    const o = outcomeOf(t, design.blocks[t.block]?.trials[t.trial] as StopTrial);
    const nominal = o.nominalSsd ?? prescribed.get(t) ?? null;
    return { ...o, ssd: o.realisedSsd ?? nominal };
  });
  const go = outcomes.filter((o) => !o.stop);
  const stop = outcomes.filter((o) => o.stop);
  const answeredGo = go.filter((o) => o.responded && o.rt !== null);
  const correctGoRts = go.filter((o) => o.correct && o.rt !== null).map((o) => o.rt as number);
  const signalRespondRts = stop.filter((o) => o.responded && o.rt !== null).map((o) => o.rt as number);
  const ssds = stop.map((o) => o.ssd).filter((s): s is number => s !== null);

  const noGo = { value: null, reason: 'no completed test go trials' } as const;
  const noStop = { value: null, reason: 'no completed test stop trials' } as const;
  const fewGo = { value: null, reason: `fewer than ${MIN_GO_RTS} correct go responses (${correctGoRts.length})` } as const;
  const goSd = sd(correctGoRts);

  if (stop.length < MIN_STOP_TRIALS) {
    metrics['ssrt'] = { value: null, reason: `fewer than ${MIN_STOP_TRIALS} completed test stop trials (${stop.length})` };
  } else if (ssds.length < stop.length) {
    metrics['ssrt'] = { value: null, reason: `${stop.length - ssds.length} stop trial(s) without a known stop-signal delay` };
  } else {
    const r = ssrtIntegration(
      go.map((o) => (o.responded ? o.rt : null)),
      stop.map((o) => o.responded),
      ssds,
    );
    metrics['ssrt'] = r.ok ? { value: round(r.ssrt) } : { value: null, reason: r.reason };
  }
  metrics['go_rt.mean'] = correctGoRts.length >= MIN_GO_RTS ? { value: round(mean(correctGoRts)) } : fewGo;
  metrics['go_rt.sd'] = correctGoRts.length >= MIN_GO_RTS && goSd !== null ? { value: round(goSd) } : fewGo;
  const omissionRate = go.length > 0 ? (go.length - go.filter((o) => o.responded).length) / go.length : null;
  metrics['go_omission_rate'] = omissionRate === null ? noGo : { value: round(omissionRate, 4) };
  metrics['choice_error_rate'] =
    go.length === 0
      ? noGo
      : answeredGo.length === 0
        ? { value: null, reason: 'no test go trial was answered' }
        : { value: round(answeredGo.filter((o) => o.choiceError).length / answeredGo.length, 4) };
  const pRespond = stop.length > 0 ? stop.filter((o) => o.responded).length / stop.length : null;
  metrics['p_respond_signal'] = pRespond === null ? noStop : { value: round(pRespond, 4) };
  metrics['mean_ssd'] =
    stop.length === 0
      ? noStop
      : ssds.length === stop.length
        ? { value: round(mean(ssds)) }
        : { value: null, reason: 'a stop trial without a known stop-signal delay' };
  metrics['signal_respond_rt.mean'] =
    signalRespondRts.length > 0 ? { value: round(mean(signalRespondRts)) } : { value: null, reason: 'no test stop trial was answered' };

  // Validity of the SSRT (Verbruggen et al. 2019): the estimate rests on the independent race model and a converged staircase.
  if (signalRespondRts.length > 0 && answeredGo.length > 0) {
    const sr = mean(signalRespondRts);
    const goAll = mean(answeredGo.map((o) => o.rt as number));
    if (sr >= goAll) {
      flags.push({
        code: 'ssrt.race-violation',
        detail: `Mean RT of answered stop trials (${round(sr, 1)} ms) is not below that of answered go trials (${round(goAll, 1)} ms): the race model behind SSRT does not hold here, so SSRT should not be interpreted.`,
      });
    }
  }
  if (pRespond !== null && (pRespond < P_RESPOND_RANGE.min || pRespond > P_RESPOND_RANGE.max)) {
    flags.push({
      code: 'ssrt.p-respond-out-of-range',
      detail: `p(respond|signal) = ${round(pRespond, 3)}, outside ${P_RESPOND_RANGE.min}–${P_RESPOND_RANGE.max}: the stop-signal delay did not settle where SSRT is reliable.`,
    });
  }
  if (omissionRate !== null && omissionRate > GO_OMISSION_LIMIT) {
    flags.push({
      code: 'ssrt.many-go-omissions',
      detail: `${round(omissionRate * 100, 1)} % of go trials had no response (limit ${GO_OMISSION_LIMIT * 100} %): the candidate may have waited for the stop signal, which biases SSRT.`,
      values: { percent: round(omissionRate * 100, 1) },
    });
  }

  flags.push(...playFlags(events, STOP_ID, design, 'the arrow was shown'));

  return { game: STOP_ID, gameVersion: design.version, scorerVersion: STOP_SCORER_VERSION, metrics, flags, trials: withOnset.length };
}
