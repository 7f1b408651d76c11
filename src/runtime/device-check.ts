/**
 * The device check before a scan: is this screen, input and browser fit for timed games? Pure, so every rule is
 * tested; the measuring is in device-probe.ts and the screen in src/shell/ts-device-check.ts.
 *
 * Nothing here refuses a candidate: an unsuitable setup is explained kindly with what to change, and the candidate
 * may still go on (the log records the device, and the profile's device class and quality flags say the rest).
 */
export interface DeviceMeasurements {
  viewport: { width: number; height: number };
  pointer: 'coarse' | 'fine' | 'none';
  /** Estimated from rAF intervals; null when the page could not animate (hidden, throttled). */
  refreshHz: number | null;
  fullscreenAvailable: boolean;
  /** Whether the page is cross-origin isolated (5 µs timer resolution instead of 100 µs). */
  isolated: boolean;
}

export type CheckLevel = 'ok' | 'advice' | 'unsuitable';

export interface CheckItem {
  check: 'screen' | 'orientation' | 'refresh' | 'fullscreen' | 'timer';
  level: CheckLevel;
  /** i18n key (src/shell/device-check-messages.ts). */
  message: string;
}

/** Smallest stage (CSS px, shorter side) the games are laid out for. */
export const MIN_SHORT_SIDE = 300;
/** Below this the stimuli's timing cannot be shown as designed (one frame > 33 ms). */
export const MIN_REFRESH_HZ = 30;
/** Below this a frame is long enough to matter for onset precision (> 20 ms). */
export const GOOD_REFRESH_HZ = 50;

export function assessDevice(m: DeviceMeasurements): CheckItem[] {
  const short = Math.min(m.viewport.width, m.viewport.height);
  const items: CheckItem[] = [];
  items.push(
    short < MIN_SHORT_SIDE
      ? { check: 'screen', level: 'unsuitable', message: 'device.screen.small' }
      : { check: 'screen', level: 'ok', message: 'device.screen.ok' },
  );
  // A phone on its side leaves too little height for the stage and the panel under it.
  if (m.pointer === 'coarse' && m.viewport.width > m.viewport.height && m.viewport.height < 500) {
    items.push({ check: 'orientation', level: 'advice', message: 'device.orientation.portrait' });
  }
  if (m.refreshHz === null) items.push({ check: 'refresh', level: 'advice', message: 'device.refresh.unknown' });
  else if (m.refreshHz < MIN_REFRESH_HZ) items.push({ check: 'refresh', level: 'unsuitable', message: 'device.refresh.slow' });
  else if (m.refreshHz < GOOD_REFRESH_HZ) items.push({ check: 'refresh', level: 'advice', message: 'device.refresh.low' });
  else items.push({ check: 'refresh', level: 'ok', message: 'device.refresh.ok' });
  items.push(
    m.fullscreenAvailable
      ? { check: 'fullscreen', level: 'ok', message: 'device.fullscreen.ok' }
      : { check: 'fullscreen', level: 'advice', message: 'device.fullscreen.none' },
  );
  if (!m.isolated) items.push({ check: 'timer', level: 'advice', message: 'device.timer.coarse' });
  return items;
}

export function overall(items: readonly CheckItem[]): CheckLevel {
  return items.some((i) => i.level === 'unsuitable') ? 'unsuitable' : items.some((i) => i.level === 'advice') ? 'advice' : 'ok';
}
