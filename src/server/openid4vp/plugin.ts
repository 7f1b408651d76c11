/**
 * Mounts the coach's OpenID4VP verifier on the server (node:http today; one adapter when the server moves):
 *   POST /coach/api/presentations       { domains } → { id, uri, qrSvg, expiresAt }   (same origin: the coach's page)
 *   GET  /coach/api/presentations/:id   pending | received (the presentation) | refused (reason); read once
 *   POST /coach/oid4vp/response          the wallet's direct_post (application/x-www-form-urlencoded: vp_token, state)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_HEADERS, HttpError, readForm, readJson, sendJson } from '../http.ts';
import { Openid4vpVerifier, PRESENTATIONS_PATH, PresentationError, RESPONSE_PATH, type VerifierOptions } from './verifier.ts';

export interface Openid4vpMount {
  verifier: Openid4vpVerifier;
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

export function openid4vpHandler(opts: VerifierOptions & { allowedOrigins: readonly string[] }): Openid4vpMount {
  const verifier = new Openid4vpVerifier(opts);
  const sameOrigin = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    if ((origin !== undefined && !opts.allowedOrigins.includes(origin)) || req.headers['sec-fetch-site'] === 'cross-site') {
      throw new PresentationError(403, 'origin-not-allowed', 'Requests from this origin are not accepted.');
    }
  };
  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path === PRESENTATIONS_PATH && req.method === 'POST') {
      sameOrigin(req);
      sendJson(res, 201, await verifier.create(await readJson(req, 4096)));
      return true;
    }
    if (path.startsWith(`${PRESENTATIONS_PATH}/`) && req.method === 'GET') {
      sameOrigin(req);
      sendJson(res, 200, verifier.poll(decodeURIComponent(path.slice(PRESENTATIONS_PATH.length + 1))));
      return true;
    }
    if (path === RESPONSE_PATH && req.method === 'POST') {
      const outcome = await verifier.respond(await readForm(req, 256 * 1024));
      if (outcome.status === 'refused') sendJson(res, 400, { error: 'invalid_request', error_description: `${outcome.reason}: ${outcome.detail}` });
      else sendJson(res, 200, {});
      return true;
    }
    return false;
  }
  return {
    verifier,
    async handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (!path.startsWith('/coach/api/') && path !== RESPONSE_PATH) return false;
      try {
        if (await route(req, res, path)) return true;
        sendJson(res, 404, { error: 'not-found', reason: 'No such endpoint.' });
      } catch (err) {
        const e = err instanceof PresentationError || err instanceof HttpError ? err : undefined;
        if (!e) console.error('openid4vp error', err);
        sendJson(res, e?.status ?? 500, { error: e?.code ?? 'internal', reason: e?.message ?? 'The verifier failed.' }, API_HEADERS);
      }
      return true;
    },
  };
}
