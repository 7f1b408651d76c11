/** Small HTTP helpers for the issuer on node:http: bounded body reading, JSON answers, errors with a clear reason. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Machine-readable reason (the shell maps it to words in the candidate's language). */
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Headers of every issuer response: no caching of personal data, no sniffing, nothing framed or embedded. */
export const API_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

/** Public documents (metadata, DID document, JWKS, status list) are readable from any origin, e.g. a verifier page. */
export const PUBLIC_HEADERS: Record<string, string> = {
  ...API_HEADERS,
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = API_HEADERS): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = API_HEADERS): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/**
 * Reads a request body of at most `limit` bytes. A larger body (by Content-Length or as it streams in) is refused with
 * 413 before it is buffered; the rest of it is drained so the connection can answer.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new HttpError(413, 'too-large', `The request body is larger than ${limit} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, 'too-large', `The request body is larger than ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(new HttpError(400, 'bad-request', `The request could not be read: ${err.message}`));
    });
  });
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'unsupported-media-type', 'Send the request as application/json.');
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'malformed-json', 'The request body is not valid JSON.');
  }
}

export async function readForm(req: IncomingMessage, limit: number): Promise<Record<string, string>> {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new HttpError(415, 'invalid_request', 'Send the token request as application/x-www-form-urlencoded.');
  const body = await readBody(req, limit);
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

/** A fetch-style view of a node request for libraries that want `{ method, url, headers }`. */
export function requestLike(req: IncomingMessage, publicUrl: string): { method: 'GET' | 'POST'; url: string; headers: Headers } {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') headers.set(k, v);
    else if (Array.isArray(v)) headers.set(k, v.join(', '));
  }
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  return { method: req.method === 'GET' ? 'GET' : 'POST', url: publicUrl + path, headers };
}
