/**
 * The platform adapter: everything the designer needs from its host (files, drafts, recent files,
 * settings, the window title, native menus). Two implementations: `electron.ts` (window.mailflow,
 * file access in main) and `browser.ts` (File System Access API or upload/download, drafts in
 * IndexedDB). The rest of the renderer never knows which one it runs on.
 */
import type { LanguageSetting } from '../../shared/i18n/languages';
import type { FileStamp, MenuActionId, MenuModel } from '../../shared/ipc/contract';

export interface OpenedDocumentFile {
  name: string;
  /** Electron: the full path. Browser: null (a handle, if any, is in `handle`). */
  path: string | null;
  text: string;
  stamp: FileStamp | null;
  handle: unknown;
}

export type PlatformOpenResult =
  | { ok: true; file: OpenedDocumentFile }
  | { ok: false; reason: 'cancelled' }
  | { ok: false; reason: 'error'; message: string }
  | { ok: false; reason: 'no-design'; name: string };

export interface PlatformSaveRequest {
  text: string;
  suggestedName: string;
  /** Ask where to save (Save As, or a new document). */
  saveAs: boolean;
  path: string | null;
  handle: unknown;
  stamp: FileStamp | null;
  /** Overwrite even if the file changed on disk since it was opened (the user chose to). */
  force: boolean;
}

export type PlatformSaveResult =
  | { ok: true; name: string; path: string | null; stamp: FileStamp | null; handle: unknown; backupPath?: string | null }
  | { ok: false; reason: 'cancelled' }
  | { ok: false; reason: 'conflict'; message: string }
  | { ok: false; reason: 'error'; message: string };

/** Formats the app writes besides the document itself (pictures, PowerShell scripts). */
export type ExportFileFormat = 'svg' | 'png' | 'pdf' | 'json' | 'ps1';

export type PlatformExportResult =
  | { ok: true; name: string }
  | { ok: false; reason: 'cancelled' }
  | { ok: false; reason: 'error'; message: string };

export interface RecentEntry {
  /** Electron: the path; browser: a key in IndexedDB. */
  id: string;
  name: string;
  path: string | null;
  openedAt: number;
}

export interface PlatformDraft {
  key: string;
  title: string;
  text: string;
  savedAt: number;
}

export interface PlatformSettings {
  language: LanguageSetting;
  theme: 'system' | 'light' | 'dark';
}

export interface PlatformSystemInfo {
  locale: string;
  prefersDark: boolean;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** True when Open shows a native picker; false when it clicks the upload input. */
  readonly hasFilePicker: boolean;
  open(): Promise<PlatformOpenResult>;
  openRecent(entry: RecentEntry): Promise<PlatformOpenResult>;
  /** A file dropped on the window or chosen in the upload input. */
  openDropped(file: File): Promise<PlatformOpenResult>;
  listRecent(): Promise<RecentEntry[]>;
  /** Remember an opened/saved file for Open Recent (Electron main does it by itself). */
  rememberRecent(file: { name: string; path: string | null; handle: unknown; text: string }): Promise<void>;
  save(request: PlatformSaveRequest): Promise<PlatformSaveResult>;
  /** Writes an export (Electron: a save dialog in main; browser: a download). Text is written as UTF-8. */
  saveExport(name: string, format: ExportFileFormat, data: Uint8Array | string): Promise<PlatformExportResult>;
  writeDraft(draft: Omit<PlatformDraft, 'savedAt'>): Promise<void>;
  listDrafts(): Promise<PlatformDraft[]>;
  discardDraft(key: string): Promise<void>;
  getSettings(): Promise<PlatformSettings>;
  setSettings(settings: Partial<PlatformSettings>): Promise<void>;
  getSystemInfo(): Promise<PlatformSystemInfo>;
  /** Title, unsaved mark and the close prompt. */
  setDocumentState(state: { title: string; dirty: boolean; path: string | null }): void;
  openExternal(url: string): void;
  /** Desktop only: the native menu, built by main from this model of the action registry. */
  setMenu?(model: MenuModel): void;
  onMenuAction(listener: (id: MenuActionId) => void): () => void;
  onOpenRequest(listener: (result: PlatformOpenResult) => void): () => void;
  onSystemChanged(listener: (info: PlatformSystemInfo) => void): () => void;
}
