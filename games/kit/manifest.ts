/** What every game's manifest says the same way, said once (docs/adding-a-game.md). */
import type { InputDevice } from '../../src/log/events.ts';
import type { GameManifest } from '../../src/runtime/game-contract.ts';

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
