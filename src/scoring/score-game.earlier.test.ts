import { describe, expect, it } from 'vitest';
import { FLANKER_COUNTS_V1, flankerDesign } from '../../games/flanker/design.ts';
import { simulateFlanker, TYPICAL_PARTICIPANT as FLANKER_TYPICAL } from '../../games/flanker/simulate.ts';
import { REACTION_COUNTS_V1, reactionDesign } from '../../games/reaction/design.ts';
import { simulateReaction, TYPICAL_PARTICIPANT as REACTION_TYPICAL } from '../../games/reaction/simulate.ts';
import { STOP_COUNTS_V1, stopDesign } from '../../games/stop/design.ts';
import { simulateStop, TYPICAL_PARTICIPANT as STOP_TYPICAL } from '../../games/stop/simulate.ts';
import { SWITCH_COUNTS_V1_1, switchDesign } from '../../games/switch/design.ts';
import { simulateSwitch, TYPICAL_PARTICIPANT as SWITCH_TYPICAL } from '../../games/switch/simulate.ts';
import type { LogEvent } from '../log/events.ts';
import { scoreGame } from './score-game.ts';

const SEED = 11;

/**
 * Logs recorded before the battery allocation cut the trial counts (Reaction, Stop, Flanker 1.0.0; Switch 1.1.0) must
 * still score, and exactly as they did then. Each log is the typical simulated participant's play of the old design
 * (seed 11); the expected scores were computed by the code of that time (the commit before the counts changed) on the
 * same log, whose design and events the old code generated identically.
 */
// biome-ignore format: one game per entry reads as a table
const CASES: { game: string; log: () => LogEvent[]; expected: { gameVersion: string; scorerVersion: string; trials: number; metrics: Record<string, number> } }[] = [
  {
    game: 'reaction',
    log: () => simulateReaction(reactionDesign(SEED, REACTION_COUNTS_V1, '1.0.0'), REACTION_TYPICAL, SEED),
    expected: { gameVersion: '1.0.0', scorerVersion: '1.1.0', trials: 32, metrics: { 'simple.median_rt': 288.165, 'simple.mean_speed': 3.2798, 'simple.rt_sd': 64.634, 'simple.accuracy': 1, 'simple.anticipations': 0, 'simple.lapses': 0, 'choice.median_rt': 441.116, 'choice.mean_speed': 2.2964, 'choice.rt_sd': 56.814, 'choice.accuracy': 0.95, 'choice.anticipations': 0, 'choice.lapses': 0 } },
  },
  {
    game: 'stop',
    log: () => simulateStop(stopDesign(SEED, STOP_COUNTS_V1, '1.0.0'), STOP_TYPICAL, SEED),
    expected: { gameVersion: '1.0.0', scorerVersion: '1.1.0', trials: 96, metrics: { ssrt: 292.37, 'go_rt.mean': 501.284, 'go_rt.sd': 129.606, go_omission_rate: 0.0556, choice_error_rate: 0.0441, p_respond_signal: 0.5417, mean_ssd: 192.361, 'signal_respond_rt.mean': 453.307 } },
  },
  {
    game: 'flanker',
    log: () => simulateFlanker(flankerDesign(SEED, FLANKER_COUNTS_V1, '1.0.0'), FLANKER_TYPICAL, SEED),
    expected: { gameVersion: '1.0.0', scorerVersion: '1.1.0', trials: 64, metrics: { conflict_rt: 84.425, median_rt: 566.433, median_rt_congruent: 542.77, median_rt_incongruent: 627.195, accuracy: 0.9375, accuracy_congruent: 0.9375, accuracy_incongruent: 0.9375, conflict_accuracy: 0, nih_style_score: 9.055, anticipations: 1, omissions: 0 } },
  },
  {
    game: 'switch',
    log: () => simulateSwitch(switchDesign(SEED, SWITCH_COUNTS_V1_1, '1.1.0'), SWITCH_TYPICAL, SEED),
    expected: { gameVersion: '1.1.0', scorerVersion: '1.1.0', trials: 64, metrics: { switch_cost_rt: 67.353, mixing_cost_rt: 120.998, accuracy_single: 0.875, accuracy_repeat: 0.9583, accuracy_switch: 0.9167, median_rt: 624.68, composite: 1.4199 } },
  },
];

describe('logs of the versions before the battery allocation cut the trial counts', () => {
  it.each(CASES)('a $game $expected.gameVersion log scores exactly as it did when it was recorded', ({ game, log, expected }) => {
    const score = scoreGame(log(), game);
    const metrics = Object.fromEntries(Object.entries(score.metrics).map(([name, m]) => [name, m.value]));
    expect({ gameVersion: score.gameVersion, scorerVersion: score.scorerVersion, trials: score.trials, metrics }).toEqual(expected);
    expect(score.flags).toEqual([]);
  });
});
