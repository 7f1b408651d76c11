/** Every game's skin (games/<id>/skin.json, data the kit draws): read through asSkin, which refuses what would misdraw. */
import { describe, expect, it } from 'vitest';
import { asSkin, DEFAULT_SKIN } from '../../games/kit/theme.ts';

type SkinData = Parameters<typeof asSkin>[0];
const SKINS = Object.entries(import.meta.glob<SkinData>('../../games/*/skin.json', { eager: true, import: 'default' })).map(
  ([path, data]) => [path.split('/')[3] ?? path, data] as const,
);

describe.each(SKINS)('skin of %s', (_, data) => {
  it('is a valid skin: landmark inside its box, hills inside their band, a known token', () => {
    expect(asSkin(data).landmark).toEqual(data.landmark);
  });
});

describe('asSkin', () => {
  it('accepts the default skin and refuses a point outside the box, a hill outside the band and an unknown token, naming each', () => {
    const data = {
      ...DEFAULT_SKIN,
      landmark: DEFAULT_SKIN.landmark.map((p) => [...p]),
      hills: { far: [...DEFAULT_SKIN.hills.far], near: [...DEFAULT_SKIN.hills.near] },
    };
    expect(asSkin(data)).toEqual(DEFAULT_SKIN);
    const bad = { ...data, landmark: [[0, 0, 120, 0, 50, 50]], hills: { far: [1.5], near: [] }, token: 'bell' };
    expect(() => asSkin(bad)).toThrow(/outside 0…100.*hill outside 0…1.*token "bell"/);
  });

  it('finds a skin for every game that has drawn its station', () => {
    expect(SKINS.map(([id]) => id).sort()).toEqual(['corsi', 'flanker', 'reaction', 'stop', 'switch']);
  });
});
