import { describe, expect, it } from 'vitest';
import type { Domain } from '../runtime/game-contract.ts';
import { profileMessages } from './messages.ts';
import { DOMAINS, type DomainScore } from './profile-types.ts';
import { TIP_RULES, tipMessageKey, workingStyleTips } from './working-style.ts';

const profile = (stens: Partial<Record<Domain, number>>): DomainScore[] =>
  DOMAINS.map((d) =>
    stens[d] === undefined ? { domain: d, status: 'not-measured', reason: 'x', metrics: [] } : { domain: d, status: 'measured', sten: stens[d], metrics: [] },
  );
const rules = (stens: Partial<Record<Domain, number>>) => workingStyleTips(profile(stens)).map((t) => t.rule);

describe('working-style tips', () => {
  it('high focus with lower flexibility → focused blocks of work, few interruptions (strength first)', () => {
    expect(rules({ 'selective-attention': 7, flexibility: 3, 'processing-speed': 5 })).toEqual(['strength.selective-attention', 'style.focused-blocks']);
    expect(profileMessages.en[tipMessageKey('style.focused-blocks')]).toMatch(/focused blocks .* few interruptions/);
  });

  it('lists strengths first, strongest first, then style tips', () => {
    expect(rules({ 'working-memory': 8, flexibility: 9, learning: 3 })).toEqual([
      'strength.flexibility',
      'strength.working-memory',
      'style.own-order',
      'style.show-me-changes',
    ]);
  });

  it('names the highest measured domain as a relative strength when none is high', () => {
    expect(rules({ inhibition: 6, 'processing-speed': 5, 'working-memory': 4 })).toEqual(['relative-strength.inhibition', 'style.write-it-down']);
    expect(rules({ inhibition: 4, 'processing-speed': 3 })).toEqual([]);
  });

  it('never reads a domain that was not measured as low', () => {
    expect(rules({ 'selective-attention': 8 })).toEqual(['strength.selective-attention']);
  });

  it('each tip names its rule, message key and domains', () => {
    const tip = workingStyleTips(profile({ 'processing-speed': 3, inhibition: 7 })).find((t) => t.rule === 'style.accuracy-over-speed');
    expect(tip).toEqual({
      rule: 'style.accuracy-over-speed',
      message: 'tip.style.accuracy-over-speed',
      domains: ['processing-speed', 'selective-attention', 'inhibition'],
    });
  });

  it('every rule (and every relative strength) has its words in all four languages', () => {
    const keys = [...TIP_RULES.map((r) => tipMessageKey(r.id)), ...DOMAINS.map((d) => tipMessageKey(`relative-strength.${d}`))];
    for (const lang of ['nl', 'en', 'uk', 'ar'] as const) for (const k of keys) expect(profileMessages[lang][k], `${lang} ${k}`).toBeTruthy();
  });
});
