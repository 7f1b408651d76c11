/** The look of every game: the palette of the stimuli, and the theme the games are skinned with. */

/** Colours chosen for contrast on the dark stage and safe for the common colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = {
  background: 0x14182e,
  foreground: 0xf4f4f8,
  muted: 0x8b90b0,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  skyBlue: 0x56b4e9,
  orange: 0xe69f00,
  vermillion: 0xd55e00,
  green: 0x009e73,
  purple: 0xcc79a7,
} as const;

/**
 * The scan is one journey at night, six stations, one a game; a game's skin is the look of its station: the landmark
 * on the horizon, the hills it stands in, and the token its points burst into. A skin is data (in the game's folder,
 * `skin.json`, read through asSkin, or DEFAULT_SKIN); the kit draws it (scenery.ts) and animates it (cheer.ts). It never touches a stimulus:
 * the scenery keeps to a band at the top and one at the bottom of the stage, in colours that stay next to the
 * background, so every stimulus keeps its specified contrast (theme.test.ts checks it).
 */
export interface GameSkin {
  /** What the station is, in words for the people who draw the scan (never shown: the scene has no text of it). */
  station: string;
  /** Silhouettes of the landmark, each a polygon of (x, y) pairs in a 100 × 100 box, y upwards from the ground. */
  landmark: readonly (readonly number[])[];
  /** Where the landmark stands, as a share of the stage width. */
  landmarkAt: number;
  /** Hill heights, far and near, each sampled evenly from left to right (0 = ground, 1 = top of the band). */
  hills: { far: readonly number[]; near: readonly number[] };
  /** What a gain of points bursts into, flying to the points; its colour is PALETTE.yellow, the points' own. */
  token: 'star' | 'diamond' | 'coin';
}

/** The scenery's colours: a step or two above the background, so the night reads without competing with a stimulus. */
export const SCENERY = {
  sky: 0x8b90b0,
  far: 0x1a1f3c,
  near: 0x1e2548,
  landmark: 0x283060,
} as const;

/**
 * The non-scoring feedback (cheer.ts): it plays for `ms`, shorter than every game's pause after a trial, and gives a
 * badge for every `badgeStreak` trials in a row that gained points.
 */
export const CHEER = { ms: 320, badgeStreak: 5 } as const;

/** The station of a game without a skin of its own: a signpost on rolling hills. */
export const DEFAULT_SKIN: GameSkin = {
  station: 'A station without a skin of its own: a signpost.',
  landmark: [
    [47, 0, 47, 92, 53, 92, 53, 0],
    [20, 80, 66, 80, 76, 72, 66, 64, 20, 64],
    [80, 56, 34, 56, 24, 48, 34, 40, 80, 40],
  ],
  landmarkAt: 0.86,
  hills: { far: [0.5, 0.7, 0.55, 0.8, 0.6, 0.75, 0.5], near: [0.3, 0.2, 0.35, 0.25, 0.4, 0.2, 0.3] },
  token: 'star',
};

const TOKENS: readonly GameSkin['token'][] = ['star', 'diamond', 'coin'];
const within = (v: unknown, max: number) => typeof v === 'number' && v >= 0 && v <= max;

/**
 * A game's skin.json as a GameSkin, or an error naming every problem: a landmark point outside its 100-unit box, a
 * hill outside its band or an unknown token would draw over the stimuli or nothing at all.
 */
export function asSkin(data: { station: string; landmark: number[][]; landmarkAt: number; hills: { far: number[]; near: number[] }; token: string }): GameSkin {
  const problems: string[] = [];
  if (data.landmark.length === 0) problems.push('no landmark');
  data.landmark.forEach((polygon, i) => {
    if (polygon.length < 6 || polygon.length % 2 !== 0) problems.push(`landmark ${i}: ${polygon.length} numbers, not 3 or more (x, y) pairs`);
    if (!polygon.every((v) => within(v, 100))) problems.push(`landmark ${i}: a point outside 0…100`);
  });
  if (!within(data.landmarkAt, 1)) problems.push('landmarkAt outside 0…1');
  if (![...data.hills.far, ...data.hills.near].every((v) => within(v, 1))) problems.push('a hill outside 0…1');
  const token = TOKENS.find((t) => t === data.token);
  if (!token) problems.push(`token "${data.token}" is not one of ${TOKENS.join(', ')}`);
  if (problems.length > 0 || !token) throw new Error(`Skin "${data.station}": ${problems.join('; ')}`);
  return { ...data, token };
}
