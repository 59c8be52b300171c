/**
 * Issue 5 item 1: "In Electron, PDF comes from the page printing; in the browser, the file downloads."
 * The desktop adapter (renderer/platform/electron.ts over a fake `window.mailflow`) makes a PDF export
 * print the page through `printToPdf` and never builds it with pdf-lib; the browser keeps pdf-lib.
 * The DOM side of printing is exercised for real in test/e2e/export-print.spec.ts; here a minimal
 * stand-in document records what the print preparation adds and removes, and a stand-in canvas
 * paints a fixed PNG — only the browser's environment is faked, never the export modules under test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailflowDesktopApi } from '../../shared/ipc/contract';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import type { ExportOptions } from '../../renderer/export/browserExport';

import { buildExportFile } from '../../renderer/export/browserExport';
import { exportDiagramFile, pdfSourceFor } from '../../renderer/export/exportDiagram';
import { printDiagramToPdf, PRINT_ROOT_ID } from '../../renderer/export/printDiagram';
import { createElectronPlatform } from '../../renderer/platform/electron';
import { createBrowserPlatform } from '../../renderer/platform/browser';
import { getPlatform } from '../../renderer/platform';

/** A valid 1×1 PNG: what the stand-in canvas paints. */
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const ROOT = path.resolve(__dirname, '../..');

function loadExample(name: string): TopologyDocument {
  const loaded = parseDocumentText(readFileSync(path.join(ROOT, 'examples', `${name}.mailflow.json`), 'utf8'));
  if (!loaded.ok) throw new Error(`example ${name} does not load`);
  return loaded.document;
}

/** Just enough of a DOM for the print preparation: which elements are attached, and the title. */
function fakeDom(initialTitle: string) {
  const attached = new Set<FakeElement>();
  class FakeElement {
    id = '';
    media = '';
    textContent = '';
    children: unknown[] = [];
    constructor(readonly tag: string) {}
    setAttribute() {}
    appendChild(child: unknown) {
      this.children.push(child);
      return child;
    }
    remove() {
      attached.delete(this);
    }
  }
  /** The browser's canvas, enough to paint an image and encode it as PNG. */
  const canvas = () => ({
    width: 0,
    height: 0,
    getContext: () => ({ drawImage: () => undefined }),
    toBlob: (done: (blob: Blob) => void) => done(new Blob([ONE_PIXEL_PNG], { type: 'image/png' })),
  });
  class FakeImage {
    decoding = '';
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    set src(_url: string) {
      queueMicrotask(() => this.onload?.());
    }
  }
  const doc = {
    title: initialTitle,
    getElementById: (id: string) => [...attached].find((e) => e.id === id) ?? null,
    createElement: (tag: string) => (tag === 'canvas' ? canvas() : new FakeElement(tag)),
    importNode: (node: unknown) => node,
    head: { appendChild: (e: FakeElement) => attached.add(e) },
    body: { prepend: (e: FakeElement) => attached.add(e) },
  };
  class FakeDomParser {
    parseFromString(text: string) {
      return { getElementsByTagName: () => [], documentElement: { svg: text } };
    }
  }
  return { doc, attached, FakeDomParser, FakeImage };
}

type FakeDesktopApi = MailflowDesktopApi & { printToPdf: ReturnType<typeof vi.fn>; exportFile: ReturnType<typeof vi.fn> };

/** The preload's API as far as exports use it; any other call fails the test. */
function fakeDesktopApi(pdfBytes: Uint8Array): FakeDesktopApi {
  const used = {
    platform: 'electron' as const,
    printToPdf: vi.fn(async () => Buffer.from(pdfBytes).toString('base64')),
    exportFile: vi.fn(async () => ({ ok: true as const, path: '/tmp/x.pdf' })),
  };
  return new Proxy(used, {
    get: (target, key) => (key in target ? target[key as keyof typeof target] : () => Promise.reject(new Error(`unexpected call ${String(key)}`))),
  }) as FakeDesktopApi;
}

const PDF_OPTIONS: ExportOptions = { format: 'pdf', theme: 'light', transparent: false, padding: 32, includeSimulation: false };
const WINDOW_TITLE = 'point-1.mailflow.json — Mailflow Studio';

let dom: ReturnType<typeof fakeDom>;
beforeEach(() => {
  dom = fakeDom(WINDOW_TITLE);
  vi.stubGlobal('document', dom.doc);
  vi.stubGlobal('DOMParser', dom.FakeDomParser);
  vi.stubGlobal('Image', dom.FakeImage);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PDF export on the desktop', () => {
  it('prints the page through window.mailflow.printToPdf, not pdf-lib, and returns the printed bytes', async () => {
    const doc = loadExample('point-1-first-receipt');
    const printed = new TextEncoder().encode('%PDF-1.7 printed by Chromium');
    const api = fakeDesktopApi(printed);
    let seenDuringPrint: { title: string; containerAttached: boolean } | null = null;
    api.printToPdf.mockImplementation(async () => {
      seenDuringPrint = { title: dom.doc.title, containerAttached: dom.doc.getElementById(PRINT_ROOT_ID) !== null };
      return Buffer.from(printed).toString('base64');
    });
    // As in the desktop app: the preload's window.mailflow makes the renderer pick the Electron adapter.
    vi.stubGlobal('window', { mailflow: api });
    const platform = getPlatform();
    expect(platform.kind).toBe('electron');

    expect(pdfSourceFor(platform)).toBe('print');
    const file = await exportDiagramFile(doc, PDF_OPTIONS, null, 'en', platform);

    expect(api.printToPdf).toHaveBeenCalledTimes(1);
    expect(file.format).toBe('pdf');
    expect(file.name.endsWith('.pdf')).toBe(true);
    expect([...file.data]).toEqual([...printed]);
    // While Chromium printed, the diagram was on the page and the window title was the design's.
    expect(seenDuringPrint).toEqual({ title: doc.title, containerAttached: true });
    // Afterwards the page is the app again.
    expect(dom.attached.size).toBe(0);
    expect(dom.doc.title).toBe(WINDOW_TITLE);
  });

  it('the saved bytes go through the existing exportFile route', async () => {
    const doc = loadExample('point-1-first-receipt');
    const api = fakeDesktopApi(new TextEncoder().encode('%PDF-1.7'));
    const platform = createElectronPlatform(api);
    const file = await exportDiagramFile(doc, PDF_OPTIONS, null, 'en', platform);
    await platform.saveExport(file.name, file.format, file.data);
    expect(api.exportFile).toHaveBeenCalledWith({ suggestedName: file.name, format: 'pdf', data: Buffer.from('%PDF-1.7').toString('base64'), encoding: 'base64' });
  });

  it('asks for landscape when the diagram is wider than tall', async () => {
    const doc = loadExample('hybrid-seed');
    const { renderDiagramSvg } = await import('../../shared/diagram/svg');
    const drawn = renderDiagramSvg(doc, { theme: 'light', padding: 32, lang: 'en' });
    const api = fakeDesktopApi(new Uint8Array([37, 80, 68, 70]));
    await exportDiagramFile(doc, PDF_OPTIONS, null, 'en', createElectronPlatform(api));
    expect(api.printToPdf).toHaveBeenCalledWith({ landscape: drawn.width > drawn.height });
  });

  it('removes the print container and restores the title when printing fails', async () => {
    const doc = loadExample('point-1-first-receipt');
    const failing = vi.fn(async () => {
      throw new Error('printing failed');
    });
    await expect(printDiagramToPdf(doc, { theme: 'dark', transparent: false, padding: 16, lang: 'ja', simulation: null }, failing)).rejects.toThrow(
      'printing failed',
    );
    expect(failing).toHaveBeenCalledTimes(1);
    expect(dom.attached.size).toBe(0);
    expect(dom.doc.title).toBe(WINDOW_TITLE);
  });

  it('SVG and PNG are drawn the same way as in the browser', async () => {
    const doc = loadExample('point-1-first-receipt');
    const api = fakeDesktopApi(new Uint8Array([1]));
    for (const format of ['svg', 'png'] as const) {
      const desktop = await exportDiagramFile(doc, { ...PDF_OPTIONS, format }, null, 'en', createElectronPlatform(api));
      const browser = await buildExportFile(doc, { ...PDF_OPTIONS, format }, null, 'en');
      expect(desktop).toEqual(browser);
    }
    expect(api.printToPdf).not.toHaveBeenCalled();
  });
});

describe('PDF export in the browser', () => {
  it('has no page printer, so the PDF is built with pdf-lib (and downloaded by saveExport)', async () => {
    vi.stubGlobal('window', { addEventListener: () => undefined });
    const platform = createBrowserPlatform({ useFilePicker: false });
    expect(platform.printPageToPdf).toBeUndefined();
    expect(pdfSourceFor(platform)).toBe('pdf-lib');
    const doc = loadExample('point-1-first-receipt');
    const file = await exportDiagramFile(doc, PDF_OPTIONS, null, 'en', platform);
    // A real PDF from pdf-lib: one page, the design's title, the painted diagram inside.
    const pdf = await PDFDocument.load(file.data, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe(doc.title);
    expect(file.name.endsWith('.pdf')).toBe(true);
  });
});
