/**
 * The demo pilot's host page, on an origin of its own (another port), as a partner's site would be: `npm start` runs
 * it beside the app so a pilot's developer sees the embedding work and has a page to copy. It serves three files of
 * `<app>/demo-host/`; its CSP lets it load the SDK from, and frame, the Talentscan origin only.
 *
 * It is also the demo pilot's backend: it makes an ES256 key pair when it starts (in memory; a restart makes a new one,
 * and tokens live minutes), publishes the public key at `/.well-known/jwks.json` (the demo pilot's `startToken.jwksUri`)
 * and signs a start token for its page at `POST /start-token`. A real pilot's backend signs only for its own signed-in
 * users; this demo signs for anyone who asks its page, which is what a demo can do.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES: Record<string, string> = {
  '/': 'index.html',
  '/host.js': 'host.js',
  '/host.css': 'host.css',
};
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/** Minutes a demo start token lives (the server accepts at most 15). */
const TOKEN_MINUTES = 5;

export async function buildDemoHost(opts: {
  appDir: string;
  talentscanOrigin: string;
  /** The Talentscan issuer URL, the audience of the start tokens (ISSUER_URL; the origin by default). */
  audience: string;
  /** The demo pilot's id (the tokens' issuer). */
  pilot?: string;
}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  const pilot = opts.pilot ?? 'demo';
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = `demo-${crypto.randomUUID().slice(0, 8)}`;
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  app.get('/.well-known/jwks.json', async (_req, reply) => reply.headers(headers).send(jwks));
  app.post<{ Body: { embedId: string } }>(
    '/start-token',
    {
      bodyLimit: 1024,
      schema: {
        body: {
          type: 'object',
          required: ['embedId'],
          additionalProperties: false,
          properties: { embedId: { type: 'string', pattern: '^[A-Za-z0-9_-]{6,64}$' } },
        },
      },
    },
    async (req, reply) => {
      const iat = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ embedId: req.body.embedId })
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
        .setIssuer(pilot)
        .setAudience(opts.audience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + TOKEN_MINUTES * 60)
        .setJti(crypto.randomUUID())
        .sign(privateKey);
      return reply.headers(headers).send({ token });
    },
  );
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${opts.talentscanOrigin}`,
    "style-src 'self'",
    `frame-src ${opts.talentscanOrigin}`,
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
  for (const [path, file] of Object.entries(FILES)) {
    const body = readFileSync(join(opts.appDir, 'demo-host', file), 'utf8').replaceAll('__TALENTSCAN_ORIGIN__', opts.talentscanOrigin);
    const type = TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
    app.get(path, async (_req, reply) =>
      reply.headers({ 'Content-Security-Policy': csp, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }).type(type).send(body),
    );
  }
  return app;
}
