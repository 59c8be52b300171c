#!/usr/bin/env node
/**
 * Playback frame-rate benchmark: plays a scenario on a generated ~200-node topology in headless
 * Chromium and measures frame times with requestAnimationFrame.
 *
 *   npm run web:build            # this script builds nothing itself
 *   node bench/playback-fps.mjs [--tenants 23] [--seconds 5] [--speed 2]
 *
 * It serves dist/web on 127.0.0.1 (a tiny static server on a free port), opens the generated
 * document through the app's own Open input, runs "Server 0 to the last tenant" (first receipt,
 * hand-off, delivery) and keeps it playing while it samples. Prints mean fps, p95 and worst frame
 * time, then one JSON line.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const webRoot = join(root, 'dist/web');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const tenants = arg('tenants', 23);
const seconds = arg('seconds', 5);
const speed = arg('speed', 2);

if (!existsSync(join(webRoot, 'index.html'))) {
  console.error('dist/web is missing: run `npm run web:build` first.');
  process.exit(2);
}

// The generator is TypeScript: bundle it in memory and import it.
const bundled = await build({ entryPoints: [join(root, 'bench/generateTopology.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error' });
const { generateTopology, NODES_PER_TENANT } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
const documentText = JSON.stringify(generateTopology({ tenants, withPositions: true }));
const nodeCount = tenants * NODES_PER_TENANT;

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.map': 'application/json', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = normalize(join(webRoot, path === '/' ? 'index.html' : path));
  if (!file.startsWith(webRoot) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const port = server.address().port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/?recover=no&lang=en`);
  await page.locator('.react-flow').waitFor();
  await page.locator('#mailflow-open-input').setInputFiles({ name: 'generated.mailflow.json', mimeType: 'application/json', buffer: Buffer.from(documentText) });
  await page.getByLabel('Exchange Online tenant Tenant 0', { exact: true }).waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await page.getByRole('option', { name: /Server 0 to the last tenant/ }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('table', { name: 'Events' }).waitFor();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(String(speed));
  // Show the whole topology (the app's Fit view, Shift+1), so every node is on screen and rendered
  // while the message plays; then count what React Flow renders.
  await page.waitForTimeout(600);
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  await page.keyboard.press('Shift+1');
  await page.waitForTimeout(800);
  const rendered = await page.locator('.react-flow__node').count();

  const sample = (play) => page.evaluate(async ({ ms, play }) => {
    // Keep playback going for the whole sample: Play again whenever it reaches the end.
    const keepPlaying = setInterval(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim().endsWith(play ? 'Play' : 'Pause'));
      if (button && !button.disabled) button.click();
    }, 100);
    const frames = [];
    const longFrames = [];
    let steps = 0;
    let last = performance.now();
    let lastStep = document.querySelector('tr[aria-current="step"]')?.firstElementChild?.textContent;
    await new Promise((done) => {
      const start = last;
      const tick = (now) => {
        frames.push(now - last);
        if (now - last > 40) longFrames.push([Math.round(now - last), document.querySelector('.pb-step-count')?.textContent]);
        last = now;
        const step = document.querySelector('tr[aria-current="step"]')?.firstElementChild?.textContent;
        if (step !== lastStep) {
          steps += 1;
          lastStep = step;
        }
        if (now - start < ms) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    clearInterval(keepPlaying);
    const tokens = document.querySelectorAll('.pb-token').length;
    return { frames: frames.slice(1), steps, tokens, long: longFrames };
  }, { ms: seconds * 1000, play });
  // Baseline first: the same screen with playback paused, so the machine's load is visible.
  const idle = await sample(false);
  const result = await sample(true);

  const idleFps = (idle.frames.length / idle.frames.reduce((a, b) => a + b, 0)) * 1000;
  const frames = result.frames;
  const total = frames.reduce((a, b) => a + b, 0);
  const sorted = [...frames].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
  const worst = sorted[sorted.length - 1];
  const fps = (frames.length / total) * 1000;
  console.log(`playback on a ${nodeCount}-node topology (${rendered} nodes rendered, ${tenants} tenants), ${seconds} s at ${speed}x`);
  console.log(`  mean fps        ${fps.toFixed(1)} (paused, same screen: ${idleFps.toFixed(1)})`);
  console.log(`  p95 frame time  ${p95.toFixed(1)} ms`);
  console.log(`  worst frame     ${worst.toFixed(1)} ms`);
  console.log(`  steps played    ${result.steps}`);
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify(result.long));
  console.log(
    JSON.stringify({
      bench: 'playback-fps',
      nodes: nodeCount,
      renderedNodes: rendered,
      seconds,
      speed,
      frames: frames.length,
      meanFps: Number(fps.toFixed(1)),
      pausedFps: Number(idleFps.toFixed(1)),
      p95FrameMs: Number(p95.toFixed(1)),
      worstFrameMs: Number(worst.toFixed(1)),
      stepsPlayed: result.steps,
      pass: fps >= 55,
    }),
  );
  process.exitCode = fps >= 55 ? 0 : 1;
} finally {
  await browser.close();
  server.close();
}
