#!/usr/bin/env node
/**
 * `npm test`: every unit test (Vitest), then every browser test (Playwright), then one summary line.
 * Both suites always run, so one red suite does not hide the state of the other.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const ARTIFACTS = 'tests/.artifacts';
mkdirSync(ARTIFACTS, { recursive: true });
const testPort = Number(process.env.TALENTSCAN_TEST_PORT ?? 4317);
for (const f of ['unit.json', 'e2e.json', `issuer-${testPort}`, `issuer-${testPort + 1}`]) rmSync(`${ARTIFACTS}/${f}`, { force: true, recursive: true });

function run(label, cmd, args) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

const unitStatus = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${ARTIFACTS}/unit.json`]);
const e2eStatus = run('browser tests', 'npx', ['playwright', 'test']);

function unitCounts() {
  if (!existsSync(`${ARTIFACTS}/unit.json`)) return null;
  const r = JSON.parse(readFileSync(`${ARTIFACTS}/unit.json`, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
}

function e2eCounts() {
  if (!existsSync(`${ARTIFACTS}/e2e.json`)) return null;
  const s = JSON.parse(readFileSync(`${ARTIFACTS}/e2e.json`, 'utf8')).stats;
  return { passed: s.expected, failed: s.unexpected + (s.flaky ?? 0), skipped: s.skipped };
}

const unit = unitCounts() ?? { passed: 0, failed: 1, skipped: 0 };
const e2e = e2eCounts() ?? { passed: 0, failed: 1, skipped: 0 };
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (unitStatus !== 0 && unit.failed === 0 ? 1 : 0) + (e2eStatus !== 0 && e2e.failed === 0 ? 1 : 0);
const skipped = unit.skipped + e2e.skipped;

console.log('\n=== summary');
console.log(`unit:    ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`browser: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
console.log(`${failed === 0 ? 'PASS' : 'FAIL'}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && unitStatus === 0 && e2eStatus === 0 ? 0 : 1);
