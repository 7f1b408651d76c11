/**
 * Shared pieces of the HTTP layer (Fastify, see app.ts): the error type every route throws, the response headers of
 * the issuer API and of public documents, and a fetch-style request view for the OpenID4VCI libraries.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

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

/**
 * The framework's own refusals (body parsing, size, schema) as our error type, so every route answers them with its
 * usual error body. Anything else is left for the caller (a 500).
 */
export function frameworkError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  const e = err as { code?: string; statusCode?: number; validation?: unknown; message?: string; validationContext?: string };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413) {
    return new HttpError(413, 'too-large', 'The request body is larger than this endpoint accepts.', undefined, { Connection: 'close' });
  }
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.statusCode === 415)
    return new HttpError(415, 'unsupported-media-type', 'Send the request as application/json.');
  if (e.validation) return new HttpError(400, 'bad-request', `The request is malformed: ${e.validationContext ?? 'body'} ${e.message ?? ''}`.trim());
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
    return new HttpError(400, 'malformed-json', 'The request body is not valid JSON.');
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)
    return new HttpError(e.statusCode, 'bad-request', e.message ?? 'Bad request.');
  return undefined;
}

/** A fetch-style view of a request for libraries that want `{ method, url, headers }`. */
export function requestLike(req: FastifyRequest, publicUrl: string): { method: 'GET' | 'POST'; url: string; headers: Headers } {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') headers.set(k, v);
    else if (Array.isArray(v)) headers.set(k, v.join(', '));
  }
  const path = new URL(req.url, 'http://x').pathname;
  return { method: req.method === 'GET' ? 'GET' : 'POST', url: publicUrl + path, headers };
}

/** Constant-time comparison of two secrets (or their hashes). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
