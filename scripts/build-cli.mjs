// Bundles the CLI (and the benchmark and schema generator) for Node with esbuild. Runs on
// `npm ci` / `npm install` (the `prepare` script), so `npx mailflow` works right after install.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = {
  mailflow: 'cli/bin.ts',
  bench: 'bench/bench.ts',
  'gen-schema': 'scripts/gen-schema.ts',
  'gen-topology': 'bench/gen-topology-cli.ts',
};
const entryPoints = Object.fromEntries(
  Object.entries(entries)
    .filter(([, file]) => existsSync(join(root, file)))
    .map(([name, file]) => [name, join(root, file)]),
);
await build({
  entryPoints,
  outdir: join(root, 'dist', 'cli'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: 'linked',
  // Native or large packages stay external: they are dependencies installed next to the bundle.
  external: ['@resvg/resvg-js', 'pdf-lib', '@pdf-lib/fontkit'],
  banner: { js: "import { createRequire as __mfCreateRequire } from 'node:module'; const require = __mfCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
