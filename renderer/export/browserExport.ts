/**
 * Producing an export file in the app (browser or Electron renderer): the SVG is drawn from the model
 * by shared/diagram, a PNG is that SVG painted on a canvas at 2× (then the document is added as an
 * iTXt chunk), a PDF is that same SVG as vectors with real text, written by shared/diagram/pdf.ts —
 * the writer `mailflow export --format pdf` uses — with the fonts of pdfFonts.ts. The browser build and
 * the desktop app make every format here, the same way.
 */
import type { Lang } from '../../shared/i18n/languages';
import type { Simulation } from '../../shared/engine/types';
import type { TopologyDocument } from '../../shared/model/schema';
import { serializeDocument } from '../../shared/model/load';
import { exportFileName, importDocumentFromBytes, type ExportFormat } from '../../shared/diagram/import';
import { buildDiagramPdf } from '../../shared/diagram/pdf';
import { documentDisplayTitle } from '../../shared/i18n/gallery';
import { fetchPdfFont } from './pdfFonts';
import { embedDocumentInPng } from '../../shared/diagram/png-chunks';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import type { DiagramThemeName } from '../../shared/diagram/theme';

export interface ExportOptions {
  format: ExportFormat;
  theme: DiagramThemeName;
  transparent: boolean;
  padding: number;
  /** Draw the current simulation (path, first receipt, hand-offs, stop mark). */
  includeSimulation: boolean;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  format: 'png',
  theme: 'light',
  transparent: false,
  padding: 32,
  includeSimulation: true,
};

/** PNG pixels per diagram pixel: crisp text on high-density screens and in printed documents. */
export const BROWSER_PNG_SCALE = 2;

export const MIME_TYPES: Record<ExportFormat, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
};

export interface ExportFile {
  name: string;
  format: ExportFormat;
  mime: string;
  data: Uint8Array;
}

/** Paints an SVG onto a canvas at `scale` and returns PNG bytes (no document embedded yet). */
export async function svgToPngInBrowser(svg: string, width: number, height: number, scale = BROWSER_PNG_SCALE): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: MIME_TYPES.svg }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the diagram could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas available');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), MIME_TYPES.png),
    );
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function buildExportFile(
  doc: TopologyDocument,
  options: ExportOptions,
  simulation: Simulation | null,
  lang: Lang,
  /** The export time written in a PDF. */
  now: Date = new Date(),
): Promise<ExportFile> {
  const sim = options.includeSimulation ? simulation : null;
  const drawOptions = { theme: options.theme, transparent: options.transparent, padding: options.padding, lang, simulation: sim };
  const name = exportFileName(doc.title, options.format, sim?.scenarioId ?? null);
  const drawn = renderDiagramSvg(doc, drawOptions);
  if (options.format === 'svg') {
    return { name, format: 'svg', mime: MIME_TYPES.svg, data: new TextEncoder().encode(drawn.svg) };
  }
  const plain = renderDiagramSvg(doc, { ...drawOptions, embedDocument: false });
  if (options.format === 'pdf') {
    const pdf = await buildDiagramPdf({ svg: plain.svg, title: documentDisplayTitle(doc, lang), lang, now, loadFont: fetchPdfFont });
    return { name, format: 'pdf', mime: MIME_TYPES.pdf, data: pdf };
  }
  const png = await svgToPngInBrowser(plain.svg, plain.width, plain.height);
  return { name, format: 'png', mime: MIME_TYPES.png, data: embedDocumentInPng(png, serializeDocument(doc)) };
}

/**
 * The design embedded in an exported PNG or SVG, or null for any other file: opening such a picture
 * in the app restores the design it shows.
 */
export function importDocumentFromExport(fileName: string, bytes: Uint8Array): string | null {
  return importDocumentFromBytes(fileName, bytes);
}

/** A download, for platforms without a save dialog (the browser build). */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.data as BlobPart], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
