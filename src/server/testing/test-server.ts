/**
 * Test-only: the one server (issuer, witness API) on a free local port, with a test clock three hours behind the wall
 * clock (so a simulated session can be played "live" by moving it), over the given database.
 */
import type { FastifyInstance } from 'fastify';
import { profileFromLogSource } from '../../credential/profile-source.ts';
import { buildApp } from '../app.ts';
import { DEFAULT_LIMITS, type IssuerConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { createIssuer, type Issuer, type IssuerDeps } from '../issuer.ts';
import { freePort } from './free-port.ts';
import { testClock, type TestClock } from './witnessed-session.ts';

export interface TestServer {
  app: FastifyInstance;
  issuer: Issuer;
  url: string;
  clock: TestClock;
  close(): Promise<void>;
}

export async function startTestServer(db: Db, dataDir: string, deps: Omit<IssuerDeps, 'profileSource' | 'db' | 'now'> = {}): Promise<TestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config: IssuerConfig = { publicUrl: url, name: 'T', dataDir, allowedOrigins: [url], validForDays: 365, ...DEFAULT_LIMITS };
  const clock = testClock(Date.now() - 3 * 3_600_000);
  const issuer = await createIssuer(config, { profileSource: profileFromLogSource, db, now: clock.now, ...deps });
  const app = await buildApp({ config, issuer });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    issuer,
    url,
    clock,
    close: async () => {
      await app.close();
      await issuer.close();
    },
  };
}
