/**
 * The app's export path in a real browser engine (Chromium): the SVG painted on a canvas at 2×, the
 * design added to the PNG, the PDF written by the shared vector writer (fonts fetched as the app's
 * bundled assets, answered here from the font package); and opening the exported picture gives the
 * design back. Skipped where no Chromium is installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocumentFromPng, isPng, pngSize } from '../../shared/diagram/png-chunks';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import { parseDocumentText } from '../../shared/model/load';
import { simulateScenario } from '../../shared/engine';
import { pdfImageRows, pdfText } from './poppler';

const ROOT = join(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const docText = readFileSync(join(ROOT, 'examples/hybrid-seed.mailflow.json'), 'utf8');
/** Where the bundle's `…ttf?url` imports point (Vite gives an asset URL; here a route of the page answers). */
const FONT_ORIGIN = 'https://fonts.mailflow.invalid/';
const fontFiles = new Map<string, string>();

describe.skipIf(!existsSync(CHROMIUM))('export in the browser', () => {
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    const result = await build({
      stdin: {
        contents: [
          "export { buildExportFile, importDocumentFromExport } from './renderer/export/browserExport';",
          "export { parseDocumentText } from './shared/model/load';",
          "export { simulateScenario } from './shared/engine';",
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'MailflowExport',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'asset-url',
          setup(b) {
            b.onResolve({ filter: /\?url$/ }, (args) => {
              const file = join(ROOT, 'node_modules', args.path.replace(/\?url$/, ''));
              fontFiles.set(basename(file), file);
              return { path: basename(file), namespace: 'asset-url' };
            });
            b.onLoad({ filter: /.*/, namespace: 'asset-url' }, (args) => ({ contents: `export default ${JSON.stringify(FONT_ORIGIN + args.path)};`, loader: 'js' }));
          },
        },
      ],
    });
    bundle = result.outputFiles[0].text;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function exportInPage(format: 'svg' | 'png' | 'pdf', scenario: string | null) {
    const page = await browser.newPage();
    try {
      await page.route(`${FONT_ORIGIN}**`, async (route) => {
        const file = fontFiles.get(basename(new URL(route.request().url()).pathname));
        if (!file) return route.fulfill({ status: 404 });
        return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'font/ttf' } });
      });
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ content: bundle });
      return await page.evaluate(
        async ({ text, format, scenario }) => {
          // The bundle's exports, as the page sees them (types are checked in the Node tests).
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          const M = (globalThis as unknown as { MailflowExport: any }).MailflowExport;
          const loaded = M.parseDocumentText(text);
          const sim = scenario ? M.simulateScenario(loaded.document, scenario, { lang: 'en' }) : null;
          const options = { format, theme: 'light', transparent: false, padding: 32, includeSimulation: true };
          const file = await M.buildExportFile(loaded.document, options, sim, 'en');
          let inkRatio = null;
          if (format === 'png') {
            // How much of the picture is not background: a blank canvas would be 0.
            const img = new Image();
            img.src = URL.createObjectURL(new Blob([file.data], { type: 'image/png' }));
            await img.decode();
            const canvas = document.createElement('canvas');
            canvas.width = img.width;
            canvas.height = img.height;
            const ctx = canvas.getContext('2d')!;
            ctx.drawImage(img, 0, 0);
            const px = ctx.getImageData(0, 0, img.width, img.height).data;
            let ink = 0;
            for (let i = 0; i < px.length; i += 4 * 16) if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) ink++;
            inkRatio = ink / (px.length / (4 * 16));
          }
          return { name: file.name, mime: file.mime, data: Array.from(file.data as Uint8Array), inkRatio, restored: M.importDocumentFromExport(file.name, file.data) };
        },
        { text: docText, format, scenario },
      );
    } finally {
      await page.close();
    }
  }

  it('PNG: 2× the diagram, actually drawn, and it carries the design', async () => {
    const loaded = parseDocumentText(docText);
    if (!loaded.ok) throw new Error('invalid example');
    const sim = simulateScenario(loaded.document, 'point1-handoff', { lang: 'en' });
    const { width, height } = renderDiagramSvg(loaded.document, { simulation: sim, padding: 32 });
    const out = await exportInPage('png', 'point1-handoff');
    const bytes = Uint8Array.from(out.data);
    expect(isPng(bytes)).toBe(true);
    expect(pngSize(bytes)).toEqual({ width: width * 2, height: height * 2 });
    expect(out.inkRatio).toBeGreaterThan(0.02);
    expect(out.name).toMatch(/--point1-handoff\.png$/);
    const restored = parseDocumentText(extractDocumentFromPng(bytes)!);
    expect(restored.ok && restored.document).toEqual(loaded.document);
    expect(out.restored).toBe(extractDocumentFromPng(bytes));
  }, 120_000);

  it('PDF: one vector page with the title and the names as text; SVG: opening it restores the design', async () => {
    const pdfOut = await exportInPage('pdf', null);
    const bytes = Uint8Array.from(pdfOut.data);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const loaded = parseDocumentText(docText);
    if (!loaded.ok) throw new Error('invalid example');
    expect(pdf.getTitle()).toBe(loaded.document.title);
    const text = pdfText(bytes);
    expect(text).toContain(loaded.document.title);
    expect(text).toContain('Partner mail server (Internet)');
    expect(pdfImageRows(bytes)).toEqual([]);
    const svgOut = await exportInPage('svg', null);
    const reopened = parseDocumentText(svgOut.restored!);
    expect(reopened.ok && reopened.document).toEqual(loaded.document);
  }, 120_000);
});
