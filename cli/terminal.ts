/**
 * Text from a document (names, descriptions, reject texts) reaches the terminal in the CLI's
 * output. A name holding escape sequences could redraw FAIL as PASS, write the clipboard (OSC 52),
 * retitle the window or hide lines, and bidirectional controls can reorder what is shown
 * (CVE-2021-42574, "Trojan Source"). Every write to stdout and stderr goes through here: such
 * characters are shown as escapes instead of being sent to the terminal.
 */

/**
 * C0 controls except tab and line feed, DEL, C1 controls, the bidirectional marks, embeddings,
 * overrides and isolates (Unicode UAX #9), and the line/paragraph separators.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: number, width: number) => c.toString(16).toUpperCase().padStart(width, '0');

/** Human output: `\x1B`, `\u202E`, visible and inert. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  });
}

/**
 * JSON output: the same characters as JSON escapes (`\u001B`), so the text is still valid JSON
 * with the same values (they can only occur inside strings), and inert in a terminal.
 */
export function escapeJsonForTerminal(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${hex(ch.charCodeAt(0), 4)}`);
}

/** Display width: CJK characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
