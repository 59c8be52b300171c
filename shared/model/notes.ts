/**
 * Free-text notes on the canvas (`view.notes`, document format 2): pure edits, each one commit
 * (one undo step) in the designer.
 */
import { allIds, uniqueId } from './ids';
import type { Note, TopologyDocument } from './schema';

export const NOTE_COLORS = ['#FFE08A', '#B4E5FF', '#C8F0C0', '#FFC9C9'] as const;

function withNotes(doc: TopologyDocument, notes: Note[]): TopologyDocument {
  return { ...doc, view: { positions: {}, ...doc.view, notes } };
}

/** Adds a note at (x, y) with a fresh id; returns the document and the note's id. */
export function addNote(doc: TopologyDocument, at: { x: number; y: number }, text: string): { doc: TopologyDocument; id: string } {
  const taken = allIds(doc);
  for (const n of doc.view?.notes ?? []) taken.add(n.id);
  const id = uniqueId(taken, 'note');
  return { doc: withNotes(doc, [...(doc.view?.notes ?? []), { id, text, x: Math.round(at.x), y: Math.round(at.y), width: 220 }]), id };
}

/** Changes a note's text, place, width or colour; the same document when nothing changes. */
export function updateNote(doc: TopologyDocument, id: string, patch: Partial<Omit<Note, 'id'>>): TopologyDocument {
  const notes = doc.view?.notes ?? [];
  const i = notes.findIndex((n) => n.id === id);
  if (i < 0) return doc;
  const next = { ...notes[i], ...patch };
  if (JSON.stringify(next) === JSON.stringify(notes[i])) return doc;
  return withNotes(doc, notes.map((n, j) => (j === i ? next : n)));
}

export function removeNotes(doc: TopologyDocument, ids: Iterable<string>): TopologyDocument {
  const gone = new Set(ids);
  const notes = doc.view?.notes ?? [];
  if (!notes.some((n) => gone.has(n.id))) return doc;
  return withNotes(doc, notes.filter((n) => !gone.has(n.id)));
}
