// `npm test`: every check the project has, in order, with one closing line that counts the tests of
// all runners: "N passed, N failed, N skipped". Exits non-zero when any step or test fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs one step

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

const unitJson = join(results, 'unit.json');
rmSync(unitJson, { force: true });
if (run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]) !== null) {
  const unit = readJson(unitJson);
  if (unit) {
    totals.passed += unit.numPassedTests;
    totals.failed += unit.numFailedTests;
    totals.skipped += unit.numPendingTests + unit.numTodoTests;
  } else failedSteps.push('unit (no report)');
}

const e2eJson = join(results, 'e2e.json');
rmSync(e2eJson, { force: true });
if (existsSync(join(root, 'playwright.config.ts'))) {
  if (run('e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson }) !== null) {
    const e2e = readJson(e2eJson);
    if (e2e?.stats) {
      totals.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
      totals.failed += e2e.stats.unexpected;
      totals.skipped += e2e.stats.skipped;
    } else failedSteps.push('e2e (no report)');
  }
}

run('security', 'node', ['scripts/electronegativity.mjs']);
run('package', 'node', ['scripts/package-smoke.mjs']);

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
