/**
 * The one PDF writer (shared/diagram/pdf.ts) and its SVG → PDF converter (svgToPdf.ts): the PDF is the
 * diagram's SVG as vectors with real text (Latin and Japanese extractable), dated with the export
 * time, without any raster image.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadPdfFontFromPackage } from '../../cli/pdfFonts';
import { buildDiagramPdf, exportTime, type PdfFontWeight } from '../../shared/diagram/pdf';
import { parseSvg } from '../../shared/diagram/svgParse';
import { parseColor, parsePathData, svgTextContent, svgToPdfPage, type PdfResources } from '../../shared/diagram/svgToPdf';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { embeddedGlyphs, pdfFonts, pdfImageRows, pdfInfo, pdfText } from './poppler';
import { documentDisplayTitle } from '../../shared/i18n/gallery';

const hybrid: TopologyDocument = (() => {
  const r = parseDocumentText(readFileSync(path.join(__dirname, '../../examples/hybrid-seed.mailflow.json'), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.document;
})();
const withNote: TopologyDocument = {
  ...hybrid,
  view: { positions: {}, ...hybrid.view, notes: [{ id: 'n1', text: 'Cut over the MX record on Friday', x: 0, y: 0, width: 420 }, { id: 'n2', text: '金曜日に MX を切り替える', x: 0, y: 80, width: 420 }] },
};
const NOW = new Date('2026-03-04T05:06:07Z');

/** Resources that record what the converter asks for: fonts encode text as itself in parentheses. */
function fakeResources(): PdfResources & { alphas: Array<[number, number]> } {
  const alphas: Array<[number, number]> = [];
  return {
    alphas,
    font: (bold) => ({ resource: bold ? 'FB' : 'FR', encode: (t) => `(${t})`, width: (t, size) => t.length * size * 0.5 }),
    alpha(fill, stroke) {
      alphas.push([fill, stroke]);
      return `GS${alphas.length}`;
    },
  };
}

function convert(body: string, attrs = 'width="200" height="100"'): string {
  return svgToPdfPage(parseSvg(`<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${body}</svg>`), fakeResources()).content;
}

describe('SVG → PDF operators', () => {
  it('maps CSS pixels onto points with y down, so shapes keep the numbers of the SVG', () => {
    const page = svgToPdfPage(parseSvg('<svg width="200" height="100"><rect x="10" y="20" width="30" height="40" fill="#ff0000"/></svg>'), fakeResources());
    expect(page.width).toBe(150);
    expect(page.height).toBe(75);
    expect(page.content).toMatch(/^q 0\.75 0 0 -0\.75 0 75 cm\n/);
    expect(page.content).toContain('1 0 0 rg\n10 20 m\n40 20 l\n40 60 l\n10 60 l\nh\nf');
  });

  it('rounded rectangles get cubic corners; stroke, width, dashes and SVG’s miter limit', () => {
    const ops = convert('<rect x="0" y="0" width="100" height="50" rx="10" fill="none" stroke="#000" stroke-width="1.5" stroke-dasharray="7 5"/>');
    expect(ops).toContain('0 0 0 RG\n1.5 w\n4 M\n[7 5] 0 d\n10 0 m\n90 0 l\n95.523 0 100 4.477 100 10 c');
    expect(ops).toMatch(/\nS\nQ/);
    expect(ops).not.toMatch(/\nf\n|\nB\n/);
  });

  it('fill and stroke together paint once (B); opacity and fill-/stroke-opacity become an ExtGState', () => {
    const res = fakeResources();
    const page = svgToPdfPage(parseSvg('<svg width="10" height="10"><circle cx="5" cy="5" r="4" fill="#fff" stroke="#000" opacity="0.5" stroke-opacity="0.4"/></svg>'), res);
    expect(res.alphas).toEqual([[0.5, 0.2]]);
    expect(page.content).toContain('/GS1 gs');
    expect(page.content).toMatch(/ c\nh\nB\nQ/);
  });

  it('path data: relative, H/V, quadratics and arcs become moves, lines and cubics', () => {
    expect(parsePathData('M10,10 h5 v5 H0 V0 z')).toEqual([
      { op: 'M', x: 10, y: 10 },
      { op: 'L', x: 15, y: 10 },
      { op: 'L', x: 15, y: 15 },
      { op: 'L', x: 0, y: 15 },
      { op: 'L', x: 0, y: 0 },
      { op: 'Z' },
    ]);
    const [, q] = parsePathData('M0,0 Q30,0 30,30');
    expect(q).toEqual({ op: 'C', x1: 20, y1: 0, x2: 30, y2: 10, x: 30, y: 30 });
    // S mirrors the previous cubic's second control point; relative coordinates start at the pen.
    expect(parsePathData('M0,0 C0,10 10,10 10,0 s10,-10 10,0')[2]).toEqual({ op: 'C', x1: 10, y1: -10, x2: 20, y2: -10, x: 20, y: 0 });
    const arc = parsePathData('M0,0 A10,10 0 0 1 20,0');
    expect(arc.slice(1).every((s) => s.op === 'C')).toBe(true);
    expect(arc.at(-1)).toMatchObject({ x: 20, y: 0 });
    // A half circle through (10,-10): the middle of the arc.
    const mid = arc[Math.ceil((arc.length - 1) / 2)] as { x: number; y: number };
    expect(mid.x).toBeCloseTo(10, 5);
    expect(Math.abs(mid.y)).toBeCloseTo(10, 5);
  });

  it('an arrowhead marker is drawn at the end of the path, turned along its last segment', () => {
    const ops = convert(
      '<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#123456"/></marker></defs>' +
        '<path d="M10,10 L10,90" stroke="#000" fill="none" marker-end="url(#a)"/>',
    );
    // Pointing down (90°): the marker's x axis is the page's y axis, scaled 0.9, with (9,5) at (10,90).
    expect(ops).toContain('q 0 0.9 -0.9 0 14.5 81.9 cm');
    expect(ops).toContain('0.071 0.204 0.337 rg');
  });

  it('text is real text at its baseline, upright, anchored, bold where asked, with tspans for wrapped lines', () => {
    const ops = convert(
      '<text x="10" y="20" font-size="12" fill="#111111">Exchange Online</text>' +
        '<text x="100" y="40" font-size="10" font-weight="bold" text-anchor="middle" fill="#000">中央</text>' +
        '<text font-size="13" fill="#000" fill-opacity="0.55"><tspan x="5" y="60">first line</tspan><tspan x="5" y="76">second &amp; last</tspan></text>',
    );
    expect(ops).toContain('BT\n/FR 12 Tf\n1 0 0 -1 10 20 Tm\n(Exchange Online) Tj\nET');
    // Width 2 × 10 × 0.5 = 10, centred on x = 100.
    expect(ops).toContain('/FB 10 Tf\n1 0 0 -1 95 40 Tm\n(中央) Tj');
    expect(ops).toContain('1 0 0 -1 5 60 Tm\n(first line) Tj');
    expect(ops).toContain('1 0 0 -1 5 76 Tm\n(second & last) Tj');
    expect(ops).toMatch(/\/GS\d gs\n0 0 0 rg\nBT\n\/FR 13 Tf/);
  });

  it('metadata, title and defs are not drawn; transforms and groups are', () => {
    const ops = convert('<title>T</title><metadata><x>secret</x></metadata><g transform="translate(5 6)"><rect width="1" height="1"/></g>');
    expect(ops).not.toContain('secret');
    expect(ops).not.toContain('(T)');
    expect(ops).toContain('q 1 0 0 1 5 6 cm');
  });

  it('colours: hex (short and long), rgb(), names, none', () => {
    expect(parseColor('#fff')?.rgb).toEqual([1, 1, 1]);
    expect(parseColor('#0f6cbd')?.rgb.map((c) => Math.round(c * 255))).toEqual([15, 108, 189]);
    expect(parseColor('rgb(255, 0, 0)')?.rgb).toEqual([1, 0, 0]);
    expect(parseColor('rgba(0,0,0,0.25)')?.alpha).toBe(0.25);
    expect(parseColor('white')?.rgb).toEqual([1, 1, 1]);
    expect(parseColor('none')).toBeNull();
  });

  it('lists every text of the diagram, the notes included', () => {
    const texts = svgTextContent(parseSvg(renderDiagramSvg(withNote, { lang: 'ja' }).svg)).map((t) => t.text);
    expect(texts).toContain(documentDisplayTitle(hybrid, 'ja'));
    expect(texts).toContain('Cut over the MX record on Friday');
    expect(texts).toContain('金曜日に MX を切り替える');
  });
});

describe('the PDF of the hybrid example', { timeout: 60_000 }, () => {
  async function pdfOf(doc: TopologyDocument, lang: 'en' | 'ja', theme: 'light' | 'dark' = 'light') {
    const { svg } = renderDiagramSvg(doc, { lang, theme, embedDocument: false });
    return buildDiagramPdf({ svg, title: doc.title, lang, now: NOW, loadFont: loadPdfFontFromPackage });
  }

  it('has the title, every name, the Japanese labels and the notes as extractable text', async () => {
    const ja = pdfText(await pdfOf(withNote, 'ja'));
    expect(ja).toContain(documentDisplayTitle(hybrid, 'ja'));
    for (const name of ['EX01 (Exchange Server 2019, hybrid)', 'Contoso', 'Fabrikam', 'From EX01 (hybrid, certificate)', 'Block mail to recipients outside Contoso']) {
      expect(ja).toContain(name);
    }
    expect(ja).toContain('受信コネクタ');
    expect(ja).toContain('メール フロー ルール');
    expect(ja).toContain('Cut over the MX record on Friday');
    expect(ja).toContain('金曜日に MX を切り替える');
    const en = pdfText(await pdfOf(withNote, 'en'));
    expect(en).toContain('Inbound connector');
    expect(en).toContain('Cut over the MX record on Friday');
  });

  it('is vectors: no image at all, and the text is in embedded subset fonts with a Unicode map', async () => {
    const bytes = await pdfOf(hybrid, 'ja', 'dark');
    expect(pdfImageRows(bytes)).toEqual([]);
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
    expect(fonts.map((f) => f.name).sort()).toEqual(['MFLWBD+NotoSansJP-Bold', 'MFLWRG+NotoSansJP-Regular']);
  });

  it('embeds fonts whose every glyph has its outline (a broken subset shows text that extracts but is not drawn)', async () => {
    const bytes = await pdfOf(withNote, 'en');
    const fonts = await embeddedGlyphs(bytes);
    expect(fonts).toHaveLength(2);
    // The subset holds only glyphs the text uses; the space has no outline.
    for (const f of fonts) {
      expect(f.zeroWidth).toBe(0);
      expect(f.drawn).toBeGreaterThanOrEqual(f.glyphs - 1);
    }
  });

  it('carries the title, creator, producer and the export time as creation and modification date', async () => {
    const info = pdfInfo(await pdfOf(hybrid, 'en'));
    expect(info.Title).toBe(hybrid.title);
    expect(info.Creator).toBe('Mailflow Studio');
    expect(info.Producer).toContain('Mailflow Studio');
    expect(info.CreationDate).toBe('2026-03-04T05:06:07Z');
    expect(info.ModDate).toBe('2026-03-04T05:06:07Z');
    // One page the size of the diagram (1 CSS px = 0.75 pt).
    const { width, height } = renderDiagramSvg(hybrid, { embedDocument: false });
    expect(info['Page size']).toBe(`${width * 0.75} x ${height * 0.75} pts`);
  });

  it('loads only the font weights the drawing uses, and only then', async () => {
    const loadFont = vi.fn(async (w: PdfFontWeight) => loadPdfFontFromPackage(w));
    await buildDiagramPdf({ svg: '<svg width="10" height="10"><rect width="5" height="5"/></svg>', title: 't', lang: 'en', now: NOW, loadFont });
    expect(loadFont).not.toHaveBeenCalled();
    await buildDiagramPdf({ svg: '<svg width="10" height="10"><text x="1" y="5">plain</text></svg>', title: 't', lang: 'en', now: NOW, loadFont });
    expect(loadFont.mock.calls).toEqual([['regular']]);
  });

  it('is reproducible: the same design and time give the same bytes', async () => {
    expect(Buffer.from(await pdfOf(hybrid, 'ja')).equals(Buffer.from(await pdfOf(hybrid, 'ja')))).toBe(true);
  });
});

describe('exportTime', () => {
  it('honours SOURCE_DATE_EPOCH (seconds) for reproducible builds, else the clock it is given', () => {
    const clock = new Date('2026-12-02T00:00:00Z');
    expect(exportTime('1700000000', clock).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(exportTime(undefined, clock)).toBe(clock);
    expect(exportTime('yesterday', clock)).toBe(clock);
  });
});
