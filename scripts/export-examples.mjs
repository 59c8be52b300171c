#!/usr/bin/env node
/**
 * Renders the example gallery into docs/images/<example>.png (light theme, the example's featured
 * scenario drawn), with the same code as `mailflow export`. Run: node scripts/export-examples.mjs
 * [--theme dark] [--out-dir docs/images] [--only <file-stem>]
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const theme = opt('theme', 'light');
const outDir = resolve(root, opt('out-dir', 'docs/images'));
const only = opt('only', null);
const lang = opt('lang', 'en');

// The CLI command is TypeScript; bundle it (dependencies stay external, resolved from node_modules).
const bundleDir = join(root, 'dist', 'export-examples');
mkdirSync(bundleDir, { recursive: true });
const bundle = join(bundleDir, 'export-command.mjs');
await build({
  entryPoints: [join(root, 'cli/commands/export.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  outfile: bundle,
  packages: 'external',
  logLevel: 'warning',
});
const { exportCommand } = await import(pathToFileURL(bundle).href);

const io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readText: (p) => readFileSync(p, 'utf8'),
  readBytes: (p) => new Uint8Array(readFileSync(p)),
  writeFile: (p, data) => writeFileSync(p, data),
};

mkdirSync(outDir, { recursive: true });
const gallery = JSON.parse(readFileSync(join(root, 'examples/index.json'), 'utf8'));
let failed = 0;
for (const entry of gallery.examples) {
  const stem = entry.file.replace(/\.mailflow\.json$/, '');
  if (only && stem !== only) continue;
  const suffix = theme === 'dark' ? '-dark' : lang === 'ja' ? '-ja' : '';
  const options = {
    format: 'png',
    out: join(outDir, `${stem}${suffix}.png`),
    theme,
    lang,
    ...(entry.featuredScenario ? { scenario: entry.featuredScenario } : {}),
  };
  const code = await exportCommand.run({ positionals: [join(root, 'examples', entry.file)], options }, io);
  if (code !== 0) failed++;
  // Further scenarios worth a picture of their own (the hybrid example's three points).
  for (const scenario of entry.extraImageScenarios ?? []) {
    const extra = { ...options, scenario, out: join(outDir, `${stem}--${scenario}${suffix}.png`) };
    if ((await exportCommand.run({ positionals: [join(root, 'examples', entry.file)], options: extra }, io)) !== 0) failed++;
  }
}
process.exit(failed ? 1 : 0);
