import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAMES } from '../../games/registry.ts';
import { renderAlgorithmCard } from './algorithm-card.ts';
import type { LogEvent, PresentationCapability } from '../log/events.ts';
import { cardInputs } from './card-inputs.ts';
import { DOMAIN_MODEL } from './domain-model.ts';
import { onsetRuleFlag } from './onset-quality.ts';
import { EXAMPLE_ROLES } from './role-profiles.ts';
import { TIP_RULES } from './working-style.ts';

const card = renderAlgorithmCard(cardInputs('.'));

/** A page that measures presentation (or not) and two stimuli of game `g`, the second without a measured onset. */
function onsetLog(presentation: PresentationCapability): LogEvent[] {
  const page = { seq: 0, page: 0, t: 0, type: 'page-start', timeOrigin: 0, crossOriginIsolated: true, userAgent: 'test' } as const;
  const stimulus = { page: 0, type: 'stimulus', name: 'target', game: 'g', block: 0 } as const;
  return [
    { ...page, viewport: { width: 1, height: 1, dpr: 1 }, pointer: 'fine', presentation },
    { ...stimulus, seq: 1, t: 10, trial: 0, drawnAt: 9, presentedAt: 11 },
    { ...stimulus, seq: 2, t: 20, trial: 1, drawnAt: 19 },
  ];
}

describe('algorithm card (docs/algorithm.md)', () => {
  it('is in sync with the code and data: run `npm run algorithm-card` after changing them', () => {
    expect(readFileSync('docs/algorithm.md', 'utf8')).toBe(card);
  });

  it('describes the onset rule and names the quality flags a game with unmeasured onsets carries', () => {
    const flags = [onsetRuleFlag(onsetLog('none'), 'g')?.code, onsetRuleFlag(onsetLog('element-timing'), 'g')?.code];
    expect(flags).toEqual(['onsets-raf-rule', 'onsets-partly-measured']);
    for (const code of flags) expect(card).toContain(`\`${code}\``);
    expect(card).toContain('Element Timing `presentationTime`');
  });

  it('lists every earlier game version whose logs still score, with what changed', () => {
    const earlier = Object.values(GAMES).flatMap((g) => (g.earlier ?? []).map((e) => `| ${g.id} | ${e.version} | ${g.version} |`));
    expect(earlier).toContain('| reaction | 1.0.0 | 1.1.0 |');
    for (const row of earlier) expect(card).toContain(row);
  });

  it('writes down the formulas a pilot must check: T, sten, CI, Mosier, fit', () => {
    expect(card).toContain('T = 50 + 10 · z');
    expect(card).toContain('sten = ⌊2z + 6⌋ clamped to 1–10');
    expect(card).toContain('CI = z ± 1.6449 · SEM');
    expect(card).toContain('r_C = 1 − Σ a_i² (1 − r_ii) / Var(C)');
    expect(card).toContain('fit %    = 100 · exp(−D² / (2 · 0.8²))');
    expect(card).toContain('| 5|6 | 0 | 50.00 |');
  });

  it('lists every weight, every role, every tip rule and the provenance of every shipped norm table', () => {
    for (const d of DOMAIN_MODEL) for (const m of d.metrics) expect(card).toContain(`| ${m.game} | \`${m.metric}\` | ${m.weight} |`);
    for (const r of TIP_RULES) expect(card).toContain(`| \`${r.id}\` |`);
    expect(card).toContain('Role profiles: example-roles 3.0.0 — EXAMPLES');
    expect(EXAMPLE_ROLES.roles.length).toBe(6);
    expect(card).toContain('`sro-provisional-all` 1.2.0');
    expect(card).toContain('`sro-provisional-20-29` 1.2.0');
    expect(card).toContain('**provisional — other population and task version**');
    expect(card).toMatch(
      /Difference scores \(e\.g\. the flanker conflict effect\) subtract two conditions measured with the same device, so a constant device latency cancels/,
    );
  });
});
