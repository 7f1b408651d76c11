/**
 * `npm run bench:profile [-- --n 2000 --group sro-provisional-all --seed 1]` — do role fits discriminate?
 *
 * Draws a population calibrated to a norm table (src/scoring/testing/norm-population.ts: every metric reproduces the
 * table's distribution, abilities of different domains correlate BETWEEN_DOMAIN_R), scores each participant with the
 * real profile engine, and prints: per role the 10th/50th/90th percentile of the fit and the median width of its fit
 * range; how often the two best-fitting roles differ by ≥ 20 points, and the best and worst; and per domain how often
 * it was measured, the reliability the profile used and where that reliability comes from.
 */
import { buildProfile } from '../../src/scoring/build-profile.ts';
import { domainSpec } from '../../src/scoring/domain-model.ts';
import { DEFAULT_NORM_GROUP, normTable } from '../../src/scoring/norm-registry.ts';
import { DOMAINS } from '../../src/scoring/profile-types.ts';
import { EXAMPLE_ROLES } from '../../src/scoring/role-profiles.ts';
import { quantile7 } from '../../src/scoring/sample-stats.ts';
import { BETWEEN_DOMAIN_R, normPopulation } from '../../src/scoring/testing/norm-population.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const n = Number(arg('n', '2000'));
const table = normTable(arg('group', DEFAULT_NORM_GROUP));
const seed = Number(arg('seed', '1'));

const people = normPopulation(table, n, seed);
const profiles = people.map((p) => buildProfile(p.scores, { normGroup: table, deviceClass: table.deviceClass === 'all' ? 'keyboard' : table.deviceClass }));
const q = (xs: number[], p: number) =>
  quantile7(
    [...xs].sort((a, b) => a - b),
    p,
  );
const pad = (s: string | number, w: number) => String(s).padStart(w);

console.log(
  `Profile bench: ${n} participants drawn from norm table ${table.id} ${table.version} (seed ${seed}); roles ${EXAMPLE_ROLES.id} ${EXAMPLE_ROLES.version}.`,
);
console.log(`Population: every metric follows the table's percentiles; domain abilities correlate ${BETWEEN_DOMAIN_R}.\n`);

console.log('Role fit (%)                     P10   P50   P90   median range width   computed');
for (const role of EXAMPLE_ROLES.roles) {
  const fits = profiles.map((p) => p.roleFits.find((f) => f.role === role.id)).filter((f) => f?.status === 'computed');
  const values = fits.map((f) => f?.fitPercent as number);
  const widths = fits.map((f) => (f?.fitRange ? f.fitRange.high - f.fitRange.low : 0));
  if (values.length === 0) {
    console.log(`${role.id.padEnd(30)} not enough data`);
    continue;
  }
  console.log(
    `${role.id.padEnd(30)} ${pad(q(values, 0.1).toFixed(0), 5)} ${pad(q(values, 0.5).toFixed(0), 5)} ${pad(q(values, 0.9).toFixed(0), 5)}   ${pad(q(widths, 0.5).toFixed(0), 18)}   ${pad(values.length, 8)}`,
  );
}

const gaps = profiles.map((p) => {
  const fits = p.roleFits
    .filter((f) => f.status === 'computed')
    .map((f) => f.fitPercent)
    .sort((a, b) => b - a);
  return { top2: (fits[0] ?? 0) - (fits[1] ?? 0), spread: (fits[0] ?? 0) - (fits.at(-1) ?? 0) };
});
const share = (pred: (g: { top2: number; spread: number }) => boolean) => ((100 * gaps.filter(pred).length) / gaps.length).toFixed(1);
console.log(`\nTwo best-fitting roles ≥ 20 points apart: ${share((g) => g.top2 >= 20)} % of participants`);
console.log(`Best and worst role ≥ 20 points apart:    ${share((g) => g.spread >= 20)} % of participants\n`);

console.log('Domain                 measured   reliability used   source');
for (const domain of DOMAINS) {
  const scores = profiles.map((p) => p.domains.find((d) => d.domain === domain));
  const measured = scores.filter((d) => d?.status === 'measured');
  const rel = measured.map((d) => d?.reliability as number);
  const sources = domainSpec(domain).metrics.map((m) => {
    const norm = table.metrics.find((x) => x.game === m.game && x.metric === m.metric);
    return norm ? `${m.game}:${m.metric} ${norm.reliability.value} (${norm.reliability.kind}; ${norm.reliability.source})` : `${m.game}:${m.metric} not normed`;
  });
  const relText = rel.length ? q(rel, 0.5).toFixed(2) : '—';
  console.log(`${domain.padEnd(22)} ${pad(`${((100 * measured.length) / n).toFixed(0)} %`, 8)}   ${pad(relText, 16)}   ${sources[0]}`);
  for (const s of sources.slice(1)) console.log(`${''.padEnd(22)} ${''.padEnd(8)}   ${''.padEnd(16)}   ${s}`);
}
