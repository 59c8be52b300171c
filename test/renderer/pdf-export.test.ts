/**
 * One PDF path (issue 13, "Round trips"): the desktop app and the browser build both write the PDF with
 * the shared writer (shared/diagram/pdf.ts, the one `mailflow export` uses) from the renderer, and the
 * desktop app saves those bytes through its ordinary exportFile route (atomic write in main). Nothing
 * prints the page any more. The fonts come from the bundled asset through `fetch`, stood in for here
 * by the package's files; only the browser's environment is faked, never the export modules under test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailflowDesktopApi } from '../../shared/ipc/contract';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { buildExportFile, type ExportOptions } from '../../renderer/export/browserExport';
import { createElectronPlatform } from '../../renderer/platform/electron';
import { createBrowserPlatform } from '../../renderer/platform/browser';
import { pdfImageRows, pdfInfo, pdfText } from '../diagram/poppler';
import { documentDisplayTitle } from '../../shared/i18n/gallery';

const ROOT = path.resolve(__dirname, '../..');

function loadExample(name: string): TopologyDocument {
  const loaded = parseDocumentText(readFileSync(path.join(ROOT, 'examples', `${name}.mailflow.json`), 'utf8'));
  if (!loaded.ok) throw new Error(`example ${name} does not load`);
  return loaded.document;
}

type FakeDesktopApi = MailflowDesktopApi & { exportFile: ReturnType<typeof vi.fn> };

/** The preload's API as far as exports use it; any other call fails the test. */
function fakeDesktopApi(): FakeDesktopApi {
  const used = { platform: 'electron' as const, exportFile: vi.fn(async () => ({ ok: true as const, path: '/tmp/x.pdf' })) };
  return new Proxy(used, {
    get: (target, key) => (key in target ? target[key as keyof typeof target] : () => Promise.reject(new Error(`unexpected call ${String(key)}`))),
  }) as FakeDesktopApi;
}

const PDF_OPTIONS: ExportOptions = { format: 'pdf', theme: 'light', transparent: false, padding: 32, includeSimulation: false };
const NOW = new Date('2026-07-08T09:10:11Z');

/** `fetch` of the bundled font assets, answered from the font package. */
const fetched: string[] = [];
beforeEach(() => {
  fetched.length = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(String(url));
    const file = /NotoSansJP_\d+\w+\.ttf/.exec(String(url))?.[0];
    if (!file) return new Response(null, { status: 404 });
    const weight = file.includes('700Bold') ? '700Bold' : '400Regular';
    return new Response(readFileSync(path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-jp', weight, file)));
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PDF export in the app', { timeout: 60_000 }, () => {
  it('is the shared vector PDF: real text in both languages, no image, dated with the export time', async () => {
    const doc = loadExample('hybrid-seed');
    const file = await buildExportFile(doc, PDF_OPTIONS, null, 'ja', NOW);
    expect(file).toMatchObject({ format: 'pdf', mime: 'application/pdf' });
    expect(file.name.endsWith('.pdf')).toBe(true);
    const text = pdfText(file.data);
    // Exported in Japanese, a gallery example carries its Japanese title.
    expect(text).toContain(documentDisplayTitle(doc, 'ja'));
    expect(text).toContain('受信コネクタ');
    expect(pdfImageRows(file.data)).toEqual([]);
    expect(pdfInfo(file.data).CreationDate).toBe('2026-07-08T09:10:11Z');
    // The fonts were fetched from the bundled assets, once per weight, and kept for the next export.
    expect(fetched.filter((u) => u.includes('.ttf')).length).toBeLessThanOrEqual(2);
    await buildExportFile(doc, PDF_OPTIONS, null, 'en', NOW);
    expect(fetched.filter((u) => u.includes('.ttf')).length).toBeLessThanOrEqual(2);
  });

  it('the desktop app has no page printer; it saves the shared writer’s bytes through exportFile', async () => {
    const doc = loadExample('point-1-first-receipt');
    const api = fakeDesktopApi();
    const desktop = createElectronPlatform(api);
    expect('printPageToPdf' in desktop).toBe(false);
    expect(Object.values(IPC_CHANNELS).some((channel) => /print/i.test(channel))).toBe(false);
    const file = await buildExportFile(doc, PDF_OPTIONS, null, 'en', NOW);
    await desktop.saveExport(file.name, file.format, file.data);
    expect(api.exportFile).toHaveBeenCalledWith({ suggestedName: file.name, format: 'pdf', data: Buffer.from(file.data).toString('base64'), encoding: 'base64' });
  });

  it('the browser build has no page printer either', () => {
    vi.stubGlobal('window', { addEventListener: () => undefined });
    expect('printPageToPdf' in createBrowserPlatform({ useFilePicker: false })).toBe(false);
  });
});
