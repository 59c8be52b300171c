#!/usr/bin/env node
/**
 * The hostile inputs of issue 11 at full size: for each case, the time and the memory it costs to
 * handle the input the way the app or the CLI does (targets: at most 1 s and 200 MB, or refused up
 * front with a located error).
 *
 *   node bench/hostile-inputs.mjs [--only id,id] [--json]
 *
 * bench/hostile-cases.ts is bundled with esbuild into a temporary folder; each case runs in its own
 * Node process (so one case's garbage does not weigh on the next): the input is written to a file
 * first, then read and handled. The "Electron main" cases open a picture the way main does (read,
 * stamp, parse in the worker thread of electron/main/picture-reader.ts) and also print the longest
 * pause of main's event loop during the open; their heap is main's (the worker's heap is its own,
 * capped). Printed per case: wall time of the handling, the growth of the
 * V8 heap's size (total_heap_size after − before: the heap grows to hold the peak) and of the
 * process's peak resident memory (maxRSS after − before, which includes buffers outside the heap),
 * and the CPU time the process used meanwhile (all its threads; on a busy machine the wall time
 * grows with the load, the CPU time much less).
 * The test suite runs the same cases at small sizes (test/hostile/, *hostile*.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

const args = process.argv.slice(2);

if (args[0] === '--child') {
  // Child: node hostile-inputs.mjs --child <bundle> <case> <input file>
  const [, bundle, id, file] = args;
  const { CASES } = await import(pathToFileURL(bundle).href);
  const c = CASES[id];
  c.prepare(file);
  globalThis.gc?.();
  const heapBefore = v8.getHeapStatistics().total_heap_size;
  const rssBefore = process.resourceUsage().maxRSS;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  let outcome;
  try {
    outcome = await c.run(file);
  } catch (e) {
    outcome = `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const heapAfter = v8.getHeapStatistics().total_heap_size;
  const rssAfter = process.resourceUsage().maxRSS;
  process.stdout.write(
    JSON.stringify({ id, ms, cpuMs: (cpu.user + cpu.system) / 1000, heapGrowthMB: (heapAfter - heapBefore) / 1048576, peakRssGrowthMB: (rssAfter - rssBefore) / 1024, outcome }) + '\n',
  );
  process.exit(0);
}

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const json = args.includes('--json');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set(args[onlyAt + 1].split(',')) : null;

const { build } = await import('esbuild');
const dir = mkdtempSync(join(tmpdir(), 'mailflow-hostile-'));
const bundle = join(dir, 'cases.mjs');
// With the desktop app's picture worker (electron/main/picture-worker.ts), for the "Electron main" cases.
const pictureWorker = join(dir, 'picture-worker.mjs');
await build({
  entryPoints: { cases: join(root, 'bench/hostile-cases.ts'), 'picture-worker': join(root, 'electron/main/picture-worker.ts') },
  outdir: dir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  logLevel: 'warning',
});
const { CASES } = await import(pathToFileURL(bundle).href);

const results = [];
try {
  for (const [id, c] of Object.entries(CASES)) {
    if (only && !only.has(id)) continue;
    const input = join(dir, `${id}.${c.ext ?? 'input'}`);
    const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', fileURLToPath(import.meta.url), '--child', bundle, id, input], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, MAILFLOW_PICTURE_WORKER: pictureWorker },
    });
    rmSync(input, { force: true });
    const line = r.stdout.trim().split('\n').pop();
    let result;
    try {
      result = { ...JSON.parse(line), item: c.item, what: c.what };
    } catch {
      result = { id, item: c.item, what: c.what, ms: NaN, cpuMs: NaN, heapGrowthMB: NaN, peakRssGrowthMB: NaN, outcome: `process failed (${r.status}): ${r.stderr.trim().split('\n').pop()}` };
    }
    results.push(result);
    if (!json) {
      // The targets are on time and heap; peak RSS also counts the input file's own buffer (200 MB
      // for the PNG case), so it is shown but not judged. A reference case has no target.
      const ok = result.ms <= 1000 && result.heapGrowthMB <= 200;
      console.log(
        `${c.reference ? 'ref ' : ok ? 'ok  ' : 'OVER'} item ${result.item.padEnd(3)} ${result.what}\n     ${result.ms.toFixed(0).padStart(6)} ms (CPU ${result.cpuMs.toFixed(0)} ms, all threads)   heap +${result.heapGrowthMB.toFixed(1)} MB   peak RSS +${result.peakRssGrowthMB.toFixed(1)} MB   → ${result.outcome}`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (json) console.log(JSON.stringify({ results }, null, 2));
