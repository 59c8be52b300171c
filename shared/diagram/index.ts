/**
 * Exporting a design as a picture: the layout and SVG drawing (pure), the document embedded in
 * SVG metadata and PNG text chunks, and the one-page PDF. See CONTEXT.md.
 */
export { renderDiagramSvg, extractDocumentFromSvg, DEFAULT_PADDING, MAILFLOW_NS, type DiagramOptions, type RenderedDiagram } from './svg';
export {
  embedDocumentInPng,
  extractDocumentFromPng,
  insertTextChunk,
  readTextChunk,
  readPngChunks,
  pngSize,
  isPng,
  crc32,
  DOCUMENT_KEYWORD,
} from './png-chunks';
export { buildDiagramPdf, type PdfInput } from './pdf';
export { layoutDiagram, type DiagramLayout } from './layout';
export { PALETTES, DEFAULT_FONT_FAMILY, type DiagramThemeName } from './theme';
export { diagramLabels } from './labels';
export { importDocumentFromBytes, exportFileName, EXPORT_FORMATS, type ExportFormat } from './import';
