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
  /**
   * For the researcher only (the log holds it elsewhere): not shown to the candidate, because it changes nothing they
   * could do or should expect.
   */
  researcherOnly?: true;
}

/**
 * Smallest stage (CSS px, shorter side) the games are laid out for. The games size their stimuli as shares of the stage
 * with floors (games/<id>/scene.ts), so what limits is the Corsi board (games/corsi/board.ts): a board of side − 32 px
 * whose blocks stop shrinking at the 44 px touch target below a 307 px side; at 300 its two closest blocks keep a
 * 9.6 px gap (8.8 at 296, 3.6 at 270; they touch at 252). Screenshots of every game at 296×560 (2026-12-02) showed
 * them whole; the value is kept at 300, which every phone meets (the narrowest in use are 320 px), and a pilot's frame
 * must give a phone its full width (docs/embed-protocol.md, "Sizing the frame").
 */
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
  // Without cross-origin isolation (always so in a pilot's iframe unless the pilot's own page is isolated) Chromium
  // stamps events at 100 µs instead of 5 µs. RTs are reported in whole ms and a frame lasts 16.7 ms (docs/timing.md),
  // so a 0.1 ms grain does not change a score or its uncertainty in any way a candidate should hear about; the
  // researcher reads it in the log (page-start.crossOriginIsolated).
  if (!m.isolated) items.push({ check: 'timer', level: 'ok', message: 'device.timer.coarse', researcherOnly: true });
  return items;
}

export function overall(items: readonly CheckItem[]): CheckLevel {
  return items.some((i) => i.level === 'unsuitable') ? 'unsuitable' : items.some((i) => i.level === 'advice') ? 'advice' : 'ok';
}
