// `node bench/analysis-bench.mjs [--json] [--sizes=10,50,200]`: the analysis benchmark
// (bench/analysisBench.ts), bundled with esbuild into a temporary folder and run.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'mailflow-analysis-bench-'));
await build({ entryPoints: [join(root, 'bench/analysisBench.ts')], outfile: join(out, 'bench.mjs'), bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
if (!process.argv.includes('--json')) {
  console.log('Analysis (every source × sender class × recipient class), generated designs:');
  console.log('tenants servers  cells        classes (srv/sim) analysis cold/warm differential (n)      vs one-by-one');
}
try {
  await import(pathToFileURL(join(out, 'bench.mjs')).href);
} finally {
  rmSync(out, { recursive: true, force: true });
}
