/**
 * A free-text note on the canvas (draw.io's text box, Visio's callout): double-click or Enter to
 * edit in place, drag to move, drag the side handles to resize, the swatches to colour it, × to
 * remove it. Every change is one commit (one undo step) through shared/model/notes.ts.
 */
import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_COLORS, addNote, removeNotes, updateNote } from '../../shared/model/notes';
import type { Note, TopologyDocument } from '../../shared/model/schema';
import { commitValidated, useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { NOTE_DEFAULT_COLOR } from '../../shared/diagram/notes';

export interface NoteNodeData extends Record<string, unknown> {
  kind: 'note';
  note: Note;
}

function commit(next: TopologyDocument): void {
  if (next !== useDocumentStore.getState().doc) commitValidated(next);
}

export function updateNoteIn(id: string, patch: Partial<Omit<Note, 'id'>>): void {
  commit(updateNote(useDocumentStore.getState().doc, id, patch));
}

/** Adds a note where asked (a context menu's pointer) and starts editing it. */
export function createNote(at: { x: number; y: number }, text: string): string {
  const { doc, id } = addNote(useDocumentStore.getState().doc, at, text);
  commit(doc);
  useUiStore.getState().select([id]);
  return id;
}

/** The canvas nodes of the document's notes (drawn above the zones, never inside a tenant). */
export function noteNodes(doc: TopologyDocument): Array<Node<NoteNodeData>> {
  return (doc.view?.notes ?? []).map((note) => ({
    id: note.id,
    type: 'note',
    position: { x: note.x, y: note.y },
    data: { kind: 'note', note },
    width: note.width ?? 220,
    zIndex: 5,
    ariaLabel: `Note ${note.text.slice(0, 40)}`,
  }));
}

export function NoteNode({ id, data, selected }: NodeProps<Node<NoteNodeData>>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(data.note.text);
  const finish = (save: boolean) => {
    setEditing(false);
    if (save && draft !== data.note.text) updateNoteIn(id, { text: draft });
    else setDraft(data.note.text);
  };
  return (
    <div
      className={`canvas-note${selected ? ' is-selected' : ''}`}
      style={{ background: data.note.color ?? NOTE_DEFAULT_COLOR }}
      onDoubleClick={() => {
        setDraft(data.note.text);
        setEditing(true);
      }}
      onKeyDown={(e) => {
        if (!editing && e.key === 'Enter' && e.target === e.currentTarget.parentElement) setEditing(true);
      }}
      data-testid="canvas-note"
    >
      <NodeResizer isVisible={selected && !editing} minWidth={120} minHeight={40} onResizeEnd={(_, p) => updateNoteIn(id, { width: Math.round(p.width), x: Math.round(p.x), y: Math.round(p.y) })} />
      {editing ? (
        <textarea
          className="nodrag nowheel canvas-note-editor"
          aria-label={t('notes.edit')}
          value={draft}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => finish(true)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') finish(false);
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) finish(true);
          }}
        />
      ) : (
        <p className="canvas-note-text">{data.note.text || t('notes.empty')}</p>
      )}
      {selected && !editing && (
        <div className="canvas-note-tools nodrag">
          {NOTE_COLORS.map((c) => (
            <button key={c} type="button" className="canvas-note-swatch" style={{ background: c }} aria-label={t('notes.color', { color: c })} aria-pressed={(data.note.color ?? NOTE_DEFAULT_COLOR) === c} onClick={() => updateNoteIn(id, { color: c })} />
          ))}
          <button type="button" className="canvas-note-remove" aria-label={t('notes.remove')} onClick={() => commit(removeNotes(useDocumentStore.getState().doc, [id]))}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
