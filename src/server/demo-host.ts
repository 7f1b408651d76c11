/**
 * The demo pilot's host page, on an origin of its own (another port), as a partner's site would be: `npm start` runs
 * it beside the app so a pilot's developer sees the embedding work and has a page to copy. It serves three files of
 * `<app>/demo-host/` and nothing else; its CSP lets it load the SDK from, and frame, the Talentscan origin only.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES: Record<string, string> = {
  '/': 'index.html',
  '/host.js': 'host.js',
  '/host.css': 'host.css',
};
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

export async function buildDemoHost(opts: { appDir: string; talentscanOrigin: string }): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
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
