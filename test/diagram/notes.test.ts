/** The design's notes are drawn in the exported picture, as text, under the legend. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';

const hybrid: TopologyDocument = (() => {
  const r = parseDocumentText(readFileSync(path.join(__dirname, '../../examples/hybrid-seed.mailflow.json'), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.document;
})();

describe('notes in the export', () => {
  it('draws each note as text on its colour and makes room for them', () => {
    const plain = renderDiagramSvg(hybrid, { embedDocument: false });
    const withNotes = renderDiagramSvg(
      { ...hybrid, view: { positions: {}, ...hybrid.view, notes: [{ id: 'n1', text: 'Cut over the MX record on Friday', x: 0, y: 0, color: '#B4E5FF' }, { id: 'n2', text: 'Ask & confirm <TLS>', x: 0, y: 0 }] } },
      { embedDocument: false },
    );
    expect(withNotes.svg).toContain('Cut over the MX record on Friday');
    expect(withNotes.svg).toContain('Ask &amp; confirm &lt;TLS&gt;');
    expect(withNotes.svg).toContain('fill="#B4E5FF"');
    expect(withNotes.height).toBeGreaterThan(plain.height);
    expect(plain.svg).not.toContain('class="note"');
  });
});
