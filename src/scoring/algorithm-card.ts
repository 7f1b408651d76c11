/**
 * The algorithm card (docs/algorithm.md), rendered from the code and data it describes: domain model, validity rules,
 * constants, norm tables, role profiles, tip rules, fairness reports. `npm run algorithm-card` writes it;
 * algorithm-card.test.ts fails when the file in docs/ differs from what this renders.
 */
import { GAMES, gameById } from '../../games/registry.ts';
import { integritySection } from '../integrity/card-section.ts';
import type { Domain } from '../runtime/game-contract.ts';
import { roundTo, STEN_BOUNDARIES_PERCENTILE, STEN_BOUNDARIES_Z } from './conversions.ts';
import { DOMINANT_SHARE } from './device-class.ts';
import { ALGORITHM_VERSION, ASSUMED_WITHIN_DOMAIN_R, DOMAIN_MODEL, MIN_WEIGHT_SHARE, Z_CLAMP } from './domain-model.ts';
import { DEFAULT_MIN_GROUP_N, DEFAULT_CUTOFFS, FOUR_FIFTHS, SMD_THRESHOLD, type FairnessReport } from './fairness.ts';
import { profileMessages } from './messages.ts';
import { DEFAULT_MIN_N, NORM_PERCENTILES } from './norm-build.ts';
import type { NormTable } from './norm-table.ts';
import type { DomainScore } from './profile-types.ts';
import { Z_90 } from './reliability.ts';
import { ABOVE_RANGE_FACTOR, FIT_TOLERANCE, fitRole, MIN_FIT_COVERAGE } from './role-fit.ts';
import type { SciopsReport } from './reference/sciops-report.ts';
import type { RoleProfile, RoleSet } from './role-profiles.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './session-export.ts';
import { EXCLUSION_RULES } from './validity.ts';
import { HIGH, LOW, RELATIVE_STRENGTH_MIN, TIP_RULES, tipMessageKey } from './working-style.ts';

export interface CardInput {
  tables: readonly NormTable[];
  roleSet: RoleSet;
  fairness: readonly { file: string; report: FairnessReport }[];
  /** Derived statistics of the external sciops reversal-learning sample (norms/external/sciops-prl.json), when shipped. */
  external?: SciopsReport | null;
}

const en = profileMessages.en;
const domainName = (d: string) => en[`domain.${d}`] ?? d;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function metricDefinition(game: string, metric: string): string {
  return gameById(game).metrics.find((m) => m.id === metric)?.definition ?? '(not defined by the game)';
}

function domainSection(): string[] {
  const out = ['## 4. Domains and weights', ''];
  out.push(
    `Each domain score is a weighted composite of direction-aligned metric z-scores. Weights are renormalised over the metrics that are valid and have a norm; a domain is **not measured** when those metrics carry less than ${MIN_WEIGHT_SHARE * 100} % of its total weight (or none is valid). Reliabilities are *test-retest* (published retest data), *split-half* (computed by us on open trial data, odd vs even, Spearman–Brown to our trial count) or *assumed* (no data for the measure: placeholders until retest data of our own exist); the norm table's figure, when it has one, is used instead of the default here.`,
    '',
  );
  for (const d of DOMAIN_MODEL) {
    out.push(`### ${domainName(d.domain)} (\`${d.domain}\`)`, '');
    out.push('| Game | Metric | Weight | Direction | Device latency | Reliability (default) | Why |');
    out.push('|---|---|---|---|---|---|---|');
    for (const m of d.metrics) {
      out.push(
        `| ${m.game} | \`${m.metric}\` | ${m.weight} | ${m.direction} | ${m.latency} | ${m.reliability.value} — ${cell(m.reliability.source)} | ${cell(m.why)} |`,
      );
    }
    out.push('');
  }
  out.push(
    'Not used, and why: the switch cost alone (test–retest .08, Enkavi et al. 2019) — the switch composite replaces it; Coin hunt `lose_shift` (reliable, .85 at 60 trials, but without a direction: the best option also fails one trial in five) and Stop `p_respond_signal`, `mean_ssd` (direction "neither": more is not better); raw counts of anticipations and lapses (quality signals, not abilities).',
    '',
  );
  return out;
}

function metricsSection(): string[] {
  const out = ['## 2. Inputs', ''];
  out.push(
    "The only input is the raw event log of a session (`src/log/events.ts`): stimulus onsets, inputs (with their device: keyboard, mouse, touch, pen), trial ends, block ends with frame telemetry, interruptions, and whether the optional feedback sounds were on (`sound-setting`: kept because sound may change how someone responds; no scorer reads it, and sound never plays during a trial). Each game's pure, versioned scorer turns its part of the log into metrics (`src/scoring/score-game.ts`). The profile uses no name, age, gender, origin, language or self-report; the optional age band and group labels in a research export are used only to build norms and fairness reports, never to score a person.",
    '',
  );
  out.push(
    "**Onsets.** Every RT is an input event's `timeStamp` minus its stimulus onset, both on the page clock. The onset rule is versioned with " +
      'the scorers (`src/log/trials.ts`). Rule 2 (scorers from 1.1.0 on): the onset is the measured presentation time of the frame that first showed the ' +
      'stimulus (Element Timing `presentationTime` of a marker inserted in the same frame), and the rAF time of the frame after the drawing frame ' +
      'where the browser does not measure presentation (Safari, Firefox, iOS) or the entry came too late. Rule 1 (scorers 1.0.x, older logs): ' +
      'always the rAF time. Each trial records which rule each onset followed; a game with rAF onsets carries the quality flag ' +
      '`onsets-raf-rule` (browser cannot measure) or `onsets-partly-measured`, so norms and the coach can tell them apart. Panel and input-device ' +
      'latency are not measured (`docs/timing.md`).',
    '',
  );
  out.push('Metrics that enter the profile (definitions as the games publish them):', '');
  out.push('| Game | Metric | Definition |');
  out.push('|---|---|---|');
  for (const d of DOMAIN_MODEL) for (const m of d.metrics) out.push(`| ${m.game} | \`${m.metric}\` | ${cell(metricDefinition(m.game, m.metric))} |`);
  out.push('');
  out.push(...earlierVersionsPart());
  return out;
}

/** A log scores under the version it was recorded with, so the card names the versions that still score and why they changed. */
function earlierVersionsPart(): string[] {
  const rows = Object.values(GAMES).flatMap((g) => (g.earlier ?? []).map((e) => `| ${g.id} | ${e.version} | ${g.version} | ${cell(e.why)} |`));
  if (rows.length === 0) return [];
  return [
    "**Earlier game versions.** A log is scored with the design and scorer of the game version named in it, so a log recorded before a version change scores exactly as it did then. These earlier versions still score (a norm table's metrics apply only to the versions it lists as valid for, section 7):",
    '',
    '| Game | Earlier version | Current version | What changed |',
    '|---|---|---|---|',
    ...rows,
    '',
  ];
}

function validitySection(): string[] {
  const out = ['## 3. Validity rules: metrics left out', ''];
  out.push(
    'A metric is left out of its domain (and shown with the reason) when its scorer could not compute it, when the game was not played, when the norm group has no norm for it or does not cover the game version, or when a quality flag of its game matches a rule below. Trial counts are read from the flag\'s text ("N trial(s)").',
    '',
  );
  out.push('| Game | Flag | Metrics left out | Condition | Why |');
  out.push('|---|---|---|---|---|');
  for (const r of EXCLUSION_RULES) {
    const which = r.metrics === 'all' ? 'all' : r.metrics === 'timed' ? 'timed (latency ≠ none)' : `\`${r.metrics.prefix}*\``;
    out.push(
      `| ${r.game} | \`${r.flag}\` | ${which} | ${r.shareAbove === undefined ? 'flag present' : `flagged trials > ${r.shareAbove * 100} % of the game's trials`} | ${cell(r.why)} |`,
    );
  }
  out.push('');
  return out;
}

function formulasSection(): string[] {
  const bands = STEN_BOUNDARIES_Z.map((z, i) => `| ${i + 1}|${i + 2} | ${z} | ${(STEN_BOUNDARIES_PERCENTILE[i] as number).toFixed(2)} |`);
  return [
    '## 5. Formulas',
    '',
    `**Metric z.** z = s · (x − mean) / SD, with s = +1 for higher-is-better and −1 for lower-is-better metrics, mean and SD from the norm group (per device class where the table has it, see §6), clamped to ±${Z_CLAMP} so one extreme value cannot dominate a domain. A metric's percentile is read from the norm's percentile table where present (linear interpolation between its points; beyond the ends the end point; for lower-is-better metrics 100 − the table's rank), else 100 · Φ(z).`,
    '',
    `**Domain z.** With normalised weights a_i = w_i / Σw over the included metrics and r_ij their correlations (from the norm table; otherwise assumed ${ASSUMED_WITHIN_DOMAIN_R}):`,
    '',
    '    C = Σ a_i z_i        Var(C) = Σ_i Σ_j a_i a_j r_ij  (r_ii = 1)        z_domain = C / √Var(C)',
    '',
    'so the domain score is again a z-score (mean 0, SD 1) in the norm group when the correlations hold. norms:build records the empirical SD of z_domain per domain as a check.',
    '',
    '**Composite reliability (Mosier 1943).** r_C = 1 − Σ a_i² (1 − r_ii) / Var(C), r_ii the reliability of metric i. One metric: its own reliability.',
    '',
    `**90 % confidence interval.** SEM = √(1 − r_C) (z units); CI = z ± ${Z_90.toFixed(4)} · SEM. The percentile, T and sten intervals are the same transformation applied to the two ends. Example: r = .50 → SEM = .707, half-width 1.16 z (about 23 percentile points at the mean); r = .80 → SEM = .447, half-width 0.74.`,
    '',
    "**Percentile.** From the norm table's domain percentile table when the table was built with this algorithm version and every metric of the domain is included; otherwise 100 · Φ(z_domain). Φ is the standard normal distribution function (erf-based, error < 1.2·10⁻⁷). Reported as a whole number within 1–99.",
    '',
    '**T-score.** T = 50 + 10 · z, reported as a whole number.',
    '',
    '**Sten (standard ten).** From the (unrounded) percentile: sten = 1 + the number of band boundaries at or below it. Where the percentile is Φ(z) this is sten = ⌊2z + 6⌋ clamped to 1–10: z = 0 → 6, z = −0.01 → 5, z = 1 → 8, z = −2 → 2, z ≥ 2 → 10.',
    '',
    '| Stens | z boundary | percentile boundary |',
    '|---|---|---|',
    ...bands,
    '',
    'Hand-computed checks (conversions.test.ts): z = 1 → percentile 84 (84.13), T 60, sten 8; z = −0.5 → percentile 31 (30.85), T 45, sten 5; z = 2.5 → percentile 99, T 75, sten 10.',
    '',
    '**Rounding.** Metric and domain z and their CIs: 2 decimals. Percentiles: whole numbers, 1–99. T: whole number. Sten: whole number 1–10. Reliability: 2 decimals. Metric weights in a domain: 3 decimals. Fit: whole percent; contributions: tenths that add up exactly to the fit (largest-remainder rounding). Rounding is half away from zero. The profile contains no time stamp and no random number, and its keys are in a fixed order: the same log gives byte-identical JSON.',
    '',
  ];
}

function deviceSection(): string[] {
  return [
    '## 6. Device class',
    '',
    `Each session — and each game — gets an input-device class from the answers that were scored: the device of the \`input\` event each \`response\` names (pen counts as touch). A class with at least ${DOMINANT_SHARE * 100} % of the answers is the class; otherwise **mixed**. Without any answer, the page's pointer (coarse → touch, fine → mouse, none → keyboard). The class is in the profile (\`deviceClass\`, and per game in \`sources\`).`,
    '',
    'Norming by device class, in this order of preference:',
    "1. **Separate norms.** When the norm table has statistics for the game's device class (norms:build adds them for every class with enough sessions), the metric is compared with those.",
    '2. **Documented correction.** Otherwise, for an *absolute* speed metric, if the table gives a latency offset for the class (`deviceOffsetMs`, with its source), it is added to the norm mean. The shipped tables give none: no published offset fits our games.',
    '3. **Flag.** Otherwise an absolute speed metric played on another device class than the norm data is still scored, and the profile carries a `<game>.device-mismatch` quality flag naming the metrics.',
    '',
    'Difference scores (e.g. the flanker conflict effect) subtract two conditions measured with the same device, so a constant device latency cancels: they are far less sensitive to the device than absolute times (Pronk et al. 2020, Behavior Research Methods 52:1371–1382: devices differ in how much they overestimate RTs, which "may affect reliability for individual differences … measurement via absolute RTs can be more affected than measurement via relative RTs"). SSRT is an absolute measure in this sense: the go RTs it rests on include the device latency, the stop-signal delays do not.',
    '',
  ];
}

function normsSection(tables: readonly NormTable[]): string[] {
  const out = ['## 7. Norm tables', ''];
  out.push(
    "Norm tables are versioned JSON in `norms/tables/` (schema `norms/schema/norm-table.schema.json`), validated when the app loads them: a table with a missing or impossible field, a metric the game does not define, a direction or unit that differs from the game's, or percentiles out of order stops with an error naming the table and every problem. Every profile names its norm table (id, version, population, N, citation), and a provisional table's label goes with every score.",
    '',
  );
  for (const t of tables) {
    out.push(`### ${t.title} — \`${t.id}\` ${t.version}`, '');
    if (t.provisional) out.push(`**${t.provisionalNote ?? 'provisional'}**`, '');
    out.push(
      `- Population: ${t.population.who}; ${t.population.where}; ages ${t.population.ageRange.min}–${t.population.ageRange.max}; recruited: ${t.population.recruitment}.`,
    );
    out.push(`- N = ${t.n}; data of ${t.date}; input device of the norm data: ${t.deviceClass}.`);
    out.push(`- Source: ${t.source.citation}${t.source.dataset ? ` Dataset: ${t.source.dataset}.` : ''}`);
    if (t.source.notes) out.push(`- Notes: ${t.source.notes}`);
    out.push(`- Valid for: ${t.validFor.map((v) => `${v.game} ${v.versions.join(', ')}`).join('; ')}.`, '');
    out.push('| Metric | Reference measure | n | Mean | SD | Reliability | Comparability |');
    out.push('|---|---|---|---|---|---|---|');
    for (const m of t.metrics) {
      out.push(
        `| ${m.game} \`${m.metric}\` | ${m.reference ? `\`${m.reference.measure}\`` : 'own data'} | ${m.n} | ${m.mean} | ${m.sd} | ${m.reliability.value} (${m.reliability.kind}; ${cell(m.reliability.source)}) | ${cell(m.reference?.comparability ?? '')} |`,
      );
    }
    out.push('');
  }
  out.push(
    'Domains whose normed, valid metrics carry less than half their weight in a table are reported as **not measured** (with the shipped tables: flexibility and learning against `sro-provisional-20-29`, which has no Switch or Coin hunt entries yet).',
    '',
  );
  return out;
}

function rolesSection(set: RoleSet): string[] {
  const out = ['## 8. Role fit', ''];
  out.push(
    `Role profiles are data (\`norms/roles/\`, schema \`norms/schema/role-set.schema.json\`): per domain a target range on the sten scale and an importance 0–3 (0 not relevant, 1 useful, 2 important, 3 critical). ${set.model}`,
    '',
  );
  out.push(
    'For each domain with importance w > 0, its unrounded sten s = 5.5 + 2z (clamped to 0.5–10.5; the whole-number sten shown is its rounding) and target range [low, high]:',
    '',
  );
  out.push(`    distance d = low − s (below the range),  (s − high) · ${ABOVE_RANGE_FACTOR} (above it),  0 (inside)`);
  out.push('    D²       = Σ w·d² / Σ w                                  (sums over the measured domains)');
  out.push(`    fit %    = 100 · exp(−D² / (2 · ${FIT_TOLERANCE}²))`);
  out.push('    contribution of a domain = 100 · w / Σ w  −  (100 − fit) · w·d² / Σ w·d²   (the contributions add up to the fit)');
  out.push('    fit range = the fit with every d at its largest / smallest value while each sten moves within its 90 % band', '');
  out.push(
    `Being above a range counts ${ABOVE_RANGE_FACTOR} times as much as being below it: a range's upper end says what the role calls for, and more is a mismatch of style or challenge (a role that wants as much as possible sets 10). The fit reads the unrounded sten: with whole stens the fits moved in steps of about 20 points, so that "20 points apart" measured the rounding. A fit falls to 61 % when the domains lie on average (root mean square) ${FIT_TOLERANCE} stens outside their ranges and to 14 % at twice that. The fit is a Gaussian of the mean squared distance rather than a mean of per-domain matches because a mean of six matches averages the differences between candidates away: with the 1.0 function every simulated candidate fitted almost every role 75–100 %. A contribution is the domain's share of the maximum minus its share of the shortfall; it is negative when a domain costs more than its share. The **fit range** moves all stens to the unfavourable (favourable) ends of their bands at once, so it is wider than a 90 % interval of the fit: it is conservative. A domain that was not measured contributes 0 and is listed with sten null. **Coverage** is the share of the role's importance that rests on measured domains; below ${MIN_FIT_COVERAGE} the fit's status is \`not-enough-data\` and it should be shown as such, not as a percentage.`,
    '',
  );
  out.push(workedExample(), '');
  out.push(
    'Calibration: `npm run bench:profile` draws a population from the default norm table (norm-calibrated simulated participants, `src/scoring/testing/norm-population.ts`), scores it with this function and prints per role the 10th/50th/90th percentile of the fit and how often the two best roles differ by 20 points or more. The tolerance and the example ranges were set so that every example role spreads from ≤ 35 % (10th percentile) to ≥ 85 % (90th) and two different example roles disagree for most candidates. Measured on 2,000 participants (seed 2), example roles 3.0.0: P10 0 % for every role, P50 14–26 %, P90 91–98 %; the two best roles ≥ 20 points apart for 57.5 % (seed 1, n = 1,000: 57.8 %). What got there: each example role leans on one domain (7–10) and does not call for another (1–5), the six pairs in a cycle so that no two roles share either; above-range counts fully; tolerance 0.8 (at 1.0: 45 %, at 1.2: 32 %); the unrounded sten. With example roles 2.0.0 (four domains each, wider ranges, above-range at half, tolerance 1.25, whole stens) the share was 21 %. The fit range stays wide (median width 95–100 points with the reliabilities of norm tables 1.2.0, 87–99 with 1.1.0): the domain intervals are wide, and the fit is steep.',
    '',
  );
  out.push(`### Role profiles: ${set.id} ${set.version}${set.example ? ' — EXAMPLES' : ''}`, '');
  out.push(set.note, '');
  const domains = DOMAIN_MODEL.map((d) => d.domain);
  out.push(`| Role | ${domains.map(domainName).join(' | ')} |`);
  out.push(`|---|${domains.map(() => '---').join('|')}|`);
  for (const r of set.roles) {
    out.push(
      `| ${en[r.label] ?? r.label} | ${domains
        .map((d) => {
          const t = r.targets[d];
          return t ? `${t.sten[0]}–${t.sten[1]} (×${t.importance})` : '—';
        })
        .join(' | ')} |`,
    );
  }
  out.push('', 'Cells: target sten range (× importance).', '');
  return out;
}

/** The worked example, computed by the fit function itself so the card cannot drift from the code. */
function workedExample(): string {
  const role: RoleProfile = {
    id: 'example',
    label: 'example',
    targets: {
      'processing-speed': { sten: [4, 8], importance: 1 },
      'selective-attention': { sten: [6, 9], importance: 3 },
      'working-memory': { sten: [5, 9], importance: 2 },
    },
  };
  const at = (domain: Domain, sten: number): DomainScore => ({ domain, status: 'measured', sten, stenCi: { low: sten - 1, high: sten + 1 }, metrics: [] });
  // No z: the example reads whole stens, as a coach checking it by hand would.
  const set: RoleSet = { id: 'example', version: '0.0.0', example: true, note: '', model: '', roles: [role] };
  const fit = fitRole(role, set, [at('processing-speed', 9), at('selective-attention', 4), at('working-memory', 7)]);
  const parts = fit.contributions.map((c) => `${domainName(c.domain)} ${c.contribution.toFixed(1)}`).join(' + ');
  return (
    `Worked example: speed target [4, 8] × 1, sten 9 → d = ${ABOVE_RANGE_FACTOR}; focus target [6, 9] × 3, sten 4 → d = 2; keeping things in mind target [5, 9] × 2, sten 7 → d = 0. ` +
    `D² = (1·${ABOVE_RANGE_FACTOR ** 2} + 3·4 + 2·0) / 6 = ${roundTo((ABOVE_RANGE_FACTOR ** 2 + 12) / 6, 2)}; fit = 100 · exp(−${roundTo((ABOVE_RANGE_FACTOR ** 2 + 12) / 6, 2)} / ${roundTo(2 * FIT_TOLERANCE * FIT_TOLERANCE, 4)}) → ${fit.fitPercent} %; contributions ${parts}. ` +
    `With every band ±1 sten the fit range is ${fit.fitRange?.low}–${fit.fitRange?.high} %.`
  );
}

function tipsSection(): string[] {
  const out = ['## 9. Working-style tips', ''];
  out.push(
    `Tips are produced by fixed rules on the measured domain stens (HIGH = sten ≥ ${HIGH}, LOW = sten ≤ ${LOW}); a rule never reads a domain that was not measured. Strength tips come first, strongest first. When no domain reaches ${HIGH}, the highest measured domain with sten ≥ ${RELATIVE_STRENGTH_MIN} is named as a relative strength (\`relative-strength.<domain>\`). Tips describe conditions in which someone tends to work well; none names a lack, a disorder or a diagnosis (a test checks the words in all four languages), and the results screen says so.`,
    '',
  );
  out.push('| Rule | Kind | When | Text (en) |');
  out.push('|---|---|---|---|');
  for (const r of TIP_RULES) out.push(`| \`${r.id}\` | ${r.kind} | ${r.when} | ${cell(en[tipMessageKey(r.id)] ?? '')} |`);
  out.push('');
  return out;
}

function buildSection(): string[] {
  return [
    '## 10. Building norms (`npm run norms:build`)',
    '',
    `Input: anonymised session exports, format \`${EXPORT_FORMAT}\` version ${EXPORT_VERSION} (\`src/scoring/session-export.ts\`): per session an anonymous id, the device class (session and per game), optionally an age band and group labels, and the game scores (metric values, quality flags, versions). No names, contact details, raw logs or time stamps; an export with such fields is refused.`,
    '',
    `Rules: the same validity rules as for a candidate decide which values enter; the group is refused below a minimum N (default ${DEFAULT_MIN_N}); a metric with fewer valid values is left out (and listed in the provenance); a table is built for one version of each game (mixed versions are refused). Per metric: n, mean, sample SD (n − 1), percentiles ${NORM_PERCENTILES.join(', ')} (type 7: linear interpolation at (n − 1)·p), percentile-bootstrap CIs of mean and SD (seeded; default 1,000 resamples, 95 %), separate statistics per device class with enough sessions; correlations between the metrics of each domain; per domain the distribution of the domain z. Reliability cannot be estimated from single sessions: the domain model's figures are copied with their source. The provenance block records the input files (SHA-256), filters, counts, exclusions and settings.`,
    '',
  ];
}

function fairnessSection(reports: CardInput['fairness']): string[] {
  const out = ['## 11. Fairness', ''];
  out.push(
    `\`npm run fairness -- <exports with group labels> [--roles …]\` scores every session exactly as a candidate is scored and reports, per group label (and per intersection of two labels): for each role and fit cut-off (default ${DEFAULT_CUTOFFS.join(', ')} %) the selection rate with a Wilson 95 % CI and the adverse-impact ratio against the group with the highest rate, with a Katz log 95 % CI — below ${FOUR_FIFTHS} fails the four-fifths rule, and a CI wholly below 1 marks it as unlikely to be chance; and for each domain score and each fit the standardised mean difference (Cohen's d, pooled SD) against the largest group with a 95 % CI, reported as a difference when |d| ≥ ${SMD_THRESHOLD} and the CI excludes 0. Groups and intersections with fewer than ${DEFAULT_MIN_GROUP_N} sessions are named without figures. Output: Markdown and JSON.`,
    '',
  );
  if (reports.length === 0) {
    out.push(
      '**Figures:** no fairness figures from real candidates exist yet. The report on pilot data goes in `norms/fairness/` and is summarised here. On simulated groups the tool finds a built-in difference and reports none where there is none (`src/scoring/fairness.test.ts`).',
      '',
    );
    out.push(
      'Known risk to check first: absolute speed metrics (processing speed, and the speed part of the switch composite and the flanker combined score) depend on the input device; if device use differs between groups (e.g. phone vs. computer), speed differences between groups can be partly technical. Compare by device class.',
      '',
    );
  } else {
    for (const { file, report } of reports) {
      out.push(`### ${file}`, '');
      out.push(`${report.sessions} sessions; norm group ${report.norm.id} ${report.norm.version}; roles ${report.roleSet.id} ${report.roleSet.version}.`, '');
      for (const u of report.units) {
        const flagged = u.selection.flatMap((s) => s.groups.filter((g) => g.belowFourFifths).map((g) => `${s.role} ≥ ${s.cutoff}: ${g.group} AIR ${g.air}`));
        const diffs = u.smd.flatMap((s) => s.groups.filter((g) => g.difference).map((g) => `${s.score}: ${g.group} d = ${g.d}`));
        out.push(
          `- ${u.attribute}: ${flagged.length === 0 ? 'no cut-off below four-fifths' : `below four-fifths: ${flagged.join('; ')}`}; ${diffs.length === 0 ? 'no standardised difference' : `differences: ${diffs.join('; ')}`}.`,
        );
      }
      out.push('');
    }
  }
  return out;
}

/** The sciops sample: reliability of the learning metrics and a fairness table, labelled as an external sample. */
function externalSection(report: SciopsReport | null): string[] {
  if (!report) return [];
  const out = ['### External sample: learning metrics on the sciops reversal-learning data', ''];
  out.push(
    `**External sample, other task version.** ${report.sample}; N = ${report.n}. Licence: MIT (notice in \`norms/external/LICENSE-sciops\`). Derived statistics in \`norms/external/sciops-prl.json\` (\`npm run norms:reference\`); a test recomputes them from the trials and checks them against the values the data's documentation reports. Coin hunt 2.0.0 replicates this task's first 60 trials; its norm entries (in \`sro-provisional-all\`) are built from exactly those trials by \`norms:reference\`, with the game's own metric code (\`games/reversal/learning.ts\`). The figures here are over all 90 trials.`,
    '',
  );
  out.push('| Metric | N | Mean | SD | Split-half (odd vs even blocks) | Stepped to our trials |');
  out.push('|---|---|---|---|---|---|');
  for (const m of report.metrics)
    out.push(
      `| \`${m.metric}\` | ${m.n} | ${m.mean} | ${m.sd} | r = ${m.splitHalf.r}, Spearman–Brown ${m.splitHalf.full} | ${m.splitHalf.atOurTrials} at ${m.splitHalf.ourTrials} trials |`,
    );
  out.push('');
  out.push(
    "Fairness by gender and age band: standardised mean difference (Cohen's d, pooled SD, 95 % CI) against the largest group; for the metrics with a direction, the share at or above sten 6, 7 and 8 (stens against the sample's own mean and SD) and its adverse-impact ratio to the group with the highest share (Katz 95 % CI). Groups under 30 are named without figures.",
    '',
  );
  out.push('| By | Metric | Group | N | Mean | d [95 % CI] | Share ≥ sten 6 / 7 / 8 | AIR 6 / 7 / 8 |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const f of report.fairness) {
    for (const g of f.groups) {
      const d = g.smd ? `${g.smd.d} [${g.smd.ci[0]}, ${g.smd.ci[1]}]${g.group === f.reference ? ' (reference)' : ''}` : '—';
      const shares = g.air ? g.air.map((a) => a.rate).join(' / ') : '—';
      const airs = g.air ? g.air.map((a) => (a.ratio === null ? '—' : `${a.ratio}${a.ci && a.ci[1] < 1 ? ' *' : ''}`)).join(' / ') : '—';
      out.push(`| ${f.by} | \`${f.metric}\` | ${g.group} | ${g.n} | ${g.mean ?? '—'} | ${d} | ${shares} | ${airs} |`);
    }
  }
  out.push('', '\\* the CI of the ratio lies wholly below 1.', '');
  return out;
}

function limitationsSection(): string[] {
  return [
    '## 13. Known limitations',
    '',
    '- **Provisional norms.** The shipped norm tables come from US adults tested online in 2016–2017 on different task implementations (SRO). They are labelled provisional wherever a score shows. Several of our statistics differ from the reference ones (median vs. mean RT; Kessels block span vs. an averaged adaptive span), which biases z-scores; the comparability column in §7 says how. Dutch norms built with norms:build must replace them before any decision rests on a score.',
    '- **Flexibility and learning normed on external samples only.** Flexibility rests on the Switch composite, normed provisionally from the SRO cued task-switching retest trials (151 adults, a harder three-task version: our scores run high), and on Coin hunt perseveration; learning on Coin hunt win-stay and best-choice rate, normed provisionally from the first 60 trials of the open sciops reversal-learning sample (301 US/Canadian adults online, keyboard, no practice; Coin hunt 2.0.0 has the same task structure and schedule, exact reward counts per phase, pictures and touch). Win-stay is near ceiling for a third of that sample (it separates the lower half well, the upper half little). Role fits rest on the measured domains and say so (coverage).',
    "- **Modest reliability.** Every normed metric's reliability is measured on real data at our trial counts (§7 gives each with its source): test–retest of the SRO retest participants scored by our rules for Reaction, Flanker and Corsi; SSRT and the Switch composite stepped from published or derived test–retest figures by Spearman–Brown (for RT medians the direct figure at a short length is well above the stepped one, so these two may be underestimates); within-session split-halves (upper bounds) for Coin hunt. At our short lengths they are low to modest, and flanker accuracy (near ceiling) hardly separates people at all. The domain model carries the same figures; metrics without norms (the flanker combined score, the Corsi total scores) keep assumed figures, labelled so, that no interval uses. The 90 % intervals are wide (often ±1–2 stens) and are shown with every score.",
    '- **Speed contamination.** The switch composite and the flanker combined score include response speed, so they correlate with processing speed and with device latency.',
    '- **Example roles.** The role profiles are examples set by the developers, not validated against job performance. Fit percentages from them are conversation starters, not predictions.',
    '- **Tips are heuristics.** The tip rules are plain rules on stens, not validated advice; they use no clinical categories and must not be read as a diagnosis.',
    '- **Not for automated decisions.** The profile is meant for a conversation between candidate and coach; it should not select or reject anyone on its own (GDPR art. 22).',
    '',
  ];
}

export function renderAlgorithmCard(input: CardInput): string {
  const lines = [
    '# Algorithm card — Talentscan cognitive profile',
    '',
    `<!-- Generated by \`npm run algorithm-card\` (scripts/algorithm-card.ts) from src/scoring and norms/. Do not edit by hand: src/scoring/algorithm-card.test.ts fails when this file is out of date. -->`,
    '',
    `Algorithm version **${ALGORITHM_VERSION}** (profile engine, domain model, validity rules, fit function and tip rules together). With the norm table version and the role-set version it identifies every number in a profile; each profile carries all three, plus the game and scorer versions it rests on.`,
    '',
    '## 1. Purpose and use',
    '',
    '- **What it does.** Turns the behaviour of a candidate in six short, language-free games into a profile of six cognitive domains (scores against a norm group with 90 % confidence intervals), fits with role profiles, and plain-language working-style tips.',
    '- **Who it concerns.** Job seekers and career switchers, among them young people without a clear plan on the labour market, people of 55+, neurodivergent people, refugees and status holders; coaches and recruiters who discuss the profile with them.',
    '- **Role of people.** The profile supports a conversation; a coach explains each score with its uncertainty, norm group and data quality. The candidate owns the result and decides whom to show it.',
    '- **Type.** Rule-based and fully documented (no machine learning, no training on personal data). Deterministic: the same event log gives the same profile in the browser, in Node and in the credential issuer (`profileFromLog` in `src/scoring/build-profile.ts`).',
    '',
    ...metricsSection(),
    ...validitySection(),
    ...domainSection(),
    ...formulasSection(),
    ...deviceSection(),
    ...normsSection(input.tables),
    ...rolesSection(input.roleSet),
    ...tipsSection(),
    ...buildSection(),
    ...fairnessSection(input.fairness),
    ...externalSection(input.external ?? null),
    ...integritySection(),
    ...limitationsSection(),
    '## 14. Sources',
    '',
    '- Eisenberg, I. W., et al. (2019). Uncovering the structure of self-regulation through data-driven ontology discovery. *Nature Communications*, 10, 2319.',
    '- Enkavi, A. Z., et al. (2019). Large-scale analysis of test–retest reliabilities of self-regulation measures. *PNAS*, 116(12), 5472–5477.',
    '- Kessels, R. P. C., et al. (2000). The Corsi block-tapping task: standardization and normative data. *Applied Neuropsychology*, 7(4), 252–258.',
    '- Mosier, C. I. (1943). On the reliability of a weighted composite. *Psychometrika*, 8, 161–168.',
    '- Pronk, T., Wiers, R. W., Molenkamp, B., & Murre, J. (2020). Mental chronometry in the pocket? Timing accuracy of web applications on touchscreen and keyboard devices. *Behavior Research Methods*, 52, 1371–1382.',
    '- Verbruggen, F., et al. (2019). A consensus guide to capturing the ability to inhibit actions and impulsive behaviors in the stop-signal task. *eLife*, 8, e46323.',
    '- Uniform Guidelines on Employee Selection Procedures (1978), 29 CFR 1607.4(D): the four-fifths rule.',
    '',
  ];
  return lines.join('\n');
}
