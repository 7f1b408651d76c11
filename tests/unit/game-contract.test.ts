/**
 * The game contract, checked for every registered game (games/catalog.ts): a new game is covered by creating its
 * folder and its line in the catalog, and fails here when its manifest is incomplete.
 */
import { describe, expect, it } from 'vitest';
import { GAMES } from '../../games/registry.ts';
import { SCENE_IDS } from '../../games/scenes.ts';
import { DOMAINS } from '../../src/scoring/profile-types.ts';
import type { Abilities, AnyGameManifest, TestAction } from '../../src/runtime/game-contract.ts';
import { BATTERIES } from '../../src/runtime/batteries.ts';
import { EVERY_GAME, RESPONDERS } from '../support/responders.ts';

const LANGS = ['nl', 'en', 'uk', 'ar'] as const;
const at = (z: number): Abilities => Object.fromEntries(DOMAINS.map((d) => [d, z])) as Abilities;
const played = (game: AnyGameManifest, seed: number, abilities = at(0)) => {
  const design = game.design(seed);
  return game.score(design, game.simulate(design, game.participantFor(abilities, 0), seed));
};

describe.each(Object.values(GAMES).map((game) => [game.id, game] as const))('game %s', (id, game) => {
  it('regenerates the same design from (game, version, seed), and another one from another seed', () => {
    const design = game.design(42);
    expect(design).toMatchObject({ game: id, version: game.version, seed: 42 });
    // Both: equal as values (NaN, undefined, types) and equal as the JSON the issuer hashes (key order).
    expect(game.design(42)).toStrictEqual(design);
    expect(JSON.stringify(game.design(42))).toBe(JSON.stringify(design));
    expect(JSON.stringify(game.design(43))).not.toBe(JSON.stringify(design));
    expect(design.blocks.some((b) => b.kind === 'test' && b.trials.length > 0)).toBe(true);
  });

  it('scores exactly the metrics it declares, deterministically, from a simulated play of its typical participant', () => {
    const design = game.design(7);
    const events = game.simulate(design, game.typicalParticipant, 7);
    const score = game.score(design, events);
    expect(score).toMatchObject({ game: id, gameVersion: game.version });
    expect(Object.keys(score.metrics).sort()).toEqual(game.metrics.map((m) => m.id).sort());
    expect(Object.values(score.metrics).filter((m) => m.value !== null).length).toBeGreaterThan(0);
    expect(JSON.stringify(game.score(design, structuredClone(events)))).toBe(JSON.stringify(score));
  });

  it('recovers its participant model: higher abilities score better on every full-weight profile metric', () => {
    const full = game.domainMetrics.filter((m) => m.weight >= 1);
    for (const m of full) {
      const mean = (z: number) => [1, 2, 3].reduce((sum, seed) => sum + (played(game, seed, at(z)).metrics[m.metric]?.value ?? Number.NaN), 0) / 3;
      const [low, high] = [mean(-2), mean(2)];
      expect(Number.isFinite(low) && Number.isFinite(high), m.metric).toBe(true);
      expect(m.direction === 'higher-is-better' ? high > low : high < low, `${m.metric}: ${low} → ${high}`).toBe(true);
    }
  });

  it('feeds the profile only with metrics it declares, in their declared direction, and flag rules that name its metrics and the flag codes of its scorer', () => {
    const declared = new Map(game.metrics.map((m) => [m.id, m.direction]));
    for (const m of game.domainMetrics) expect(declared.get(m.metric), `${m.domain}: ${m.metric}`).toBe(m.direction);
    for (const rule of game.qualityFlags) {
      // A rule for a code the scorer never raises would leave nothing out, silently.
      expect(game.flagCodes, rule.flag).toContain(rule.flag);
      const { metrics } = rule;
      if (typeof metrics === 'object')
        expect(
          [...declared.keys()].some((id) => id.startsWith(metrics.prefix)),
          rule.flag,
        ).toBe(true);
    }
  });

  it('has a scene, and a test responder that answers a test block with well-formed actions; the browser test of every game plays it', () => {
    expect(SCENE_IDS).toContain(id);
    expect(EVERY_GAME).toContain(id);
    expect(RESPONDERS[id]).toBe(game.testResponder);
    const design = game.design(11);
    const block = design.blocks.findIndex((b) => b.kind === 'test');
    const stage = { w: 1024, h: 640 };
    const answers = (design.blocks[block]?.trials ?? []).map((trial, i) => game.testResponder({ block, trial: i }, trial, stage) as TestAction[]);
    expect(answers.filter((a) => a.length > 0).length).toBeGreaterThan(answers.length / 2);
    for (const a of answers.flat()) {
      if (a.kind === 'key') expect(a.key).not.toBe('');
      if (a.kind === 'tap') expect([a.x, a.y].every((v) => v >= 0 && v <= 1)).toBe(true);
      if (a.kind === 'wait') expect(a.ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('has its name, every block instruction and every metric name in all four languages', () => {
    const design = game.design(1);
    const keys = [`game.${id}`, ...new Set(design.blocks.map((b) => b.instruction)), ...game.metrics.map((m) => `metric.${id}.${m.id}`)];
    for (const lang of LANGS) {
      for (const key of keys) expect(game.messages[lang][key], `${lang}: ${key}`).toMatch(/\S/);
      expect(Object.keys(game.messages[lang]).sort(), lang).toEqual(Object.keys(game.messages.en).sort());
    }
  });
});

describe('the registry', () => {
  it('lists the games in the order of the standard battery under every loader (the domain model and the algorithm card follow it)', () => {
    expect(Object.keys(GAMES)).toEqual(BATTERIES.standard?.games);
  });
});
