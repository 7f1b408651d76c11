/**
 * What the server does for embedding: the pilot's public settings for the embed page, the embed page itself with a
 * `frame-ancestors` policy naming only that pilot's host origins (set per request, so no other site can frame the
 * scan), and the host SDK, which other origins load (CORS and CORP allow exactly that, and nothing else here does).
 */
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PilotConfig, publicPilot } from '../embed/pilot.ts';
import { API_HEADERS } from './http.ts';
import { securityHeaders } from './security-headers.ts';

export interface EmbedRoutesOptions {
  pilots: ReadonlyMap<string, PilotConfig>;
  appDir: string;
}

const SDK_FILES: Record<string, string> = {
  '/embed.js': 'text/javascript; charset=utf-8',
  '/embed.mjs': 'text/javascript; charset=utf-8',
  '/embed.d.ts': 'application/typescript; charset=utf-8',
};

export async function embedRoutes(app: FastifyInstance, opts: EmbedRoutesOptions): Promise<void> {
  const indexHtml = readFileSync(join(opts.appDir, 'index.html'), 'utf8');

  app.get<{ Params: { id: string } }>('/api/pilots/:id', async (req, reply) => {
    const pilot = opts.pilots.get(req.params.id);
    reply.headers(API_HEADERS);
    if (!pilot) return reply.code(404).send({ error: 'unknown-pilot', reason: 'No pilot with this id.' });
    return publicPilot(pilot);
  });

  app.get<{ Querystring: { pilot?: string; hostOrigin?: string } }>('/embed', async (req, reply) => {
    const pilot = typeof req.query.pilot === 'string' ? opts.pilots.get(req.query.pilot) : undefined;
    // The host the SDK named, when it is one of the pilot's: then only that page may frame this one (else all of them,
    // and the page itself refuses to talk to a host the pilot did not list).
    const named = pilot?.hostOrigins.find((o) => o === req.query.hostOrigin);
    return reply
      .headers({ ...securityHeaders({ frameAncestors: named ? [named] : (pilot?.hostOrigins ?? []) }), 'Cache-Control': 'no-cache' })
      .type('text/html; charset=utf-8')
      .send(indexHtml);
  });

  for (const [path, type] of Object.entries(SDK_FILES)) {
    const file = join(opts.appDir, path.slice(1));
    if (!existsSync(file)) continue;
    const body = readFileSync(file, 'utf8');
    app.get(path, async (_req, reply) =>
      reply
        .headers({
          'Access-Control-Allow-Origin': '*',
          'Cross-Origin-Resource-Policy': 'cross-origin',
          'X-Content-Type-Options': 'nosniff',
          // A stable URL that pilots link to: revalidated, so a fix reaches every host at once.
          'Cache-Control': 'no-cache',
        })
        .type(type)
        .send(body),
    );
  }
}
