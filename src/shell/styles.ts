import { css } from 'lit';

/** Shared look: high contrast (WCAG 2.2 AA), large touch targets (≥ 44 px), logical properties for right-to-left. */
export const base = css`
  :host {
    --ink: #1a1d33;
    --ink-soft: #4a4f6a;
    --paper: #f7f7fb;
    --card: #ffffff;
    /* An embedding pilot's accent (checked for contrast when its file is loaded) reaches every component. */
    --accent: var(--pilot-accent, #3b2fc9);
    --accent-ink: #ffffff;
    --warn-bg: #fff4d6;
    --warn-ink: #5c3d00;
    --stage: #14182e;
    --radius: 14px;
    color: var(--ink);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif;
    line-height: 1.5;
  }
  h1, h2, h3 { line-height: 1.2; margin-block: 0 0.5em; }
  p { margin-block: 0 0.75em; }
  button, .button {
    font: inherit;
    font-weight: 600;
    min-block-size: 48px;
    min-inline-size: 48px;
    padding-block: 0.6em;
    padding-inline: 1.4em;
    border-radius: 999px;
    border: 2px solid var(--accent);
    background: var(--accent);
    color: var(--accent-ink);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  button.secondary, .button.secondary { background: transparent; color: var(--accent); }
  button:disabled { opacity: 0.5; cursor: not-allowed; }
  /* Every control shows the same ring when the keyboard reaches it (WCAG 2.4.7), a disclosure's summary included (the
     browser's own is a thin 1 px outline). A file input kept out of sight (file-pick.ts) lends it to its label. */
  button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible,
  summary:focus-visible, .file-pick input:focus-visible + label {
    outline: 3px solid #f0b400;
    outline-offset: 2px;
  }
  /* A heading or region that script focuses (tabindex=-1, so a screen reader starts reading there) is no control: no
     ring, after a click or a key alike. The specificity (0,2,0) beats a component's own h1:focus-visible. */
  [tabindex='-1']:focus, [tabindex='-1']:focus-visible { outline: none; }
  .file-pick { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; position: relative; }
  .file-pick input { position: absolute; inline-size: 1px; block-size: 1px; opacity: 0; overflow: hidden; }
  .file-pick label { cursor: pointer; }
  .file-pick input:disabled + label { opacity: 0.5; cursor: not-allowed; }
  .file-chosen { color: var(--ink-soft); overflow-wrap: anywhere; }
  .card {
    background: var(--card);
    border-radius: var(--radius);
    padding: 1.25rem;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
  }
  .notice { background: var(--warn-bg); color: var(--warn-ink); border-radius: var(--radius); padding: 0.75rem 1rem; }
  .visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
