import { describe, expect, it } from 'vitest';
import type { ReversalTrial } from './design.ts';
import { optionOnSide, readSide } from './responses.ts';

const trial: ReversalTrial = { set: 'test', left: 'B', bestPays: true, startBest: 'A', reversible: true, windowMs: 3000 };

describe('Reversal responses', () => {
  it('reads the side from arrow and F/J keys, and a tap or click on either half of the stage', () => {
    expect(readSide({ seq: 1, t: 0, device: 'keyboard', key: 'ArrowLeft' })).toBe('left');
    expect(readSide({ seq: 1, t: 0, device: 'keyboard', key: 'j' })).toBe('right');
    expect(readSide({ seq: 1, t: 0, device: 'keyboard', key: ' ' })).toBeNull();
    expect(readSide({ seq: 1, t: 0, device: 'touch', x: 0.2, y: 0.5 })).toBe('left');
    expect(readSide({ seq: 1, t: 0, device: 'mouse', x: 0.8, y: 0.4 })).toBe('right');
    expect(readSide({ seq: 1, t: 0, device: 'mouse', x: 1.2, y: 0.4 })).toBeNull();
  });

  it('answers with the option on that side, not the side', () => {
    expect(optionOnSide(trial, 'left')).toBe('B');
    expect(optionOnSide(trial, 'right')).toBe('A');
  });
});
