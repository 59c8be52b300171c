/**
 * `npm run bench`: the engine's numbers (not a test; nothing here asserts a time).
 *
 * - median time to simulate one message at 10, 100, 1,000 and 10,000 tenants (two connectors, five
 *   rules and 50 recipients each), and the one-off time to index the document;
 * - the throttling model for about 1,000,000 messages over 30 days;
 * - the whole-process time of `mailflow simulate` on the 10,000-tenant file.
 *
 * `--json` prints the same as one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { simulateMessage, throttleTable } from '../shared/engine';
import { validateDocument } from '../shared/model/load';
import { resolveService } from '../shared/model/service';
import type { TopologyDocument } from '../shared/model/schema';
import { generateTopology } from './generateTopology';

const json = process.argv.includes('--json');
const sizes = [10, 100, 1_000, 10_000];
const log = (s: string) => {
  if (!json) console.log(s);
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Messages of three kinds, spread over the document: to the own tenant, to another tenant, to the Internet. */
function messages(n: number, count: number) {
  const out = [];
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  for (let i = 0; i < count; i++) {
    const s = rnd();
    const t = rnd();
    const kind = i % 3;
    out.push({
      serverId: `s${s}`,
      mailFrom: kind === 2 ? '<>' : `user0@t${s}.example`,
      rcptTo: kind === 0 ? [`user1@t${s}.example`] : kind === 1 ? [`user2@t${t}.example`] : [`someone@gmail.example`],
      headerFrom: null,
    });
  }
  return out;
}

const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };
const perSize: Array<{ tenants: number; loadMs: number; indexMs: number; medianUs: number; p95Us: number }> = [];
let bigFile = '';
const dir = mkdtempSync(join(tmpdir(), 'mailflow-bench-'));

for (const n of sizes) {
  const raw = generateTopology({ tenants: n });
  const text = JSON.stringify(raw);
  let t0 = performance.now();
  const loaded = validateDocument(JSON.parse(text));
  const loadMs = performance.now() - t0;
  if (!loaded.ok) throw new Error(loaded.errors[0].message);
  const doc: TopologyDocument = loaded.document;
  const msgs = messages(n, 3000);
  t0 = performance.now();
  simulateMessage(doc, msgs[0]); // builds the per-document index once
  const indexMs = performance.now() - t0;
  for (let i = 0; i < 500; i++) simulateMessage(doc, msgs[i % msgs.length]); // warm up the JIT
  // Time batches of 50 messages (timer resolution), report per message.
  const batch = 50;
  const samples: number[] = [];
  for (let b = 0; b + batch <= msgs.length; b += batch) {
    const start = performance.now();
    for (let i = b; i < b + batch; i++) simulateMessage(doc, msgs[i]);
    samples.push(((performance.now() - start) * 1000) / batch);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  perSize.push({ tenants: n, loadMs, indexMs, medianUs: median(samples), p95Us: sorted[Math.floor(sorted.length * 0.95)] });
  if (n === sizes[sizes.length - 1]) {
    bigFile = join(dir, `generated-${n}.mailflow.json`);
    writeFileSync(bigFile, text);
  }
}
results.simulateMessage = perSize;
const ratio = perSize[perSize.length - 1].medianUs / perSize[0].medianUs;
results.ratioLargestToSmallest = ratio;

log('Simulating one message (median of 60 batches of 50 messages):');
log('tenants   load+validate   index (once)   median/message   p95/message');
for (const r of perSize) {
  log(`${String(r.tenants).padEnd(10)}${(r.loadMs.toFixed(1) + ' ms').padEnd(16)}${(r.indexMs.toFixed(1) + ' ms').padEnd(15)}${(r.medianUs.toFixed(1) + ' µs').padEnd(17)}${r.p95Us.toFixed(1)} µs`);
}
log(`10,000 / 10 tenants: ${ratio.toFixed(2)}× (target ≤ 2×; ≤ 50 µs per message at 10,000 tenants)`);

// Throttling model: ~1,000,000 messages over 30 days (1,389 per hour for 720 hours).
const load = { baselinePerHour: 100, baselineDays: 7, burstPerHour: 1389, burstHours: 720 };
const settings = resolveService(undefined).throttling;
const throttleRuns: number[] = [];
let hours = 0;
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  hours = throttleTable(load, settings, false).length;
  throttleRuns.push(performance.now() - t0);
}
results.throttling = { messages: load.burstPerHour * load.burstHours, hours, medianMs: median(throttleRuns) };
log(`\nThrottling model, ${load.burstPerHour * load.burstHours} messages over 30 days (${hours} hours): ${median(throttleRuns).toFixed(2)} ms (target ≤ 1 s)`);

// The CLI as a user runs it: a whole process on the 10,000-tenant file.
const bin = join(process.cwd(), 'bin', 'mailflow.mjs');
const cliRuns: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'simulate', bigFile, '--scenario', 'cross-tenant'], { encoding: 'utf8' });
  cliRuns.push(performance.now() - t0);
  if (r.status !== 0) throw new Error(`mailflow simulate failed: ${r.stderr}`);
}
results.cli = { tenants: sizes[sizes.length - 1], fileMB: +(JSON.stringify(generateTopology({ tenants: sizes[sizes.length - 1] })).length / 1e6).toFixed(1), medianMs: median(cliRuns) };
log(`mailflow simulate on the ${sizes[sizes.length - 1]}-tenant file: ${median(cliRuns).toFixed(0)} ms whole process (target ≤ 1.5 s)`);
rmSync(dir, { recursive: true, force: true });

if (json) console.log(JSON.stringify(results, null, 2));
