/**
 * The HTTP mode of `npm run attack:issuer` against a stand-in for the witness endpoints (src/log/witness.ts): it keeps
 * sessions in memory, draws seeds, accepts batches only in chain order, and answers a credential request with the
 * verdict of `assessWitnessed` on its copy. It checks the attack runner — its requests, chain and edits — not the
 * real server, whose own tests cover its endpoints.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { againstServer, print } from '../../scripts/attack-issuer.ts';
import { GAMES } from '../../games/registry.ts';
import { assessWitnessed, type WitnessRecord } from '../../src/integrity/index.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { chainHash, genesisHash, type UploadBatchRequest } from '../../src/log/witness.ts';

let server: Server;
let base = '';

beforeAll(async () => {
  const sessions = new Map<string, WitnessRecord & { token: string; hash: string }>();
  let n = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      void (async () => {
        const answer = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
        const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
        if (req.url === '/api/sessions') {
          const sessionId = `s${++n}`;
          const s = {
            sessionId,
            token: `t${n}`,
            battery: String(input.battery),
            normGroup: String(input.normGroup),
            serverStart: Date.now(),
            seeds: [],
            batches: [],
            events: [],
            hash: await genesisHash(sessionId),
          };
          sessions.set(sessionId, s);
          return answer(200, { sessionId, token: s.token, serverStart: s.serverStart, battery: s.battery, normGroup: s.normGroup, protocol: 1 });
        }
        const m = /^\/api\/sessions\/([^/]+)\/(games\/([^/]+)\/start|batches|credential)$/.exec(req.url ?? '');
        const s = m ? sessions.get(m[1]!) : undefined;
        if (!m || !s || req.headers.authorization !== `Bearer ${s.token}`) return answer(404, { error: 'not-found', message: '' });
        if (m[3]) {
          const seed = 1 + Math.floor(Math.random() * 2 ** 31);
          s.seeds.push({ game: m[3], version: GAMES[m[3]]!.version, seed, handedOutAt: Date.now() });
          return answer(200, { game: m[3], version: GAMES[m[3]]!.version, seed });
        }
        if (m[2] === 'batches') {
          const b = input as unknown as UploadBatchRequest;
          if (b.fromSeq !== s.events.length || b.prevHash !== s.hash) return answer(409, { error: 'chain-broken', message: 'out of order' }); // as src/server/witness-api.ts answers;
          if ((await chainHash(b.prevHash, b.events)) !== b.hash) return answer(422, { error: 'hash-mismatch', message: '' });
          s.batches.push({ fromSeq: b.fromSeq, toSeq: b.fromSeq + b.events.length - 1, receivedAt: Date.now(), prevHash: b.prevHash, hash: b.hash });
          s.events.push(...(b.events as LogEvent[]));
          s.hash = b.hash;
          return answer(200, { ackSeq: s.events.length - 1, hash: s.hash });
        }
        const v = await assessWitnessed(s, { now: Date.now() });
        return v.ok
          ? answer(200, { credential: 'issued' })
          : answer(422, { error: v.refusals[0]!.code, message: v.refusals[0]!.message, problems: v.refusals });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('attack:issuer over HTTP', () => {
  it('plays every attack through the witness endpoints; each is refused with its expected code', async () => {
    const rows = await againstServer(base, 'short');
    const lines: string[] = [];
    const allRefused = print(rows, (l) => lines.push(l));
    expect(lines.join('\n')).not.toContain('ISSUED');
    expect(allRefused, lines.join('\n')).toBe(true);
    expect(rows.filter((r) => !r.got[0]!.startsWith('(')).length).toBeGreaterThanOrEqual(12);
  }, 120_000);
});
