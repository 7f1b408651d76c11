/**
 * The coach's OpenID4VP verifier as a Fastify plugin (app.ts registers it):
 *   POST /coach/api/presentations       { domains } → { id, uri, qrSvg, expiresAt }   (same origin: the coach's page)
 *   GET  /coach/api/presentations/:id   pending | received (the presentation) | refused (reason); read once
 *   POST /coach/oid4vp/response          the wallet's direct_post (application/x-www-form-urlencoded: vp_token, state)
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { API_HEADERS, HttpError } from '../http.ts';
import { Openid4vpVerifier, PRESENTATIONS_PATH, PresentationError, RESPONSE_PATH, type VerifierOptions } from './verifier.ts';

export interface Openid4vpPlugin {
  verifier: Openid4vpVerifier;
  routes: FastifyPluginAsync;
}

export function openid4vpPlugin(opts: VerifierOptions & { allowedOrigins: readonly string[] }): Openid4vpPlugin {
  const verifier = new Openid4vpVerifier(opts);
  const sameOrigin = (req: FastifyRequest) => {
    const origin = req.headers.origin;
    if ((origin !== undefined && !opts.allowedOrigins.includes(origin)) || req.headers['sec-fetch-site'] === 'cross-site') {
      throw new PresentationError(403, 'origin-not-allowed', 'Requests from this origin are not accepted.');
    }
  };
  const routes: FastifyPluginAsync = async (app) => {
    app.addHook('onSend', async (_req, reply) => {
      reply.headers(API_HEADERS);
    });
    app.setErrorHandler((err, req, reply) => {
      const e = err instanceof PresentationError || err instanceof HttpError ? err : undefined;
      const status = e?.status ?? (typeof (err as { statusCode?: unknown }).statusCode === 'number' ? (err as { statusCode: number }).statusCode : 500);
      if (status >= 500) req.log.error({ err }, 'openid4vp error');
      void reply.code(status).send({
        error: e?.code ?? (status < 500 ? 'bad-request' : 'internal'),
        reason: e?.message ?? (status < 500 ? 'Bad request.' : 'The verifier failed.'),
      });
    });
    app.post(PRESENTATIONS_PATH, { bodyLimit: 4096 }, async (req, reply) => {
      sameOrigin(req);
      return reply.code(201).send(await verifier.create(req.body));
    });
    app.get<{ Params: { id: string } }>(`${PRESENTATIONS_PATH}/:id`, async (req) => {
      sameOrigin(req);
      return verifier.poll(req.params.id);
    });
    app.post(RESPONSE_PATH, { bodyLimit: 256 * 1024 }, async (req, reply) => {
      const form = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, string>;
      const outcome = await verifier.respond(form);
      if (outcome.status === 'refused') return reply.code(400).send({ error: 'invalid_request', error_description: `${outcome.reason}: ${outcome.detail}` });
      return reply.send({});
    });
  };
  return { verifier, routes };
}
