import { describe, expect, it } from 'vitest';
import { assessDevice, type DeviceMeasurements, overall } from './device-check.ts';

const phone: DeviceMeasurements = { viewport: { width: 360, height: 640 }, pointer: 'coarse', refreshHz: 60, fullscreenAvailable: true, isolated: true };

describe('device check', () => {
  it('finds a 360×640 phone at 60 Hz fit, with nothing to change', () => {
    expect(overall(assessDevice(phone))).toBe('ok');
  });

  it('advises portrait for a phone on its side, and says what iOS lacks (full screen) without refusing', () => {
    const items = assessDevice({ ...phone, viewport: { width: 640, height: 360 }, fullscreenAvailable: false });
    expect(items.filter((i) => i.level === 'advice').map((i) => i.check)).toEqual(['orientation', 'fullscreen']);
    expect(overall(items)).toBe('advice');
  });

  it('calls a tiny screen or a very slow display unsuitable, and a 40 Hz one a matter for advice', () => {
    expect(overall(assessDevice({ ...phone, viewport: { width: 280, height: 500 } }))).toBe('unsuitable');
    expect(overall(assessDevice({ ...phone, refreshHz: 24 }))).toBe('unsuitable');
    expect(assessDevice({ ...phone, refreshHz: 40 }).find((i) => i.check === 'refresh')?.level).toBe('advice');
    expect(assessDevice({ ...phone, refreshHz: null }).find((i) => i.check === 'refresh')?.message).toBe('device.refresh.unknown');
  });

  it('notes a page without cross-origin isolation (coarser timer) for the researcher only: it is no advice', () => {
    const items = assessDevice({ ...phone, isolated: false });
    expect(items.find((i) => i.check === 'timer')).toEqual({ check: 'timer', level: 'ok', message: 'device.timer.coarse', researcherOnly: true });
    expect(overall(items)).toBe(overall(assessDevice({ ...phone, isolated: true })));
  });
});
