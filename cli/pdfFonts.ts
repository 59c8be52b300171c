/**
 * The PDF export's font files for the CLI: Noto Sans JP from the pinned `@expo-google-fonts/noto-sans-jp`
 * package, read from node_modules next to the bundle only when a PDF is written (see
 * shared/diagram/pdf.ts for why this font and how it is embedded).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDF_FONT_FILES, type PdfFontLoader } from '../shared/diagram/pdf';

export const loadPdfFontFromPackage: PdfFontLoader = async (weight) =>
  new Uint8Array(readFileSync(createRequire(import.meta.url).resolve(PDF_FONT_FILES[weight])));
