import { css } from 'lit';

/** Looks shared by the coach workspace's components: forms, tables, badges, the sten range chart, print. */
export const coachStyles = css`
  /* One column no wider than the card: a control's own minimum width (a file input's) must not push the card's content out. */
  .stack { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.75rem; align-content: start; justify-items: stretch; }
  label { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.3rem; font-weight: 600; }
  label.check { display: flex; align-items: center; gap: 0.5rem; font-weight: 400; min-block-size: 44px; }
  label.check input { inline-size: 1.3rem; block-size: 1.3rem; }
  input:not([type='checkbox']):not([type='file']), select, textarea {
    font: inherit; min-block-size: 44px; box-sizing: border-box; border-radius: 8px; border: 1px solid #767a96; padding-inline: 0.5rem;
    background: var(--card); color: var(--ink);
  }
  textarea { min-block-size: 6rem; padding-block: 0.5rem; font-family: ui-monospace, monospace; font-size: 0.85rem; inline-size: 100%; }
  textarea.notes { font-family: inherit; font-size: 1rem; }
  input[type='file'] { font: inherit; min-block-size: 44px; max-inline-size: 100%; }
  textarea:focus-visible, summary:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
  button.small { min-block-size: 44px; padding-inline: 0.9em; font-size: 0.95rem; }
  button.danger { color: #a3211a; border-color: #a3211a; }
  button.danger:not(.secondary) { background: #a3211a; color: #fff; }
  .scroll { overflow-x: auto; }
  table { inline-size: 100%; border-collapse: collapse; font-size: 0.95rem; }
  th, td { text-align: start; padding-block: 0.4rem; padding-inline: 0.5rem; border-block-end: 1px solid #e1e3ee; }
  td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
  tr.current { background: #eeecff; }
  .muted { color: var(--ink-soft); }
  .badge { display: inline-block; border-radius: 6px; padding-inline: 0.4rem; font-weight: 600; }
  .badge.ok { background: #dff3e5; color: #145c2c; }
  .badge.bad { background: #fde4e1; color: #8a1c15; }
  .ok-box { border-inline-start: 6px solid #1b7f3b; padding-inline-start: 0.75rem; }
  .bad-box { border-inline-start: 6px solid #b3261e; padding-inline-start: 0.75rem; background: #fdf1ef; border-radius: 6px; padding-block: 0.5rem; }
  .provisional { background: var(--warn-bg); color: var(--warn-ink); border-radius: 8px; padding: 0.5rem 0.75rem; }
  details > summary { cursor: pointer; min-block-size: 44px; display: flex; align-items: center; color: var(--accent); font-weight: 600; }
  code { overflow-wrap: anywhere; }
  .range { position: relative; inline-size: 100%; min-inline-size: 8rem; block-size: 24px; background: #f0f1f7; border-radius: 6px; }
  .range .target { position: absolute; inset-block: 3px; background: rgb(27 127 59 / 0.28); border: 1px solid #1b7f3b; border-radius: 5px; }
  .range .ci { position: absolute; inset-block: 8px; background: rgb(59 47 201 / 0.3); border-radius: 4px; }
  .range .dot { position: absolute; inset-block-start: 5px; inline-size: 14px; block-size: 14px; margin-inline-start: -7px; border-radius: 50%; background: var(--accent); }
  .range .dot.b { background: #b35c00; border-radius: 2px; }
  .print-only { display: none; }
  @media print {
    .print-only { display: block; }
    .no-print, button, details > summary { display: none !important; }
    details { display: block; }
    /*
     * Long sections may run over a page (keeping them whole left pages half empty); rows, lists and headings may not.
     * Grids become blocks: Chromium moves a grid item that does not fit to the next page instead of splitting it.
     */
    .stack { display: block; }
    .stack > * + * { margin-block-start: 0.75rem; }
    .card { box-shadow: none; border: 1px solid #c5c8da; }
    tr, dl, .range, .notice { break-inside: avoid; }
    h1, h2, h3, thead { break-after: avoid; }
  }
`;
