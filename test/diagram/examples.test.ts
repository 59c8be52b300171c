/**
 * The example gallery ("New from example"): every file listed in examples/index.json loads, its
 * scenarios' expectations pass (what `mailflow check` runs), and the list describes each example in
 * both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../shared/check';
import { parseDocumentText } from '../../shared/model/load';
import { SPEC_EXAMPLE_FILES, SPEC_EXAMPLES_BESIDE } from '../specExamples';

const EXAMPLES = join(__dirname, '../../examples');
const gallery = JSON.parse(readFileSync(join(EXAMPLES, 'index.json'), 'utf8')) as {
  examples: Array<{ file: string; featuredScenario?: string; title: Record<string, string>; description: Record<string, string>; scenarioNames?: Record<string, Record<string, string>> }>;
};

describe('example gallery', () => {
  it('lists every example file in the folder, and only those', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.mailflow.json')).sort();
    expect(gallery.examples.map((e) => e.file).sort()).toEqual(files);
  });

  it('holds copies of the four examples of the specification (what the tests read)', () => {
    for (const f of SPEC_EXAMPLE_FILES) expect(gallery.examples.map((e) => e.file), f).toContain(f);
  });

  // The specification folder is beside the checkout in CI and for the developers; a plain clone has only the copies.
  it.skipIf(SPEC_EXAMPLES_BESIDE === null)('keeps those copies identical to ../shared/spec/examples', () => {
    const spec = SPEC_EXAMPLES_BESIDE as string;
    const specFiles = readdirSync(spec).filter((f) => f.endsWith('.json')).sort();
    expect(specFiles).toEqual([...SPEC_EXAMPLE_FILES].sort());
    for (const f of specFiles) expect(readFileSync(join(EXAMPLES, f), 'utf8'), f).toBe(readFileSync(join(spec, f), 'utf8'));
  });

  for (const entry of gallery.examples) {
    describe(entry.file, () => {
      const loaded = parseDocumentText(readFileSync(join(EXAMPLES, entry.file), 'utf8'));

      it('is a valid document', () => {
        expect(loaded.ok ? [] : loaded.errors.map((e) => e.message)).toEqual([]);
      });

      it('passes `check`: every scenario with an expectation behaves as expected', () => {
        if (!loaded.ok) throw new Error('invalid document');
        const results = checkAll(loaded.document);
        expect(results.length).toBeGreaterThan(0);
        expect(results.filter((r) => !r.pass).map((r) => `${r.scenarioId}: ${r.differences.join('; ')}`)).toEqual([]);
      });

      it('has a title and a description in English and Japanese, and a featured scenario that exists', () => {
        for (const lang of ['en', 'ja']) {
          expect(entry.title[lang]?.trim()).toBeTruthy();
          expect(entry.description[lang]?.trim()).toBeTruthy();
        }
        expect(entry.title.ja).not.toBe(entry.title.en);
        if (!loaded.ok) throw new Error('invalid document');
        if (entry.featuredScenario) expect(loaded.document.scenarios.map((s) => s.id)).toContain(entry.featuredScenario);
      });

      it('names every scenario in English (as the file does) and in Japanese, so a Japanese presentation needs no English', () => {
        if (!loaded.ok) throw new Error('invalid document');
        expect(Object.keys(entry.scenarioNames ?? {}).sort()).toEqual(loaded.document.scenarios.map((s) => s.id).sort());
        for (const s of loaded.document.scenarios) {
          expect(entry.scenarioNames?.[s.id]?.en, s.id).toBe(s.name);
          expect(entry.scenarioNames?.[s.id]?.ja, s.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        }
      });
    });
  }
});

describe('hybrid example', () => {
  const loaded = parseDocumentText(readFileSync(join(EXAMPLES, 'hybrid-seed.mailflow.json'), 'utf8'));
  if (!loaded.ok) throw new Error('invalid hybrid example');
  const doc = loaded.document;

  it('has Exchange Server on premises with centralized mail transport and an InternalRelay domain with its connector', () => {
    const outbound = doc.tenants.flatMap((t) => t.outboundConnectors);
    expect(outbound.some((c) => c.connectorType === 'OnPremises' && c.routeAllMessagesViaOnPremises)).toBe(true);
    const relayDomains = doc.tenants.flatMap((t) => t.acceptedDomains.filter((d) => d.domainType === 'InternalRelay').map((d) => d.domainName));
    expect(relayDomains.length).toBeGreaterThan(0);
    for (const d of relayDomains) {
      expect(outbound.some((c) => c.connectorType === 'OnPremises' && c.recipientDomains.includes(d))).toBe(true);
    }
    expect(doc.tenants.length).toBe(2);
    expect(doc.servers.some((s) => s.role === 'onPremises' && /exchange/i.test(s.name))).toBe(true);
  });

  it('has scenarios for each of the three points of the seed, each with an expectation', () => {
    for (const point of ['point1', 'point2', 'point3']) {
      const scenarios = doc.scenarios.filter((s) => s.id.startsWith(point));
      expect(scenarios.length, point).toBeGreaterThan(0);
      for (const s of scenarios) expect(s.expect, s.id).toBeDefined();
    }
  });
});
