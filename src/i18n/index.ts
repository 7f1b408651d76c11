import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ar } from './ar.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { nl } from './nl.ts';
import { uk } from './uk.ts';
import { GAME_MESSAGES } from '../../games/messages.ts';
import type { GameMessages } from '../runtime/game-contract.ts';
import { FEATURE_MESSAGES } from './features.ts';

export type { MessageKey } from './en.ts';

export const LANGUAGES = {
  nl: { name: 'Nederlands', dir: 'ltr', messages: nl },
  en: { name: 'English', dir: 'ltr', messages: en },
  uk: { name: 'Українська', dir: 'ltr', messages: uk },
  ar: { name: 'العربية', dir: 'rtl', messages: ar },
} as const satisfies Record<string, { name: string; dir: 'ltr' | 'rtl'; messages: Messages }>;

export type Lang = keyof typeof LANGUAGES;
export const DEFAULT_LANG: Lang = 'nl';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

let current: Lang = DEFAULT_LANG;
const listeners = new Set<() => void>();

export function lang(): Lang {
  return current;
}

/** Switches the language of the whole page: <html lang dir> and every component using I18nController. */
export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next;
  document.documentElement.dir = LANGUAGES[next].dir;
  for (const l of listeners) l();
}

/** The message for `key` in the current language, with {name} placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return messageIn(current, key, params) ?? key;
}

const registered: GameMessages[] = [];

/**
 * Adds the words of a feature above this layer (a shell screen, the coach workspace); its messages module calls this
 * when it is first imported, so its components find their words with tDynamic.
 */
export function registerMessages(bundle: GameMessages): void {
  if (!registered.includes(bundle)) registered.push(bundle);
}

/** Looks up a message whose key is built at run time (game words, metric names); falls back to the key itself. */
export function tDynamic(key: string, params: Record<string, string | number> = {}): string {
  return messageIn(current, key, params) ?? key;
}

/**
 * The message for `key` in `language`, whatever the page's language is: the shell's dictionary first, then the games'
 * and the features' words; undefined when none has it. Tests read the words they expect on screen through this, so
 * one path checks every language.
 */
export function messageIn(language: Lang, key: string, params: Record<string, string | number> = {}): string | undefined {
  const words =
    key in en
      ? (LANGUAGES[language].messages as Readonly<Record<string, string>>)
      : [...GAME_MESSAGES, ...FEATURE_MESSAGES, ...registered].find((m) => m[language][key] !== undefined)?.[language];
  const text = words?.[key];
  if (words === undefined || text === undefined) return undefined;
  return fill(words[pluralKey(language, key, params)] ?? text, params, LANGUAGES[language].dir === 'rtl');
}

/**
 * Plural forms: a message whose number is its `count` parameter may have variants `<key>#<category>` beside it, one
 * for each plural category of the language that reads differently (Intl.PluralRules: Arabic has zero, one, two, few,
 * many and other; Ukrainian one, few, many and other; Dutch and English one and other). The key itself is the form
 * for every category without a variant of its own.
 */
export function pluralKey(language: Lang, key: string, params: Record<string, string | number>): string {
  const count = params['count'];
  return typeof count === 'number' ? `${key}${PLURAL_MARK}${pluralRules(language).select(count)}` : key;
}

/** Separates a message's key from its plural category in a variant's key. */
export const PLURAL_MARK = '#';

const rules = new Map<Lang, Intl.PluralRules>();
export function pluralRules(language: Lang): Intl.PluralRules {
  let r = rules.get(language);
  if (!r) rules.set(language, (r = new Intl.PluralRules(language)));
  return r;
}

/**
 * Fills {name} placeholders. In a right-to-left language each value is a bidi isolate (FSI … PDI), so a Latin name,
 * a file type or a number with its signs keeps its own order inside the sentence instead of being reordered with it
 * (a pilot's name, "Candidate 1", "N = 522").
 */
function fill(text: string, params: Record<string, string | number>, isolate = false): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? (isolate ? `\u2068${params[name]}\u2069` : String(params[name])) : m));
}

export function formatNumber(value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(current, { maximumFractionDigits }).format(value);
}

/** Re-renders its host when the language changes. */
export class I18nController implements ReactiveController {
  private readonly update = () => this.host.requestUpdate();
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    listeners.add(this.update);
  }
  hostDisconnected(): void {
    listeners.delete(this.update);
  }
}
