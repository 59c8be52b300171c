import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../shared/model/load';
import { checkAll } from '../../shared/check';
import { SPEC_EXAMPLES_DIR } from '../specExamples';

const EXAMPLES = SPEC_EXAMPLES_DIR;

describe('spec examples', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.mailflow.json'));
  it('has the four examples of the spec', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  for (const file of files) {
    it(`${file}: every scenario passes`, () => {
      const loaded = parseDocumentText(readFileSync(join(EXAMPLES, file), 'utf8'));
      if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
      const results = checkAll(loaded.document);
      expect(results.length).toBeGreaterThan(0);
      const failures = results.filter((r) => !r.pass).map((r) => `${r.scenarioId}: ${r.differences.join('; ')}`);
      expect(failures).toEqual([]);
    });
  }
});
