/**
 * New, Open, Open Recent, Save, Save As, drafts and crash recovery, on top of the platform adapter.
 * A file that fails to load shows the loader's located errors and changes nothing.
 */
import { localizeExample } from '../../shared/i18n/gallery';
import { parseDocumentText, serializeDocument } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { t } from '../i18n';
import { importDocumentFromBytes } from '../../shared/diagram/import';
import { exampleFileName, loadExampleText } from '../integrations/examples';
import { emptyDocument, slugify } from '../model/entities';
import { getPlatform, type PlatformOpenResult, type RecentEntry } from '../platform';
import { isDirty, useDocumentStore } from '../store/documentStore';
import { askChoice, showLoadErrors, useUiStore } from '../store/uiStore';

const DRAFT_DELAY_MS = 1000;

function toastError(text: string): void {
  useUiStore.getState().toast('error', text);
}

/** Asks what to do with unsaved changes; true when it is fine to go on (saved or discarded). */
export async function confirmDiscardChanges(): Promise<boolean> {
  if (!isDirty(useDocumentStore.getState())) return true;
  const choice = await askChoice({
    title: t('dialog.unsaved.title'),
    message: t('dialog.unsaved.message', { title: useDocumentStore.getState().doc.title }),
    choices: [
      { id: 'save', label: t('dialog.unsaved.save'), primary: true },
      { id: 'discard', label: t('dialog.unsaved.discard') },
      { id: 'cancel', label: t('common.cancel') },
    ],
  });
  if (choice === 'save') return saveDocument(false);
  return choice === 'discard';
}

export async function newDocument(): Promise<void> {
  if (!(await confirmDiscardChanges())) return;
  await discardCurrentDraft();
  useDocumentStore.getState().load(emptyDocument(t('file.untitled')), {});
  useUiStore.getState().select([]);
}

/** Loads a document text; on failure shows the located errors and leaves the current document alone. */
export async function openText(
  text: string,
  file: { name: string; path: string | null; stamp?: TopologyDocumentStamp; handle?: unknown },
  edition: (doc: TopologyDocument) => TopologyDocument = (doc) => doc,
  /** The gallery's own files are not the user's: saying they were migrated is noise over the canvas. */
  { announceMigration = true }: { announceMigration?: boolean } = {},
): Promise<boolean> {
  // Timing marks for the canvas benchmark (bench/canvas-bench.mjs): read → parsed → painted.
  performance.mark('mailflow:document-read');
  const result = parseDocumentText(text);
  performance.mark('mailflow:document-parsed');
  if (!result.ok) {
    await showLoadErrors(t('dialog.loadErrors.title'), file.name, result.errors);
    return false;
  }
  await discardCurrentDraft();
  useDocumentStore.getState().load(edition(result.document), {
    name: file.name,
    path: file.path,
    stamp: file.stamp ?? null,
    handle: file.handle ?? null,
  });
  useUiStore.getState().select([]);
  useUiStore.getState().revealIds([]);
  if (announceMigration && result.migratedFrom !== null) useUiStore.getState().toast('info', t('file.migrated', { version: result.migratedFrom }));
  return true;
}
type TopologyDocumentStamp = import('../../shared/ipc/contract').FileStamp | null;

export async function handleOpenResult(result: PlatformOpenResult, options: { askFirst: boolean }): Promise<void> {
  if (!result.ok) {
    if (result.reason === 'error') toastError(t('file.openFailed', { message: result.message }));
    if (result.reason === 'no-design') toastError(t('export.noDesignInPicture', { name: result.name }));
    return;
  }
  if (options.askFirst && !(await confirmDiscardChanges())) return;
  if (isExportedPictureName(result.file.name)) {
    // The desktop app already extracted the design from the picture: open it untitled, so Save asks where.
    const parsed = parseDocumentText(result.file.text);
    if (!parsed.ok) {
      await showLoadErrors(t('dialog.loadErrors.title'), result.file.name, parsed.errors);
      return;
    }
    await openAsUntitled(parsed.document);
    useUiStore.getState().toast('success', t('export.openedFromPicture', { name: result.file.name }));
    return;
  }
  const opened = await openText(result.file.text, result.file);
  if (opened) await getPlatform().rememberRecent(result.file);
}

export async function openDocument(): Promise<void> {
  const platform = getPlatform();
  if (!platform.hasFilePicker) {
    // The upload input opens the file when one is chosen; ask about unsaved changes first.
    if (!(await confirmDiscardChanges())) return;
    await platform.open();
    return;
  }
  if (!(await confirmDiscardChanges())) return;
  await handleOpenResult(await platform.open(), { askFirst: false });
}

export async function openDroppedFile(file: File, askFirst = true): Promise<void> {
  if (isExportedPictureName(file.name)) {
    await openExportedPicture(file, askFirst);
    return;
  }
  await handleOpenResult(await getPlatform().openDropped(file), { askFirst });
}

/** PNG and SVG files exported by the app carry the design (an iTXt chunk, SVG metadata). */
export function isExportedPictureName(name: string): boolean {
  return /\.(png|svg)$/i.test(name);
}

/** Opens the design embedded in an exported picture, as an untitled document (the picture is not a document file). */
async function openExportedPicture(file: File, askFirst: boolean): Promise<void> {
  let text: string | null;
  try {
    text = importDocumentFromBytes(file.name, new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    toastError(t('file.openFailed', { message: e instanceof Error ? e.message : String(e) }));
    return;
  }
  if (text === null) {
    toastError(t('export.noDesignInPicture', { name: file.name }));
    return;
  }
  if (askFirst && !(await confirmDiscardChanges())) return;
  const result = parseDocumentText(text);
  if (!result.ok) {
    await showLoadErrors(t('dialog.loadErrors.title'), file.name, result.errors);
    return;
  }
  await openAsUntitled(result.document);
  useUiStore.getState().toast('success', t('export.openedFromPicture', { name: file.name }));
}

/** Replaces the open document with `doc` as a new, unsaved document (examples, pictures, imports). */
export async function openAsUntitled(doc: TopologyDocument): Promise<void> {
  await discardCurrentDraft();
  useDocumentStore.getState().load(doc, {});
  useUiStore.getState().select([]);
  useUiStore.getState().revealIds([]);
}

export async function openRecent(entry: RecentEntry): Promise<void> {
  if (!(await confirmDiscardChanges())) return;
  await handleOpenResult(await getPlatform().openRecent(entry), { askFirst: false });
}

export function suggestedFileName(doc: TopologyDocument, current: string | null): string {
  return current ?? `${slugify(doc.title || 'topology')}.mailflow.json`;
}

/** Saves; true when the document is now saved. */
export async function saveDocument(saveAs: boolean, force = false): Promise<boolean> {
  const platform = getPlatform();
  const { doc, file } = useDocumentStore.getState();
  const text = serializeDocument(doc);
  const isNew = file.path === null && file.handle === null;
  const result = await platform.save({
    text,
    suggestedName: suggestedFileName(doc, file.name),
    saveAs: saveAs || (isNew && platform.kind === 'electron'),
    path: file.path,
    handle: file.handle,
    stamp: file.stamp,
    force,
  });
  if (!result.ok) {
    if (result.reason === 'cancelled') return false;
    if (result.reason === 'conflict') {
      const choice = await askChoice({
        title: t('dialog.conflict.title'),
        message: t('dialog.conflict.message', { name: result.message }),
        choices: [
          { id: 'overwrite', label: t('dialog.conflict.overwrite') },
          { id: 'saveAs', label: t('dialog.conflict.saveAs'), primary: true },
          { id: 'cancel', label: t('common.cancel') },
        ],
      });
      if (choice === 'overwrite') return saveDocument(false, true);
      if (choice === 'saveAs') return saveDocument(true);
      return false;
    }
    toastError(t('file.saveFailed', { message: result.message }));
    return false;
  }
  // Only the text that was written counts as saved (an edit made during the save stays unsaved).
  const oldKey = file.draftKey;
  const store = useDocumentStore.getState();
  if (store.doc === doc) {
    store.markSaved({ path: result.path, name: result.name, stamp: result.stamp, handle: result.handle, draftKey: result.path ?? oldKey });
  }
  await platform.discardDraft(oldKey);
  await platform.rememberRecent({ name: result.name, path: result.path, handle: result.handle, text });
  useUiStore.getState().toast('success', t('file.saved', { name: result.name }));
  return true;
}

async function discardCurrentDraft(): Promise<void> {
  await getPlatform().discardDraft(useDocumentStore.getState().file.draftKey);
}

/** Writes a draft (debounced) while there are unsaved changes, so a crash loses at most a second. */
export function startDraftWriter(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = useDocumentStore.subscribe((state, previous) => {
    if (state.doc === previous.doc && state.savedDoc === previous.savedDoc) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const s = useDocumentStore.getState();
      if (isDirty(s)) void getPlatform().writeDraft({ key: s.file.draftKey, title: s.doc.title, text: serializeDocument(s.doc) });
      else void getPlatform().discardDraft(s.file.draftKey);
    }, DRAFT_DELAY_MS);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}

/** Offers the newest draft left by a previous session (crash or closed without saving). */
export async function offerDraftRecovery(): Promise<void> {
  const platform = getPlatform();
  const drafts = await platform.listDrafts();
  const current = useDocumentStore.getState().file.draftKey;
  const draft = drafts.find((d) => d.key !== current);
  if (!draft) return;
  const choice = await askChoice({
    title: t('dialog.recover.title'),
    message: t('dialog.recover.message', { title: draft.title, time: new Date(draft.savedAt).toLocaleString() }),
    choices: [
      { id: 'restore', label: t('dialog.recover.restore'), primary: true },
      { id: 'discard', label: t('dialog.recover.discard') },
      { id: 'later', label: t('dialog.recover.later') },
    ],
  });
  if (choice === 'discard') {
    await platform.discardDraft(draft.key);
    return;
  }
  if (choice !== 'restore') return;
  const result = parseDocumentText(draft.text);
  if (!result.ok) {
    await showLoadErrors(t('dialog.loadErrors.title'), draft.title, result.errors);
    return;
  }
  // The draft keeps its key so saving discards it. In the desktop app a draft of a saved file is keyed
  // by its path: Save goes back there, and main reports a conflict (no stamp) so the user decides.
  const path = platform.kind === 'electron' && !draft.key.startsWith('untitled-') ? draft.key : null;
  const name = path ? (path.split(/[\\/]/).pop() ?? null) : null;
  useDocumentStore.getState().load(result.document, { draftKey: draft.key, path, name }, { dirty: true });
}

/** Title bar and the close prompt follow the document's title and unsaved state. */
export function startDocumentStateSync(): () => void {
  const push = () => {
    const s = useDocumentStore.getState();
    getPlatform().setDocumentState({ title: s.file.name ?? s.doc.title, dirty: isDirty(s), path: s.file.path });
  };
  push();
  return useDocumentStore.subscribe((s, prev) => {
    if (s.doc !== prev.doc || s.savedDoc !== prev.savedDoc || s.file !== prev.file) push();
  });
}

/**
 * `?example=<name>` opens a bundled example (demos and end-to-end tests), in the edition of the UI
 * language (a Japanese UI gets the Japanese names and comments, as File ▸ New from example does).
 */
export async function openExampleFromUrl(): Promise<boolean> {
  const name = new URLSearchParams(location.search).get('example');
  if (!name || !/^[A-Za-z0-9._-]+$/.test(name)) return false;
  // The same bundle as File ▸ New from example (the top-level examples/ folder).
  const file = exampleFileName(name);
  try {
    if (!file) throw new Error(name);
    const lang = useUiStore.getState().language;
    return await openText(await loadExampleText(file), { name: file, path: null }, (doc) => localizeExample(doc, lang, file), { announceMigration: false });
  } catch {
    toastError(t('file.exampleMissing', { name }));
    return false;
  }
}
