import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrImage, rgba } from '../../../tests/support/qr-frames.ts';
import { cameraProblem } from './qr-camera.ts';

const OFFER = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify({ credential_issuer: 'http://127.0.0.1:4317' }))}`;

describe('the camera scanner', () => {
  it('decodes from camera-sized pixels with the library the workspace uses', () => {
    const img = qrImage(OFFER);
    expect(jsQR(rgba(img), img.width, img.height)?.data).toBe(OFFER);
  });

  it('names each camera failure so the page can say what to do', () => {
    const dom = (name: string) => Object.assign(new Error(name), { name });
    expect(cameraProblem(dom('NotAllowedError'))).toBe('denied');
    expect(cameraProblem(dom('NotFoundError'))).toBe('no-camera');
    expect(cameraProblem(dom('NotReadableError'))).toBe('in-use');
    expect(cameraProblem(dom('NotSupportedError'))).toBe('unsupported');
    expect(cameraProblem(new Error('?'))).toBe('failed');
  });
});
