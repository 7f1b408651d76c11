/**
 * The words a test expects on screen, in any language, read from the product's own catalogues: one test path checks
 * every language, and a missing word fails loudly instead of matching nothing.
 */
import '../../src/coach/messages.ts';
import { type Lang, messageIn } from '../../src/i18n/index.ts';
import '../../src/shell/journey-messages.ts';
import '../../src/shell/past-results-messages.ts';
import '../../src/shell/session-messages.ts';

export type Say = (key: string, params?: Record<string, string | number>) => string;

export function wordsIn(lang: Lang): Say {
  return (key, params = {}) => {
    const text = messageIn(lang, key, params);
    if (text === undefined) throw new Error(`No ${lang} message "${key}"`);
    return text;
  };
}

/** A RegExp that matches `text` literally (for names that are part of a longer accessible name). */
export function literally(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
