/**
 * Reading exported PDFs the way a person's tools do, with poppler-utils (installed by .ci/run):
 * `pdftotext` (what search and copy give), `pdfinfo` (metadata), `pdfimages -list` (raster images),
 * `pdffonts`. The bytes go to a temporary file outside the repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import * as fontkitModule from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

function withFile<T>(bytes: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'mailflow-pdf-'));
  try {
    const file = join(dir, 'export.pdf');
    writeFileSync(file, bytes);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Vitest sees the CommonJS module's functions, Playwright's loader its default export.
const fontkit: Pick<typeof fontkitModule, 'create'> = typeof fontkitModule.create === 'function' ? fontkitModule : (Reflect.get(fontkitModule, 'default') as typeof fontkitModule);

const tool = (name: string, args: string[]) => execFileSync(name, args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });

/** The text `pdftotext` extracts, with runs of white space made single spaces (a wrapped name reads as one). */
export function pdfText(bytes: Uint8Array): string {
  return withFile(bytes, (f) => tool('pdftotext', ['-enc', 'UTF-8', f, '-'])).replace(/\s+/g, ' ');
}

/** `pdfinfo` fields by name (`Title`, `Creator`, `Producer`, `Page size`, …); dates as ISO-8601 (`-isodates`). */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const text = withFile(bytes, (f) => tool('pdfinfo', ['-isodates', f]));
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1].trim(), m[2].trim()]),
  );
}

/** The raster images of the PDF (`pdfimages -list`, one row per image). */
export function pdfImageRows(bytes: Uint8Array): string[] {
  const rows = withFile(bytes, (f) => tool('pdfimages', ['-list', f])).trim().split('\n');
  return rows.slice(2).filter((r) => r.trim() !== '');
}

/** The fonts (`pdffonts`): name, type, and whether embedded, subset and with a ToUnicode map. */
export function pdfFonts(bytes: Uint8Array): Array<{ name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean }> {
  const rows = withFile(bytes, (f) => tool('pdffonts', [f])).trim().split('\n').slice(2);
  return rows.map((row) => {
    const cols = row.trim().split(/\s+/);
    // name type… encoding emb sub uni objectID gen
    const [emb, sub, uni] = cols.slice(-5, -2);
    return { name: cols[0], type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

/**
 * The embedded TrueType fonts read back with fontkit: per font its glyph count and how many glyphs
 * have an outline. A broken subset still extracts as text but draws nothing (or throws here).
 */
export async function embeddedGlyphs(bytes: Uint8Array): Promise<Array<{ glyphs: number; drawn: number; zeroWidth: number }>> {
  const doc = await PDFDocument.load(bytes);
  const files = doc.context
    .enumerateIndirectObjects()
    .map(([, obj]) => obj)
    .filter((obj): obj is PDFDict => obj instanceof PDFDict && obj.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))
    .map((d) => doc.context.lookup(d.get(PDFName.of('FontFile2'))))
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream);
  return files.map((file) => {
    const font = fontkit.create(inflateSync(file.getContents()));
    let drawn = 0;
    let zeroWidth = 0;
    // Glyph 0 is .notdef.
    for (let id = 1; id < font.numGlyphs; id++) {
      const glyph = font.getGlyph(id);
      if (glyph.path.toSVG() !== '') drawn++;
      if (!(glyph.advanceWidth > 0)) zeroWidth++;
    }
    return { glyphs: font.numGlyphs - 1, drawn, zeroWidth };
  });
}
