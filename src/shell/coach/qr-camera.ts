/**
 * Reads a QR code from the device camera: getUserMedia into a <video>, frames drawn to a canvas a few times a second
 * and decoded with jsQR (pure JavaScript: no WebAssembly, worker or CDN download, so it runs under our CSP and
 * offline). The first code read stops the camera. Camera failures are named so the page can say what to do instead.
 */
import jsQR from 'jsqr';

export type CameraProblem = 'unsupported' | 'denied' | 'no-camera' | 'in-use' | 'failed';

/** Maps a getUserMedia failure (DOMException names from the Media Capture spec) to what the coach is told. */
export function cameraProblem(err: unknown): CameraProblem {
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-camera';
  if (name === 'NotReadableError' || name === 'AbortError') return 'in-use';
  if (name === 'TypeError' || name === 'NotSupportedError') return 'unsupported';
  return 'failed';
}

export class CameraError extends Error {
  constructor(readonly problem: CameraProblem) {
    super(problem);
  }
}

/** Time between decode attempts: enough to catch a code held up to the camera, light on a small laptop. */
const SCAN_INTERVAL_MS = 150;

export class QrCamera {
  private stream: MediaStream | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly canvas = document.createElement('canvas');

  get running(): boolean {
    return this.stream !== undefined;
  }

  /** Starts the camera into `video`; `onCode` gets the first QR code's text. Throws a CameraError when it cannot. */
  async start(video: HTMLVideoElement, onCode: (text: string) => void): Promise<void> {
    this.stop();
    if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('unsupported');
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (err) {
      throw new CameraError(cameraProblem(err));
    }
    video.srcObject = this.stream;
    video.muted = true;
    video.playsInline = true;
    await video.play().catch(() => undefined);
    const tick = () => {
      if (!this.stream) return;
      const text = this.decode(video);
      if (text !== undefined) {
        this.stop();
        onCode(text);
        return;
      }
      this.timer = setTimeout(tick, SCAN_INTERVAL_MS);
    };
    tick();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
  }

  private decode(video: HTMLVideoElement): string | undefined {
    const w = video.videoWidth;
    const h = video.videoHeight;
    if (!w || !h) return undefined;
    this.canvas.width = w;
    this.canvas.height = h;
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return undefined;
    ctx.drawImage(video, 0, 0, w, h);
    const code = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'dontInvert' });
    return code?.data || undefined;
  }
}
