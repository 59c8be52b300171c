export { ExportDialog, type ExportDialogProps, type ExportPlatform } from './ExportDialog';
export { useExportOptions, readExportOptions, writeExportOptions } from './useExportOptions';
export {
  buildExportFile,
  importDocumentFromExport,
  downloadFile,
  svgToPngInBrowser,
  DEFAULT_EXPORT_OPTIONS,
  MIME_TYPES,
  type ExportFile,
  type ExportOptions,
} from './browserExport';
export { fetchPdfFont } from './pdfFonts';
