/**
 * Every scenario of every example (and of an edge-case fixture) draws: the SVG stays well-formed,
 * the path starts at the scenario's server, and nothing in the drawing leaves the picture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../shared/engine';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import { buildOverlay } from '../../shared/diagram/overlay';
import { diagramLabels } from '../../shared/diagram/labels';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { svgTexts, xmlProblems } from './xml';

const ROOT = join(__dirname, '../..');
const files = [
  ...(JSON.parse(readFileSync(join(ROOT, 'examples/index.json'), 'utf8')) as { examples: Array<{ file: string }> }).examples.map((e) => join(ROOT, 'examples', e.file)),
  join(ROOT, 'test/fixtures/diagram/edge-cases.mailflow.json'),
  join(ROOT, 'test/fixtures/diagram/names-to-escape.mailflow.json'),
];

function load(path: string): TopologyDocument {
  const r = parseDocumentText(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.document;
}

describe('simulation overlay', () => {
  for (const file of files) {
    const doc = load(file);
    for (const scenario of doc.scenarios) {
      it(`${file.split('/').pop()} / ${scenario.id}`, () => {
        for (const lang of ['en', 'ja'] as const) {
          const sim = simulateScenario(doc, scenario.id, { lang });
          const drawn = renderDiagramSvg(doc, { simulation: sim, lang, theme: lang === 'ja' ? 'dark' : 'light' });
          expect(xmlProblems(drawn.svg)).toEqual([]);
          const overlay = buildOverlay(doc, drawn.layout, sim, diagramLabels(lang));
          // The path starts at the sending server's box (a cloud mailbox's message, version 2, has
          // no server: drawing it from its tenant is the overlay's to do).
          if (scenario.serverId) {
            const server = drawn.layout.cards.get(scenario.serverId)!;
            expect(overlay.highlighted.has(scenario.serverId)).toBe(true);
            const first = overlay.segments.find((s) => s.kind === 'path')!;
            expect(first.points[0]).toEqual({ x: server.x + server.width, y: server.y + server.height / 2 });
          }
          for (const s of overlay.segments) {
            for (const p of s.points) {
              expect(p.x).toBeGreaterThanOrEqual(0);
              expect(p.y).toBeGreaterThanOrEqual(0);
              expect(p.x).toBeLessThanOrEqual(drawn.width);
              expect(p.y).toBeLessThanOrEqual(drawn.height);
            }
          }
          // A refusal shows its SMTP code on the picture.
          if (sim.result !== 'accepted') expect(svgTexts(drawn.svg).join('\n')).toContain(`${sim.smtp.code} ${sim.smtp.enhanced}`);
        }
      });
    }
  }

  it('the hybrid example\'s scenario 7 ends at EX01, the server the connector\'s smart host names', () => {
    const doc = load(join(ROOT, 'examples/hybrid-seed.mailflow.json'));
    const sim = simulateScenario(doc, 'internal-relay-to-onprem');
    const drawn = renderDiagramSvg(doc, { simulation: sim });
    const overlay = buildOverlay(doc, drawn.layout, sim, diagramLabels('en'));
    const ex01 = drawn.layout.cards.get('contoso-ex01')!;
    const last = overlay.segments.filter((s) => s.kind === 'path').at(-1)!.points.at(-1)!;
    expect(last).toEqual({ x: ex01.x + ex01.width, y: ex01.y + ex01.height / 2 });
    expect(overlay.highlighted.has('smart-hosts')).toBe(false);
  });

  it('draws a document with nothing in it', () => {
    const empty = load(join(ROOT, 'examples/throttling.mailflow.json'));
    const bare = { ...empty, tenants: [], servers: [], scenarios: [] };
    const drawn = renderDiagramSvg(bare);
    expect(xmlProblems(drawn.svg)).toEqual([]);
    expect(svgTexts(drawn.svg)).toContain(bare.title);
  });
});

describe('a hand-off to a tenant with no rule to pass', () => {
  it('goes straight from the tenant border to its check mark: never down past the header and back up', () => {
    const doc = load(join(ROOT, 'examples/hybrid-seed.mailflow.json'));
    const sim = simulateScenario(doc, 'point1-handoff', { lang: 'en' });
    const drawn = renderDiagramSvg(doc, { simulation: sim, lang: 'en' });
    const overlay = buildOverlay(doc, drawn.layout, sim, diagramLabels('en'));
    const fabrikam = drawn.layout.tenants.find((t) => t.id === 'fabrikam');
    expect(fabrikam).toBeDefined();
    if (!fabrikam) return;
    const check = overlay.marks.find((m) => m.kind === 'delivered');
    expect(check).toMatchObject({ x: fabrikam.mailboxes.x, y: fabrikam.mailboxes.y });
    // The path segments drawn inside Fabrikam stay within its header band (above the first row).
    const inside = overlay.segments
      .filter((s) => s.kind === 'path')
      .flatMap((s) => s.points)
      .filter((p) => p.x >= fabrikam.x && p.x <= fabrikam.x + fabrikam.width && p.y >= fabrikam.y && p.y <= fabrikam.y + fabrikam.height);
    expect(inside.length).toBeGreaterThan(0);
    for (const p of inside) expect(p.y).toBeLessThanOrEqual(fabrikam.y + fabrikam.headerHeight);
  });
});

describe('the NDR return line', () => {
  it('no label of any scenario of any example sits on it', () => {
    let ndrs = 0;
    for (const file of files) {
      const doc = load(file);
      for (const scenario of doc.scenarios) {
        const sim = simulateScenario(doc, scenario.id, { lang: 'en' });
        const drawn = renderDiagramSvg(doc, { simulation: sim, lang: 'en' });
        const overlay = buildOverlay(doc, drawn.layout, sim, diagramLabels('en'));
        const labels = overlay.marks.filter((m) => m.w > 0);
        for (const seg of overlay.segments.filter((s) => s.kind === 'ndr')) {
          ndrs++;
          for (let i = 1; i < seg.points.length; i++) {
            const [a, b] = [seg.points[i - 1], seg.points[i]];
            for (const l of labels) {
              const crosses = Math.max(a.x, b.x) > l.x && Math.min(a.x, b.x) < l.x + l.w && Math.max(a.y, b.y) > l.y && Math.min(a.y, b.y) < l.y + l.h;
              expect(crosses, `${scenario.id}: "${l.label}" on the NDR line`).toBe(false);
            }
          }
        }
      }
    }
    expect(ndrs).toBeGreaterThan(0);
  });
});
