// `npm test`: every check the project has, in order, with one closing line that counts the tests of
// all runners: "N passed, N failed, N skipped". A step that fails without test counts of its own
// (type-check, lint, security, packaging) counts as one failure, so a failing run never says "0 failed".
// Exits non-zero when any step or test fails.
//   npm test                      everything
//   npm test -- unit              one step (typecheck, lint, unit, e2e, security, package)
//   npm test -- unit --results D  reports and summary.json in D instead of test-results/ (.ci/run
//                                 keeps the Node 22 unit run apart from the Node 24 suite this way)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const resultsAt = args.indexOf('--results');
const results = resultsAt >= 0 ? resolve(root, args.splice(resultsAt, 2)[1]) : join(root, 'test-results');
mkdirSync(results, { recursive: true });
const only = args; // e.g. `npm test -- unit` runs one step

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(name, command, args, env = {}) {
  if (only.length && !only.includes(name)) return null;
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`◀ ${name}: exit ${r.status ?? r.signal} in ${seconds}s`);
  if (r.status !== 0) failedSteps.push(name);
  return r.status;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('lint', 'npx', ['eslint', '.']);

/** Adds a runner's counts; a runner that failed without naming a failed test (a test file that does not
 * load, a web server that does not start, no report at all) still counts as one failure. */
function count(name, status, counts) {
  if (status === null) return;
  if (!counts) failedSteps.push(`${name} (no report)`);
  else {
    totals.passed += counts.passed;
    totals.failed += status !== 0 && counts.failed === 0 ? 1 : counts.failed;
    totals.skipped += counts.skipped;
  }
}

const unitJson = join(results, 'unit.json');
rmSync(unitJson, { force: true });
const unitStatus = run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
const unit = readJson(unitJson);
count('unit', unitStatus, unit && { passed: unit.numPassedTests, failed: unit.numFailedTests, skipped: unit.numPendingTests + unit.numTodoTests });

const e2eJson = join(results, 'e2e.json');
rmSync(e2eJson, { force: true });
if (existsSync(join(root, 'playwright.config.ts'))) {
  const e2eStatus = run('e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  const stats = readJson(e2eJson)?.stats;
  count('e2e', e2eStatus, stats && { passed: stats.expected + (stats.flaky ?? 0), failed: stats.unexpected, skipped: stats.skipped });
}

run('security', 'node', ['scripts/electronegativity.mjs', '--out', join(results, 'electronegativity.sarif')]);
run('package', 'node', ['scripts/package-smoke.mjs']);

// unit and e2e report their own failed tests; any other failed step is one failure of its own.
totals.failed += failedSteps.filter((step) => step !== 'unit' && step !== 'e2e').length;
writeFileSync(join(results, 'summary.json'), JSON.stringify({ node: process.version, ...totals, failedSteps }, null, 2));
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
