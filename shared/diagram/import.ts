/** Recognising an exported picture that carries a design, and naming export files. */
import { utf8Decode } from './encoding';
import { MAX_PICTURE_BYTES } from './metadata';
import { extractDocumentFromPng, isPng } from './png-chunks';
import { extractDocumentFromSvg } from './svg';

export const EXPORT_FORMATS = ['svg', 'png', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The document text embedded in an exported PNG or SVG, or null. Recognised by content (PNG
 * signature, SVG text) rather than by the file name alone, so a renamed file still opens.
 */
export function importDocumentFromBytes(fileName: string, bytes: Uint8Array): string | null {
  if (bytes.length > MAX_PICTURE_BYTES) return null;
  if (isPng(bytes)) return extractDocumentFromPng(bytes);
  const lower = fileName.toLowerCase();
  const head = bytes.subarray(0, 2048);
  let headText: string;
  try {
    headText = utf8Decode(head.subarray(0, lastCompleteUtf8(head)));
  } catch {
    return null;
  }
  if (lower.endsWith('.svg') || /<svg[\s>]/.test(headText)) {
    try {
      return extractDocumentFromSvg(utf8Decode(bytes));
    } catch {
      return null;
    }
  }
  return null;
}

/** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
function lastCompleteUtf8(bytes: Uint8Array): number {
  const end = bytes.length;
  let back = 0;
  while (end - back - 1 >= 0 && back < 4 && (bytes[end - back - 1] & 0xc0) === 0x80) back++;
  const lead = end - back - 1;
  if (lead < 0) return end;
  const b = bytes[lead];
  const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return need === back + 1 ? end : lead;
}

/** A file name from the document title: letters, digits (any script), dashes. */
export function exportFileName(title: string, format: ExportFormat, scenarioId?: string | null): string {
  const base =
    title
      .normalize('NFKC')
      // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 80) || 'mailflow-diagram';
  return `${base}${scenarioId ? `--${scenarioId}` : ''}.${format}`;
}
