/**
 * Every flag a scorer can raise reads as a sentence in all four languages, on the results screen (per game) and in the
 * coach's list (`<game>.` before the code). The codes come from where they are made: each manifest's `flagCodes`
 * (the scorers' own lists, which their flags are typed against), its earlier versions', scoreGame's and the
 * profile's. The flags with their numbers come from the real scorers, run on simulated plays made rough on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAMES } from '../../games/registry.ts';
import { LANGUAGES, type Lang, lang, setLang, tDynamic } from '../i18n/index.ts';
import type { LogEvent } from '../log/events.ts';
import type { Abilities, QualityFlag } from '../runtime/game-contract.ts';
import { buildProfile, GAME_DEVICE_FLAG, PROFILE_FLAG_CODES } from '../scoring/build-profile.ts';
import { DOMAINS } from '../scoring/profile-types.ts';
import { SCORE_GAME_FLAG_CODES, scoreSession } from '../scoring/score-game.ts';
import { joinSessionLog, simulateGame } from '../scoring/testing/simulated-sessions.ts';
import { describeFlag, FLAG_MESSAGES, mergeFlags, parseFlagCode } from './flag-messages.ts';

const LANGS = Object.keys(LANGUAGES) as Lang[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

/** Every code a game's flags can carry, as its score lists them: its scorers' (current and earlier) and scoreGame's. */
const gameCodes = (id: string): string[] => {
  const g = GAMES[id];
  if (!g) throw new Error(id);
  return [...new Set([...g.flagCodes, ...(g.earlier ?? []).flatMap((e) => e.flagCodes ?? []), ...SCORE_GAME_FLAG_CODES])];
};
const GAME_IDS = Object.keys(GAMES);
/** The codes of the profile's list (the coach's): each game's with the game before it, and the profile's own. */
const PROFILE_CODES = [...GAME_IDS.flatMap((id) => [...gameCodes(id), GAME_DEVICE_FLAG].map((c) => `${id}.${c}`)), ...PROFILE_FLAG_CODES];

/** The words of a flag in every language. */
const inEvery = (flag: Pick<QualityFlag, 'code' | 'values'>, game?: string) =>
  LANGS.map((l) => {
    setLang(l);
    return { lang: l, ...describeFlag(flag, game) };
  });

let before: Lang;
beforeAll(() => {
  // setLang writes <html lang dir>: a stand-in element for the node test environment.
  globalThis.document ??= { documentElement: {} } as Document;
  before = lang();
});
afterAll(() => setLang(before));

/** The text without the bidi isolates a right-to-left sentence puts around its values (i18n fill). */
const plain = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

describe('flag words', () => {
  it('the four languages have the same keys, with the same placeholders; a numbered sentence has one without numbers', () => {
    const en = FLAG_MESSAGES.en;
    for (const l of LANGS) {
      expect(Object.keys(FLAG_MESSAGES[l]).sort(), l).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) expect(placeholders(FLAG_MESSAGES[l][key] ?? ''), `${l}: ${key}`).toEqual(placeholders(text));
    }
    for (const key of Object.keys(en).filter((k) => k.endsWith('.n'))) expect(en[key.slice(0, -2)], key).toBeTruthy();
  });

  it.each(GAME_IDS)('every code the scorers of %s can raise has words in every language, its part named', (id) => {
    const codes = gameCodes(id);
    expect(codes.length).toBeGreaterThan(SCORE_GAME_FLAG_CODES.length);
    for (const code of codes) {
      for (const w of inEvery({ code }, id)) {
        expect(w.known, `${w.lang}: ${code}`).toBe(true);
        expect(w.text, `${w.lang}: ${code}`).not.toMatch(/[{}]|\b(flag|part)\.[a-z]/);
        const { part } = parseFlagCode(code, id);
        setLang(w.lang);
        // A part is said in the game's own words (part.<game>.<part>, beside its metric names), never as its id.
        if (part) expect(tDynamic(`part.${id}.${part}`), `${w.lang}: part.${id}.${part}`).not.toBe(`part.${id}.${part}`);
        if (part) expect(plain(w.text).startsWith(`${tDynamic(`part.${id}.${part}`)}: `), `${w.lang}: ${code}`).toBe(true);
      }
    }
  });

  it("every code of the profile's list (the coach's) has words in every language, with the game's name", () => {
    for (const code of PROFILE_CODES) {
      const { game } = parseFlagCode(code);
      for (const w of inEvery({ code })) {
        expect(w.known, `${w.lang}: ${code}`).toBe(true);
        expect(w.text, `${w.lang}: ${code}`).not.toMatch(/[{}]|\b(flag|part|game)\.[a-z]/);
        setLang(w.lang);
        if (game) expect(plain(w.text).startsWith(tDynamic(`game.${game}`)), `${w.lang}: ${code}`).toBe(true);
      }
    }
    setLang('en');
    expect(describeFlag({ code: 'reaction.simple.many-anticipations', values: { count: 12, total: 40 } }).text).toBe(
      'Reaction · Simple reaction: 12 of 40 answers came very fast, before the picture could really be seen. So this score counts less.',
    );
    expect(describeFlag({ code: 'norm.provisional' }).text).toBe(FLAG_MESSAGES.en['flag.provisional']);
  });

  it('an unknown code (an older or newer log) gets the general sentence, never an empty line or a key', () => {
    for (const code of ['reaction.simple.some-new-kind', 'a-flag-from-2030', 'flanker.unknown', 'gone-game.many-omissions.extra', '']) {
      for (const w of inEvery({ code })) {
        expect(w.known, `${w.lang}: ${code}`).toBe(false);
        expect(w.text.length, `${w.lang}: ${code}`).toBeGreaterThan(20);
        expect(w.text, `${w.lang}: ${code}`).toContain(FLAG_MESSAGES[w.lang]['flag.unknown']);
      }
    }
    setLang('nl');
    expect(describeFlag({ code: 'reaction.simple.some-new-kind' }).text).toBe(`Reactie · Eenvoudige reactie: ${FLAG_MESSAGES.nl['flag.unknown']}`);
  });

  it('says the numbers a flag carries, in the page language; without them (a flag saved before) the sentence without numbers', () => {
    setLang('nl');
    expect(describeFlag({ code: 'many-omissions', values: { count: 9, total: 48 } }, 'flanker').text).toBe(
      '9 van de 48 beurten kregen niet op tijd een antwoord. Daarom zegt deze score minder.',
    );
    expect(describeFlag({ code: 'many-omissions' }, 'flanker').text).toBe(FLAG_MESSAGES.nl['flag.many-omissions']);
    // Only some of the numbers: the sentence without numbers, not a sentence with a hole.
    expect(describeFlag({ code: 'many-omissions', values: { count: 9 } }, 'flanker').text).toBe(FLAG_MESSAGES.nl['flag.many-omissions']);
    setLang('ar');
    expect(describeFlag({ code: 'ssrt.many-go-omissions', values: { percent: 37.5 } }, 'stop').text).toContain(new Intl.NumberFormat('ar').format(37.5));
  });

  it('reads a code raised in several blocks once: counts and totals added, a number that differs (the block) dropped', () => {
    const merged = mergeFlags([
      { code: 'frame-drops', values: { block: 1, count: 1 } },
      { code: 'interrupted', values: { count: 2 } },
      { code: 'frame-drops', values: { block: 3, count: 4 } },
      { code: 'incomplete-block', values: { block: 2, count: 10, total: 30 } },
      { code: 'incomplete-block', values: { block: 3, count: 0, total: 30 } },
      { code: 'practice-not-passed', values: { block: 0 } },
      { code: 'practice-not-passed' },
    ]);
    expect(merged).toEqual([
      { code: 'frame-drops', values: { count: 5 } },
      { code: 'interrupted', values: { count: 2 } },
      { code: 'incomplete-block', values: { count: 10, total: 60 } },
      { code: 'practice-not-passed' },
    ]);
    setLang('en');
    expect(describeFlag(merged[0] as QualityFlag).text).toBe(
      'Turns in which the screen did not run smoothly: 5. Their times may be a little off, so this score may count less.',
    );
  });
});

/**
 * Plays made rough on purpose, from each game's simulated participant: no answers, half of them, answers before the target,
 * frames lost, interrupted trials, onsets partly or not measured, an automated (time-scaled) play, trials missing from the log.
 */
const ROUGH: Record<string, (events: LogEvent[]) => LogEvent[]> = {
  silent: (events) => events.filter((e) => e.type !== 'response'),
  sparse: (events) => events.filter((e) => e.type !== 'response' || e.trial % 2 === 0),
  early: (events) => {
    const onsets = new Map<string, number>();
    const inputs = new Map(events.filter((e) => e.type === 'input').map((e) => [e.seq, e]));
    const key = (e: { game: string; block: number; trial: number }) => `${e.game}/${e.block}/${e.trial}`;
    for (const e of events) {
      if (e.type === 'stimulus' && e.name === 'target') onsets.set(key(e), e.t);
      const input = e.type === 'response' ? inputs.get(e.input) : undefined;
      const onset = e.type === 'response' ? onsets.get(key(e)) : undefined;
      if (input && onset !== undefined) input.t = onset + 20;
    }
    return events;
  },
  shaky: (events) =>
    events.map((e) =>
      e.type === 'block-end'
        ? { ...e, frames: { ...e.frames, trialsWithDrops: 5, trialsWithUncertainOnset: 2, droppedInStimulus: 9 } }
        : e.type === 'page-start'
          ? { ...e, presentation: 'element-timing' as const }
          : e.type === 'stimulus' && e.trial % 2 === 0
            ? { ...e, presentedAt: e.t - 8 }
            : e,
    ),
  interrupted: (events) => events.map((e) => (e.type === 'trial-end' && e.trial % 3 === 0 ? { ...e, reason: 'interrupted' as const } : e)),
  unmeasured: (events) => events.map((e) => (e.type === 'page-start' ? { ...e, presentation: 'none' as const } : e)),
  automated: (events) => events.map((e) => (e.type === 'page-start' ? { ...e, timeScale: 4 } : e)),
  gaps: (events) => events.filter((e) => !(e.type === 'stimulus' && e.trial === 3) && !(e.type === 'trial-end' && e.trial === 5)),
};

describe('flags the real scorers raise on rough plays', () => {
  const at = (z: number) => Object.fromEntries(DOMAINS.map((d) => [d, z])) as Abilities;
  const raised = GAME_IDS.flatMap((id) => Object.values(ROUGH).flatMap((rough) => scoreSession(rough(joinSessionLog([simulateGame(id, at(-1), 5)])))));
  const flags = raised.flatMap((s) => s.flags.map((f) => ({ game: s.game, flag: f })));

  it('raise only declared codes, and many kinds of them', () => {
    for (const { game, flag } of flags) expect(gameCodes(game), `${game}: ${flag.code}`).toContain(flag.code);
    const kinds = new Set(flags.map(({ flag }) => parseFlagCode(flag.code).kind));
    // Enough kinds that the checks below are not empty: every way of going wrong above raises at least one.
    for (const kind of [
      'many-omissions',
      'no-responses',
      'many-anticipations',
      'frame-drops',
      'display-stutter',
      'interrupted',
      'time-scaled',
      'onsets-partly-measured',
      'onsets-raf-rule',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('say their numbers: a flag with values gets its numbered sentence, every number filled, in every language', () => {
    let numbered = 0;
    for (const { game, flag } of flags) {
      const { kind } = parseFlagCode(flag.code, game);
      const template = FLAG_MESSAGES.en[`flag.${kind}.n`];
      if (!template || !flag.values) continue;
      numbered++;
      // The scorer gives every number its sentence names (else the screen would quietly drop to the sentence without).
      for (const name of placeholders(template)) expect(Object.keys(flag.values), `${game}: ${flag.code} {${name}}`).toContain(name);
      for (const w of inEvery(flag, game)) {
        expect(w.known).toBe(true);
        expect(w.text, `${w.lang}: ${flag.code}`).not.toMatch(/[{}]/);
        expect(w.text, `${w.lang}: ${flag.code}`).not.toBe(tDynamic(`flag.${kind}`));
      }
    }
    expect(numbered).toBeGreaterThan(10);
  });

  it("carry their numbers into the profile's list, where the coach reads them with the game named", () => {
    const profile = buildProfile(raised.slice(0, 12), { deviceClass: 'mixed' });
    const withValues = profile.quality.filter((q) => q.values !== undefined);
    expect(withValues.length).toBeGreaterThan(0);
    expect(profile.quality.some((q) => q.code === 'session.mixed-devices')).toBe(true);
    for (const q of profile.quality) for (const w of inEvery(q)) expect(w.known, `${w.lang}: ${q.code}`).toBe(true);
    setLang('en');
    const first = withValues[0] as QualityFlag;
    expect(describeFlag(first).text.startsWith(tDynamic(`game.${parseFlagCode(first.code).game}`))).toBe(true);
  });
});
