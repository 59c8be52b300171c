/**
 * Where the specification's example documents are: `../shared/spec/examples` beside the checkout
 * (as CI and the developers have it), else the repository's own copies in `examples/` (a plain
 * clone). `test/diagram/examples.test.ts` checks the copies are identical when both exist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const BESIDE = join(ROOT, '..', 'shared', 'spec', 'examples');

export const SPEC_EXAMPLES_DIR = existsSync(BESIDE) ? BESIDE : join(ROOT, 'examples');
export const SPEC_EXAMPLES_BESIDE: string | null = existsSync(BESIDE) ? BESIDE : null;
export const SPEC_EXAMPLE_FILES = [
  'point-1-first-receipt.mailflow.json',
  'point-2-certificate.mailflow.json',
  'point-3-ip-connector-2017.mailflow.json',
  'throttling.mailflow.json',
];
export const specExample = (file: string) => join(SPEC_EXAMPLES_DIR, file);
