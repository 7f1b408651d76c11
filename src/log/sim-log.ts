/**
 * Builds the event log of a simulated participant: the same events a real play writes, on a synthetic page clock.
 * Scorers cannot tell the difference, which is the point: simulated plays test the whole path from log to metrics.
 */
import type { BlockKind, InputDevice, LogEvent, UnsequencedEvent } from './events.ts';

export interface SimResponse {
  /** ms after the trial start. */
  at: number;
  value: string;
  device?: InputDevice;
  key?: string;
}

export interface SimTrial {
  /** Stimulus onsets, ms after the trial start. */
  stimuli: { name: string; at: number; params?: Record<string, number | string> }[];
  responses: SimResponse[];
  /** ms after the trial start. */
  endAt: number;
  reason: 'response' | 'timeout' | 'premature';
  /** Pause after the trial (ms) before the next one starts. */
  gapAfter?: number;
}

export class SimLog {
  readonly events: LogEvent[] = [];
  private seq = 0;
  /** The synthetic page clock (ms). Starts where a real page would be a few seconds after load. */
  t = 5000;

  constructor(readonly game: string) {}

  push(e: UnsequencedEvent): LogEvent {
    const event = { ...e, seq: this.seq++, page: 0 } as LogEvent;
    this.events.push(event);
    return event;
  }

  gameStart(version: string, seed: number): void {
    this.push({ type: 'game-start', t: this.t, game: this.game, version, seed });
  }

  blockStart(block: number, kind: BlockKind, attempt = 0): void {
    this.push({ type: 'block-start', t: this.t, game: this.game, block, kind, attempt });
  }

  trial(block: number, trial: number, spec: SimTrial): void {
    const start = this.t;
    const ref = { game: this.game, block, trial };
    this.push({ type: 'trial-start', t: start, ...ref });
    const timeline: { at: number; run: () => void }[] = [];
    for (const s of spec.stimuli) {
      timeline.push({
        at: s.at,
        run: () =>
          this.push({ type: 'stimulus', t: start + s.at, drawnAt: start + s.at - 16.7, name: s.name, ...ref, ...(s.params ? { params: s.params } : {}) }),
      });
    }
    for (const r of spec.responses) {
      timeline.push({
        at: r.at,
        run: () => {
          const input = this.push({
            type: 'input',
            t: start + r.at,
            device: r.device ?? 'keyboard',
            ...(r.key ? { key: r.key } : {}),
            trusted: true,
          });
          this.push({ type: 'response', t: start + r.at, input: input.seq, value: r.value, ...ref });
        },
      });
    }
    for (const step of timeline.sort((a, b) => a.at - b.at)) step.run();
    this.push({ type: 'trial-end', t: start + spec.endAt, reason: spec.reason, ...ref });
    this.t = start + spec.endAt + (spec.gapAfter ?? 500);
  }

  blockEnd(block: number, attempt = 0, passed?: boolean): void {
    this.push({
      type: 'block-end',
      t: this.t,
      game: this.game,
      block,
      attempt,
      points: 0,
      ...(passed === undefined ? {} : { passed }),
      frames: { frames: 0, refreshHz: null, medianIntervalMs: null, intervalSdMs: null, droppedInStimulus: 0, trialsWithDrops: 0, trialsWithUncertainOnset: 0 },
    });
  }

  gameEnd(): void {
    this.push({ type: 'game-end', t: this.t, game: this.game });
  }
}
