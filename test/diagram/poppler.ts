/**
 * Reading exported PDFs the way a person's tools do, with poppler-utils (installed by .ci/run):
 * `pdftotext` (what search and copy give), `pdfinfo` (metadata), `pdfimages -list` (raster images),
 * `pdffonts`. The bytes go to a temporary file outside the repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
