/**
 * `mailflow export --format pdf`: the app's one PDF writer (shared/diagram/pdf.ts), so the file is the
 * diagram as vectors with real text — the title, the names, the Japanese labels (`--lang ja`) and the
 * notes can be searched and copied — dated with the time of the export (SOURCE_DATE_EPOCH when set).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportCommand } from '../../cli/commands/export';
import { pdfImageRows, pdfInfo, pdfText } from '../diagram/poppler';
import { memoryIO } from './memoryIO';
import { documentDisplayTitle } from '../../shared/i18n/gallery';

const example = JSON.parse(readFileSync(path.join(__dirname, '../../examples/hybrid-seed.mailflow.json'), 'utf8')) as {
  title: string;
  view?: Record<string, unknown>;
};
const NOTE = 'Cut over the MX record on Friday';
const withNote = { ...example, version: 2, view: { positions: {}, ...example.view, notes: [{ id: 'n1', text: NOTE, x: 40, y: 40, width: 420 }] } };

async function exportPdf(args: string[], now?: Date): Promise<Uint8Array> {
  const { io, files, stderr } = memoryIO({ '/in/hybrid.mailflow.json': JSON.stringify(withNote) });
  if (now) io.now = () => now;
  const options: Record<string, string> = { format: 'pdf', out: '/out/hybrid.pdf' };
  for (let i = 0; i < args.length; i += 2) options[args[i].replace(/^--/, '')] = args[i + 1];
  const code = await exportCommand.run({ positionals: ['/in/hybrid.mailflow.json'], options }, io);
  expect(code, stderr()).toBe(0);
  return files.get('/out/hybrid.pdf') as Uint8Array;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('mailflow export --format pdf', { timeout: 60_000 }, () => {
  it('--lang ja: title, node names, a Japanese label and the note are text in the PDF, which has no image', async () => {
    const bytes = await exportPdf(['--lang', 'ja', '--scenario', 'point1-handoff']);
    const text = pdfText(bytes);
    // A gallery example is titled in the export's language.
    expect(text).toContain(documentDisplayTitle(example, 'ja'));
    expect(documentDisplayTitle(example, 'ja')).not.toBe(example.title);
    expect(pdfInfo(bytes).Title).toBe(documentDisplayTitle(example, 'ja'));
    expect(text).toContain('EX01 (Exchange Server 2019, hybrid)');
    expect(text).toContain('Fabrikam');
    expect(text).toContain('受信コネクタ');
    expect(text).toContain(NOTE);
    expect(pdfImageRows(bytes)).toEqual([]);
  });

  it('is dated with the export time the command is given', async () => {
    const info = pdfInfo(await exportPdf([], new Date('2026-05-06T07:08:09Z')));
    expect(info.CreationDate).toBe('2026-05-06T07:08:09Z');
    expect(info.ModDate).toBe('2026-05-06T07:08:09Z');
    expect(info.Title).toBe(example.title);
  });

  it('without one, it is dated now — or at SOURCE_DATE_EPOCH for a reproducible build', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '');
    const before = Date.now();
    const created = Date.parse(pdfInfo(await exportPdf([])).CreationDate);
    // PDF dates have whole seconds.
    expect(created).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(created).toBeLessThanOrEqual(Date.now());

    vi.stubEnv('SOURCE_DATE_EPOCH', '1767225600');
    expect(pdfInfo(await exportPdf([])).CreationDate).toBe('2026-01-01T00:00:00Z');
  });
});
