import { css, html, LitElement, nothing, svg } from 'lit';
import { I18nController, LANGUAGES, lang, tDynamic } from '../i18n/index.ts';
import type { JourneyView } from './journey.ts';
import { base } from './styles.ts';

const STEP = 100;

/**
 * The map between games: one station per game on a winding road, the ones done ticked, a marker where the candidate
 * is, and the time left. The drawing is decoration (hidden from assistive technology); the same facts are a list
 * and a sentence beside it. Mirrored for right-to-left languages by placing the stations, not by flipping the text.
 */
export class TsJourneyMap extends LitElement {
  static override properties = { view: { attribute: false } };
  static override styles = [
    base,
    css`
      :host { display: grid; gap: 0.5rem; }
      svg { inline-size: 100%; block-size: auto; max-block-size: 10rem; }
      .road { fill: none; stroke: #c9cce0; stroke-width: 10; stroke-linecap: round; stroke-dasharray: 1 16; }
      .road-done { fill: none; stroke: var(--accent); stroke-width: 6; stroke-linecap: round; }
      .station { stroke-width: 4; }
      .done { fill: #0b7a4b; stroke: #0b7a4b; }
      .here { fill: #fff; stroke: var(--accent); stroke-width: 6; }
      .ahead { fill: #fff; stroke: #8b90b0; }
      .mark { fill: #fff; font: 700 26px system-ui, sans-serif; text-anchor: middle; dominant-baseline: central; }
      .num { fill: var(--ink); font: 700 22px system-ui, sans-serif; text-anchor: middle; dominant-baseline: central; }
      .pin { fill: #f0b400; stroke: var(--ink); stroke-width: 2; }
      .flag { fill: var(--accent); }
      ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem 0.5rem; }
      li { display: inline-flex; gap: 0.3rem; align-items: center; border-radius: 999px; padding-block: 0.15rem; padding-inline: 0.6rem; background: #eef0f7; font-size: 0.9rem; }
      li.here { background: var(--accent); color: var(--accent-ink); font-weight: 700; }
      li.done { background: #d7f2e3; color: #0b5132; }
      .left { font-weight: 700; margin: 0; }
      @media (prefers-reduced-motion: no-preference) { .pin { animation: bob 1.6s ease-in-out infinite; } }
      @keyframes bob { 50% { transform: translateY(-5px); } }
    `,
  ];

  declare view: JourneyView | null;
  private readonly i18n = new I18nController(this);

  constructor() {
    super();
    this.view = null;
  }

  override render() {
    const v = this.view;
    if (!v) return nothing;
    const n = v.stations.length;
    const done = v.stations.filter((s) => s.status === 'done').length;
    const minutes = Math.round(v.secondsLeft / 60);
    return html`
      ${this.renderDrawing(v)}
      <p class="left" role="status">
        ${tDynamic('journey.progress', { done, count: n })} ·
        ${v.secondsLeft === 0 ? nothing : minutes < 1 ? tDynamic('journey.leftSoon') : tDynamic('journey.left', { count: minutes })}
      </p>
      <ol aria-label=${tDynamic('journey.title')}>
        ${v.stations.map(
          (s, i) => html`<li class=${s.status} aria-current=${s.status === 'here' ? 'step' : 'false'}>
            <span>${tDynamic('journey.station', { index: i + 1, game: tDynamic(`game.${s.game}`) })}</span>
            <span class="visually-hidden">(${tDynamic(`journey.${s.status}`)})</span>
          </li>`,
        )}
      </ol>
    `;
  }

  private renderDrawing(v: JourneyView) {
    const n = v.stations.length;
    const rtl = LANGUAGES[lang()].dir === 'rtl';
    const width = n * STEP + STEP;
    const at = (i: number) => ({ x: STEP * ((rtl ? n - 1 - i : i) + 0.5) + STEP / 2, y: i % 2 === 0 ? 100 : 70 });
    const points = v.stations.map((_, i) => at(i));
    const finish = { x: rtl ? STEP / 2 : width - STEP / 2, y: n % 2 === 0 ? 100 : 70 };
    const start = { x: rtl ? width - STEP / 4 : STEP / 4, y: 85 };
    const road = [start, ...points, finish];
    const path = road.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
    const walked = road.slice(0, Math.min(road.length, v.here + 2));
    const walkedPath = walked.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
    const here = v.here < n ? points[v.here] : finish;
    return html`<svg viewBox="0 0 ${width} 135" aria-hidden="true" focusable="false">
      <path class="road" d=${path}></path>
      ${walked.length > 1 ? svg`<path class="road-done" d=${walkedPath}></path>` : nothing}
      ${svg`<path class="flag" d="M${finish.x - 4} ${finish.y + 18} V${finish.y - 30} L${finish.x + 22} ${finish.y - 22} L${finish.x - 4} ${finish.y - 14} Z"></path>`}
      ${v.stations.map((s, i) => {
        const p = points[i] ?? { x: 0, y: 0 };
        return svg`<circle class="station ${s.status}" cx=${p.x} cy=${p.y} r=${s.status === 'here' ? 22 : 18}></circle>
          ${s.status === 'done' ? svg`<text class="mark" x=${p.x} y=${p.y}>✓</text>` : svg`<text class="num" x=${p.x} y=${p.y}>${i + 1}</text>`}`;
      })}
      ${here ? svg`<g><path class="pin" d="M${here.x} ${here.y - 26} l-11 -18 a13 13 0 1 1 22 0 Z"></path></g>` : nothing}
    </svg>`;
  }
}

customElements.define('ts-journey-map', TsJourneyMap);

declare global {
  interface HTMLElementTagNameMap {
    'ts-journey-map': TsJourneyMap;
  }
}
