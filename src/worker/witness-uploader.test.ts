import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../log/events.ts';
import { chainHash, genesisHash, type UploadBatchRequest } from '../log/witness.ts';
import { memoryStore } from './event-store.ts';
import { Recorder } from './recorder.ts';

const ev = (seq: number): LogEvent =>
  seq === 0
    ? { type: 'session-start', seq, page: 0, t: 0, sessionId: 's1', schema: 1, appVersion: 't', battery: 'short', lang: 'en' }
    : { type: 'interruption', seq, page: 0, t: seq, reason: 'blur' };

/**
 * The server's side of the witness protocol as far as this test needs it: it checks the chain of every batch and
 * keeps the events, like the real one must. `offline` makes every request fail as a network error.
 */
function witnessDouble(sessionId: string, token: string) {
  const state = { events: [] as LogEvent[], hash: '', offline: false, requests: 0, batches: [] as number[] };
  const ready = genesisHash(sessionId).then((h) => (state.hash = h));
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    await ready;
    state.requests++;
    if (state.offline) throw new TypeError('Failed to fetch');
    const url = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    if (headers['authorization'] !== `Bearer ${token}`) return Response.json({ error: 'token', message: 'no' }, { status: 401 });
    const ackSeq = state.events.length - 1;
    if (init?.method === 'GET' && url === `/api/sessions/${sessionId}`) {
      return Response.json({ sessionId, ackSeq, hash: state.hash, finished: false, games: [], credentialIssued: false });
    }
    if (init?.method === 'POST' && url === `/api/sessions/${sessionId}/batches`) {
      const body = JSON.parse(String(init.body)) as UploadBatchRequest;
      if (body.fromSeq !== ackSeq + 1 || body.prevHash !== state.hash) return Response.json({ error: 'sequence', message: 'not next' }, { status: 409 });
      if ((await chainHash(state.hash, body.events)) !== body.hash) return Response.json({ error: 'chain', message: 'bad hash' }, { status: 422 });
      state.events.push(...body.events);
      state.hash = body.hash;
      state.batches.push(body.events.length);
      return Response.json({ ackSeq: state.events.length - 1, hash: state.hash });
    }
    return Response.json({ error: 'not-found', message: url }, { status: 404 });
  }) as typeof fetch;
  return { state, fetchImpl };
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('WitnessUploader (in the recorder)', () => {
  it('uploads the batches written locally, in order, with the hash chain; the server copy equals the local log', async () => {
    const server = witnessDouble('s1', 'tok');
    const r = await Recorder.open(async () => memoryStore(), server.fetchImpl);
    const link = { token: 'tok', ackSeq: -1, hash: await genesisHash('s1') };
    await r.startSession({ sessionId: 's1', battery: 'short', startedAt: 1, finished: false, mode: 'certified', witness: link }, [ev(0)]);
    for (let i = 1; i <= 30; i++) r.append('s1', [ev(i)]);
    await r.flush();
    await until(() => r.uploadStatus('s1')?.state === 'synced' && server.state.events.length === 31);
    expect(server.state.events).toEqual(r.events('s1'));
    expect((await r.session('s1'))?.witness).toEqual({ token: 'tok', ackSeq: 30, hash: server.state.hash });
  });

  it('queues while offline and uploads when the connection returns, without a new event', async () => {
    const server = witnessDouble('s1', 'tok');
    const r = await Recorder.open(async () => memoryStore(), server.fetchImpl);
    const statuses: string[] = [];
    r.onUpload((u) => statuses.push(u.state));
    server.state.offline = true;
    await r.startSession(
      {
        sessionId: 's1',
        battery: 'short',
        startedAt: 1,
        finished: false,
        mode: 'certified',
        witness: { token: 'tok', ackSeq: -1, hash: await genesisHash('s1') },
      },
      [ev(0)],
    );
    r.append('s1', [ev(1), ev(2)]);
    await r.flush();
    await until(() => statuses.includes('waiting'));
    expect(r.uploadStatus('s1')).toMatchObject({ state: 'waiting', pending: 3 });
    server.state.offline = false;
    r.uploader.retryNow(); // what the worker does on `online`
    await until(() => r.uploadStatus('s1')?.state === 'synced');
    expect(server.state.events).toEqual(r.events('s1'));
  });

  it('a reloaded page asks the server where it stands and uploads from ackSeq + 1', async () => {
    const server = witnessDouble('s1', 'tok');
    const store = memoryStore();
    const r1 = await Recorder.open(async () => store, server.fetchImpl);
    await r1.startSession(
      {
        sessionId: 's1',
        battery: 'short',
        startedAt: 1,
        finished: false,
        mode: 'certified',
        witness: { token: 'tok', ackSeq: -1, hash: await genesisHash('s1') },
      },
      [ev(0)],
    );
    await until(() => server.state.events.length === 1);
    // The server goes away; the page writes more and dies before they are uploaded.
    server.state.offline = true;
    r1.append('s1', [ev(1), ev(2), ev(3)]);
    await r1.flush();
    await until(() => r1.uploadStatus('s1')?.state === 'waiting');
    r1.uploader.untrack('s1');
    server.state.offline = false;

    const r2 = await Recorder.open(async () => store, server.fetchImpl);
    await r2.resume('s1');
    await until(() => r2.uploadStatus('s1')?.state === 'synced' && server.state.events.length === 4);
    expect(server.state.events).toEqual(await store.events('s1'));
  });

  it('stops and reports when the server refuses (no blind retries)', async () => {
    const server = witnessDouble('s1', 'right');
    const r = await Recorder.open(async () => memoryStore(), server.fetchImpl);
    await r.startSession(
      {
        sessionId: 's1',
        battery: 'short',
        startedAt: 1,
        finished: false,
        mode: 'certified',
        witness: { token: 'wrong', ackSeq: -1, hash: await genesisHash('s1') },
      },
      [ev(0)],
    );
    await until(() => r.uploadStatus('s1')?.state === 'refused');
    const requests = server.state.requests;
    await new Promise((res) => setTimeout(res, 1200));
    expect(server.state.requests).toBe(requests);
    expect(r.uploadStatus('s1')).toMatchObject({ state: 'refused', pending: 1 });
  });
});
