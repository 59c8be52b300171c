/**
 * The design's free-text notes (`view.notes`) in an exported picture: drawn where the user put them
 * on the canvas (the export uses the canvas layout, layout.ts), at the canvas width, in the note's
 * colour, with the text wrapped as the canvas wraps it (renderer/canvas/NoteNode.tsx, legend.css
 * `.canvas-note`: 13 px text, 8 px × 10 px padding). The canvas camera frames notes with the same
 * boxes (`noteBoxes`).
 */
import type { Note } from '../model/schema';
import { escapeXml, wrapText } from './text';

export const NOTE_DEFAULT_WIDTH = 220;
const NOTE_MIN_W = 120;
const NOTE_PAD_X = 10;
const NOTE_PAD_Y = 8;
const NOTE_SIZE = 13;
const NOTE_LINE = 18;
const NOTE_MIN_H = 40;
export const NOTE_DEFAULT_COLOR = '#FFE08A';

export interface NoteCard {
  note: Note;
  /** Top-left, in the coordinates of the canvas (or of the picture once placed). */
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
}

/** Each note's box at its canvas place and size, with its wrapped lines. */
export function noteBoxes(notes: readonly Note[]): NoteCard[] {
  return notes.map((note) => {
    const w = Math.max(NOTE_MIN_W, note.width ?? NOTE_DEFAULT_WIDTH);
    const lines = note.text.split('\n').flatMap((para) => (para.trim() ? wrapText(para, NOTE_SIZE, w - NOTE_PAD_X * 2) : ['']));
    return { note, x: note.x, y: note.y, w, h: Math.max(NOTE_MIN_H, lines.length * NOTE_LINE + NOTE_PAD_Y * 2), lines };
  });
}

/** SVG of the notes at their places; dark text on the note's own colour (as on the canvas). */
export function drawNotes(out: string[], notes: readonly NoteCard[]): void {
  for (const c of notes) {
    out.push(`<g class="note"><rect x="${c.x}" y="${c.y}" width="${c.w}" height="${c.h}" rx="4" fill="${c.note.color ?? NOTE_DEFAULT_COLOR}" stroke="#c9a227"/>`);
    // One <text> per note (a <tspan> per line), so the note reads as one text.
    const spans = c.lines
      .map((line, i) => (line ? `<tspan x="${c.x + NOTE_PAD_X}" y="${c.y + NOTE_PAD_Y + (i + 1) * NOTE_LINE - 5}">${escapeXml(line)}</tspan>` : ''))
      .join('');
    if (spans) out.push(`<text font-size="${NOTE_SIZE}" fill="#1f2937">${spans}</text>`);
    out.push('</g>');
  }
}
