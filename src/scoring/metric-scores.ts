/**
 * Step 1 of the profile: each metric of the domain model → a direction-aligned z against the norm group, or the
 * reason it is left out (not computable, flagged invalid, game not played, no norm, norm not valid for the version).
 */
import type { GameScore } from '../runtime/game-contract.ts';
import { normalCdf, percentileFromTable } from './conversions.ts';
import { Z_CLAMP, type DomainMetric } from './domain-model.ts';
import { tableCovers, type NormDevice, type NormMetric, type NormStats, type NormTable } from './norm-table.ts';
import type { DeviceClass } from './profile-types.ts';
import { exclusionReason } from './validity.ts';

export interface ScoredMetric {
  spec: DomainMetric;
  value: number | null;
  included: boolean;
  excludedReason?: string;
  /** Unrounded, clamped, direction-aligned z (null when left out). */
  z: number | null;
  /** Direction-aligned percentile (higher is better), from the norm's percentile table or Φ(z). */
  percentile: number | null;
  reliability: number;
  /** Which statistics the value was compared with: the table's own, a device class's, or the table's with a documented latency offset. */
  normBasis?: 'table' | `device:${NormDevice}` | `offset:${NormDevice}`;
  /** The device the game was played with differs from the norm's and nothing corrects for it (absolute speed metrics only). */
  deviceMismatch?: { played: DeviceClass; norm: string };
}

function excluded(spec: DomainMetric, value: number | null, reason: string): ScoredMetric {
  return { spec, value, included: false, excludedReason: reason, z: null, percentile: null, reliability: spec.reliability.value };
}

/** Picks the statistics for the device the game was played with (docs/algorithm.md, "Device class"). */
function statsFor(
  norm: NormMetric,
  table: NormTable,
  device: DeviceClass,
  spec: DomainMetric,
): { stats: NormStats; offset: number; basis: ScoredMetric['normBasis']; mismatch: boolean } {
  if (device !== 'mixed' && norm.devices?.[device]) return { stats: norm.devices[device] as NormStats, offset: 0, basis: `device:${device}`, mismatch: false };
  const sensitive = spec.latency === 'absolute' && table.deviceClass !== 'all' && device !== table.deviceClass;
  if (sensitive && device !== 'mixed' && norm.deviceOffsetMs?.[device]) {
    return { stats: norm, offset: norm.deviceOffsetMs[device]?.value ?? 0, basis: `offset:${device}`, mismatch: false };
  }
  return { stats: norm, offset: 0, basis: 'table', mismatch: sensitive };
}

export function scoreMetric(spec: DomainMetric, scores: readonly GameScore[], table: NormTable, device: DeviceClass): ScoredMetric {
  const score = scores.find((s) => s.game === spec.game);
  if (!score) return excluded(spec, null, 'game not played');
  const mv = score.metrics[spec.metric];
  if (!mv) return excluded(spec, null, `the ${spec.game} scorer reports no metric "${spec.metric}"`);
  if (mv.value === null) return excluded(spec, null, `not computable: ${mv.reason}`);
  const invalid = exclusionReason(score, spec.metric, spec.latency);
  if (invalid) return excluded(spec, mv.value, invalid);
  if (!tableCovers(table, spec.game, score.gameVersion))
    return excluded(spec, mv.value, `no norm: norm group ${table.id} does not cover ${spec.game} ${score.gameVersion}`);
  const norm = table.metrics.find((m) => m.game === spec.game && m.metric === spec.metric);
  if (!norm) return excluded(spec, mv.value, `no norm for this metric in norm group ${table.id}`);

  const { stats, offset, basis, mismatch } = statsFor(norm, table, device, spec);
  const sign = spec.direction === 'higher-is-better' ? 1 : -1;
  // A latency offset is added to the norm mean; equivalently the value is compared after subtracting it.
  const compared = mv.value - offset;
  const raw = (sign * (compared - stats.mean)) / stats.sd;
  const z = Math.max(-Z_CLAMP, Math.min(Z_CLAMP, raw)) + 0; // + 0 turns −0 into 0
  let percentile = 100 * normalCdf(z);
  if (stats.percentiles) {
    const p = percentileFromTable(stats.percentiles, compared);
    percentile = sign === 1 ? p : 100 - p;
  }
  return {
    spec,
    value: mv.value,
    included: true,
    z,
    percentile,
    reliability: norm.reliability.value,
    normBasis: basis,
    ...(mismatch ? { deviceMismatch: { played: device, norm: table.deviceClass } } : {}),
  };
}
