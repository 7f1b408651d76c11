/**
 * The private-window warning's rule. Numbers: Chromium measured (storage-probe.ts) — a normal profile's quota 162 GB,
 * an incognito-like one 1.6 GB, heap limit 3.76 GB, the same quota in a cross-site frame as at the top level.
 */
import { describe, expect, it } from 'vitest';
import { framedByOtherOrigin, storageWarning } from './storage-probe.ts';

const GB = 1e9;
const HEAP = 3.76 * GB;

describe('storage warning', () => {
  it("names a private window only at the top level; in another site's frame it says the storage may end with the window", () => {
    expect(storageWarning(162 * GB, HEAP, false)).toBeNull();
    expect(storageWarning(1.6 * GB, HEAP, false)).toBe('private-window');
    // The same small quota in a pilot's frame: a partition's smaller share, ephemeral storage or a private window.
    expect(storageWarning(1.6 * GB, HEAP, true)).toBe('framed');
    expect(storageWarning(162 * GB, HEAP, true)).toBeNull();
    expect(storageWarning(null, HEAP, true)).toBeNull();
  });

  it('knows a frame of another origin from the top level and from a frame of our own origin', () => {
    const location = { origin: 'https://scan.example' };
    const self = { location };
    expect(framedByOtherOrigin({ top: self, self, location })).toBe(false);
    expect(framedByOtherOrigin({ top: { location }, self, location })).toBe(false);
    expect(framedByOtherOrigin({ top: { location: { origin: 'https://acme.example' } }, self, location })).toBe(true);
    // A cross-origin top window's location cannot be read at all.
    const crossOrigin = {
      get location(): { origin: string } {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    };
    expect(framedByOtherOrigin({ top: crossOrigin, self, location })).toBe(true);
  });
});
