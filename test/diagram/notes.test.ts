/** The design's notes are drawn in the exported picture where the canvas shows them, as text on their colour. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import { noteBoxes } from '../../shared/diagram/notes';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { svgTexts } from './xml';

const hybrid: TopologyDocument = (() => {
  const r = parseDocumentText(readFileSync(path.join(__dirname, '../../examples/hybrid-seed.mailflow.json'), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.document;
})();

describe('notes in the export', () => {
  const notes = [
    { id: 'n1', text: 'Cut over the MX record on Friday', x: 1500, y: 900, width: 300, color: '#B4E5FF' },
    { id: 'n2', text: 'Ask & confirm <TLS>', x: 40, y: 700 },
  ];
  const withNotes = renderDiagramSvg({ ...hybrid, view: { positions: {}, ...hybrid.view, notes } }, { embedDocument: false });

  it('draws each note as text on its colour', () => {
    const plain = renderDiagramSvg(hybrid, { embedDocument: false });
    const texts = svgTexts(withNotes.svg);
    expect(texts).toContain('Cut over the MX record on Friday');
    expect(texts).toContain('Ask & confirm <TLS>');
    expect(withNotes.svg).toContain('fill="#B4E5FF"');
    expect(plain.svg).not.toContain('class="note"');
  });

  it('puts each note at its canvas place and width, relative to the design', () => {
    const { layout } = withNotes;
    expect(layout.notes.map((n) => ({ x: n.x - layout.origin.x, y: n.y - layout.origin.y, w: n.w }))).toEqual([
      { x: 1500, y: 900, w: 300 },
      { x: 40, y: 700, w: 220 },
    ]);
    for (const n of layout.notes) expect(withNotes.svg).toContain(`<rect x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}"`);
    // The picture grows to hold a note placed beyond the design, and never puts it under the legend.
    const far = layout.notes[0];
    expect(far.x + far.w).toBeLessThanOrEqual(layout.width);
    expect(far.y + far.h).toBeLessThanOrEqual(layout.footer.y);
    // Wrapped at the note's width, as the canvas wraps it.
    expect(noteBoxes([{ id: 'n', text: 'word '.repeat(40).trim(), x: 0, y: 0, width: 140 }])[0].lines.length).toBeGreaterThan(noteBoxes([{ id: 'n', text: 'word '.repeat(40).trim(), x: 0, y: 0, width: 400 }])[0].lines.length);
  });
});
