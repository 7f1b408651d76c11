import { describe, expect, it } from 'vitest';
import { parseOption, readOption } from './responses.ts';

describe('Coin hunt responses', () => {
  it('reads the option from ← ↑ → (and F, space, J) and from a tap in its third of the stage', () => {
    expect(readOption({ seq: 1, t: 0, device: 'keyboard', key: 'ArrowLeft' })).toBe(0);
    expect(readOption({ seq: 1, t: 0, device: 'keyboard', key: 'ArrowUp' })).toBe(1);
    expect(readOption({ seq: 1, t: 0, device: 'keyboard', key: ' ' })).toBe(1);
    expect(readOption({ seq: 1, t: 0, device: 'keyboard', key: 'j' })).toBe(2);
    expect(readOption({ seq: 1, t: 0, device: 'keyboard', key: 'Tab' })).toBeNull();
    expect(readOption({ seq: 1, t: 0, device: 'touch', x: 0.2, y: 0.5 })).toBe(0);
    expect(readOption({ seq: 1, t: 0, device: 'touch', x: 0.5, y: 0.5 })).toBe(1);
    expect(readOption({ seq: 1, t: 0, device: 'mouse', x: 0.8, y: 0.4 })).toBe(2);
    expect(readOption({ seq: 1, t: 0, device: 'mouse', x: 1.2, y: 0.4 })).toBeNull();
  });

  it('logs an option as its digit and reads nothing else back', () => {
    expect(parseOption('2')).toBe(2);
    expect(parseOption('A')).toBeNull();
    expect(parseOption(undefined)).toBeNull();
  });
});
