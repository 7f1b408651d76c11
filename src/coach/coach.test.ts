/**
 * The coach workspace's logic without a browser: words in four languages, intake recognition and report checks (the
 * log must reproduce the profile and match the credential's digest), list queries and CSV, sealing, and the store
 * (fake IndexedDB): put, seal with a passphrase, lock, wrong passphrase, delete one, delete all.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { VERIFY_FAILURE_REASONS } from '../credential/verify.ts';
import { simulatedSession } from '../server/fixtures/session-log.ts';
import { PRESENTATION_REFUSALS } from '../server/openid4vp/request.ts';
import { assuranceView } from './assurance.ts';
import { coachReport, IntakeError, parseIntake, verifyReport } from './intake.ts';
import { bestFit, CSV_COLUMNS, listCsv, queryList } from './list.ts';
import { COACH_MESSAGES } from './messages.ts';
import { recompute } from './recompute.ts';
import { deriveKey, newSalt, seal, unseal } from './seal.ts';
import { CoachStore } from './store.ts';
import type { CandidateRecord, VerificationView } from './types.ts';

const VERIFY_REASONS = VERIFY_FAILURE_REASONS;

const view = (over: Partial<VerificationView> = {}): VerificationView => ({
  verified: true,
  checkedAt: '2026-12-01T10:00:00Z',
  statusChecked: true,
  domains: [{ domain: 'processing-speed', sten: 7, low: 5.5, high: 8.4 }],
  roles: [{ role: 'painter', name: 'Painter', fitPercent: 80 }],
  undisclosed: 0,
  qualityFlags: [],
  ...over,
});
const rec = (id: string, label: string, addedAt: string, over: Partial<CandidateRecord> = {}): CandidateRecord => ({
  id,
  label,
  addedAt,
  source: 'file',
  verification: view(),
  notes: '',
  ...over,
});

describe('coach messages', () => {
  it('has every key in all four languages with the same placeholders, and words for every refusal reason', () => {
    const keys = Object.keys(COACH_MESSAGES.en).sort();
    for (const lang of ['nl', 'uk', 'ar'] as const) {
      expect(Object.keys(COACH_MESSAGES[lang]).sort()).toEqual(keys);
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      for (const k of keys) expect(ph(COACH_MESSAGES[lang][k]!), `${lang} ${k}`).toEqual(ph(COACH_MESSAGES.en[k]!));
    }
    for (const r of [...VERIFY_REASONS, ...PRESENTATION_REFUSALS, 'no-credential', 'log-mismatch'])
      expect(COACH_MESSAGES.en[`coach.reason.${r}`], r).toBeDefined();
    for (const c of ['empty', 'too-large', 'not-recognised', 'bad-report']) expect(COACH_MESSAGES.en[`coach.intake.error.${c}`]).toBeDefined();
  });
});

describe('intake', () => {
  it('recognises a compact credential, a JSON wrapper, a report, and refuses the rest with a reason', () => {
    expect(parseIntake(' a.b.c~d~ ')).toEqual({ kind: 'credential', credential: 'a.b.c~d~' });
    expect(parseIntake(JSON.stringify({ vcSdJwt: 'a.b.c~' }))).toEqual({ kind: 'credential', credential: 'a.b.c~' });
    for (const [input, code] of [
      ['', 'empty'],
      ['hello', 'not-recognised'],
      ['{"format":"talentscan-coach-report","version":1}', 'bad-report'],
      ['[1]', 'not-recognised'],
    ] as const) {
      expect(() => parseIntake(input)).toThrow(IntakeError);
      try {
        parseIntake(input);
      } catch (e) {
        expect((e as IntakeError).code).toBe(code);
      }
    }
  });

  it('a report whose log reproduces its profile is consistent; a changed profile is a log mismatch; unsigned is never verified', async () => {
    const events = simulatedSession({ battery: 'short', seed: 7 });
    const profile = recompute(events, 'sro-provisional-all');
    const report = parseIntake(JSON.stringify(coachReport(profile, events)));
    if (report.kind !== 'report') throw new Error('not a report');
    const deps = { recompute: async (ev: readonly never[] | readonly unknown[], n: string, r?: string) => recompute(ev as never, n, r) };
    const ok = await verifyReport(report.report, deps);
    expect(ok).toMatchObject({ verified: false, reason: 'no-credential', log: { reproduces: true } });
    expect(ok.domains.length).toBeGreaterThan(0);
    const changed = structuredClone(report.report);
    changed.profile.domains[0]!.sten = (changed.profile.domains[0]!.sten ?? 5) + 1;
    expect(await verifyReport(changed, deps)).toMatchObject({ verified: false, reason: 'log-mismatch', log: { reproduces: false } });
  });

  it('recomputes identically for the same versions and differently for another norm group', () => {
    const events = simulatedSession({ battery: 'short', seed: 8 });
    const a = recompute(events, 'sro-provisional-all');
    expect(JSON.stringify(recompute(events, 'sro-provisional-all'))).toBe(JSON.stringify(a));
    const b = recompute(events, 'sro-provisional-20-29');
    expect(b.norm.id).toBe('sro-provisional-20-29');
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
  });
});

describe('candidate list', () => {
  const records = [
    rec('1', 'Bravo', '2026-12-01T09:00:00Z', { notes: 'painter interest' }),
    rec('2', 'Alpha', '2026-12-01T11:00:00Z', {
      verification: view({ verified: false, reason: 'revoked', roles: [{ role: 'painter', name: 'Painter', fitPercent: 40 }], qualityFlags: ['rt-floor'] }),
    }),
    rec('3', '=cmd', '2026-12-01T10:00:00Z', { verification: view({ assurance: { level: 'witnessed', witnessed: true, games: ['reaction'] }, roles: [] }) }),
  ];
  it('searches, filters and sorts', () => {
    expect(queryList(records).map((r) => r.id)).toEqual(['2', '3', '1']);
    expect(queryList(records, { sort: 'label' }).map((r) => r.label)).toEqual(['=cmd', 'Alpha', 'Bravo']);
    expect(queryList(records, { sort: 'best-fit' }).map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(queryList(records, { search: 'PAINTER' }).map((r) => r.id)).toEqual(['1']);
    expect(queryList(records, { verified: 'no' }).map((r) => r.id)).toEqual(['2']);
    expect(queryList(records, { witnessedOnly: true }).map((r) => r.id)).toEqual(['3']);
    expect(
      queryList(records, { noFlagsOnly: true })
        .map((r) => r.id)
        .sort(),
    ).toEqual(['1', '3']);
    expect(queryList(records, { role: 'painter', minFit: 50 }).map((r) => r.id)).toEqual(['1']);
  });
  it('writes CSV with the documented columns and defuses formulas', () => {
    const lines = listCsv(records).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(4);
    expect(lines[3]!.startsWith('"\'=cmd"')).toBe(true);
    expect(lines[2]!.split(',')[CSV_COLUMNS.indexOf('reason')]).toBe('revoked');
  });
  it("has no best fit when every role had too little data: a 'not-enough-data' 0 % is no fit", () => {
    const none = rec('4', 'Delta', '2026-12-01T12:00:00Z', {
      verification: view({
        roles: [
          { role: 'painter', name: 'Painter', fitPercent: 0, status: 'not-enough-data' },
          { role: 'clerk', name: 'Clerk', fitPercent: 0, status: 'not-enough-data' },
        ],
      }),
    });
    expect(bestFit(none)).toBeUndefined();
    const mixed = rec('5', 'Echo', '2026-12-01T12:00:00Z', {
      verification: view({
        roles: [
          { role: 'painter', name: 'Painter', fitPercent: 0, status: 'not-enough-data' },
          { role: 'clerk', name: 'Clerk', fitPercent: 12 },
        ],
      }),
    });
    expect(bestFit(mixed)).toBe(12);
    expect(bestFit(mixed, 'painter')).toBeUndefined();
    const best = listCsv([none]).trimEnd().split('\r\n')[1]!.split(',');
    expect(best[CSV_COLUMNS.indexOf('best_fit_percent')]).toBe('');
  });
});

describe('sealing and the store', () => {
  it('seals and unseals; a wrong key fails', async () => {
    const salt = newSalt();
    const k = await deriveKey('correct horse', salt, 1000);
    const s = await seal(k, { a: 1 });
    expect(await unseal(k, s)).toEqual({ a: 1 });
    await expect(unseal(await deriveKey('wrong', salt, 1000), s)).rejects.toThrow();
  });

  it('keeps records, seals them with a passphrase, locks, unlocks, deletes one and all', async () => {
    const store = await CoachStore.open('coach-test', 1000);
    await store.put(rec('a', 'A', '2026-12-01T09:00:00Z'));
    await store.put(rec('b', 'B', '2026-12-01T09:00:00Z'));
    expect((await store.list()).map((r) => r.id).sort()).toEqual(['a', 'b']);
    await store.setPassphrase('long passphrase');
    store.close();
    const again = await CoachStore.open('coach-test', 1000);
    expect(again.locked).toBe(true);
    await expect(again.list()).rejects.toThrow('locked');
    expect(await again.unlock('nope')).toBe(false);
    expect(await again.unlock('long passphrase')).toBe(true);
    expect((await again.get('a'))?.label).toBe('A');
    await again.delete('a');
    expect((await again.list()).map((r) => r.id)).toEqual(['b']);
    await again.deleteAll();
    expect(again.encrypted).toBe(false);
    expect(await again.list()).toEqual([]);
    again.close();
  });
});

describe('assurance', () => {
  it('shows a certified session as witnessed with its games, and nothing when the credential states none', () => {
    const a = {
      mode: 'certified',
      witnessed: true,
      battery: 'short',
      games: ['reaction', 'flanker'],
      proctoring: 'unproctored-online',
      sessionStart: '',
      sessionEnd: '',
      checks: { version: '1', passed: [], marked: [] },
      offline: { gaps: 0, totalMs: 0, longestMs: 0 },
    } as const;
    expect(assuranceView({ ...a, games: [...a.games], checks: { version: '1', passed: [], marked: [] } })).toEqual({
      level: 'certified',
      witnessed: true,
      games: ['reaction', 'flanker'],
    });
    const embedding = { pilot: 'acme', pilotName: 'Acme', binding: 'settings' } as const;
    expect(assuranceView({ ...a, games: [...a.games], checks: { version: '1', passed: [], marked: [] }, embedding })?.embedding).toEqual(embedding);
    expect(assuranceView(undefined)).toBeUndefined();
  });
});
