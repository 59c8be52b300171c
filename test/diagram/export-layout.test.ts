/**
 * One layout for the canvas and the export: the exported picture places every card where the canvas
 * layout (shared/layout/canvas.ts) places its node, at the same size, relative to one origin; a node
 * the user moved is at its moved place; and the simulation's labels never cover a card, a tenant's
 * header, a zone's title, a note, a sign or another label, in every scenario of every gallery example.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../shared/engine';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import { buildOverlay, SIGN_R } from '../../shared/diagram/overlay';
import { diagramLabels } from '../../shared/diagram/labels';
import { zoneTitle, type DiagramLayout } from '../../shared/diagram/layout';
import { layoutCanvas, type Box } from '../../shared/layout/canvas';
import { CHILD_H, CHILD_W } from '../../shared/layout/geometry';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';

const ROOT = join(__dirname, '../..');
const gallery = (JSON.parse(readFileSync(join(ROOT, 'examples/index.json'), 'utf8')) as { examples: Array<{ file: string }> }).examples.map((e) => e.file);

function load(file: string): TopologyDocument {
  const r = parseDocumentText(readFileSync(join(ROOT, 'examples', file), 'utf8'));
  if (!r.ok) throw new Error(file);
  return r.document;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** Every canvas box by id (servers, tenants, their children, the front door as `eop`, the Internet). */
function canvasBoxes(doc: TopologyDocument): Map<string, Box> {
  const c = layoutCanvas(doc);
  const out = new Map<string, Box>([...c.servers]);
  for (const [id, t] of c.tenants) {
    out.set(id, { x: t.x, y: t.y, w: t.w, h: t.h });
    for (const [child, p] of t.box.children) out.set(child, { x: t.x + p.x, y: t.y + p.y, w: CHILD_W, h: CHILD_H });
  }
  out.set('eop', c.frontDoor);
  out.set('internet', c.internet);
  return out;
}

function exportedBoxes(layout: DiagramLayout): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const [id, c] of layout.cards) out.set(id, { x: c.x, y: c.y, w: c.width, h: c.height });
  for (const t of layout.tenants) out.set(t.id, { x: t.x, y: t.y, w: t.width, h: t.height });
  return out;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;

describe('the export draws the canvas layout', () => {
  for (const file of gallery) {
    it(`${file}: every card is where the canvas puts its node, at the canvas size`, () => {
      const doc = load(file);
      const { svg, layout } = renderDiagramSvg(doc, { embedDocument: false });
      const canvas = canvasBoxes(doc);
      const exported = exportedBoxes(layout);
      expect([...exported.keys()].sort()).toEqual([...canvas.keys()].sort());
      // One origin for all: the first box's offset.
      const [firstId, first] = [...canvas][0];
      const dx = exported.get(firstId)!.x - first.x;
      const dy = exported.get(firstId)!.y - first.y;
      for (const [id, b] of canvas) {
        const e = exported.get(id)!;
        expect({ id, x: e.x - dx, y: e.y - dy, w: e.w, h: e.h }).toEqual({ id, ...b });
        // And the SVG itself draws a box there.
        expect(svg, id).toContain(`x="${fmt(e.x)}" y="${fmt(e.y)}" width="${fmt(e.w)}" height="${fmt(e.h)}"`);
      }
      // The zones too.
      const c = layoutCanvas(doc);
      for (const z of layout.zones) {
        const want = c.zones[z.id];
        expect({ x: z.x - dx, y: z.y - dy, w: z.width, h: z.height }).toEqual(want);
      }
    });
  }

  it('a node the user moved is drawn at its moved place', () => {
    const doc = load('hybrid-seed.mailflow.json');
    const before = renderDiagramSvg(doc, { embedDocument: false }).layout;
    const server = doc.servers.find((s) => s.role === 'onPremises')!;
    const tenant = doc.tenants[doc.tenants.length - 1];
    const canvas = layoutCanvas(doc);
    const s0 = canvas.servers.get(server.id)!;
    const t0 = canvas.tenants.get(tenant.id)!;
    const moved: TopologyDocument = {
      ...doc,
      view: { ...doc.view, positions: { ...doc.view?.positions, [server.id]: { x: s0.x, y: s0.y + 600 }, [tenant.id]: { x: t0.x + 500, y: t0.y + 400 } } },
    };
    const after = renderDiagramSvg(moved, { embedDocument: false }).layout;
    const movedCanvas = layoutCanvas(moved);
    // The canvas shows them there ...
    expect(movedCanvas.servers.get(server.id)).toMatchObject({ x: s0.x, y: s0.y + 600 });
    expect(movedCanvas.tenants.get(tenant.id)!.y).toBe(t0.y + 400);
    // ... and so does the picture (relative to the front door, which did not move).
    const rel = (l: DiagramLayout, id: string) => {
      const b = l.cards.get(id) ?? l.tenants.find((t) => t.id === id)!;
      return { x: b.x - l.eop.x, y: b.y - l.eop.y };
    };
    const fd0 = canvas.frontDoor;
    const fd1 = movedCanvas.frontDoor;
    expect(rel(after, server.id)).toEqual({ x: s0.x - fd1.x, y: s0.y + 600 - fd1.y });
    expect(rel(after, tenant.id).y).toBe(t0.y + 400 - fd1.y);
    expect(rel(after, server.id)).not.toEqual(rel(before, server.id));
    expect(fd0.y).toBe(fd1.y);
  });
});

describe('the exported overlay never covers anything', () => {
  for (const file of gallery) {
    const doc = load(file);
    for (const scenario of doc.scenarios) {
      it(`${file} / ${scenario.id}`, () => {
        for (const lang of ['en', 'ja'] as const) {
          const sim = simulateScenario(doc, scenario.id, { lang });
          const { layout } = renderDiagramSvg(doc, { simulation: sim, lang, embedDocument: false });
          const overlay = buildOverlay(doc, layout, sim, diagramLabels(lang));
          const fixed: Array<[string, Box]> = [
            ...[...layout.cards.values()].map((c) => [c.id, { x: c.x, y: c.y, w: c.width, h: c.height }] as [string, Box]),
            ...layout.tenants.map((t) => [`${t.id} header`, { x: t.x, y: t.y, w: t.width, h: t.headerHeight }] as [string, Box]),
            ...layout.zones.map((z) => {
              const r = zoneTitle(z);
              return [`${z.id} title`, { x: r.x, y: r.y, w: r.width, h: r.height }] as [string, Box];
            }),
          ];
          const labels: Array<[string, Box]> = overlay.marks.filter((m) => m.w > 0).map((m) => [`${m.kind} "${m.label}"`, { x: m.x, y: m.y, w: m.w, h: m.h }]);
          const signs: Array<[string, Box]> = overlay.marks.filter((m) => m.w === 0).map((m) => [`${m.kind} sign`, { x: m.x - SIGN_R, y: m.y - SIGN_R, w: SIGN_R * 2, h: SIGN_R * 2 }]);
          const problems: string[] = [];
          // Boxes never overlap each other (a tenant's cards are inside it, below its header).
          for (let i = 0; i < fixed.length; i++) for (let j = i + 1; j < fixed.length; j++) if (overlaps(fixed[i][1], fixed[j][1])) problems.push(`${fixed[i][0]} / ${fixed[j][0]}`);
          const tops = [...layout.tenants.map((t) => [t.id, { x: t.x, y: t.y, w: t.width, h: t.height }] as [string, Box]), ...layout.servers.map((c) => [c.id, { x: c.x, y: c.y, w: c.width, h: c.height }] as [string, Box])];
          for (let i = 0; i < tops.length; i++) for (let j = i + 1; j < tops.length; j++) if (overlaps(tops[i][1], tops[j][1])) problems.push(`${tops[i][0]} / ${tops[j][0]}`);
          // Labels cover no box, no sign and no other label.
          for (let i = 0; i < labels.length; i++) {
            for (const other of [...fixed, ...signs, ...labels.slice(i + 1)]) if (overlaps(labels[i][1], other[1])) problems.push(`${labels[i][0]} / ${other[0]}`);
            const l = labels[i][1];
            if (l.x < 0 || l.y < layout.top || l.x + l.w > layout.width || l.y + l.h > layout.footer.y) problems.push(`${labels[i][0]} leaves the drawing`);
          }
          expect(problems, `${lang}`).toEqual([]);
        }
      });
    }
  }
});
