import { css, html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

export const stenScaleStyles = css`
  .scale { position: relative; inline-size: 100%; block-size: 24px; }
  .scale .cell { position: absolute; inset-block: 9px; inline-size: 9.2%; background: #e1e3ee; border-radius: 2px; }
  .scale .band { position: absolute; inset-block: 5px; min-inline-size: 4px; background: rgb(59 47 201 / 0.28); border-radius: 6px; }
  .scale .dot { position: absolute; inset-block-start: 5px; inline-size: 14px; block-size: 14px; margin-inline-start: -7px; background: var(--accent); border-radius: 50%; }
`;

/** A 1–10 sten scale with the 90% interval as a band and the score as a dot; logical insets mirror it in Arabic. */
export function stenScale(sten: number, low: number | undefined, high: number | undefined, label: string) {
  const at = (v: number) => `${((Math.min(10, Math.max(1, v)) - 0.5) / 10) * 100}%`;
  const lo = Math.min(low ?? sten, sten);
  const hi = Math.max(high ?? sten, sten);
  const band = { insetInlineStart: at(lo), inlineSize: `calc(${at(hi)} - ${at(lo)})` };
  return html`<div class="scale" role="img" aria-label=${label}>
    ${Array.from({ length: 10 }, (_, i) => html`<span class="cell" style=${styleMap({ insetInlineStart: `${i * 10 + 0.4}%` })}></span>`)}
    <span class="band" style=${styleMap(band)}></span>
    <span class="dot" style=${styleMap({ insetInlineStart: at(sten) })}></span>
  </div>`;
}
