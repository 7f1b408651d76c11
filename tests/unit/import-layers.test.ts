/**
 * Dependencies point one way: a module imports only modules of its own layer or of lower layers. The layers, lowest
 * first, are defined here and nowhere else (docs/architecture.md, "Layers", describes them). Tests are checked as
 * the code beside them. A failure names the import that points up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '../..'));

/** [layer, rank, test of a repository-relative path]; layers of equal rank may not import each other. */
const LAYERS: readonly [string, number, (path: string) => boolean][] = [
  ['data', 0, (p) => p.startsWith('norms/') || /\.(json|css)$/.test(p)],
  ['lib', 1, (p) => p.startsWith('src/lib/')],
  ['log', 2, (p) => p.startsWith('src/log/')],
  ['game contract', 3, (p) => p === 'src/runtime/game-contract.ts'],
  ['game kit', 4, (p) => p.startsWith('games/kit/')],
  ['game', 5, (p) => /^games\/[^/]+\//.test(p)],
  // The batteries are lists of registered games (they import only the registry).
  ['game registry', 6, (p) => /^games\/[^/]+\.ts$/.test(p) || p === 'src/runtime/batteries.ts'],
  ['capture', 7, (p) => p.startsWith('src/capture/')],
  ['scoring', 7, (p) => p.startsWith('src/scoring/')],
  ['integrity', 7, (p) => p.startsWith('src/integrity/')],
  ['credential', 8, (p) => p.startsWith('src/credential/')],
  // The embed protocol, pilot settings and xAPI statements: pure, shared by the embed page and the server.
  ['embed', 8, (p) => p.startsWith('src/embed/')],
  ['i18n', 9, (p) => p.startsWith('src/i18n/')],
  ['worker', 10, (p) => p.startsWith('src/worker/')],
  ['runtime', 11, (p) => p.startsWith('src/runtime/')],
  // The coach workspace's own logic (intake, storage, recompute): above the profile and credential it reads.
  ['coach', 11, (p) => p.startsWith('src/coach/')],
  ['shell', 12, (p) => p.startsWith('src/shell/') || p === 'src/main.ts'],
  ['server', 12, (p) => p.startsWith('src/server/') && !p.startsWith('src/server/fixtures/')],
  // Scripts, tests' support, configs, and the issuer's session fixtures (built from every game and battery for tests
  // and benchmarks only).
  ['tools', 13, (p) => /^(scripts|tests|src\/server\/fixtures)\//.test(p) || /^[^/]+\.config\.ts$/.test(p)],
];

/**
 * Imports that point up on purpose, each with its reason. Keep this list short: an entry is a debt, not a pattern.
 * The scoring CLIs (scripts/) are thin wrappers whose logic is tested beside the scoring code it drives.
 */
const ALLOWED: readonly { from: RegExp; to: RegExp; why: string }[] = [
  { from: /^src\/scoring\/[^/]+\.test\.ts$/, to: /^scripts\/[^/]+\.ts$/, why: 'CLI tests live beside the scoring code they drive' },
  { from: /^src\/.+\.test\.ts$/, to: /^src\/server\/fixtures\//, why: 'whole-session fixtures for the tests of credential, issuer and verifier' },
  { from: /^src\/server\/testing\/test-server\.ts$/, to: /^src\/server\/fixtures\//, why: 'the in-process test server plays whole-session fixtures' },
  { from: /^src\/.+\.test\.ts$/, to: /^tests\/support\/qr-frames\.ts$/, why: 'QR codes as pixels, made at test time, shared with the camera browser test' },
  { from: /^src\/server\/.+\.test\.ts$/, to: /^tests\/support\/test-wallet\.ts$/, why: 'the server is tested against the spec-written test wallet' },
  { from: /^src\/coach\/[^/]+\.test\.ts$/, to: /^src\/server\/openid4vp\//, why: "the coach's wallet request is checked against the verifier that answers it" },
  // Scoring and integrity lean on each other: to be split by the integrity work (e.g. the card section moved up).
  { from: /^src\/scoring\/algorithm-card\.ts$/, to: /^src\/integrity\/card-section\.ts$/, why: 'the algorithm card documents the integrity rules' },
  { from: /^src\/integrity\/simulated-record\.ts$/, to: /^src\/scoring\/testing\//, why: 'simulated records reuse the simulated candidates' },
];

function layerOf(path: string): { name: string; rank: number } {
  const found = LAYERS.find(([, , test]) => test(path));
  if (!found) throw new Error(`No layer for ${path}: add it to LAYERS`);
  return { name: found[0], rank: found[1] };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : sourceFiles(path);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative imports of a file: static, type-only, re-exports and dynamic imports with a literal path. */
function importsOf(source: string): string[] {
  const from = /(?:^|\n)\s*(?:import|export)\b[^'";]*?\sfrom\s+['"]([^'"]+)['"]/g;
  const bare = /(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
  const dynamic = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  const specs = [from, bare, dynamic].flatMap((re) => [...source.matchAll(re)].map((m) => ({ at: m.index, spec: m[1] ?? '' })));
  return specs
    .sort((a, b) => a.at - b.at)
    .map((s) => s.spec)
    .filter((s) => s.startsWith('.'));
}

const FILES = ['src', 'games', 'scripts', 'tests'].flatMap(sourceFiles);

describe('import layers', () => {
  it('knows the layer of every source file', () => {
    for (const file of FILES) expect(() => layerOf(file)).not.toThrow();
  });

  it('has no import that points to a higher layer, or across layers of one rank', () => {
    const up: string[] = [];
    for (const file of FILES) {
      const from = layerOf(file);
      for (const spec of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
        const target = relative(ROOT, join(ROOT, dirname(file), spec));
        const to = layerOf(target);
        const fine = to.name === from.name || to.rank < from.rank || ALLOWED.some((a) => a.from.test(file) && a.to.test(target));
        const gameToGame = from.name === 'game' && to.name === 'game' && file.split('/')[1] !== target.split('/')[1];
        if (!fine || gameToGame) up.push(`${file} (${from.name}) → ${target} (${to.name})`);
      }
    }
    expect(up).toEqual([]);
  });

  it('reads every form of import it checks', () => {
    const src =
      "import a from './a.ts';\nimport type { B } from '../b.ts';\nexport { c } from './c.ts';\nconst d = await import('./d.ts');\nimport 'x';\nimport './e.css';";
    expect(importsOf(src)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.css']);
  });
});
