/**
 * QR codes as pixels, made at test time (no binary fixtures): a grey image of a code (black modules on white, with a
 * quiet zone), as RGBA for a decoder and as a YUV4MPEG2 video that Chromium's fake camera plays
 * (`--use-file-for-fake-video-capture`).
 */
import QRCode from 'qrcode';

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black to 255 white. */
  grey: Uint8Array;
}

/** The code centred in a white `width`×`height` image, each module a square of whole pixels. */
export function qrImage(text: string, width = 640, height = 480): GreyImage {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'L' });
  const n = modules.size;
  const scale = Math.floor((Math.min(width, height) * 0.9) / (n + 8));
  if (scale < 2) throw new Error(`The text is too long for a ${width}×${height} QR image (${n} modules)`);
  const side = n * scale;
  const x0 = Math.floor((width - side) / 2);
  const y0 = Math.floor((height - side) / 2);
  const grey = new Uint8Array(width * height).fill(255);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      if (!modules.get(r, c)) continue;
      for (let y = 0; y < scale; y++) grey.fill(0, (y0 + r * scale + y) * width + x0 + c * scale, (y0 + r * scale + y) * width + x0 + (c + 1) * scale);
    }
  return { width, height, grey };
}

export function rgba(img: GreyImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0; i < img.grey.length; i++) {
    out.set([img.grey[i]!, img.grey[i]!, img.grey[i]!, 255], i * 4);
  }
  return out;
}

/** A few frames of YUV4MPEG2 (4:2:0, studio range) showing the image still; Chromium loops the file. */
export function y4m(img: GreyImage, frames = 10, fps = 10): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${img.width} H${img.height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  const y = Buffer.from(img.grey.map((v) => 16 + Math.round((v * 219) / 255)));
  const chroma = Buffer.alloc((img.width / 2) * (img.height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}
