import { createServer } from 'node:net';

/** A free port on 127.0.0.1, for tests and benchmarks whose issuer URL must be known before the server listens. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const address = probe.address();
  await new Promise<void>((r) => probe.close(() => r()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}
