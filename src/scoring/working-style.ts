/**
 * Step 4: domain stens → working-style tips in plain language. Every rule is data (listed in docs/algorithm.md) and
 * tested in working-style.test.ts. Principles: strengths come first; tips describe conditions in which someone tends
 * to work well, never a lack, a disorder or a diagnosis; a rule only reads measured domains; a pattern needs a
 * clear difference (HIGH at or above 7, LOW at or below 4 on the sten scale).
 */
import type { Domain } from '../runtime/game-contract.ts';
import type { DomainScore, WorkingStyleTip } from './profile-types.ts';
import { DOMAINS } from './profile-types.ts';

export const HIGH = 7;
export const LOW = 4;

type Stens = Partial<Record<Domain, number>>;

export interface TipRule {
  id: string;
  kind: 'strength' | 'style';
  domains: Domain[];
  /** The condition in words, for the algorithm card. */
  when: string;
  test: (s: Stens) => boolean;
}

const at = (s: Stens, d: Domain) => s[d];
const high = (s: Stens, d: Domain) => (at(s, d) ?? 0) >= HIGH;
const low = (s: Stens, d: Domain) => {
  const v = at(s, d);
  return v !== undefined && v <= LOW;
};

const strength = (d: Domain): TipRule => ({ id: `strength.${d}`, kind: 'strength', domains: [d], when: `${d} sten ≥ ${HIGH}`, test: (s) => high(s, d) });

export const TIP_RULES: readonly TipRule[] = [
  ...DOMAINS.map(strength),
  {
    id: 'style.focused-blocks',
    kind: 'style',
    domains: ['selective-attention', 'flexibility'],
    when: `selective-attention sten ≥ ${HIGH - 1} and flexibility sten ≤ ${LOW}`,
    test: (s) => (at(s, 'selective-attention') ?? 0) >= HIGH - 1 && low(s, 'flexibility'),
  },
  {
    id: 'style.variety',
    kind: 'style',
    domains: ['flexibility', 'selective-attention'],
    when: `flexibility sten ≥ ${HIGH - 1} and selective-attention sten ≤ ${LOW}`,
    test: (s) => (at(s, 'flexibility') ?? 0) >= HIGH - 1 && low(s, 'selective-attention'),
  },
  {
    id: 'style.own-order',
    kind: 'style',
    domains: ['flexibility', 'working-memory'],
    when: `flexibility sten ≥ ${HIGH - 1} and working-memory sten ≥ ${HIGH - 1}`,
    test: (s) => (at(s, 'flexibility') ?? 0) >= HIGH - 1 && (at(s, 'working-memory') ?? 0) >= HIGH - 1,
  },
  {
    id: 'style.accuracy-over-speed',
    kind: 'style',
    domains: ['processing-speed', 'selective-attention', 'inhibition'],
    when: `processing-speed sten ≤ ${LOW} and (selective-attention or inhibition sten ≥ ${HIGH - 1})`,
    test: (s) => low(s, 'processing-speed') && ((at(s, 'selective-attention') ?? 0) >= HIGH - 1 || (at(s, 'inhibition') ?? 0) >= HIGH - 1),
  },
  {
    id: 'style.write-it-down',
    kind: 'style',
    domains: ['working-memory'],
    when: `working-memory sten ≤ ${LOW}`,
    test: (s) => low(s, 'working-memory'),
  },
  {
    id: 'style.show-me-changes',
    kind: 'style',
    domains: ['learning'],
    when: `learning sten ≤ ${LOW}`,
    test: (s) => low(s, 'learning'),
  },
  {
    id: 'style.pause-before-acting',
    kind: 'style',
    domains: ['inhibition', 'processing-speed'],
    when: `inhibition sten ≤ ${LOW} and processing-speed sten ≥ ${HIGH - 1}`,
    test: (s) => low(s, 'inhibition') && (at(s, 'processing-speed') ?? 0) >= HIGH - 1,
  },
];

/** The relative-strength rule: when no domain reaches HIGH, the highest measured domain (sten ≥ 5) is named as a relative strength. */
export const RELATIVE_STRENGTH_MIN = 5;

export function tipMessageKey(ruleId: string): string {
  return `tip.${ruleId}`;
}

export function workingStyleTips(domains: readonly DomainScore[]): WorkingStyleTip[] {
  const stens: Stens = {};
  for (const d of domains) if (d.status === 'measured' && d.sten !== undefined) stens[d.domain] = d.sten;
  const fired = TIP_RULES.filter((r) => r.test(stens));
  const tips: WorkingStyleTip[] = [];
  const strengths = fired.filter((r) => r.kind === 'strength');
  // Strongest first; ties in domain order.
  strengths.sort((a, b) => (stens[b.domains[0] as Domain] ?? 0) - (stens[a.domains[0] as Domain] ?? 0));
  for (const r of strengths) tips.push({ rule: r.id, message: tipMessageKey(r.id), domains: r.domains });
  if (strengths.length === 0) {
    const best = DOMAINS.filter((d) => stens[d] !== undefined).sort((a, b) => (stens[b] as number) - (stens[a] as number))[0];
    if (best !== undefined && (stens[best] as number) >= RELATIVE_STRENGTH_MIN) {
      const id = `relative-strength.${best}`;
      tips.push({ rule: id, message: tipMessageKey(id), domains: [best] });
    }
  }
  for (const r of fired.filter((x) => x.kind === 'style')) tips.push({ rule: r.id, message: tipMessageKey(r.id), domains: r.domains });
  return tips;
}
