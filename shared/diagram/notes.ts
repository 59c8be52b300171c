/**
 * The design's free-text notes (`view.notes`) in an exported picture: sticky cards in a row under
 * the legend, in the order the notes were made, so stakeholders read them with the diagram. The
 * export draws its own boxes (not the canvas's), so the notes are not placed at their canvas spot.
 */
import type { Note } from '../model/schema';
import { escapeXml, wrapText } from './text';

const NOTE_W = 220;
const NOTE_MAX_W = 360;
const NOTE_PAD = 8;
const NOTE_GAP = 12;
const NOTE_SIZE = 12;
const NOTE_LINE = 16;
export const NOTE_DEFAULT_COLOR = '#FFE08A';

export interface NoteCard {
  note: Note;
  x: number;
  w: number;
  h: number;
  lines: string[];
}

export interface NotesBlock {
  cards: NoteCard[];
  width: number;
  height: number;
}

/** Sizes the note cards of a row (x relative to the row's left; the row starts after a gap). */
export function layoutNotes(notes: readonly Note[]): NotesBlock {
  let x = 0;
  const cards = notes.map((note) => {
    const w = Math.min(NOTE_MAX_W, Math.max(120, note.width ?? NOTE_W));
    const lines = note.text.split('\n').flatMap((para) => (para.trim() ? wrapText(para, NOTE_SIZE, w - NOTE_PAD * 2) : ['']));
    const card = { note, x, w, h: lines.length * NOTE_LINE + NOTE_PAD * 2, lines };
    x += w + NOTE_GAP;
    return card;
  });
  if (!cards.length) return { cards, width: 0, height: 0 };
  return { cards, width: x - NOTE_GAP, height: Math.max(...cards.map((c) => c.h)) + NOTE_GAP };
}

/** SVG of the notes row with its top-left at (left, top); dark text on the note's own colour. */
export function drawNotes(out: string[], block: NotesBlock, left: number, top: number): void {
  for (const c of block.cards) {
    const x = left + c.x;
    out.push(`<g class="note"><rect x="${x}" y="${top}" width="${c.w}" height="${c.h}" rx="4" fill="${c.note.color ?? NOTE_DEFAULT_COLOR}" stroke="#c9a227"/>`);
    c.lines.forEach((line, i) => {
      if (!line) return;
      out.push(`<text x="${x + NOTE_PAD}" y="${top + NOTE_PAD + (i + 1) * NOTE_LINE - 4}" font-size="${NOTE_SIZE}" fill="#1f2937">${escapeXml(line)}</text>`);
    });
    out.push('</g>');
  }
}

