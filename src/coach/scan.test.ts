import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrImage, rgba } from '../../tests/support/qr-frames.ts';
import { cameraProblem } from '../shell/coach/qr-camera.ts';
import { classifyScan } from './scan.ts';

const OFFER = `openid-credential-offer://?credential_offer=${encodeURIComponent(
  JSON.stringify({
    credential_issuer: 'http://127.0.0.1:4317',
    credential_configuration_ids: ['a', 'b'],
    grants: { x: { 'pre-authorized_code': 'c'.repeat(43) } },
  }),
)}`;

describe('a scanned QR code', () => {
  it('is a credential for the intake, an offer or request explained, or not ours', () => {
    const credential = `eyJhbGciOiJFUzI1NiJ9.eyJ2Y3QiOiJ4In0.c2ln~WyJhIiwiYiJd~`;
    expect(classifyScan(` ${credential}\n`)).toEqual({ kind: 'intake', parsed: { kind: 'credential', credential }, text: credential });
    expect(classifyScan(JSON.stringify({ vcSdJwt: credential })).kind).toBe('intake');
    expect(classifyScan(OFFER)).toEqual({ kind: 'offer' });
    expect(classifyScan('openid4vp://?client_id=x')).toEqual({ kind: 'request' });
    expect(classifyScan('https://example.org/')).toEqual({ kind: 'unknown' });
    expect(classifyScan('')).toEqual({ kind: 'unknown' });
  });

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
