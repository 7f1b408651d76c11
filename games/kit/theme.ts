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
