#!/usr/bin/env node
/**
 * Packaging smoke test, offline (issue 7 item 4).
 *
 * Runs `electron-builder --linux dir` with `electronDist` pointing at build/electron-stub/ (a fake
 * Electron executable carrying Electron's fuse wire, so no download is needed) into a temporary
 * folder, then checks what was packed:
 * - app.asar holds out/main/index.js, out/preload/index.cjs, out/renderer/index.html and a
 *   package.json whose "main" is a file inside the archive;
 * - no sources, source maps or node_modules were packed (main and preload bundle their deps);
 * - the preload requires nothing but `electron` (a sandboxed preload cannot);
 * - the fuses in the packed executable are the ones electron-builder.config.ts asks for.
 *
 * Usage: node scripts/package-smoke.mjs [--skip-build] [--keep]
 *   --skip-build  use the existing out/ (otherwise `electron-vite build` runs first)
 *   --keep        keep the temporary output folder and print its path
 * Prints a table and a JSON line; exits 1 when a check fails.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const timings = {};
const checks = [];

function run(label, command, commandArgs) {
  const started = performance.now();
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8' });
  timings[label] = Math.round(performance.now() - started);
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}\n${result.stderr}\n`);
    throw new Error(`${label} failed (exit ${result.status})`);
  }
  return result.stdout;
}

function check(name, pass, detail = '') {
  checks.push({ name, pass: Boolean(pass), detail });
}

const totalStarted = performance.now();
const outputDir = mkdtempSync(path.join(os.tmpdir(), 'mailflow-package-smoke-'));
let failed = false;
try {
  if (!args.has('--skip-build')) run('electron-vite build', bin('electron-vite'), ['build']);
  for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }

  const stub = path.join(root, 'build', 'electron-stub');
  chmodSync(path.join(stub, 'electron'), 0o755);
  run('electron-builder --linux dir', bin('electron-builder'), [
    '--config', 'electron-builder.config.ts',
    '--linux', 'dir',
    '--x64',
    '--publish', 'never',
    `-c.electronDist=${stub}`,
    `-c.directories.output=${outputDir}`,
  ]);

  const { default: config } = await import(path.join(root, 'electron-builder.config.ts')).catch(async () => {
    // Node cannot import TypeScript directly before v22.6; electron-builder's own loader (jiti) can.
    const { createJiti } = require(require.resolve('jiti', { paths: [path.dirname(require.resolve('app-builder-lib/package.json'))] }));
    return { default: await createJiti(import.meta.url).import(path.join(root, 'electron-builder.config.ts'), { default: true }) };
  });

  const appDir = path.join(outputDir, 'linux-unpacked');
  const asarPath = path.join(appDir, 'resources', 'app.asar');
  check('app.asar exists', existsSync(asarPath), asarPath);
  const asar = require(require.resolve('@electron/asar', { paths: [path.dirname(require.resolve('app-builder-lib/package.json'))] }));
  // listPackage/extractFile read the archive into memory; nothing is extracted to disk.
  const entries = asar.listPackage(asarPath, { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''));
  for (const required of ['out/main/index.js', 'out/main/picture-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) {
    check(`app.asar contains ${required}`, entries.includes(required));
  }
  const packedPackage = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8'));
  check('package.json main points into the archive', entries.includes(packedPackage.main), `main = ${packedPackage.main}`);
  check('package.json main is out/main/index.js', packedPackage.main === 'out/main/index.js', packedPackage.main);
  check('no node_modules packed', !entries.some((entry) => entry.startsWith('node_modules/')), `${entries.length} entries`);
  check('no TypeScript sources or source maps packed', !entries.some((entry) => /\.(ts|tsx|map)$/.test(entry)));
  check('no devDependencies in the packed package.json', packedPackage.devDependencies === undefined);

  const preload = asar.extractFile(asarPath, 'out/preload/index.cjs').toString('utf8');
  const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
  check('sandboxed preload requires only electron', required.every((name) => name === 'electron'), `requires: ${[...new Set(required)].join(', ')}`);
  check('preload never hands out ipcRenderer', !/exposeInMainWorld\([^)]*ipcRenderer\s*\)/.test(preload));

  const executable = path.join(appDir, config.executableName);
  check(`executable is ${config.executableName}`, existsSync(executable));
  const { getCurrentFuseWire, FuseV1Options } = require(require.resolve('@electron/fuses', { paths: [path.dirname(require.resolve('app-builder-lib/package.json'))] }));
  const wire = await getCurrentFuseWire(executable);
  const wanted = {
    RunAsNode: config.electronFuses.runAsNode,
    EnableCookieEncryption: config.electronFuses.enableCookieEncryption,
    EnableNodeOptionsEnvironmentVariable: config.electronFuses.enableNodeOptionsEnvironmentVariable,
    EnableNodeCliInspectArguments: config.electronFuses.enableNodeCliInspectArguments,
    EnableEmbeddedAsarIntegrityValidation: config.electronFuses.enableEmbeddedAsarIntegrityValidation,
    OnlyLoadAppFromAsar: config.electronFuses.onlyLoadAppFromAsar,
    GrantFileProtocolExtraPrivileges: config.electronFuses.grantFileProtocolExtraPrivileges,
  };
  for (const [name, enabled] of Object.entries(wanted)) {
    const state = wire[FuseV1Options[name]];
    const actual = state === 49 ? true : state === 48 ? false : `state ${state}`;
    check(`fuse ${name} = ${enabled}`, actual === enabled, `packed: ${actual}`);
  }
} catch (error) {
  failed = true;
  check('packaging ran', false, error instanceof Error ? error.message : String(error));
} finally {
  timings.total = Math.round(performance.now() - totalStarted);
  if (args.has('--keep')) console.log(`Output kept in ${outputDir}`);
  else rmSync(outputDir, { recursive: true, force: true });
}

const width = Math.max(...checks.map((item) => item.name.length));
for (const item of checks) console.log(`${item.pass ? 'PASS' : 'FAIL'}  ${item.name.padEnd(width)}  ${item.detail}`);
console.log(`Timings (ms): ${Object.entries(timings).map(([step, ms]) => `${step} ${ms}`).join(', ')}`);
const ok = !failed && checks.every((item) => item.pass);
console.log(JSON.stringify({ ok, timings, checks }));
process.exit(ok ? 0 : 1);
