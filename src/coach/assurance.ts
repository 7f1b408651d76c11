/**
 * Reads how a result was obtained (witnessed / certified session, games covered) from a credential. The block is
 * added by the integrity work as an evidence entry (`genre: 'Assurance'`, `assurance: { mode: 'certified', games, … }`);
 * its absence is shown as "not stated", never as witnessed. Tolerant on purpose: any evidence entry's `assurance`, or
 * one at the credential's top level.
 */
import type { AssuranceView } from './types.ts';

export function assuranceOf(credential: unknown): AssuranceView | undefined {
  const c = credential as { assurance?: unknown; evidence?: unknown } | null;
  const entries = Array.isArray(c?.evidence) ? (c.evidence as ({ assurance?: unknown } | null)[]) : [];
  const raw = entries.find((e) => e?.assurance && typeof e.assurance === 'object')?.assurance ?? c?.assurance;
  if (!raw || typeof raw !== 'object') return undefined;
  const a = raw as Record<string, unknown>;
  const level = [a.level, a.mode, a.method, a.obtained].find((v): v is string => typeof v === 'string');
  const witnessed = a.witnessed === true || a.certified === true || level === 'witnessed' || level === 'certified';
  const gamesRaw = Array.isArray(a.games) ? a.games : Array.isArray(a.gamesCovered) ? a.gamesCovered : [];
  const games = gamesRaw.map((g) => (typeof g === 'string' ? g : typeof g === 'object' && g && typeof (g as { game?: unknown }).game === 'string' ? (g as { game: string }).game : '')).filter(Boolean);
  return { level: level ?? (witnessed ? 'witnessed' : 'unwitnessed'), witnessed, games };
}
