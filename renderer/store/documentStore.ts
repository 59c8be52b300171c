/**
 * The document store: the TopologyDocument (undoable) and the file it came from (not undoable).
 *
 * zundo records a history entry only when `doc` changes (`partialize` + `equality`), so file
 * metadata, selection or a drag in progress never become undo steps. Every user action calls
 * `commit` exactly once, which makes one action one undo step.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import type { TopologyDocument } from '../../shared/model/schema';
import type { FileStamp } from '../../shared/ipc/contract';
import { validateDocument, type LoadError } from '../../shared/model/load';
import { emptyDocument } from '../model/entities';

export interface FileMeta {
  /** Where it lives (Electron: the path; browser: the file name) or null for a new document. */
  path: string | null;
  name: string | null;
  /** Electron's stamp at open/save, for conflict detection. */
  stamp: FileStamp | null;
  /** A platform-specific handle (browser: FileSystemFileHandle), opaque here. */
  handle: unknown;
  /** Key under which drafts of this document are kept. */
  draftKey: string;
}

export interface DocumentState {
  doc: TopologyDocument;
  file: FileMeta;
  /** The document as last opened or saved: `doc !== savedDoc` means unsaved changes. */
  savedDoc: TopologyDocument;
  commit(next: TopologyDocument): void;
  /** Replace the whole document (New, Open, recovered draft); the undo history starts over. */
  load(doc: TopologyDocument, file: Partial<FileMeta>, options?: { dirty?: boolean }): void;
  markSaved(file: Partial<FileMeta>): void;
}

let untitledCounter = 0;
export function newDraftKey(): string {
  untitledCounter += 1;
  return `untitled-${Date.now().toString(36)}-${untitledCounter}`;
}

const initialDoc = emptyDocument();

export const useDocumentStore = create<DocumentState>()(
  temporal(
    (set, get) => ({
      doc: initialDoc,
      savedDoc: initialDoc,
      file: { path: null, name: null, stamp: null, handle: null, draftKey: newDraftKey() },
      commit(next) {
        if (next !== get().doc) set({ doc: next });
      },
      load(doc, file, options) {
        const meta: FileMeta = {
          path: file.path ?? null,
          name: file.name ?? null,
          stamp: file.stamp ?? null,
          handle: file.handle ?? null,
          draftKey: file.draftKey ?? file.path ?? newDraftKey(),
        };
        set({ doc, file: meta, savedDoc: options?.dirty ? emptyDocument() : doc });
        useDocumentStore.temporal.getState().clear();
      },
      markSaved(file) {
        set((s) => ({ savedDoc: s.doc, file: { ...s.file, ...file } }));
      },
    }),
    {
      partialize: (s) => ({ doc: s.doc }),
      equality: (past, current) => past.doc === current.doc,
      limit: 200,
    },
  ),
);

export function isDirty(s: Pick<DocumentState, 'doc' | 'savedDoc'>): boolean {
  return s.doc !== s.savedDoc;
}

export type EditResult = { ok: true } | { ok: false; errors: LoadError[] };

/**
 * Validates the whole candidate document (schema + cross-references, as the loader does) and
 * commits it only if it is valid: an invalid value never enters the document.
 */
export function commitValidated(candidate: TopologyDocument): EditResult {
  const result = validateDocument(candidate);
  if (!result.ok) return { ok: false, errors: result.errors };
  useDocumentStore.getState().commit(candidate);
  return { ok: true };
}

export function undo(): void {
  useDocumentStore.temporal.getState().undo();
}
export function redo(): void {
  useDocumentStore.temporal.getState().redo();
}
