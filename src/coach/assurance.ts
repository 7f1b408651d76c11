/**
 * Reads how a result was obtained (witnessed / certified session, games covered) from a credential. The block is
 * added by the integrity work; until every credential carries it, its absence is shown as "not stated", never as
 * witnessed. Accepts it at `evidence[0].assurance` or at the credential's top level.
 */
import type { AssuranceView } from './types.ts';

export function assuranceOf(credential: unknown): AssuranceView | undefined {
  const c = credential as { assurance?: unknown; evidence?: { assurance?: unknown }[] } | null;
  const raw = c?.evidence?.[0]?.assurance ?? c?.assurance;
  if (!raw || typeof raw !== 'object') return undefined;
  const a = raw as Record<string, unknown>;
  const level = [a.level, a.mode, a.method, a.obtained].find((v): v is string => typeof v === 'string');
  const witnessed = a.witnessed === true || a.certified === true || level === 'witnessed' || level === 'certified';
  const gamesRaw = Array.isArray(a.games) ? a.games : Array.isArray(a.gamesCovered) ? a.gamesCovered : [];
  const games = gamesRaw.map((g) => (typeof g === 'string' ? g : typeof g === 'object' && g && typeof (g as { game?: unknown }).game === 'string' ? (g as { game: string }).game : '')).filter(Boolean);
  return { level: level ?? (witnessed ? 'witnessed' : 'unwitnessed'), witnessed, games };
}
