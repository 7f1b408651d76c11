/**
 * The Phaser scene of each game (`games/<id>/scene.ts`, its default export), found by folder and loaded on demand in
 * the page only. Separate from the manifests (games/registry.ts) so that the recorder worker and the issuer, which
 * import the manifests to score, never bundle Phaser. A scene has no key of its own: the game host adds it under the
 * manifest's id.
 */
import type { SceneClass, SceneLoader } from '../src/runtime/game-contract.ts';

const SCENES: Readonly<Record<string, SceneLoader>> = Object.fromEntries(
  Object.entries(import.meta.glob<SceneClass>('./*/scene.ts', { import: 'default' })).map(([path, load]) => [path.split('/')[1], load]),
);

export async function loadScene(game: string): Promise<SceneClass> {
  const load = SCENES[game];
  if (!load) throw new Error(`No scene for game "${game}"`);
  return load();
}

/** Ids of the games that have a scene (the game contract test checks every registered game has one). */
export const SCENE_IDS: readonly string[] = Object.keys(SCENES);
