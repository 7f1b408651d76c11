/** What every game's manifest says the same way, said once (docs/adding-a-game.md). */
import type { InputDevice } from '../../src/log/events.ts';
import type { EarlierVersion, GameDesign, GameManifest, QualityFlagRule } from '../../src/runtime/game-contract.ts';

/** The inputs a game answers by when its manifest names none: keys, mouse and touch alike. */
export const EVERY_INPUT: readonly InputDevice[] = ['keyboard', 'mouse', 'touch'];

/** A game's participant model, one value from its simulate.ts: the play, the typical participant, the candidates. */
export type ParticipantModel<T, P> = Pick<GameManifest<T, P>, 'simulate' | 'typicalParticipant' | 'participantFor'>;

/** The manifest as a game writes it: its participant model as one field, the inputs only when not every input. */
export type GameParts<T, P> = Omit<GameManifest<T, P>, keyof ParticipantModel<T, P> | 'inputModes'> & {
  participants: ParticipantModel<T, P>;
  inputModes?: readonly InputDevice[];
};

export function participantModel<T, P>(
  simulate: ParticipantModel<T, P>['simulate'],
  typicalParticipant: P,
  participantFor: ParticipantModel<T, P>['participantFor'],
): ParticipantModel<T, P> {
  return { simulate, typicalParticipant, participantFor };
}

export function defineGame<T, P>({ participants, inputModes = EVERY_INPUT, ...parts }: GameParts<T, P>): GameManifest<T, P> {
  return { ...parts, inputModes: [...inputModes], ...participants };
}

/** An earlier version that differed from the current one only in its trial counts: its number, counts and why. */
export interface CountsVersion<C> {
  version: string;
  counts: C;
  /** What the next version changed, for the algorithm card. */
  why: string;
}

/**
 * The manifest's entry for an earlier version that differed only in its trial counts: the game's own generator, called
 * with that version's counts and number (so the number is written once), and the game's own scorer, which reads the
 * version from the design.
 */
export function countsVersion<T, C>(
  generate: (seed: number, counts: C, version: string) => GameDesign<T>,
  score: EarlierVersion<T>['score'],
  { version, counts, why }: CountsVersion<C>,
): EarlierVersion<T> {
  return { version, design: (seed) => generate(seed, counts, version), score, why };
}

/**
 * A quality-flag rule that the scorer raises per part of the game (`<part>.<flag>`, e.g. `simple.many-anticipations`),
 * each leaving out only that part's metrics (ids `<part>.…`); one rule per part, in the order of `parts`.
 */
export function flagPerPart(parts: readonly string[], flag: string, why: (part: string) => string): QualityFlagRule[] {
  return parts.map((part) => ({ flag: `${part}.${flag}`, metrics: { prefix: `${part}.` }, why: why(part) }));
}
