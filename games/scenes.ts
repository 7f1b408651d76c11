/**
 * The Phaser scene of each game, loaded on demand in the page only. Separate from the manifests (games/registry.ts)
 * so that the recorder worker and the issuer, which import the manifests to score, never bundle Phaser.
 */
import type { SceneClass, SceneLoader } from '../src/runtime/game-contract.ts';

const SCENES: Readonly<Record<string, SceneLoader>> = {
  reaction: async () => (await import('./reaction/scene.ts')).ReactionScene,
  stop: async () => (await import('./stop/scene.ts')).StopScene,
  flanker: async () => (await import('./flanker/scene.ts')).FlankerScene,
  switch: async () => (await import('./switch/scene.ts')).SwitchScene,
  corsi: async () => (await import('./corsi/scene.ts')).CorsiScene,
  reversal: async () => (await import('./reversal/scene.ts')).ReversalScene,
};

export async function loadScene(game: string): Promise<SceneClass> {
  const load = SCENES[game];
  if (!load) throw new Error(`No scene for game "${game}"`);
  return load();
}
