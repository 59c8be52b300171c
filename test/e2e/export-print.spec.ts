/**
 * PDF export in the app (issue 13, "Round trips"): one PDF path — the shared vector writer that
 * `mailflow export` uses — in the browser build and in the desktop app (no print-to-PDF any more).
 * The exported PDF of the hybrid example, in the Japanese UI, with a note on the design, is read with
 * poppler's `pdftotext`/`pdfimages`/`pdfinfo`: the title, node names, a Japanese label and the note
 * are text; there is no raster image; its creation date is the time of the export (today).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { embeddedGlyphs, pdfImageRows, pdfInfo, pdfText } from '../diagram/poppler';
import { getDocument, openApp } from './helpers';
import { documentDisplayTitle } from '../../shared/i18n/gallery';

const NOTE = 'Cut over the MX record on Friday';

/** The hybrid example with a note, opened through File ▸ Open (the upload input). */
async function openHybridWithNote(page: Page): Promise<string> {
  const example = JSON.parse(await readFile('examples/hybrid-seed.mailflow.json', 'utf8')) as { title: string; view?: object };
  const doc = { ...example, version: 2, view: { positions: {}, ...example.view, notes: [{ id: 'note-1', text: NOTE, x: 60, y: 60, width: 420 }] } };
  await page.locator('#mailflow-open-input').setInputFiles({ name: 'hybrid.mailflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect.poll(async () => (await getDocument(page)).title).toBe(example.title);
  // Exported from the Japanese UI, a gallery example is titled in Japanese (page and PDF Title).
  return documentDisplayTitle(example, 'ja');
}

/** File ▸ Export… (Ctrl+E) as PDF; returns when the dialog has closed. */
async function exportPdf(page: Page): Promise<void> {
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('input[name="mf-export-format"][value="pdf"]').check();
  await dialog.locator('button.btn-primary').last().click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

async function expectVectorPdfWithText(bytes: Buffer, title: string, startedAt: number): Promise<void> {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(bytes);
  expect(text).toContain(title);
  expect(text).toContain('EX01 (Exchange Server 2019, hybrid)');
  expect(text).toContain('Partner mail server (Internet)');
  expect(text).toContain('受信コネクタ');
  expect(text).toContain(NOTE);
  // Vectors: no image XObject at all (the old PDF was one picture covering the page).
  expect(pdfImageRows(bytes)).toEqual([]);
  const info = pdfInfo(bytes);
  expect(info.Title).toBe(title);
  const created = Date.parse(info.CreationDate);
  expect(created).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000);
  expect(created).toBeLessThanOrEqual(Date.now());
  // The text is drawn too: every embedded glyph has its outline.
  for (const font of await embeddedGlyphs(bytes)) expect(font.drawn).toBeGreaterThanOrEqual(font.glyphs - 1);
}

test('the browser build downloads a vector PDF with real text in the Japanese UI, dated now', async ({ page }) => {
  await openApp(page, '?lang=ja&picker=input');
  const title = await openHybridWithNote(page);
  const startedAt = Date.now();
  const downloadPromise = page.waitForEvent('download');
  await exportPdf(page);
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await readFile((await download.path())!);
  // Kept with the test's output, to look at (pdftoppm -png -r 60).
  await writeFile(test.info().outputPath('hybrid-ja.pdf'), bytes);
  await expectVectorPdfWithText(bytes, title, startedAt);
});

/**
 * The whole desktop flow in the web build: a stand-in `window.mailflow` (as the preload exposes it,
 * without any print channel) makes the renderer pick its Electron adapter; `exportFile` records what
 * main would write atomically.
 */
test('the desktop app writes the same vector PDF and saves it through exportFile', async ({ page }) => {
  await page.addInitScript(() => {
    type Listener = (value: unknown) => void;
    const w = window as unknown as Record<string, unknown>;
    const exports: unknown[] = [];
    w.__desktopExports = exports;
    w.mailflow = {
      platform: 'electron',
      openDialog: async () => ({ ok: false, reason: 'cancelled' }),
      openPath: async () => ({ ok: false, reason: 'cancelled' }),
      pathForFile: () => '',
      save: async () => ({ ok: false, reason: 'cancelled' }),
      exportFile: async (request: { suggestedName: string }) => {
        exports.push(request);
        return { ok: true, path: `/home/user/Documents/${request.suggestedName}` };
      },
      listRecent: async () => [],
      writeDraft: async () => undefined,
      listDrafts: async () => [],
      discardDraft: async () => undefined,
      getSettings: async () => ({ language: 'ja', theme: 'light' }),
      setSettings: async (s: object) => ({ language: 'ja', theme: 'light', ...s }),
      getSystemInfo: async () => ({ locale: 'ja-JP', prefersDark: false, platform: 'linux', version: '0.0.0-test' }),
      setDocumentState: async () => undefined,
      openExternal: async () => undefined,
      closeWindow: async () => undefined,
      setMenu: async (model: unknown) => {
        w.__menuModel = model;
      },
      onMenuAction: (listener: Listener) => {
        w.__dispatchMenuAction = listener;
        return () => undefined;
      },
      onOpenRequest: () => () => undefined,
      onSystemChanged: () => () => undefined,
    };
  });
  await openApp(page, '?lang=ja&picker=input');
  const title = await openHybridWithNote(page);
  const startedAt = Date.now();
  // The native menu's File ▸ Export… arrives as a menu action.
  await page.evaluate(() => (window as unknown as { __dispatchMenuAction(id: string): void }).__dispatchMenuAction('file.export'));
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('input[name="mf-export-format"][value="pdf"]').check();
  await dialog.locator('button.btn-primary').last().click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  const saved = (await page.evaluate(() => (window as unknown as { __desktopExports: unknown[] }).__desktopExports)) as Array<{
    suggestedName: string;
    format: string;
    encoding: string;
    data: string;
  }>;
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ format: 'pdf', encoding: 'base64' });
  expect(saved[0].suggestedName).toMatch(/\.pdf$/);
  await expectVectorPdfWithText(Buffer.from(saved[0].data, 'base64'), title, startedAt);
});
