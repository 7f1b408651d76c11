/**
 * The input-device class of a session or of one game: which device the scored answers came from.
 * Rule (docs/algorithm.md): take the trusted `input` events that a `response` event names (the answers that were
 * scored); pen counts as touch (a pointer on a screen with touch-like latency); the class with at least
 * DOMINANT_SHARE of those answers is the class, otherwise 'mixed'. Without any answer: the `page-start` pointer
 * (coarse → touch, fine → mouse, none → keyboard) of the first page.
 */
import type { InputDevice, LogEvent } from '../log/events.ts';
import type { DeviceClass } from './profile-types.ts';

export const DOMINANT_SHARE = 0.8;

const CLASS_OF: Record<InputDevice, Exclude<DeviceClass, 'mixed'>> = { keyboard: 'keyboard', mouse: 'mouse', touch: 'touch', pen: 'touch' };
const ORDER: readonly Exclude<DeviceClass, 'mixed'>[] = ['touch', 'mouse', 'keyboard'];

/** Counts of scored answers per device class, for one game or (game undefined) the whole session. */
export function answerDevices(events: readonly LogEvent[], game?: string): Record<Exclude<DeviceClass, 'mixed'>, number> {
  const inputs = new Map<number, InputDevice>();
  for (const e of events) if (e.type === 'input' && e.trusted) inputs.set(e.seq, e.device);
  const counts = { touch: 0, mouse: 0, keyboard: 0 };
  for (const e of events) {
    if (e.type !== 'response' || (game !== undefined && e.game !== game)) continue;
    const device = inputs.get(e.input);
    if (device) counts[CLASS_OF[device]]++;
  }
  return counts;
}

export function deviceClassOf(events: readonly LogEvent[], game?: string): DeviceClass {
  const counts = answerDevices(events, game);
  const total = counts.touch + counts.mouse + counts.keyboard;
  if (total === 0) {
    const page = events.find((e) => e.type === 'page-start');
    if (page?.type !== 'page-start') return 'mixed';
    return page.pointer === 'coarse' ? 'touch' : page.pointer === 'fine' ? 'mouse' : 'keyboard';
  }
  for (const c of ORDER) if (counts[c] / total >= DOMINANT_SHARE) return c;
  return 'mixed';
}
