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
  return fill(LANGUAGES[current].messages[key], params);
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
  if (key in en) return fill(LANGUAGES[language].messages[key as MessageKey], params);
  for (const m of [...GAME_MESSAGES, ...FEATURE_MESSAGES, ...registered]) {
    const text = m[language][key];
    if (text !== undefined) return fill(text, params);
  }
  return undefined;
}

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
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
