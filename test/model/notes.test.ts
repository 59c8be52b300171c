/** Notes edits: a fresh id, one change per call, the same document when nothing changes, loadable results. */
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../shared/model/load';
import { serializeDocument } from '../../shared/model/load';
import { addNote, removeNotes, updateNote } from '../../shared/model/notes';
import { emptyDocument } from '../../shared/model/edit';

describe('notes', () => {
  it('adds, edits, colours and removes a note, and the document stays loadable', () => {
    const { doc, id } = addNote(emptyDocument('t'), { x: 10.4, y: 20.6 }, 'Hello');
    expect(doc.view?.notes).toEqual([{ id, text: 'Hello', x: 10, y: 21, width: 220 }]);
    const second = addNote(doc, { x: 0, y: 0 }, 'Two');
    expect(second.id).not.toBe(id);
    const edited = updateNote(second.doc, id, { text: 'Changed', color: '#B4E5FF' });
    expect(edited.view?.notes?.[0]).toMatchObject({ text: 'Changed', color: '#B4E5FF' });
    expect(updateNote(edited, id, { text: 'Changed' })).toBe(edited);
    expect(updateNote(edited, 'nobody', { text: 'x' })).toBe(edited);
    const reloaded = parseDocumentText(serializeDocument(edited));
    expect(reloaded.ok && reloaded.document.view?.notes).toEqual(edited.view?.notes);
    expect(removeNotes(edited, [id]).view?.notes?.map((n) => n.id)).toEqual([second.id]);
  });
});
