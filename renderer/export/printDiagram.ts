/**
 * PDF export by printing (the desktop app): the exported SVG, drawn from the model exactly as for the
 * other formats, is put in a print-only container; a print stylesheet hides the whole app, shows only
 * that container and sizes the page to the diagram (`@page { size: <w>px <h>px; margin: 0 }`), so the
 * host's print-to-PDF (Electron's `webContents.printToPDF` with `preferCSSPageSize`) writes one page
 * holding the whole diagram, as vectors with real text — not a screenshot of the canvas.
 *
 * Chromium writes `document.title` as the PDF's Title, so the title is the design's while printing.
 */
import type { Lang } from '../../shared/i18n/languages';
import type { Simulation } from '../../shared/engine/types';
import type { TopologyDocument } from '../../shared/model/schema';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import type { DiagramThemeName } from '../../shared/diagram/theme';

export const PRINT_ROOT_ID = 'mf-print-root';
const PRINT_STYLE_ID = 'mf-print-style';

export interface DiagramPrintOptions {
  theme: DiagramThemeName;
  transparent: boolean;
  padding: number;
  lang: Lang;
  simulation: Simulation | null;
}

export interface PreparedPrint {
  /** Diagram (and page) size in CSS pixels. */
  width: number;
  height: number;
  /** The title the PDF gets (the design's). */
  title: string;
  /** Removes the container and the print stylesheet and restores the window title. Safe to call twice. */
  cleanup(): void;
}

/** Prints the current page to PDF bytes: Electron's printToPDF through the preload. */
export type PagePrinter = (options: { landscape: boolean }) => Promise<Uint8Array>;

function printStylesheet(width: number, height: number): string {
  return `
@page { size: ${width}px ${height}px; margin: 0; }
@media screen {
  #${PRINT_ROOT_ID} { display: none !important; }
}
@media print {
  html, body { height: auto !important; min-height: 0 !important; margin: 0 !important; padding: 0 !important; overflow: visible !important; background: none !important; }
  body > :not(#${PRINT_ROOT_ID}) { display: none !important; }
  /* Fixed: the container adds no flow content, so Chromium cannot spill a blank second page from rounding. */
  #${PRINT_ROOT_ID} { display: block !important; position: fixed; left: 0; top: 0; width: ${width}px; height: ${height}px; margin: 0; overflow: hidden; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  #${PRINT_ROOT_ID} > svg { display: block; width: ${width}px; height: ${height}px; }
}`;
}

/**
 * Puts the diagram into the print-only container and the page-sized print stylesheet; the caller
 * prints, then calls `cleanup()` (also when printing fails).
 */
export function prepareDiagramPrint(doc: TopologyDocument, options: DiagramPrintOptions): PreparedPrint {
  // A print left over from a failed attempt must not add a second page.
  document.getElementById(PRINT_ROOT_ID)?.remove();
  document.getElementById(PRINT_STYLE_ID)?.remove();

  const drawn = renderDiagramSvg(doc, { ...options, embedDocument: false });
  const width = Math.ceil(drawn.width);
  const height = Math.ceil(drawn.height);

  // Parsed as XML (not HTML) and imported: the drawing is SVG, and no markup is interpreted as HTML.
  const parsed = new DOMParser().parseFromString(drawn.svg, 'image/svg+xml');
  if (parsed.getElementsByTagName('parsererror').length > 0) throw new Error('the diagram could not be prepared for printing');
  const container = document.createElement('div');
  container.id = PRINT_ROOT_ID;
  container.setAttribute('aria-hidden', 'true');
  container.appendChild(document.importNode(parsed.documentElement, true));

  const style = document.createElement('style');
  style.id = PRINT_STYLE_ID;
  style.media = 'all';
  style.textContent = printStylesheet(width, height);

  const previousTitle = document.title;
  document.head.appendChild(style);
  // First in <body>: the diagram's marker ids then win over any same id elsewhere in the app.
  document.body.prepend(container);
  document.title = doc.title;

  let cleaned = false;
  return {
    width,
    height,
    title: doc.title,
    cleanup() {
      if (cleaned) return;
      cleaned = true;
      container.remove();
      style.remove();
      document.title = previousTitle;
    },
  };
}

/** Prints the diagram to a one-page PDF with `print`, cleaning up afterwards whatever happens. */
export async function printDiagramToPdf(doc: TopologyDocument, options: DiagramPrintOptions, print: PagePrinter): Promise<Uint8Array> {
  const prepared = prepareDiagramPrint(doc, options);
  try {
    return await print({ landscape: prepared.width > prepared.height });
  } finally {
    prepared.cleanup();
  }
}
