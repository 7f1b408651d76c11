/**
 * The issuer store's short-lived values on PGlite and (when configured) PostgreSQL: the authorization-code flow's
 * namespaces share one table (migration 0002) yet stay apart; expired values are not served; a single-use take is
 * atomic, so of many concurrent redeemers of one code exactly one gets it; so is a claim.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlStore } from './store.ts';
import { DB_KINDS, freshPgSchema, openTestDb } from './testing/test-db.ts';

describe.each(DB_KINDS)('issuer store on %s', (kind) => {
  let store: SqlStore;
  let drop: (() => Promise<void>) | undefined;
  let now = 1_000_000;

  beforeAll(async () => {
    const pgSchema = kind === 'postgres' ? await freshPgSchema() : undefined;
    drop = pgSchema?.drop;
    store = new SqlStore(await openTestDb(kind, { ...(pgSchema ? { url: pgSchema.url } : {}) }), () => now);
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('keeps the namespaces of one table apart, overwrites a key, and serves nothing expired', async () => {
    await store.put('par', 'k1', { a: 1 }, now + 1000);
    await store.put('authorization-code', 'k1', { b: 2 }, now + 1000);
    await store.put('issuer-state', 'k1', { c: 3 }, now + 10);
    expect(await store.get('par', 'k1')).toEqual({ a: 1 });
    expect(await store.get('authorization-code', 'k1')).toEqual({ b: 2 });
    await store.put('par', 'k1', { a: 4 }, now + 1000);
    expect(await store.get('par', 'k1')).toEqual({ a: 4 });
    now += 20;
    expect(await store.get('issuer-state', 'k1')).toBeUndefined();
    expect(await store.take('issuer-state', 'k1')).toBeUndefined();
    await store.delete('par', 'k1');
    expect(await store.get('par', 'k1')).toBeUndefined();
    expect(await store.get('authorization-code', 'k1')).toEqual({ b: 2 });
  });

  it('hands a single-use code to exactly one of many concurrent takers', async () => {
    await store.put('authorization-code', 'once', { code: 'x' }, now + 60_000);
    const got = await Promise.all(Array.from({ length: 12 }, () => store.take('authorization-code', 'once')));
    expect(got.filter((v) => v !== undefined)).toEqual([{ code: 'x' }]);
  });

  it('lets exactly one of many concurrent claimers hold a key, and a new claimer take it over once it has expired', async () => {
    const got = await Promise.all(Array.from({ length: 12 }, (_, i) => store.claim('grant-use', 'g1 vc', { i }, now + 50)));
    expect(got.filter(Boolean)).toHaveLength(1);
    expect(await store.claim('grant-use', 'g1 vc', {}, now + 50)).toBe(false);
    now += 60;
    expect(await store.claim('grant-use', 'g1 vc', { again: true }, now + 50)).toBe(true);
    expect(await store.get('grant-use', 'g1 vc')).toEqual({ again: true });
  });

  it('sweeps expired values of the shared table', async () => {
    await store.put('par', 'old', 1, now + 5);
    await store.put('par', 'new', 2, now + 60_000);
    now += 10;
    expect(await store.sweep()).toBeGreaterThanOrEqual(1);
    expect(await store.get('par', 'new')).toBe(2);
  });
});
