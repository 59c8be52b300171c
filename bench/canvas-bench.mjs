#!/usr/bin/env node
/**
 * Canvas benchmark: first paint and frame times of pan and zoom at fit view, for generated
 * topologies of about 200, 1,000 and 3,000 nodes, in headless Chromium.
 *
 *   npm run web:build                 # builds dist/web; this script builds nothing itself
 *   node bench/canvas-bench.mjs [--nodes 200,1000,3000] [--seconds 4] [--dist dist/web] [--port 4174]
 *
 * It starts `vite preview` on the build (a free port unless --port), opens each generated document
 * through the app's own Open input and reads the app's performance marks:
 *   first paint = `mailflow:canvas-painted` − `mailflow:document-read` (the text is in hand → the
 *   document's first entities are on screen; parsing and validation included).
 * Then "Fit view", and for --seconds a scripted pan (mouse drag on the pane) followed by a zoom
 * (wheel in and out), sampling requestAnimationFrame deltas: mean fps, p95 and worst frame. Also
 * a drag of a tenant at fit view (--seconds / 2) and the longest frame of zooming in across the
 * level-of-detail threshold.
 * Prints a table, then one JSON line. Exit code 1 when 1,000 nodes are under 55 fps or first paint
 * is over 1 s. BENCH_CSS='…' injects a style sheet before measuring (to try what a style costs).
 * Results and what limits them: docs/performance.md.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const sizes = option('nodes', '200,1000,3000').split(',').map(Number);
const seconds = Number(option('seconds', '4'));
const dist = resolve(root, option('dist', 'dist/web'));
const wantedPort = option('port', '');

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist} has no index.html: run \`npm run web:build\` first.`);
  process.exit(2);
}

// The generator is TypeScript: bundle it in memory and import it.
const bundled = await build({ entryPoints: [join(root, 'bench/generateTopology.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error' });
const { generateTopology, NODES_PER_TENANT } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

async function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

const port = wantedPort ? Number(wantedPort) : await freePort();
const vite = join(root, 'node_modules/vite/bin/vite.js');
const preview = spawn(process.execPath, [vite, 'preview', '--config', 'vite.web.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let previewLog = '';
preview.stdout.on('data', (d) => (previewLog += d));
preview.stderr.on('data', (d) => (previewLog += d));
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    // not listening yet
  }
  if (i > 100 || preview.exitCode !== null) {
    console.error(`vite preview did not start on ${base}:\n${previewLog}`);
    preview.kill();
    process.exit(2);
  }
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Samples requestAnimationFrame deltas in the page until `window.__stopFrames()` is called. */
async function startFrames(page) {
  await page.evaluate(() => {
    const frames = [];
    let last = 0;
    let running = true;
    const tick = (now) => {
      if (last) frames.push(now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__stopFrames = () => {
      running = false;
      return frames;
    };
  });
}

function stats(frames) {
  if (frames.length === 0) return { frames: 0, meanFps: 0, p95FrameMs: 0, worstFrameMs: 0 };
  const total = frames.reduce((a, b) => a + b, 0);
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    meanFps: Number(((frames.length / total) * 1000).toFixed(1)),
    p95FrameMs: Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))].toFixed(1)),
    worstFrameMs: Number(sorted[sorted.length - 1].toFixed(1)),
  };
}

async function measure(nodesWanted) {
  const tenants = Math.max(1, Math.round(nodesWanted / NODES_PER_TENANT));
  const text = JSON.stringify(generateTopology({ tenants, withPositions: true }));
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(`${base}/?recover=no&lang=en`);
    await page.locator('.react-flow').waitFor();
    await page.locator('#mailflow-open-input').setInputFiles({ name: `generated-${nodesWanted}.mailflow.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => performance.getEntriesByName('mailflow:canvas-painted').length > 0, null, { timeout: 60_000 });
    const paint = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name).at(-1);
      const read = at('mailflow:document-read');
      return {
        parseMs: at('mailflow:document-parsed').startTime - read.startTime,
        firstPaintMs: at('mailflow:canvas-painted').startTime - read.startTime,
      };
    });

    // BENCH_CSS: extra CSS injected before measuring, to try what a style costs.
    if (process.env.BENCH_CSS) await page.addStyleTag({ content: process.env.BENCH_CSS });
    // Fit view: the whole design, or — too big to show at a readable zoom — its start at that zoom.
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(800);
    const zoomAtFit = await page.evaluate(() => {
      const m = /scale\(([\d.]+)\)/.exec(document.querySelector('.react-flow__viewport')?.style.transform ?? '');
      return m ? Number(m[1]) : null;
    });
    const rendered = await page.locator('.react-flow__node').count();
    const pane = await page.locator('.react-flow__pane').boundingBox();
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;
    const half = (seconds * 1000) / 2;

    // Pan: drag the pane in a slow circle, one mouse move per ~16 ms.
    await startFrames(page);
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    let started = Date.now();
    while (Date.now() - started < half) {
      const a = ((Date.now() - started) / half) * Math.PI * 2;
      await page.mouse.move(cx + Math.sin(a) * 200, cy + (1 - Math.cos(a)) * 120);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const pan = stats(await page.evaluate(() => window.__stopFrames()));

    // Zoom: wheel in, then back out, around the centre (stays near the fit-view zoom).
    await startFrames(page);
    started = Date.now();
    let step = 0;
    while (Date.now() - started < half) {
      const inward = (Date.now() - started) % 1000 < 500;
      await page.mouse.wheel(0, inward ? -40 : 40);
      await page.waitForTimeout(16);
      step++;
    }
    const zoom = stats(await page.evaluate(() => window.__stopFrames()));

    // Drag: a tenant in the middle of the design (with its connectors and rules) for half the time.
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(300);
    // Fit to window never zooms below the readable zoom (renderer/canvas/viewport.ts): a big design
    // shows its start, so the node dragged (a tenant, else a server) is one on screen.
    const dragged = await page.locator('.react-flow__node-tenant, .react-flow__node-server').first().boundingBox();
    await startFrames(page);
    await page.mouse.move(dragged.x + 4, dragged.y + 3);
    await page.mouse.down();
    started = Date.now();
    while (Date.now() - started < half) {
      const a = ((Date.now() - started) / half) * Math.PI * 2;
      await page.mouse.move(dragged.x + 4 + Math.sin(a) * 150, dragged.y + 3 + (1 - Math.cos(a)) * 80);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const drag = stats(await page.evaluate(() => window.__stopFrames()));

    // Level-of-detail switch: zoom in step by step (the zoom-in button) until full cards appear;
    // the longest frame is the cost of crossing the threshold.
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(300);
    // The readable fit shows full cards: zoom out into the low-detail view first.
    for (let i = 0; i < 10 && (await page.locator('.mf-card').count()) > 0; i++) {
      await page.locator('.react-flow__controls-zoomout').click();
      await page.waitForTimeout(150);
    }
    await startFrames(page);
    for (let i = 0; i < 25 && (await page.locator('.mf-card').count()) === 0; i++) {
      await page.locator('.react-flow__controls-zoomin').click();
      await page.waitForTimeout(120);
    }
    await page.waitForTimeout(300);
    const lodSwitch = stats(await page.evaluate(() => window.__stopFrames()));
    return { nodes: tenants * NODES_PER_TENANT, tenants, renderedAtFit: rendered, zoomAtFit, ...round(paint), pan, zoom, drag, wheelSteps: step, lodSwitchWorstMs: lodSwitch.worstFrameMs };
  } finally {
    await page.close();
  }
}

function round(o) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
}

const results = [];
try {
  for (const n of sizes) results.push(await measure(n));
} finally {
  await browser.close();
  preview.kill();
}

const pad = (s, n) => String(s).padStart(n);
console.log(`canvas benchmark (headless Chromium 1440×900, ${seconds} s of pan + zoom at fit view)`);
console.log(`${pad('nodes', 6)} ${pad('rendered', 8)} ${pad('zoom', 5)} ${pad('parse', 6)} ${pad('paint', 6)} | ${pad('pan fps', 7)} ${pad('p95', 5)} ${pad('worst', 6)} | ${pad('zoom fps', 8)} ${pad('p95', 5)} ${pad('worst', 6)} | ${pad('drag fps', 8)} ${pad('worst', 6)} | ${pad('LOD switch', 10)}`);
for (const r of results) {
  console.log(
    `${pad(r.nodes, 6)} ${pad(r.renderedAtFit, 8)} ${pad(r.zoomAtFit?.toFixed(2) ?? '?', 5)} ${pad(r.parseMs + 'ms', 6)} ${pad(r.firstPaintMs + 'ms', 6)} | ${pad(r.pan.meanFps, 7)} ${pad(r.pan.p95FrameMs, 5)} ${pad(r.pan.worstFrameMs, 6)} | ${pad(r.zoom.meanFps, 8)} ${pad(r.zoom.p95FrameMs, 5)} ${pad(r.zoom.worstFrameMs, 6)} | ${pad(r.drag.meanFps, 8)} ${pad(r.drag.worstFrameMs, 6)} | ${pad(r.lodSwitchWorstMs + 'ms', 10)}`,
  );
}
const target = results.find((r) => Math.abs(r.nodes - 1000) < 20);
const pass = !target || (target.pan.meanFps >= 55 && target.zoom.meanFps >= 55 && target.firstPaintMs <= 1000);
console.log(JSON.stringify({ bench: 'canvas', seconds, results, pass }));
process.exitCode = pass ? 0 : 1;
