import { describe, expect, it } from 'vitest';
import { DOMAIN_MODEL } from './domain-model.ts';
import { profileMessages } from './messages.ts';
import { NORM_GROUPS } from './norm-registry.ts';
import { EXAMPLE_ROLES } from './role-profiles.ts';

const LANGS = ['nl', 'en', 'uk', 'ar'] as const;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Words that would turn a tip into a diagnosis or a deficit label (every language checks its own list). */
const DIAGNOSTIC: Record<(typeof LANGS)[number], RegExp> = {
  en: /(adhd|autis|disorder|deficit|impair|diagnos|dyslex|patholog|\bweak|\bpoor\b|problem|symptom)/i,
  nl: /(adhd|autis|stoornis|tekort|beperking|diagnos|dyslex|zwak|slecht|probleem|symptom)/i,
  uk: /(СДУГ|аутиз|розлад|дефіцит|порушенн|діагноз|дислекс|слабк|симптом)/i,
  ar: /(اضطراب|توحد|عجز|قصور|ضعف|أعراض|عسر)/,
};

describe('profile messages', () => {
  it('have every key in all four languages with the same placeholders', () => {
    for (const lang of LANGS) {
      expect(Object.keys(profileMessages[lang]).sort(), lang).toEqual(Object.keys(profileMessages.en).sort());
      for (const [key, text] of Object.entries(profileMessages.en)) {
        expect(profileMessages[lang][key], `${lang}: ${key}`).toBeTruthy();
        expect(placeholders(profileMessages[lang][key] ?? ''), `${lang}: ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('name every domain, every example role and every shipped norm group, and carry the required labels', () => {
    const keys = [
      ...DOMAIN_MODEL.flatMap((d) => [`domain.${d.domain}`, `domain.${d.domain}.about`]),
      ...EXAMPLE_ROLES.roles.map((r) => r.label),
      ...Object.keys(NORM_GROUPS).map((id) => `norm.${id}`),
      'profile.provisional',
      'profile.notMeasured',
      'profile.example',
      'profile.notEnoughData',
      'profile.notDiagnosis',
    ];
    for (const k of keys) expect(profileMessages.en[k], k).toBeTruthy();
    expect(profileMessages.en['profile.provisional']).toBe('provisional — other population and task version');
  });

  it('no tip reads as a diagnosis or a deficit label, in any language', () => {
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(profileMessages[lang])) {
        if (!key.startsWith('tip.')) continue;
        expect(DIAGNOSTIC[lang].test(text), `${lang}: ${key}: ${text}`).toBe(false);
      }
    }
    // The checker itself catches a diagnosis.
    expect(DIAGNOSTIC.en.test('Signs of ADHD: take breaks')).toBe(true);
    expect(DIAGNOSTIC.nl.test('Je hebt een aandachtsstoornis')).toBe(true);
  });
});
