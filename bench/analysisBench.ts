/**
 * The analysis benchmark (bench/analysis-bench.mjs runs it): generated designs of 10, 50 and 200
 * tenants (one or two servers each, two accepted domains per tenant): cells, equivalence classes,
 * time of the whole analysis, time of the differential against a one-connector change, and cells/s
 * against one-by-one simulation. Prints numbers; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { analyze, compareAnalyses, partingOf } from '../shared/analysis';
import { simulateMessage } from '../shared/engine';
import { validateDocument } from '../shared/model/load';
import type { TopologyDocument } from '../shared/model/schema';
import { generateTopology } from './generateTopology';

const json = process.argv.includes('--json');
const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '10,50,200').split(',').map(Number);

function design(n: number, change = false): TopologyDocument {
  const raw = generateTopology({ tenants: n, recipientsPerTenant: 5 });
  // A second server in every other tenant: a scan relay in the same network, without a certificate.
  raw.servers.push(
    ...raw.tenants
      .filter((_, i) => i % 2 === 1)
      .map((t, k) => ({ id: `${t.id}-scan`, name: `Scan relay ${t.id}`, role: 'onPremises' as const, ipAddress: `10.${((2 * k + 1) >> 8) & 255}.${(2 * k + 1) & 255}.11`, tls: false, certificate: null })),
  );
  // The one-connector change: tenant 0 loses its certificate connector.
  if (change) raw.tenants[0].inboundConnectors = raw.tenants[0].inboundConnectors!.filter((c) => c.id !== 't0-cert');
  const loaded = validateDocument(raw);
  if (!loaded.ok) throw new Error(loaded.errors[0].message);
  return loaded.document;
}

// Warm the JIT on a small design first, so the first row does not pay for compilation.
analyze(design(5));

const rows = [];
for (const n of sizes) {
  const doc = design(n);
  const changed = design(n, true);
  const gcMem = () => process.memoryUsage().heapUsed / 1e6;
  // First run (cold: this document's index, JIT) and second run (warm) of the same analysis.
  let t = performance.now();
  analyze(doc);
  const coldMs = performance.now() - t;
  t = performance.now();
  const a = analyze(structuredClone(doc));
  const analysisMs = performance.now() - t;
  t = performance.now();
  const b = analyze(changed);
  const d = compareAnalyses(a, b, { parting: false });
  const differentialMs = performance.now() - t;
  t = performance.now();
  for (const x of d.differences.slice(0, 1000)) partingOf(d, x);
  const partingMsPer1000 = Math.round(performance.now() - t);
  // One-by-one: simulate a spread sample of cells and extrapolate cells/s.
  const sample = Math.min(20_000, a.cellCount);
  const S = a.sources.length;
  const F = a.senders.length;
  const R = a.recipients.length;
  t = performance.now();
  for (let i = 0; i < sample; i++) {
    const k = Math.floor((i * a.cellCount) / sample);
    const r = k % R;
    const f = Math.floor(k / R) % F;
    const s = Math.floor(k / (R * F)) % S;
    simulateMessage(doc, a.cell(s, f, r).message);
  }
  const oneByOneMs = performance.now() - t;
  const row = {
    tenants: n,
    servers: doc.servers.length,
    cells: a.cellCount,
    serverClasses: a.sourceClassCount,
    simulated: a.classCount,
    coldMs: Math.round(coldMs),
    analysisMs: Math.round(analysisMs),
    differentialMs: Math.round(differentialMs),
    differences: d.differences.length,
    partingMsPer1000,
    cellsPerSecond: Math.round(a.cellCount / (analysisMs / 1000)),
    oneByOnePerSecond: Math.round(sample / (oneByOneMs / 1000)),
    heapMB: Math.round(gcMem()),
  };
  rows.push(row);
  if (!json) {
    console.log(
      `${String(n).padEnd(8)}${String(row.servers).padEnd(9)}${row.cells.toLocaleString('en').padEnd(13)}${`${row.serverClasses}/${row.simulated.toLocaleString('en')}`.padEnd(17)}${`${row.coldMs} / ${row.analysisMs} ms`.padEnd(18)}${`${row.differentialMs} ms (${row.differences})`.padEnd(22)}${(row.cellsPerSecond / row.oneByOnePerSecond).toFixed(0)}× (${row.cellsPerSecond.toLocaleString('en')} vs ${row.oneByOnePerSecond.toLocaleString('en')} cells/s)`,
    );
  }
}
if (!json) {
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  console.log(`(differential: both analyses and the comparison; the first differing event is found per shown cell, ${rows.map((r) => `${r.partingMsPer1000} ms`).join(' / ')} per 1,000 differences; load average ${load})`);
}
if (json) console.log(JSON.stringify({ analysis: rows }, null, 2));
