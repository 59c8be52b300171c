/**
 * Export: each format is a valid file of the expected size, the SVG names every entity, the PNG and
 * SVG carry the document so re-opening them restores the same design, and `mailflow export` works
 * for every example of the gallery.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { exportCommand, exportDocument } from '../../cli/commands/export';
import type { CliIO } from '../../cli/types';
import { simulateScenario } from '../../shared/engine';
import { importDocumentFromBytes } from '../../shared/diagram/import';
import { extractDocumentFromPng, isPng, pngSize } from '../../shared/diagram/png-chunks';
import { extractDocumentFromSvg, renderDiagramSvg } from '../../shared/diagram/svg';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { svgTexts, xmlProblems } from './xml';

const ROOT = join(__dirname, '../..');
const gallery = JSON.parse(readFileSync(join(ROOT, 'examples/index.json'), 'utf8')) as {
  examples: Array<{ file: string; featuredScenario?: string }>;
};
const FIXTURE = join(ROOT, 'test/fixtures/diagram/names-to-escape.mailflow.json');

function load(path: string): TopologyDocument {
  const r = parseDocumentText(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.document;
}

const documents: Array<[string, TopologyDocument]> = [
  ...gallery.examples.map((e) => [e.file, load(join(ROOT, 'examples', e.file))] as [string, TopologyDocument]),
  ['names-to-escape (fixture)', load(FIXTURE)],
];

function entityNames(doc: TopologyDocument): string[] {
  return [
    ...doc.servers.map((s) => s.name),
    ...doc.tenants.flatMap((t) => [
      t.name,
      ...t.inboundConnectors.map((c) => c.name),
      ...t.outboundConnectors.map((c) => c.name),
      ...t.transportRules.map((r) => r.name),
    ]),
  ];
}

function memoryIO(files: Record<string, string> = {}) {
  const written = new Map<string, string | Uint8Array>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readText: (p) => {
      if (p in files) return files[p];
      return readFileSync(p, 'utf8');
    },
    readBytes: (p) => new Uint8Array(readFileSync(p)),
    writeFile: (p, d) => written.set(p, d),
  };
  return { io, written, out, err };
}

const bytesOf = (d: string | Uint8Array) => (typeof d === 'string' ? new TextEncoder().encode(d) : d);

describe('SVG export', () => {
  for (const [name, doc] of documents) {
    it(`${name}: is well-formed XML and shows every entity's name and the title`, () => {
      const { svg } = renderDiagramSvg(doc);
      expect(xmlProblems(svg)).toEqual([]);
      const texts = svgTexts(svg);
      for (const n of entityNames(doc)) expect(texts, n).toContain(n);
      expect(texts).toContain(doc.title);
    });

    it(`${name}: re-opening the SVG restores the same document`, () => {
      const { svg } = renderDiagramSvg(doc, { theme: 'dark', transparent: true });
      const text = extractDocumentFromSvg(svg);
      expect(text).not.toBeNull();
      const reopened = parseDocumentText(text!);
      expect(reopened.ok && reopened.document).toEqual(doc);
    });
  }

  it('no two boxes overlap, in any example', () => {
    for (const [name, doc] of documents) {
      const { layout } = renderDiagramSvg(doc);
      const boxes = [...layout.cards.values()];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          expect(overlap, `${name}: ${a.id} overlaps ${b.id}`).toBe(false);
        }
      }
      for (const c of boxes) {
        expect(c.x + c.width, `${name}: ${c.id} inside the picture`).toBeLessThanOrEqual(layout.width);
        expect(c.y + c.height).toBeLessThanOrEqual(layout.height);
      }
    }
  });

  it('draws the simulation: first receipt, the stop mark with its code, the NDR back to the sender', () => {
    const doc = load(join(ROOT, 'examples/point-1-first-receipt.mailflow.json'));
    const sim = simulateScenario(doc, 'to-other-tenant-blocked');
    const plain = svgTexts(renderDiagramSvg(doc).svg).join('\n');
    const texts = svgTexts(renderDiagramSvg(doc, { simulation: sim }).svg).join('\n');
    expect(plain).not.toContain('First receipt');
    expect(texts).toContain('First receipt (certificate)');
    expect(texts).toContain('NDR 5.7.1');
    expect(texts).toContain('NDR 5.7.1 → alice@contoso.com');
    expect(texts).toContain(sim.smtp.text);
  });

  it('draws a refusal at the front door with the SMTP code and stage', () => {
    const doc = load(join(ROOT, 'examples/point-3-ip-connector-2017.mailflow.json'));
    const sim = simulateScenario(doc, 'two-domains-rejected');
    const texts = svgTexts(renderDiagramSvg(doc, { simulation: sim }).svg);
    expect(texts).toContain(`${sim.smtp.code} ${sim.smtp.enhanced} (${sim.smtp.stage.toUpperCase()})`);
  });

  it('draws the hand-off between tenants', () => {
    const doc = load(join(ROOT, 'examples/hybrid-seed.mailflow.json'));
    const sim = simulateScenario(doc, 'point1-handoff');
    const texts = svgTexts(renderDiagramSvg(doc, { simulation: sim }).svg);
    expect(texts).toContain('Hand-off: Contoso → Fabrikam');
    expect(texts).toContain('Delivered: bob@fabrikam.com');
  });

  it('follows the options: theme, transparency, padding and language', () => {
    const doc = documents[0][1];
    const light = renderDiagramSvg(doc, { padding: 10 });
    const dark = renderDiagramSvg(doc, { theme: 'dark', padding: 50 });
    expect(light.svg).toContain('fill="#ffffff"/>');
    expect(dark.svg).toContain('fill="#16191f"/>');
    expect(dark.width - light.width).toBe(80);
    const transparent = renderDiagramSvg(doc, { transparent: true, padding: 10 });
    expect(transparent.svg).not.toMatch(new RegExp(`<rect x="0" y="0" width="${transparent.width}" height="${transparent.height}"`));
    expect(svgTexts(renderDiagramSvg(doc, { lang: 'ja' }).svg)).toContain('受信コネクタ');
  });
});

describe('PNG and PDF export', () => {
  const doc = load(FIXTURE);
  const sim = simulateScenario(doc, 'outside');

  it('PNG: has the PNG signature and the diagram size times the scale', async () => {
    const { width, height } = renderDiagramSvg(doc, { simulation: sim });
    for (const scale of [2, 3]) {
      const png = (await exportDocument(doc, { format: 'png', theme: 'light', transparent: false, padding: 32, scale, lang: 'en', simulation: sim })) as Uint8Array;
      expect(isPng(png)).toBe(true);
      expect(pngSize(png)).toEqual({ width: Math.round(width * scale), height: Math.round(height * scale) });
    }
  });

  it('PNG: re-opening it restores the same document (Japanese names included)', async () => {
    const png = (await exportDocument(doc, { format: 'png', theme: 'dark', transparent: true, padding: 0, scale: 2, lang: 'ja', simulation: null })) as Uint8Array;
    const text = extractDocumentFromPng(png);
    const reopened = parseDocumentText(text!);
    expect(reopened.ok && reopened.document).toEqual(doc);
    expect(importDocumentFromBytes('picture.png', png)).toBe(text);
  });

  it('PDF: one page sized to the diagram, with the title', async () => {
    const { width, height } = renderDiagramSvg(doc);
    const bytes = (await exportDocument(doc, { format: 'pdf', theme: 'light', transparent: false, padding: 32, scale: 2, lang: 'en', simulation: null })) as Uint8Array;
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe(doc.title);
    const page = pdf.getPage(0);
    expect(page.getWidth()).toBeCloseTo(width * 0.75, 1);
    expect(page.getHeight()).toBeCloseTo(height * 0.75, 1);
  });
});

// Rendering the largest example to PNG takes 6–14 s on an idle machine and over a minute on a loaded
// one: the limit only guards against a hang, it is not a performance check (bench/ measures that).
describe('mailflow export', { timeout: 240_000 }, () => {
  for (const entry of gallery.examples) {
    it(`exports ${entry.file} as SVG, PNG and PDF`, async () => {
      const file = join(ROOT, 'examples', entry.file);
      const { io, written, err } = memoryIO();
      for (const format of ['svg', 'png', 'pdf']) {
        // Scale 1 keeps the test light; the pixel size at other scales is checked above.
        const options: Record<string, string | true> = { format, out: `/out/${entry.file}.${format}` };
        if (format !== 'svg') options.scale = '1';
        if (entry.featuredScenario) options.scenario = entry.featuredScenario;
        const code = await exportCommand.run({ positionals: [file], options }, io);
        expect(code, err.join('')).toBe(0);
      }
      const svg = written.get(`/out/${entry.file}.svg`) as string;
      expect(xmlProblems(svg)).toEqual([]);
      expect(isPng(written.get(`/out/${entry.file}.png`) as Uint8Array)).toBe(true);
      const pdfBytes = bytesOf(written.get(`/out/${entry.file}.pdf`)!);
      expect(new TextDecoder().decode(pdfBytes.subarray(0, 5))).toBe('%PDF-');
      expect(importDocumentFromBytes('x.svg', bytesOf(svg))).toBe(extractDocumentFromSvg(svg));
    });
  }

  it('refuses wrong arguments with exit 2 and a message naming the option', async () => {
    const file = join(ROOT, 'examples/point-1-first-receipt.mailflow.json');
    const cases: Array<[Record<string, string | true>, string[], RegExp]> = [
      [{ out: '/o.svg' }, [file], /--format/],
      [{ format: 'gif', out: '/o.gif' }, [file], /--format: found "gif"/],
      [{ format: 'svg' }, [file], /--out/],
      [{ format: 'png', out: '/o.png', theme: 'blue' }, [file], /--theme: found "blue"/],
      [{ format: 'png', out: '/o.png', scale: '0' }, [file], /--scale/],
      [{ format: 'png', out: '/o.png', padding: '-3' }, [file], /--padding/],
      [{ format: 'svg', out: '/o.svg', scale: '2' }, [file], /--scale/],
      [{ format: 'svg', out: '/o.svg', colour: 'x' }, [file], /unknown option --colour/],
      [{ format: 'svg', out: '/o.svg' }, [], /document file/],
      [{ format: 'svg', out: '/o.svg', scenario: 'nope' }, [file], /--scenario: found "nope"/],
    ];
    for (const [options, positionals, message] of cases) {
      const { io, written, err } = memoryIO();
      expect(await exportCommand.run({ positionals, options }, io), JSON.stringify(options)).toBe(2);
      expect(err.join('')).toMatch(message);
      expect(written.size).toBe(0);
    }
  });

  it('refuses a picture too large to render instead of crashing', async () => {
    const doc = load(join(ROOT, 'examples/hybrid-seed.mailflow.json'));
    const many = { ...doc, tenants: Array.from({ length: 60 }, (_, i) => ({ ...doc.tenants[1], id: `t${i}`, name: `Tenant ${i}`, acceptedDomains: [], inboundConnectors: [] })) };
    const { io, written, err } = memoryIO({ '/in/big.json': JSON.stringify({ ...many, scenarios: [] }) });
    expect(await exportCommand.run({ positionals: ['/in/big.json'], options: { format: 'png', out: '/o.png', scale: '8' } }, io)).toBe(2);
    expect(err.join('')).toMatch(/pixels; use a smaller --scale/);
    expect(written.size).toBe(0);
  });

  it('refuses an invalid document with exit 2 and the located error, writing nothing', async () => {
    const broken = readFileSync(FIXTURE, 'utf8').replace('"203.0.113.10"', '"203.0.113.999"');
    const { io, written, err } = memoryIO({ '/in/broken.json': broken });
    expect(await exportCommand.run({ positionals: ['/in/broken.json'], options: { format: 'svg', out: '/o.svg' } }, io)).toBe(2);
    expect(err.join('')).toContain('servers[0].ipAddress');
    expect(written.size).toBe(0);
  });
});
