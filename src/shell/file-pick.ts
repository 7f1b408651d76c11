/**
 * A file input a candidate or coach can use in their own language: the browser's own control says "Choose File / No
 * file chosen" in the browser's language whatever the page's, so the real input is kept out of sight (still focusable
 * and named, so keyboards and screen readers use it as a file button) and a localized button-like label stands for
 * it. The label shows the 3 px focus ring when the input has keyboard focus (`.file-pick` in styles.ts, WCAG 2.4.7);
 * the chosen file's name, when the caller shows it, is the input's description.
 */
import { html, nothing } from 'lit';
import { registerMessages, tDynamic } from '../i18n/index.ts';

registerMessages({
  nl: { 'file.chosen': 'Gekozen: {name}' },
  en: { 'file.chosen': 'Chosen: {name}' },
  uk: { 'file.chosen': 'Вибрано: {name}' },
  ar: { 'file.chosen': 'الملف المختار: {name}' },
});

export interface FilePick {
  /** Unique in its shadow root: ties the label and the description to the input. */
  id: string;
  label: string;
  accept: string;
  onChange: (e: Event) => void;
  /** The chosen file's name to show under the button; undefined when the caller shows nothing (the pick acts at once). */
  chosen?: string | null;
  disabled?: boolean;
}

export function filePick(p: FilePick) {
  const described = p.chosen ? `${p.id}-chosen` : nothing;
  return html`<span class="file-pick">
    <input id=${p.id} type="file" accept=${p.accept} aria-describedby=${described} ?disabled=${p.disabled ?? false} @change=${p.onChange} />
    <label class="button secondary" for=${p.id}>${p.label}</label>
    ${p.chosen ? html`<span class="file-chosen" id=${`${p.id}-chosen`}>${tDynamic('file.chosen', { name: p.chosen })}</span>` : nothing}
  </span>`;
}
