/**
 * Finding the design embedded in an exported picture, in time linear in the file's size.
 *
 * The files come from anywhere (Open, a drop, the OS "open with"), and Electron main reads them, so
 * a hostile picture must not freeze it: no backtracking regular expression runs over the whole
 * text (a `<metadata>…</metadata>` regex is quadratic on many unclosed `<metadata` tags), and
 * each scan below moves forward only.
 */
/** A picture larger than this is not read (the same ceiling as a document: 200 MiB). */
export const MAX_PICTURE_BYTES = 200 * 1024 * 1024;

/** PNG: ancillary chunks the reader walks before giving up (a real PNG has a handful before IDAT). */
export const MAX_PNG_CHUNKS_BEFORE_IMAGE = 4096;

const isWordChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
/** XML name characters as the exporter writes them: letters, digits, `_ . - :`. */
const isNameChar = (c: number) => isWordChar(c) || c === 0x2e || c === 0x2d || c === 0x3a;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** The element's local name (after any namespace prefix). */
function localName(qualified: string): string {
  const colon = qualified.lastIndexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/**
 * The text inside the first `<metadata …>…</metadata>` of an SVG, or null. Same result as the
 * regex `/<metadata\b[^>]*>([\s\S]*?)<\/metadata\s*>/`, found with forward scans only.
 */
export function svgMetadataContent(svg: string): string | null {
  let open = -1;
  for (let at = svg.indexOf('<metadata'); at >= 0; at = svg.indexOf('<metadata', at + 9)) {
    if (!isWordChar(svg.charCodeAt(at + 9))) {
      open = at;
      break;
    }
  }
  if (open < 0) return null;
  const gt = svg.indexOf('>', open + 9);
  if (gt < 0) return null;
  for (let close = svg.indexOf('</metadata', gt + 1); close >= 0; close = svg.indexOf('</metadata', close + 10)) {
    let i = close + 10;
    while (i < svg.length && isSpace(svg.charCodeAt(i))) i++;
    if (svg[i] === '>') return svg.slice(gt + 1, close);
  }
  return null;
}

/**
 * The base64 text of the first `<prefix:document … encoding="base64">…</prefix:document>` in the
 * metadata, or null. Each character is looked at a bounded number of times: a tag never extends
 * past the next `<`, so many unclosed tags cannot make the scan quadratic.
 */
export function embeddedDocumentPayload(metadata: string): string | null {
  const n = metadata.length;
  let i = 0;
  while (i < n) {
    const lt = metadata.indexOf('<', i);
    if (lt < 0) return null;
    let j = lt + 1;
    while (j < n && isNameChar(metadata.charCodeAt(j))) j++;
    const name = metadata.slice(lt + 1, j);
    if (j === lt + 1 || localName(name) !== 'document') {
      i = j === lt + 1 ? lt + 1 : j;
      continue;
    }
    let k = j;
    while (k < n && metadata[k] !== '>' && metadata[k] !== '<') k++;
    if (k >= n) return null;
    if (metadata[k] === '<' || !/\bencoding\s*=\s*["']base64["']/.test(metadata.slice(j, k))) {
      i = k;
      continue;
    }
    const end = metadata.indexOf('<', k + 1);
    if (end < 0) return null;
    if (metadata.startsWith('</', end)) {
      let m = end + 2;
      while (m < n && isNameChar(metadata.charCodeAt(m))) m++;
      if (localName(metadata.slice(end + 2, m)) === 'document') {
        while (m < n && isSpace(metadata.charCodeAt(m))) m++;
        if (metadata[m] === '>') return metadata.slice(k + 1, end);
      }
    }
    i = end;
  }
  return null;
}
