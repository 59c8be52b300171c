/**
 * The browser platform: the File System Access API (showOpenFilePicker / showSaveFilePicker) where
 * the browser has it, otherwise the upload input and a download link. Drafts and recent files live
 * in IndexedDB; settings in localStorage. "Unsaved changes" are asked about with beforeunload.
 */
import type { FileStamp, MenuActionId } from '../../shared/ipc/contract';
import { importDocumentFromBytes } from '../../shared/diagram/import';
import { idb } from './idb';
import type {
  ExportFileFormat,
  Platform,
  PlatformDraft,
  PlatformOpenResult,
  PlatformSaveRequest,
  PlatformSaveResult,
  PlatformSettings,
  PlatformSystemInfo,
  RecentEntry,
} from './types';

/** The id of the always-present upload input (App renders it); tests use it too. */
export const OPEN_INPUT_ID = 'mailflow-open-input';
const SETTINGS_KEY = 'mailflow.settings';
const RECENT_LIMIT = 8;
/** Without a file handle, Open Recent keeps a copy of the text; bigger files are not kept. */
const RECENT_TEXT_LIMIT = 5 * 1024 * 1024;
// Exported PNG/SVG pictures carry the design (shared/diagram/import.ts), so the picker lists them too.
const FILE_TYPES = [
  { description: 'Mailflow topology', accept: { 'application/json': ['.json'] } },
  { description: 'Exported diagram (PNG, SVG)', accept: { 'image/png': ['.png'], 'image/svg+xml': ['.svg'] } },
];

// The File System Access API is not in TypeScript's DOM library yet; only what is used here.
interface FsaWritable {
  write(data: string): Promise<void>;
  close(): Promise<void>;
}
interface FsaFileHandle {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<FsaWritable>;
  queryPermission?(options: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  requestPermission?(options: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
}
interface FsaWindow {
  showOpenFilePicker(options?: unknown): Promise<FsaFileHandle[]>;
  showSaveFilePicker(options?: unknown): Promise<FsaFileHandle>;
}

/** Chromium's File System Access API (not in TypeScript's DOM types yet). */
function hasFileSystemAccess(w: Window): w is Window & FsaWindow {
  return 'showOpenFilePicker' in w && 'showSaveFilePicker' in w;
}

interface StoredRecent {
  id: string;
  name: string;
  openedAt: number;
  handle?: FsaFileHandle;
  text?: string;
}

async function sha256Hex(text: string): Promise<string> {
  if (!globalThis.crypto?.subtle) return '0'.repeat(64);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function stampOf(file: File, text: string): Promise<FileStamp> {
  return { mtimeMs: file.lastModified, size: file.size, sha256: await sha256Hex(text) };
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

const EXPORT_MIME: Record<ExportFileFormat, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  json: 'application/json',
  ps1: 'text/plain;charset=utf-8',
};

/** Hands the bytes to the browser as a download (the browser's way of "saving a file"). */
function downloadExport(name: string, format: ExportFileFormat, data: Uint8Array | string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: EXPORT_MIME[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function download(name: string, text: string): void {
  downloadExport(name, 'json', text);
}

export function createBrowserPlatform(options: { useFilePicker: boolean }): Platform {
  const fsa = options.useFilePicker && hasFileSystemAccess(window) ? window : null;
  let dirty = false;
  window.addEventListener('beforeunload', (event) => {
    // The browser shows its own "Leave site?" prompt; the text cannot be customised.
    if (dirty) event.preventDefault();
  });

  async function fromHandle(handle: FsaFileHandle): Promise<PlatformOpenResult> {
    const file = await handle.getFile();
    if (/\.(png|svg)$/i.test(handle.name)) {
      // Only the embedded design is opened; the picture is never written back (no handle kept).
      const embedded = importDocumentFromBytes(handle.name, new Uint8Array(await file.arrayBuffer()));
      if (embedded === null) return { ok: false, reason: 'no-design', name: handle.name };
      return { ok: true, file: { name: handle.name, path: null, text: embedded, stamp: null, handle: null } };
    }
    const text = await file.text();
    return { ok: true, file: { name: handle.name, path: null, text, stamp: await stampOf(file, text), handle } };
  }

  const platform: Platform = {
    kind: 'browser',
    hasFilePicker: fsa !== null,
    async open() {
      if (!fsa) {
        // The upload input's change event opens the file (App wires it to the file controller).
        document.getElementById(OPEN_INPUT_ID)?.click();
        return { ok: false, reason: 'cancelled' };
      }
      try {
        const [handle] = await fsa.showOpenFilePicker({ types: FILE_TYPES, multiple: false });
        return await fromHandle(handle);
      } catch (e) {
        if (isAbort(e)) return { ok: false, reason: 'cancelled' };
        return { ok: false, reason: 'error', message: e instanceof Error ? e.message : String(e) };
      }
    },
    async openRecent(entry) {
      const stored = await idb.get<StoredRecent>('recent', entry.id);
      if (!stored) return { ok: false, reason: 'error', message: entry.name };
      try {
        if (stored.handle) {
          if (stored.handle.requestPermission && (await stored.handle.requestPermission({ mode: 'read' })) !== 'granted') {
            return { ok: false, reason: 'cancelled' };
          }
          return await fromHandle(stored.handle);
        }
        return { ok: true, file: { name: stored.name, path: null, text: stored.text ?? '', stamp: null, handle: null } };
      } catch (e) {
        return { ok: false, reason: 'error', message: e instanceof Error ? e.message : String(e) };
      }
    },
    async openDropped(file) {
      try {
        const text = await file.text();
        return { ok: true, file: { name: file.name, path: null, text, stamp: await stampOf(file, text), handle: null } };
      } catch (e) {
        return { ok: false, reason: 'error', message: e instanceof Error ? e.message : String(e) };
      }
    },
    async listRecent() {
      try {
        const all = await idb.all<StoredRecent>('recent');
        return all
          .sort((a, b) => b.openedAt - a.openedAt)
          .map((r) => ({ id: r.id, name: r.name, path: null, openedAt: r.openedAt }) satisfies RecentEntry);
      } catch {
        return [];
      }
    },
    async rememberRecent(file) {
      try {
        const handle = (file.handle as FsaFileHandle | null) ?? undefined;
        const id = `recent:${file.name}`;
        const entry: StoredRecent = { id, name: file.name, openedAt: Date.now() };
        if (handle) entry.handle = handle;
        else if (file.text.length <= RECENT_TEXT_LIMIT) entry.text = file.text;
        else return;
        await idb.put('recent', id, entry);
        const all = (await idb.all<StoredRecent>('recent')).sort((a, b) => b.openedAt - a.openedAt);
        for (const old of all.slice(RECENT_LIMIT)) await idb.delete('recent', old.id);
      } catch {
        // Open Recent is a convenience; a private window without IndexedDB simply has none.
      }
    },
    async save(request: PlatformSaveRequest): Promise<PlatformSaveResult> {
      if (!fsa) {
        download(request.suggestedName, request.text);
        return { ok: true, name: request.suggestedName, path: null, stamp: null, handle: null };
      }
      try {
        let handle = request.saveAs ? null : (request.handle as FsaFileHandle | null);
        if (handle && !request.force && request.stamp) {
          const onDisk = await handle.getFile();
          if (onDisk.lastModified !== request.stamp.mtimeMs || onDisk.size !== request.stamp.size) {
            return { ok: false, reason: 'conflict', message: handle.name };
          }
        }
        if (!handle) handle = await fsa.showSaveFilePicker({ suggestedName: request.suggestedName, types: FILE_TYPES });
        const writable = await handle.createWritable();
        await writable.write(request.text);
        await writable.close();
        const file = await handle.getFile();
        return { ok: true, name: handle.name, path: null, stamp: await stampOf(file, request.text), handle };
      } catch (e) {
        if (isAbort(e)) return { ok: false, reason: 'cancelled' };
        return { ok: false, reason: 'error', message: e instanceof Error ? e.message : String(e) };
      }
    },
    async saveExport(name, format, data) {
      // Exports always download: the File System Access picker would add a step for a one-off file.
      downloadExport(name, format, data);
      return { ok: true, name };
    },
    async writeDraft(draft) {
      try {
        await idb.put('drafts', draft.key, { ...draft, savedAt: Date.now() } satisfies PlatformDraft);
      } catch {
        // No storage (private mode, quota): the draft is simply not kept.
      }
    },
    async listDrafts() {
      try {
        return (await idb.all<PlatformDraft>('drafts')).sort((a, b) => b.savedAt - a.savedAt);
      } catch {
        return [];
      }
    },
    async discardDraft(key) {
      try {
        await idb.delete('drafts', key);
      } catch {
        /* nothing to discard */
      }
    },
    async getSettings() {
      try {
        const raw = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<PlatformSettings>;
        return { language: raw.language ?? 'system', theme: raw.theme ?? 'system' };
      } catch {
        return { language: 'system', theme: 'system' };
      }
    },
    async setSettings(settings) {
      try {
        const current = await platform.getSettings();
        localStorage.setItem(SETTINGS_KEY, JSON.stringify({ ...current, ...settings }));
      } catch {
        /* settings are not kept without storage */
      }
    },
    async getSystemInfo(): Promise<PlatformSystemInfo> {
      return {
        locale: navigator.language,
        prefersDark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
      };
    },
    setDocumentState(state) {
      dirty = state.dirty;
      document.title = `${state.dirty ? '• ' : ''}${state.title} — Mailflow Studio`;
    },
    openExternal(url) {
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    onMenuAction(listener: (id: MenuActionId) => void) {
      void listener;
      return () => {};
    },
    onOpenRequest() {
      return () => {};
    },
    onSystemChanged(listener) {
      const media = window.matchMedia?.('(prefers-color-scheme: dark)');
      const handler = () => listener({ locale: navigator.language, prefersDark: media?.matches ?? false });
      media?.addEventListener('change', handler);
      window.addEventListener('languagechange', handler);
      return () => {
        media?.removeEventListener('change', handler);
        window.removeEventListener('languagechange', handler);
      };
    },
  };
  return platform;
}
