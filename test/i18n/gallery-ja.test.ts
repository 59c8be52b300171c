/**
 * A Japanese presentation of a gallery example needs no English: the gallery (examples/index.json)
 * gives every example's document title, scenario names and scenario descriptions in Japanese, the
 * one lookup (shared/i18n/gallery.ts) finds them while they are the example's own words, and the
 * exported diagram's caption (app and `mailflow export --lang ja`) uses them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import { simulateScenario } from '../../shared/engine';
import { documentDisplayTitle, GALLERY_ENTRIES, scenarioDisplayDescription, scenarioDisplayName } from '../../shared/i18n/gallery';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { memoryIO } from '../cli/memoryIO';

const EXAMPLES = join(__dirname, '../../examples');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function load(file: string): { text: string; doc: TopologyDocument } {
  const text = readFileSync(join(EXAMPLES, file), 'utf8');
  const r = parseDocumentText(text);
  if (!r.ok) throw new Error(file);
  return { text, doc: r.document };
}

/** The caption lines of an exported SVG (the text above the drawing), without the XML. */
function svgText(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')).join('\n').replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"');
}

describe('gallery examples in Japanese', () => {
  for (const entry of GALLERY_ENTRIES) {
    describe(entry.file, () => {
      const { doc } = load(entry.file);

      it('has a Japanese title, and a Japanese name and description for every scenario', () => {
        expect(documentDisplayTitle(doc, 'ja')).toMatch(JAPANESE);
        expect(documentDisplayTitle(doc, 'en')).toBe(doc.title);
        for (const s of doc.scenarios) {
          expect(scenarioDisplayName(s, 'ja'), s.id).toMatch(JAPANESE);
          expect(scenarioDisplayName(s, 'en')).toBe(s.name);
          if (s.description !== undefined) {
            // The index keeps the document's English text, so the lookup recognises it.
            expect(entry.scenarioDescriptions?.[s.id]?.en, s.id).toBe(s.description);
            expect(scenarioDisplayDescription(s, 'ja'), s.id).toMatch(JAPANESE);
          }
        }
      });

      it('exports a diagram whose caption is Japanese', () => {
        const scenario = doc.scenarios.find((s) => s.id === entry.featuredScenario) ?? doc.scenarios[0];
        const simulation = simulateScenario(doc, scenario.id, { lang: 'ja' });
        const caption = svgText(renderDiagramSvg(doc, { lang: 'ja', simulation, embedDocument: false }).svg);
        expect(caption).toContain(scenarioDisplayName(scenario, 'ja'));
        expect(caption).not.toContain(scenario.name);
        expect(caption).not.toContain(doc.title);
        if (scenario.description) expect(caption).not.toContain(scenario.description.slice(0, 40));
      });
    });
  }

  it('shows the user\'s own words once a scenario is renamed or a description rewritten', () => {
    const s = { id: 'point1-handoff', name: '自分の名前', description: 'My own notes' };
    expect(scenarioDisplayName(s, 'ja')).toBe('自分の名前');
    expect(scenarioDisplayDescription(s, 'ja')).toBe('My own notes');
    expect(documentDisplayTitle({ title: 'Contoso hybrid' }, 'ja')).toBe('Contoso hybrid');
  });

  it('mailflow export --lang ja draws the Japanese scenario name in the caption', async () => {
    const file = 'hybrid-seed.mailflow.json';
    const { text, doc } = load(file);
    const scenario = doc.scenarios[0];
    const m = memoryIO({ 'a.json': text });
    await runCli(['export', 'a.json', '--format', 'svg', '--out', 'a.svg', '--scenario', scenario.id, '--lang', 'ja'], m.io);
    const svg = m.files.get('a.svg');
    const caption = svgText(typeof svg === 'string' ? svg : new TextDecoder().decode(svg));
    expect(caption).toContain(`シナリオ: ${scenarioDisplayName(scenario, 'ja')}`);
    expect(caption).toContain(documentDisplayTitle(doc, 'ja'));
    expect(caption).not.toContain(scenario.name);
  });
});
