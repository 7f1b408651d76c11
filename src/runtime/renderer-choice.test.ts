import { describe, expect, it } from 'vitest';
import { chooseRenderer } from './renderer-choice.ts';

describe('chooseRenderer', () => {
  it('draws with WebGL on a GPU and with the 2D canvas where WebGL would be emulated in software', () => {
    expect(chooseRenderer(() => true)).toBe('webgl');
    expect(chooseRenderer(() => false)).toBe('canvas');
  });

  it('takes a forced choice (automation) and ignores anything else', () => {
    expect(chooseRenderer(() => true, 'canvas')).toBe('canvas');
    expect(chooseRenderer(() => false, 'webgl')).toBe('webgl');
    expect(chooseRenderer(() => false, 'metal')).toBe('canvas');
  });
});
