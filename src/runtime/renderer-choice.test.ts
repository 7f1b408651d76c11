import { describe, expect, it } from 'vitest';
import { chooseRenderer, isHardwareRenderer } from './renderer-choice.ts';

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

describe('isHardwareRenderer', () => {
  it('reads software WebGL from the renderer name', () => {
    expect(isHardwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(false);
    expect(isHardwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(false);
    expect(isHardwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
    expect(isHardwareRenderer('ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(true);
    expect(isHardwareRenderer('Apple GPU')).toBe(true);
    expect(isHardwareRenderer('Adreno (TM) 650')).toBe(true);
    expect(isHardwareRenderer(null)).toBe(true);
  });
});
