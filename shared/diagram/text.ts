/**
 * Text helpers for drawing without a browser: XML escaping and a width estimate.
 *
 * The export is drawn where no layout engine can measure text (the CLI renders with resvg), so boxes
 * are sized from per-character advance estimates. The estimates lean wide (about DejaVu Sans, the
 * widest of the fonts in the family list) so text never overflows its box whichever font is used.
 */

export function escapeXml(text: string): string {
  // Characters that XML 1.0 forbids even when escaped are dropped, so any name yields a valid file.
  // eslint-disable-next-line no-control-regex
  const allowed = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return allowed
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300
  );
}

function advance(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (isWide(code)) return 1.0;
  if (ch === ' ') return 0.32;
  if ('il.,:;\'|!()[]{}'.includes(ch)) return 0.34;
  if ('fjrt/-'.includes(ch)) return 0.42;
  if ('mwMW@'.includes(ch)) return 0.9;
  if (ch >= 'A' && ch <= 'Z') return 0.7;
  if (ch >= '0' && ch <= '9') return 0.64;
  return 0.61;
}

/** Estimated width in pixels of one line of text. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * fontSize * (bold ? 1.06 : 0.98) * 0.94;
}

/**
 * Splits text into lines no wider than maxWidth, breaking at spaces (and anywhere inside a word that
 * alone is too wide, such as a long Japanese phrase). Joining the lines with single spaces gives back
 * the text when it had single spaces, which is how tests find a wrapped name.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number, bold = false): string[] {
  const words = text.split(/ +/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    // A single word wider than the line is cut by characters.
    let piece = '';
    for (const ch of word) {
      if (piece && textWidth(piece + ch, fontSize, bold) > maxWidth) {
        lines.push(piece);
        piece = '';
      }
      piece += ch;
    }
    current = piece;
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}
