/**
 * Time allowed per block for watching the demo and reading its instruction (s), in every game's duration estimate.
 * One number for all games so battery estimates add up; bench:battery checks it against the words actually shown.
 */
export const INTRO_SEC = 10;
