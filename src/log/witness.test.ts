import { describe, expect, it } from 'vitest';
import type { LogEvent } from './events.ts';
import { canonicalJson, chainHash, genesisHash, logHashChain } from './witness.ts';

const ev = (seq: number, extra: Record<string, unknown> = {}) =>
  ({ type: 'trial-start', seq, page: 0, t: seq * 10, game: 'reaction', block: 0, trial: seq, ...extra }) as LogEvent;

describe('canonicalJson', () => {
  it('orders keys at every depth, so insertion order does not change the text', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('drops undefined properties as JSON.stringify does, and refuses non-finite numbers', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('hash chain', () => {
  it('starts from a session-specific genesis and is a 64-digit hex SHA-256', async () => {
    const g = await genesisHash('s1');
    expect(g).toMatch(/^[0-9a-f]{64}$/);
    expect(g).not.toBe(await genesisHash('s2'));
    // sha256("talentscan-log-v1\ns1"), computed independently with node:crypto.
    const { createHash } = await import('node:crypto');
    expect(g).toBe(createHash('sha256').update('talentscan-log-v1\ns1').digest('hex'));
  });

  it('changes when an event is edited, dropped or reordered', async () => {
    const g = await genesisHash('s');
    const base = await chainHash(g, [ev(0), ev(1)]);
    expect(await chainHash(g, [ev(0), ev(1, { t: 11 })])).not.toBe(base);
    expect(await chainHash(g, [ev(0)])).not.toBe(base);
    expect(await chainHash(g, [ev(1), ev(0)])).not.toBe(base);
    expect(await chainHash(g, [ev(0), ev(1)])).toBe(base);
  });

  it('depends on where batches were cut, because each batch is one link', async () => {
    const whole = await logHashChain('s', [[ev(0), ev(1), ev(2)]]);
    const cut = await logHashChain('s', [[ev(0)], [ev(1), ev(2)]]);
    expect(cut).not.toBe(whole);
    const g = await genesisHash('s');
    expect(cut).toBe(await chainHash(await chainHash(g, [ev(0)]), [ev(1), ev(2)]));
  });
});
