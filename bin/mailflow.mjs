#!/usr/bin/env node
// The `mailflow` command. `npm ci` builds dist/cli/mailflow.mjs (the `prepare` script); if it is
// missing (installed with --ignore-scripts), build it once now rather than fail.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'mailflow.mjs');
if (!existsSync(bundle)) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
}
await import(pathToFileURL(bundle).href);
