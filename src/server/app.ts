/**
 * The one HTTP server: the issuer (and, later, the witness API) plus the built app, on Fastify.
 *
 * Why Fastify: routing, content-type parsing with per-route body limits, JSON-schema validation (Ajv, which the
 * issuer already uses), structured request logging (pino) and static serving with compression are all maintained
 * plugins of one framework, so none of them is ours to keep correct; it is also the fastest of the established Node
 * frameworks, which matters for the event-batch ingest of witnessed sessions.
 */
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { resolve } from 'node:path';
import type { PilotConfig } from '../embed/pilot.ts';
import { DEFAULT_LIMITS, type IssuerConfig } from './config.ts';
import { embedRoutes } from './embed-routes.ts';
import { API_HEADERS, PUBLIC_HEADERS } from './http.ts';
import { ISSUER_METHODS, isWalletPath, type Issuer } from './issuer.ts';
import { coachVerifier } from './openid4vp/mount.ts';
import { securityHeaders } from './security-headers.ts';

/** Client-side routes of the shell: served index.html (`/embed` is served by embed-routes.ts, with its own CSP). */
const APP_ROUTES = ['/', '/coach', '/verify'];

export interface AppOptions {
  /** Without an issuer only the app is served (the browser benchmarks). */
  config?: IssuerConfig;
  issuer?: Issuer;
  /** Built app folder; without it only the API is served (tests, benchmarks). */
  appDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Pilots that may embed the scan (with the built app only). */
  pilots?: ReadonlyMap<string, PilotConfig>;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.config?.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes,
    requestTimeout: 30_000,
    // Ids in logs only; never echoed to the browser.
    genReqId: () => crypto.randomUUID(),
    // Validate, never rewrite: a hash-chained log must reach the server exactly as it was sent (no coercion,
    // no defaults, no silently dropped fields — an unknown field is an error).
    ajv: { customOptions: { coerceTypes: false, useDefaults: false, removeAdditional: false, allErrors: false } },
  });
  // JSON (built in) and the wallet's token form; plain text and anything else is refused with 415.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  if (opts.issuer) await app.register(opts.issuer.routes);
  if (opts.issuer && opts.config) await app.register(coachVerifier(opts.config, opts.issuer).routes);
  if (opts.appDir) {
    await app.register(staticApp, { root: resolve(opts.appDir) });
    await app.register(embedRoutes, { appDir: resolve(opts.appDir), pilots: opts.pilots ?? new Map() });
  }

  const pageHeaders = securityHeaders();
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path.startsWith('/issuer/') || path.startsWith('/.well-known/') || path.startsWith('/api/')) {
      const allow = ISSUER_METHODS.get(path);
      const message = allow ? `This endpoint answers ${allow} only.` : 'No such issuer endpoint.';
      reply.code(allow ? 405 : 404).headers(isWalletPath(path) ? PUBLIC_HEADERS : API_HEADERS);
      if (allow) reply.header('Allow', allow);
      // Wallet endpoints speak OAuth (RFC 6749 §5.2 error form); the browser API its own `{ error, reason }`.
      if (isWalletPath(path)) return reply.send({ error: allow ? 'invalid_request' : 'not_found', error_description: message });
      return reply.send({ error: allow ? 'method-not-allowed' : 'not-found', reason: message });
    }
    return reply.code(404).headers(pageHeaders).type('text/plain; charset=utf-8').send('Not found');
  });
  return app;
}

/**
 * The built app: exact files under the root (never outside it), the shell for its client-side routes, compressed
 * (brotli, else gzip) when the browser accepts it. Hashed assets (`/assets/…`, names change with their content) are
 * cached for a year and `immutable`; everything else is revalidated (`no-cache`) so a new release is seen at once.
 */
async function staticApp(app: FastifyInstance, opts: { root: string }): Promise<void> {
  const headers = securityHeaders();
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(fastifyStatic, {
    root: opts.root,
    wildcard: true,
    index: false,
    cacheControl: false,
    dotfiles: 'deny',
    setHeaders: (res, path) => {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      const hashed = path.startsWith(`${resolve(opts.root, 'assets')}/`);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  for (const route of APP_ROUTES) {
    app.get(route === '/' ? '/' : route, (_req, reply) => reply.sendFile('index.html'));
    if (route !== '/') app.get(`${route}/`, (_req, reply) => reply.sendFile('index.html'));
  }
}
