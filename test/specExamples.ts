/**
 * The specification's example documents, as the repository keeps them in `examples/`: tests read
 * these copies, so a plain clone and a checkout beside `../shared/spec` give the same results.
 * `test/diagram/examples.test.ts` checks the copies equal `../shared/spec/examples` when that
 * folder exists (SPEC_EXAMPLES_BESIDE).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const BESIDE = join(ROOT, '..', 'shared', 'spec', 'examples');

export const SPEC_EXAMPLES_DIR = join(ROOT, 'examples');
export const SPEC_EXAMPLES_BESIDE: string | null = existsSync(BESIDE) ? BESIDE : null;
export const SPEC_EXAMPLE_FILES = [
  'point-1-first-receipt.mailflow.json',
  'point-2-certificate.mailflow.json',
  'point-3-ip-connector-2017.mailflow.json',
  'throttling.mailflow.json',
];
export const specExample = (file: string) => join(SPEC_EXAMPLES_DIR, file);
