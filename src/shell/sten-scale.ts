import { css, html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatNumber, tDynamic } from '../i18n/index.ts';
import './results-explain-messages.ts';

export const stenScaleStyles = css`
  .scale { position: relative; inline-size: 100%; block-size: 24px; }
  .scale .cell { position: absolute; inset-block: 9px; inline-size: 9.2%; background: #e1e3ee; border-radius: 2px; }
  .scale .band { position: absolute; inset-block: 5px; min-inline-size: 4px; background: rgb(59 47 201 / 0.28); border-radius: 6px; }
  /* The scale's ends in words; flex mirrors them in Arabic, and they wrap rather than overflow on a 360 px phone. */
  .scale-ends { display: flex; justify-content: space-between; gap: 0.5rem; font-size: 0.8rem; color: var(--ink-soft); margin-block-start: -0.15rem; }
  .scale .dot { position: absolute; inset-block-start: 5px; inline-size: 14px; block-size: 14px; margin-inline-start: -7px; background: var(--accent); border-radius: 50%; }
`;

/**
 * A 1–10 sten scale with the 90% interval as a band and the score as a dot, and its two ends named under it; logical
 * insets mirror it in Arabic. The end labels are hidden from screen readers: the scale's own label says the score.
 */
export function stenScale(sten: number, low: number | undefined, high: number | undefined, label: string) {
  const at = (v: number) => `${((Math.min(10, Math.max(1, v)) - 0.5) / 10) * 100}%`;
  const lo = Math.min(low ?? sten, sten);
  const hi = Math.max(high ?? sten, sten);
  const band = { insetInlineStart: at(lo), inlineSize: `calc(${at(hi)} - ${at(lo)})` };
  return html`<div class="scale" role="img" aria-label=${label}>
    ${Array.from({ length: 10 }, (_, i) => html`<span class="cell" style=${styleMap({ insetInlineStart: `${i * 10 + 0.4}%` })}></span>`)}
    <span class="band" style=${styleMap(band)}></span>
    <span class="dot" style=${styleMap({ insetInlineStart: at(sten) })}></span>
  </div>
  <div class="scale-ends" aria-hidden="true"><span>${tDynamic('scale.low', { n: formatNumber(1) })}</span><span>${tDynamic('scale.high', { n: formatNumber(10) })}</span></div>`;
}
