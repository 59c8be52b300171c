/**
 * Which way an export file is made. A PDF comes from printing the page when the platform can print to
 * PDF (the desktop app: Electron's printToPDF, vectors and real text); otherwise (the browser build)
 * from pdf-lib around the PNG, downloaded. SVG and PNG are the same everywhere.
 */
import type { Lang } from '../../shared/i18n/languages';
import type { Simulation } from '../../shared/engine/types';
import type { TopologyDocument } from '../../shared/model/schema';
import { exportFileName } from '../../shared/diagram/import';
import { buildExportFile, MIME_TYPES, type ExportFile, type ExportOptions } from './browserExport';
import { printDiagramToPdf, type PagePrinter } from './printDiagram';

export type PdfSource = 'print' | 'pdf-lib';

/** The platform's print-to-PDF when it has one (Electron), else pdf-lib. */
export function pdfSourceFor(platform: { printPageToPdf?: PagePrinter }): PdfSource {
  return typeof platform.printPageToPdf === 'function' ? 'print' : 'pdf-lib';
}

export async function exportDiagramFile(
  doc: TopologyDocument,
  options: ExportOptions,
  simulation: Simulation | null,
  lang: Lang,
  platform: { printPageToPdf?: PagePrinter },
): Promise<ExportFile> {
  const printer = platform.printPageToPdf;
  if (options.format !== 'pdf' || typeof printer !== 'function') return buildExportFile(doc, options, simulation, lang);
  const sim = options.includeSimulation ? simulation : null;
  const print: PagePrinter = (printOptions) => printer.call(platform, printOptions);
  const data = await printDiagramToPdf(doc, { theme: options.theme, transparent: options.transparent, padding: options.padding, lang, simulation: sim }, print);
  return { name: exportFileName(doc.title, 'pdf', sim?.scenarioId ?? null), format: 'pdf', mime: MIME_TYPES.pdf, data };
}
