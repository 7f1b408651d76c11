import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

/** Position on a 1–10 sten scale as an inline-start percentage (logical insets mirror it in right-to-left). */
const at = (v: number) => ((Math.min(10, Math.max(1, v)) - 1) / 9) * 100;

/** A sten range chart: an optional target band (a role's range), one or two scores with their intervals. */
export function rangeChart(label: string, opts: { target?: [number, number]; a?: { sten: number; low?: number; high?: number }; b?: { sten: number } }) {
  const { target, a, b } = opts;
  return html`<div class="range" role="img" aria-label=${label}>
    ${target ? html`<span class="target" style=${styleMap({ insetInlineStart: `${at(target[0])}%`, inlineSize: `${at(target[1]) - at(target[0])}%` })}></span>` : nothing}
    ${
      a && a.low !== undefined && a.high !== undefined
        ? html`<span class="ci" style=${styleMap({ insetInlineStart: `${at(a.low)}%`, inlineSize: `${Math.max(1, at(a.high) - at(a.low))}%` })}></span>`
        : nothing
    }
    ${a ? html`<span class="dot" style=${styleMap({ insetInlineStart: `${at(a.sten)}%` })}></span>` : nothing}
    ${b ? html`<span class="dot b" style=${styleMap({ insetInlineStart: `${at(b.sten)}%` })}></span>` : nothing}
  </div>`;
}
