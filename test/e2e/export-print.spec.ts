/**
 * Desktop PDF export by printing (issue 5 item 1): "In Electron, PDF comes from the page printing".
 *
 * Electron's binary is not available here, but its `webContents.printToPDF` is Chromium's print
 * engine, the same one behind Playwright's `page.pdf`. So the web build runs the very preparation the
 * Electron adapter uses (`renderer/export/printDiagram.ts`, reached through the test hook), prints
 * with the options main passes (`pagePdfOptions`: CSS page size, backgrounds), and the PDF is read
 * back with pdf-lib.
 */
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { openApp, getDocument } from './helpers';

type PrintOptions = { theme?: 'light' | 'dark'; transparent?: boolean; padding?: number; includeSimulation?: boolean };
type Prepared = { width: number; height: number; title: string };

/** CSS pixels are 1/96 inch, PDF points 1/72 inch. */
const PX_TO_PT = 72 / 96;

async function printDiagram(page: Page, options: PrintOptions): Promise<{ prepared: Prepared; pdf: PDFDocument }> {
  const prepared = await page.evaluate((o) => {
    if (!window.__mailflow) throw new Error('no test hook');
    return window.__mailflow.preparePrint(o);
  }, options);
  try {
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return { prepared, pdf: await PDFDocument.load(bytes, { updateMetadata: false }) };
  } finally {
    await page.evaluate(() => window.__mailflow?.cleanupPrint());
  }
}

test.describe('PDF export by printing the page', () => {
  test('the whole diagram is one page of its own size, titled with the design, and the app comes back', async ({ page }) => {
    await openApp(page, '?example=hybrid-seed');
    const doc = await getDocument(page);
    const titleBefore = await page.title();

    const { prepared, pdf } = await printDiagram(page, { theme: 'light', padding: 32 });

    expect(prepared.title).toBe(doc.title);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    // The page is the diagram: its aspect ratio, and its size (1 CSS px = 0.75 pt).
    expect(width / height).toBeCloseTo(prepared.width / prepared.height, 2);
    expect(Math.abs(width - prepared.width * PX_TO_PT)).toBeLessThan(1.5);
    expect(Math.abs(height - prepared.height * PX_TO_PT)).toBeLessThan(1.5);
    expect(pdf.getTitle()).toBe(doc.title);

    // Cleanup: no print container or stylesheet left, the window title and the canvas are back.
    await expect(page.locator('#mf-print-root')).toHaveCount(0);
    await expect(page.locator('#mf-print-style')).toHaveCount(0);
    expect(await page.title()).toBe(titleBefore);
    await expect(page.locator('.react-flow')).toBeVisible();
  });

  test('a wider padding gives a larger page, still a single one', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    const narrow = await printDiagram(page, { padding: 8 });
    const wide = await printDiagram(page, { padding: 120, theme: 'dark' });
    expect(narrow.pdf.getPageCount()).toBe(1);
    expect(wide.pdf.getPageCount()).toBe(1);
    expect(wide.prepared.width - narrow.prepared.width).toBeCloseTo(2 * (120 - 8), -1);
    const narrowPage = narrow.pdf.getPage(0).getSize();
    const widePage = wide.pdf.getPage(0).getSize();
    expect(Math.abs(widePage.width - narrowPage.width - (wide.prepared.width - narrow.prepared.width) * PX_TO_PT)).toBeLessThan(2);
    expect(widePage.width / widePage.height).toBeCloseTo(wide.prepared.width / wide.prepared.height, 2);
  });

  test('while printing, only the diagram is shown: the app is hidden in print media', async ({ page }) => {
    await openApp(page, '?example=point-2-certificate');
    await page.evaluate(() => window.__mailflow?.preparePrint({}));
    try {
      // On screen the user still sees the app; the container is print-only.
      await expect(page.locator('#mf-print-root')).toBeHidden();
      await expect(page.locator('.react-flow')).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('#mf-print-root svg')).toBeVisible();
      await expect(page.locator('.react-flow')).toBeHidden();
      await expect(page.locator('#root')).toBeHidden();
    } finally {
      await page.emulateMedia({ media: null });
      await page.evaluate(() => window.__mailflow?.cleanupPrint());
    }
    await expect(page.locator('#mf-print-root')).toHaveCount(0);
    await expect(page.locator('.react-flow')).toBeVisible();
  });
});

/**
 * The whole desktop flow in the web build: a stand-in `window.mailflow` (as the preload exposes it)
 * makes the renderer pick its Electron adapter; its `printToPdf` is answered by Chromium's printing
 * (Playwright's `page.pdf` with the options main passes), and `exportFile` records what would be saved.
 */
test('File ▸ Export… as PDF on the desktop prints the page and saves the printed bytes', async ({ page }) => {
  const printRequests: Array<{ landscape: boolean; containerShown: boolean; title: string }> = [];
  await page.exposeFunction('__printPageForTest', async (options: { landscape: boolean }) => {
    const state = await page.evaluate(() => ({ containerShown: !!document.getElementById('mf-print-root'), title: document.title }));
    printRequests.push({ landscape: options.landscape, ...state });
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, landscape: options.landscape });
    return bytes.toString('base64');
  });
  await page.addInitScript(() => {
    type Listener = (value: unknown) => void;
    const w = window as unknown as Record<string, unknown> & { __printPageForTest(o: unknown): Promise<string> };
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
      printToPdf: (options: { landscape: boolean }) => w.__printPageForTest({ landscape: options.landscape }),
      listRecent: async () => [],
      writeDraft: async () => undefined,
      listDrafts: async () => [],
      discardDraft: async () => undefined,
      getSettings: async () => ({ language: 'en', theme: 'light' }),
      setSettings: async (s: object) => ({ language: 'en', theme: 'light', ...s }),
      getSystemInfo: async () => ({ locale: 'en-US', prefersDark: false, platform: 'linux', version: '0.0.0-test' }),
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
  await openApp(page, '?example=hybrid-seed');
  const doc = await getDocument(page);
  const windowTitle = await page.title();
  expect(windowTitle).toContain('Mailflow Studio');

  // The renderer described the native menu from its registry (View ▸ Present included).
  await expect
    .poll(() => page.evaluate(() => JSON.stringify((window as unknown as { __menuModel?: unknown }).__menuModel ?? null)))
    .toContain('"id":"view.present","label":"Present"');
  // The native menu's File ▸ Export… arrives as a menu action.
  await page.evaluate(() => (window as unknown as { __dispatchMenuAction(id: string): void }).__dispatchMenuAction('file.export'));
  const dialog = page.getByRole('dialog', { name: 'Export diagram' });
  await expect(dialog).toBeVisible();
  await dialog.locator('input[name="mf-export-format"][value="pdf"]').check();
  const sizeText = (await dialog.locator('figcaption').textContent()) ?? '';
  const [, w, h] = /(\d+(?:\.\d+)?)\s*×\s*(\d+(?:\.\d+)?)/.exec(sizeText) ?? [];
  const diagram = { width: Number(w), height: Number(h) };
  expect(diagram.width).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  await expect(dialog).toBeHidden();

  // Printed once, with the diagram on the page and the design's title as the window title.
  expect(printRequests).toEqual([{ landscape: diagram.width > diagram.height, containerShown: true, title: doc.title }]);
  const saved = (await page.evaluate(() => (window as unknown as { __desktopExports: unknown[] }).__desktopExports)) as Array<{
    suggestedName: string;
    format: string;
    encoding: string;
    data: string;
  }>;
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ format: 'pdf', encoding: 'base64' });
  expect(saved[0].suggestedName).toMatch(/\.pdf$/);
  const bytes = Buffer.from(saved[0].data, 'base64');
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  expect(pdf.getPageCount()).toBe(1);
  expect(pdf.getTitle()).toBe(doc.title);
  const size = pdf.getPage(0).getSize();
  expect(size.width / size.height).toBeCloseTo(diagram.width / diagram.height, 2);
  // Not pdf-lib's: Chromium names itself as the producer.
  expect(pdf.getProducer() ?? '').not.toContain('pdf-lib');

  await expect(page.locator('#mf-print-root')).toHaveCount(0);
  expect(await page.title()).toBe(windowTitle);
  await expect(page.locator('.react-flow')).toBeVisible();
});
