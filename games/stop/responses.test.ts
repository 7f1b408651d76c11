import { describe, expect, it } from 'vitest';
import { readResponse } from './responses.ts';

describe('Stop responses', () => {
  it('reads ← / F as left and → / J as right, and ignores other keys', () => {
    const key = (k: string) => readResponse({ seq: 1, t: 0, device: 'keyboard', key: k });
    expect([key('ArrowLeft'), key('f'), key('F'), key('ArrowRight'), key('j'), key('J')]).toEqual(['left', 'left', 'left', 'right', 'right', 'right']);
    expect([key(' '), key('Tab'), key('Enter'), key('x')]).toEqual([null, null, null, null]);
    expect([key('a'), key('l')]).toEqual(['left', 'right']); // the keymap every two-choice game shares (kit/sides.ts)
  });

  it('reads a tap or click by the half of the stage it lands on, and ignores one off the stage', () => {
    expect(readResponse({ seq: 1, t: 0, device: 'touch', x: 0.2, y: 0.5 })).toBe('left');
    expect(readResponse({ seq: 1, t: 0, device: 'mouse', x: 0.8, y: 0.9 })).toBe('right');
    expect(readResponse({ seq: 1, t: 0, device: 'touch', x: 1.2, y: 0.5 })).toBeNull();
    expect(readResponse({ seq: 1, t: 0, device: 'pen' })).toBeNull();
  });
});
