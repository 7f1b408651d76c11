import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/log/events.ts';
import { pairTrials } from '../../src/log/trials.ts';
import { SimLog } from '../../src/log/sim-log.ts';
import { FIXATION_MS, RESPONSE_WINDOW_MS, stopDesign, STOP_VERSION, type StopDesign, type StopTrial } from './design.ts';
import { stopPracticePassed } from './index.ts';
import { GO_OMISSION_LIMIT, scoreStop } from './score.ts';
import { simulateStop, TYPICAL_PARTICIPANT, type StopParticipant } from './simulate.ts';
import { nextSsd, SSD_START_MS } from './staircase.ts';

/** A go trial: RT (ms), 'omit', or a wrong-direction RT. A stop trial: 'withheld' or the RT of the failed stop. */
type Answer =
  | { go: number | 'omit'; wrong?: boolean }
  | {
      stop: number | 'withheld' /** realised − nominal SSD (a late frame) */;
      lateMs?: number /** log this SSD instead of the staircase's */;
      loggedSsd?: number;
    };

/**
 * One test block with exactly these trials, arrows all pointing left, played into a log: the arrow at 500 ms, the
 * stop signal at arrow + SSD (+ lateMs) unless the response came first, the SSD following the staircase.
 */
function fixture(answers: Answer[]): { design: StopDesign; events: LogEvent[] } {
  const trials: StopTrial[] = answers.map((a) => ({ direction: 'left', stop: 'stop' in a, fixationMs: FIXATION_MS, windowMs: RESPONSE_WINDOW_MS }));
  const design: StopDesign = { game: 'stop', version: STOP_VERSION, seed: 1, blocks: [{ kind: 'test', instruction: 'stop.test', demo: 'stop', trials }] };
  const log = new SimLog('stop');
  log.gameStart(design.version, design.seed);
  log.blockStart(0, 'test');
  let ssd = SSD_START_MS;
  answers.forEach((a, i) => {
    const at = FIXATION_MS;
    if ('go' in a) {
      const target = [{ name: 'target', at }];
      if (a.go === 'omit') log.trial(0, i, { stimuli: target, responses: [], endAt: at + RESPONSE_WINDOW_MS, reason: 'timeout' });
      else log.trial(0, i, { stimuli: target, responses: [{ at: at + a.go, value: a.wrong ? 'right' : 'left' }], endAt: at + a.go, reason: 'response' });
      return;
    }
    const logged = a.loggedSsd ?? ssd;
    const realised = logged + (a.lateMs ?? 0);
    const stimuli: { name: string; at: number; params: Record<string, number> }[] = [{ name: 'target', at, params: { ssd: logged } }];
    if (a.stop === 'withheld' || a.stop >= realised) stimuli.push({ name: 'stop-signal', at: at + realised, params: { ssd: logged } });
    if (a.stop === 'withheld') log.trial(0, i, { stimuli, responses: [], endAt: at + RESPONSE_WINDOW_MS, reason: 'timeout' });
    else log.trial(0, i, { stimuli, responses: [{ at: at + a.stop, value: 'left' }], endAt: at + a.stop, reason: 'response' });
    ssd = nextSsd(ssd, a.stop !== 'withheld');
  });
  log.blockEnd(0);
  log.gameEnd();
  return { design, events: log.events };
}

const go = (rt: number | 'omit', wrong = false): Answer => ({ go: rt, wrong });
/** Ten stop trials alternating withheld / failed: the staircase alternates 250 → 300 → 250 …; withheld ones are shown 10 ms late. */
function alternatingStops(failedRts: number[]): Answer[] {
  return failedRts.flatMap((rt): Answer[] => [{ stop: 'withheld', lateMs: 10 }, { stop: rt }]);
}

describe('Stop scorer, hand-computed fixtures', () => {
  // Go: correct 400 450 500 550 600 650 700, one wrong-direction 480, two omissions.
  const goAnswers = [go(400), go(450), go(500), go(550), go(600), go(650), go(700), go(480, true), go('omit'), go('omit')];
  // Stop: withheld at nominal 250 (shown at 260: a late frame) ×5; failed at nominal 300 with RTs 420 380 460 280 440.
  // The 280 ms response came before the signal was due (300 ms): the signal never showed, so its nominal SSD is used.
  const stopAnswers = alternatingStops([420, 380, 460, 280, 440]);

  it('computes SSRT with omission replacement and realised SSDs, and every other metric', () => {
    const { design, events } = fixture([...goAnswers, ...stopAnswers]);
    const s = scoreStop(design, events);
    // SSDs: 5 × 260 (realised) + 4 × 300 (realised = nominal) + 1 × 300 (nominal, no signal) → mean 2800 / 10 = 280.
    expect(s.metrics['mean_ssd']).toEqual({ value: 280 });
    // Go RTs incl. the error, omissions → max 700: 400 450 480 500 550 600 650 700 700 700; p = 5/10 → position 5.5
    // → 550 + 0.5·(600 − 550) = 575 → SSRT = 575 − 280 = 295.
    expect(s.metrics['ssrt']).toEqual({ value: 295 });
    expect(s.metrics['p_respond_signal']).toEqual({ value: 0.5 });
    // Correct go RTs 400..700 step 50: mean 550, SD sqrt(70000 / 6) = 108.012.
    expect(s.metrics['go_rt.mean']).toEqual({ value: 550 });
    expect(s.metrics['go_rt.sd']).toEqual({ value: 108.012 });
    expect(s.metrics['go_omission_rate']).toEqual({ value: 0.2 }); // 2 of 10
    expect(s.metrics['choice_error_rate']).toEqual({ value: 0.125 }); // 1 of the 8 answered
    expect(s.metrics['signal_respond_rt.mean']).toEqual({ value: 396 }); // (420 + 380 + 460 + 280 + 440) / 5
    // 20 % omissions is at the limit, not above it; SR RT 396 < go RT 541.25; p = 0.5: no validity flag.
    expect(GO_OMISSION_LIMIT).toBe(0.2);
    expect(s.flags).toEqual([]);
    expect(s.trials).toBe(20);
  });

  it('uses the realised SSD, not the nominal one: a late signal lengthens the SSD and shortens the SSRT', () => {
    const { design, events } = fixture([...goAnswers, ...stopAnswers.map((a) => ('stop' in a ? { ...a, lateMs: 0 } : a))]);
    const onTime = scoreStop(design, events);
    expect(onTime.metrics['mean_ssd']).toEqual({ value: 275 }); // the nominal SSDs: 5 × 250 + 5 × 300
    expect(onTime.metrics['ssrt']).toEqual({ value: 300 });
  });

  it('without go omissions: the go RTs are used as they are', () => {
    const { design, events } = fixture([...goAnswers.slice(0, 8), ...stopAnswers]);
    const s = scoreStop(design, events);
    // 400 450 480 500 550 600 650 700; position 4.5 → 500 + 0.5·50 = 525 → SSRT = 525 − 280 = 245.
    expect(s.metrics['ssrt']).toEqual({ value: 245 });
    expect(s.metrics['go_omission_rate']).toEqual({ value: 0 });
  });

  it('no stop trial answered: SSRT is not computable and p(respond|signal) is flagged', () => {
    const { design, events } = fixture([...goAnswers, ...Array.from({ length: 10 }, (): Answer => ({ stop: 'withheld' }))]);
    const s = scoreStop(design, events);
    expect(s.metrics['ssrt']).toEqual({ value: null, reason: expect.stringContaining('p(respond|signal) = 0') });
    expect(s.metrics['p_respond_signal']).toEqual({ value: 0 });
    expect(s.metrics['signal_respond_rt.mean']).toEqual({ value: null, reason: 'no test stop trial was answered' });
    // The staircase climbed 250, 300, …, 700: mean 475.
    expect(s.metrics['mean_ssd']).toEqual({ value: 475 });
    expect(s.flags.map((f) => f.code)).toEqual(['ssrt.p-respond-out-of-range']);
  });

  it('every stop trial answered: SSRT is not computable and p(respond|signal) is flagged', () => {
    const { design, events } = fixture([...goAnswers, ...Array.from({ length: 10 }, (): Answer => ({ stop: 450 }))]);
    const s = scoreStop(design, events);
    expect(s.metrics['ssrt']).toEqual({ value: null, reason: expect.stringContaining('p(respond|signal) = 1') });
    expect(s.metrics['p_respond_signal']).toEqual({ value: 1 });
    // The staircase fell 250, 200, …, 0, 0, 0, 0, 0: mean (250 + 200 + 150 + 100 + 50) / 10 = 75.
    expect(s.metrics['mean_ssd']).toEqual({ value: 75 });
    expect(s.flags.map((f) => f.code)).toContain('ssrt.p-respond-out-of-range');
  });

  it('every go trial omitted: SSRT and go RT are not computable, omissions are flagged', () => {
    const { design, events } = fixture([...Array.from({ length: 10 }, () => go('omit')), ...stopAnswers]);
    const s = scoreStop(design, events);
    expect(s.metrics['ssrt']).toEqual({ value: null, reason: expect.stringContaining('no go trial was answered') });
    expect(s.metrics['go_rt.mean']).toEqual({ value: null, reason: 'fewer than 5 correct go responses (0)' });
    expect(s.metrics['go_rt.sd']?.value).toBeNull();
    expect(s.metrics['go_omission_rate']).toEqual({ value: 1 });
    expect(s.metrics['choice_error_rate']).toEqual({ value: null, reason: 'no test go trial was answered' });
    expect(s.flags.map((f) => f.code)).toContain('ssrt.many-go-omissions');
  });

  it('too few stop trials: SSRT is not computable', () => {
    const { design, events } = fixture([...goAnswers, ...alternatingStops([420, 380, 460, 400])]);
    expect(scoreStop(design, events).metrics['ssrt']).toEqual({ value: null, reason: 'fewer than 10 completed test stop trials (8)' });
  });

  it('flags a race-model violation when failed stops are not faster than go responses', () => {
    const { design, events } = fixture([...goAnswers, ...alternatingStops([600, 620, 640, 580, 560])]);
    const s = scoreStop(design, events);
    expect(s.flags.map((f) => f.code)).toEqual(['ssrt.race-violation']); // 600 ≥ 541.25
    expect(s.metrics['ssrt']?.value).not.toBeNull();
  });

  it('flags a logged SSD that the staircase replayed from the log would not have given', () => {
    const answers = [...goAnswers, ...stopAnswers];
    answers[10] = { stop: 'withheld', loggedSsd: 400 };
    const { design, events } = fixture(answers);
    expect(scoreStop(design, events).flags.map((f) => f.code)).toContain('ssd-mismatch');
  });

  it('after an interrupted stop trial, the re-run keeps the SSD the staircase prescribes (resume from the log)', () => {
    const design = stopDesign(9);
    const events = simulateStop(design, TYPICAL_PARTICIPANT, 9);
    // Interrupt the first test stop trial once: its first run is cut off after the arrow, then it runs again.
    const first = design.blocks[2]?.trials.findIndex((t) => t.stop) ?? -1;
    const at = events.findIndex((e) => e.type === 'trial-start' && e.block === 2 && e.trial === first);
    const target = events.slice(at).find((e) => e.type === 'stimulus' && e.name === 'target');
    if (at < 0 || target?.type !== 'stimulus') throw new Error('fixture: no stop trial');
    const ref = { game: 'stop', block: 2, trial: first };
    const cut: LogEvent[] = [
      { type: 'trial-start', seq: 0, page: 0, t: 0, ...ref },
      { ...target, seq: 0, t: 500 },
      { type: 'trial-end', seq: 0, page: 0, t: 900, reason: 'interrupted', ...ref },
      { type: 'interruption', seq: 0, page: 0, t: 900, reason: 'hidden' },
    ];
    const resumed = [...events.slice(0, at), ...cut, ...events.slice(at)];
    const s = scoreStop(design, resumed);
    expect(s.flags.map((f) => f.code)).toContain('interrupted');
    expect(s.flags.map((f) => f.code)).not.toContain('ssd-mismatch');
    expect(s.metrics).toEqual(scoreStop(design, events).metrics);
  });

  it('reports an empty run as not computable throughout', () => {
    const { design, events } = fixture([]);
    const s = scoreStop(design, events);
    for (const m of Object.values(s.metrics)) expect(m.value).toBeNull();
    expect(s.trials).toBe(0);
  });
});

describe('Stop simulated participant', () => {
  /** The real generator's test blocks repeated, so that sampling error is small. */
  function longDesign(seed: number, times: number): StopDesign {
    const base = stopDesign(seed);
    return { ...base, blocks: Array.from({ length: times }, () => base.blocks.filter((b) => b.kind === 'test')).flat() };
  }

  /** SSRT estimate − true mean stopping latency, per simulated candidate. */
  function errors(p: StopParticipant, candidates: number, designOf: (k: number) => StopDesign): number[] {
    return Array.from({ length: candidates }, (_, k) => {
      const design = designOf(k);
      const s = scoreStop(design, simulateStop(design, p, 200 + k));
      return (s.metrics['ssrt']?.value as number) - p.ssrt.mean;
    });
  }
  const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  // The integration method runs a few ms low when the SSD varies (p(respond) is averaged over SSDs on the concave
  // part of the go RT distribution; simulations here give about −7 ms), so the tolerances below allow for that bias.
  it('recovers the known stopping latency within 15 ms in long runs', () => {
    const e = errors(TYPICAL_PARTICIPANT, 5, (k) => longDesign(30 + k, 20)); // 600 stop trials each
    expect(Math.abs(meanOf(e))).toBeLessThan(15);
    for (const x of e) expect(Math.abs(x)).toBeLessThan(30);
  });

  it('recovers it within 15 ms on average, and about 25 ms per candidate, in the real 4–5 minute game', () => {
    const e = errors(TYPICAL_PARTICIPANT, 40, (k) => stopDesign(100 + k));
    expect(Math.abs(meanOf(e))).toBeLessThan(15);
    const sd = Math.sqrt(meanOf(e.map((x) => (x - meanOf(e)) ** 2)));
    expect(sd).toBeLessThan(40);
  });

  it('times the SSD from the onsets: with every stop signal a frame late, the mean SSD is a frame above the nominal one', () => {
    const p: StopParticipant = { ...TYPICAL_PARTICIPANT, pFrameDrop: 1 };
    const design = longDesign(3, 5);
    const events = simulateStop(design, p, 17);
    const stopTrials = pairTrials(events, 'stop').filter((t) => t.onsets['stop-signal'] !== undefined);
    const nominal = meanOf(stopTrials.map((t) => t.params['ssd'] as number));
    const realised = scoreStop(design, events).metrics['mean_ssd']?.value as number;
    // Not exactly one frame: the few stop trials answered before the signal keep their nominal SSD.
    expect(realised - nominal).toBeGreaterThan(14);
    expect(realised - nominal).toBeLessThan(17.5);
  });

  it('separates a fast stopper from a slow one', () => {
    const design = longDesign(8, 5);
    const ssrtOf = (mean: number) =>
      scoreStop(design, simulateStop(design, { ...TYPICAL_PARTICIPANT, ssrt: { mean, sd: 25 } }, 4)).metrics['ssrt']?.value as number;
    expect(ssrtOf(300) - ssrtOf(180)).toBeGreaterThan(80);
  });

  it('passes practice when it plays well and fails it when it misses most arrows', () => {
    const design = stopDesign(21);
    const good = pairTrials(simulateStop(design, TYPICAL_PARTICIPANT, 1), 'stop');
    const bad = pairTrials(simulateStop(design, { ...TYPICAL_PARTICIPANT, pOmission: 0.9 }, 1), 'stop');
    for (const block of [0, 1]) {
      expect(
        stopPracticePassed(
          design,
          block,
          good.filter((t) => t.block === block),
        ),
      ).toBe(true);
      expect(
        stopPracticePassed(
          design,
          block,
          bad.filter((t) => t.block === block),
        ),
      ).toBe(false);
    }
  });
});
