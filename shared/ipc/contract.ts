/**
 * The typed IPC contract between the Electron main process and the renderer.
 *
 * The preload exposes exactly `MailflowDesktopApi` as `window.mailflow` (task-specific functions
 * only, never `ipcRenderer` itself). Every request crosses on one of `IPC_CHANNELS`, and main
 * validates each payload with the schema below before acting on it (Electron security checklist:
 * "validate the sender of all IPC messages", and treat the payload as untrusted).
 *
 * Pure TypeScript: used by electron/ (main, preload) and renderer/ (platform adapter).
 */
import { z } from 'zod';
import { LANGUAGE_SETTINGS } from '../i18n/languages';

/** What main remembers of a file when it was read or written, to detect changes made on disk since. */
export const fileStampSchema = z.strictObject({
  mtimeMs: z.number().nonnegative(),
  size: z.number().int().nonnegative(),
  /** SHA-256 of the bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileStamp = z.infer<typeof fileStampSchema>;

/** A document text never exceeds this (a 10,000-tenant design is about 60 MB). */
export const MAX_DOCUMENT_CHARS = 200 * 1024 * 1024;
const documentText = z.string().max(MAX_DOCUMENT_CHARS);
const filePath = z.string().min(1).max(4096);

export const saveRequestSchema = z.strictObject({
  /** null: ask where (Save As). */
  path: filePath.nullable(),
  text: documentText,
  /** The stamp of the file as it was opened or last saved; null for a new file. */
  expectedStamp: fileStampSchema.nullable(),
  /** Overwrite even if the file changed on disk (the user chose to). */
  force: z.boolean(),
  /** For the Save As dialog. */
  suggestedName: z.string().max(255),
});
export type SaveRequest = z.infer<typeof saveRequestSchema>;

export type SaveResult =
  | { ok: true; path: string; stamp: FileStamp; backupPath: string | null }
  | { ok: false; reason: 'cancelled' }
  | { ok: false; reason: 'conflict'; path: string; message: string }
  | { ok: false; reason: 'error'; message: string };

export interface OpenedFile {
  path: string;
  name: string;
  text: string;
  stamp: FileStamp;
}

export type OpenResult =
  | { ok: true; file: OpenedFile }
  | { ok: false; reason: 'cancelled' }
  | { ok: false; reason: 'error'; message: string }
  /** A PNG/SVG picture without an embedded design: the renderer says so in the user's language. */
  | { ok: false; reason: 'no-design'; name: string };

export const exportRequestSchema = z.strictObject({
  suggestedName: z.string().min(1).max(255),
  format: z.enum(['svg', 'png', 'pdf', 'json', 'ps1']),
  /** Text for svg/json/ps1; base64 for png/pdf. */
  data: z.string().max(MAX_DOCUMENT_CHARS),
  encoding: z.enum(['utf8', 'base64']),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const draftSchema = z.strictObject({
  /** A key for the document: its path, or `untitled-<n>` for a new one. */
  key: z.string().min(1).max(4096),
  title: z.string().max(1000),
  text: documentText,
});
export type Draft = z.infer<typeof draftSchema> & { savedAt: number };

export const appSettingsSchema = z.strictObject({
  language: z.enum(LANGUAGE_SETTINGS),
  theme: z.enum(['system', 'light', 'dark']),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;
export const partialAppSettingsSchema = appSettingsSchema.partial();

export interface RecentFile {
  path: string;
  name: string;
  openedAt: number;
}

export interface SystemInfo {
  /** OS language (BCP 47), e.g. `ja-JP`. */
  locale: string;
  /** OS theme right now. */
  prefersDark: boolean;
  platform: string;
  version: string;
}

/** Ids of actions the native menu can dispatch; the renderer's action registry knows each one. */
export const MENU_ACTION_IDS = [
  'file.new',
  'file.newFromExample',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.export',
  'file.exportPowerShell',
  'file.import',
  'edit.undo',
  'edit.redo',
  'edit.cut',
  'edit.copy',
  'edit.paste',
  'edit.duplicate',
  'edit.delete',
  'edit.selectAll',
  'view.fitView',
  'view.zoomIn',
  'view.zoomOut',
  'view.autoLayout',
  'view.compareExo',
  'view.toggleTheme',
  'view.toggleLanguage',
  'view.present',
  'simulation.run',
  'simulation.checkAll',
  'simulation.analyze',
  'simulation.play',
  'simulation.pause',
  'simulation.stepForward',
  'simulation.stepBack',
  'simulation.reset',
  'help.about',
  'help.documentation',
] as const;
export type MenuActionId = (typeof MENU_ACTION_IDS)[number];
export const menuActionIdSchema = z.enum(MENU_ACTION_IDS);

export { IPC_CHANNELS } from './channels';

/**
 * The native menu as the renderer describes it (VS Code's menubar: the renderer owns the commands,
 * main only draws them): labels already in the UI language, accelerators in Electron's syntax,
 * enabled/checked state. Main adds what only the OS has (the macOS app menu, Open Recent's files,
 * access keys) and dispatches clicks back as `menuAction`. Only ids of MENU_ACTION_IDS may appear,
 * so the renderer cannot make main send anything else.
 */
const menuLabel = z.string().min(1).max(200);
/** Electron accelerator: modifiers and one key, e.g. `CmdOrCtrl+Shift+S`, `Alt+N`, `Space`, `F1`. */
export const acceleratorSchema = z
  .string()
  .max(40)
  .regex(/^(?:(?:CmdOrCtrl|Shift|Alt)\+)*(?:[A-Z0-9]|F\d{1,2}|Space|Delete|Backspace|Escape|Enter|Home|End|PageUp|PageDown|Left|Right|Up|Down|Plus|[=.,\-/])$/);
export const NATIVE_MENU_ROLES = ['quit', 'close', 'togglefullscreen', 'reload', 'toggleDevTools'] as const;
export const menuModelItemSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('action'),
    id: menuActionIdSchema,
    label: menuLabel,
    accelerator: acceleratorSchema.nullable(),
    enabled: z.boolean(),
    /** null: not a checkbox item. */
    checked: z.boolean().nullable(),
  }),
  z.strictObject({ type: z.literal('separator') }),
  /** Open Recent: main fills in the files it remembers. */
  z.strictObject({ type: z.literal('recent'), label: menuLabel, emptyLabel: menuLabel, clearLabel: menuLabel }),
  /** An item the OS implements (quit, full screen, …), with the renderer's label. */
  z.strictObject({ type: z.literal('role'), role: z.enum(NATIVE_MENU_ROLES), label: menuLabel }),
]);
export type MenuModelItem = z.infer<typeof menuModelItemSchema>;
export const MENU_IDS = ['file', 'edit', 'view', 'simulation', 'help'] as const;
export const menuModelSchema = z.strictObject({
  menus: z
    .array(z.strictObject({ id: z.enum(MENU_IDS), label: menuLabel, items: z.array(menuModelItemSchema).max(80) }))
    .max(MENU_IDS.length),
  /** The macOS Window menu's title. */
  windowLabel: menuLabel,
});
export type MenuModel = z.infer<typeof menuModelSchema>;

export const documentStateSchema = z.strictObject({
  title: z.string().max(1000),
  dirty: z.boolean(),
  path: filePath.nullable(),
});
export type DocumentState = z.infer<typeof documentStateSchema>;

export const openPathSchema = filePath;
export const openExternalSchema = z
  .string()
  .max(2048)
  .refine((u) => {
    try {
      return new URL(u).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'expected an https:// URL');

/**
 * `window.mailflow` in the desktop app. Every function is one task; none hands out a general
 * file-system or IPC capability.
 */
export interface MailflowDesktopApi {
  readonly platform: 'electron';
  openDialog(): Promise<OpenResult>;
  /** A path from Open Recent, the command line or a file dropped on the window. */
  openPath(path: string): Promise<OpenResult>;
  /** For a dropped `File`: its path on disk (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string;
  save(request: SaveRequest): Promise<SaveResult>;
  exportFile(request: ExportRequest): Promise<{ ok: true; path: string } | { ok: false; reason: 'cancelled' | 'error'; message?: string }>;
  listRecent(): Promise<RecentFile[]>;
  writeDraft(draft: z.infer<typeof draftSchema>): Promise<void>;
  listDrafts(): Promise<Draft[]>;
  discardDraft(key: string): Promise<void>;
  getSettings(): Promise<AppSettings>;
  setSettings(settings: Partial<AppSettings>): Promise<AppSettings>;
  getSystemInfo(): Promise<SystemInfo>;
  /** Title bar, "unsaved changes" mark and the close prompt follow this. */
  setDocumentState(state: DocumentState): Promise<void>;
  openExternal(url: string): Promise<void>;
  /** Close after the renderer has dealt with unsaved changes. */
  closeWindow(): Promise<void>;
  /** The native menu, rebuilt from the renderer's action registry whenever labels or states change. */
  setMenu(model: MenuModel): Promise<void>;
  onMenuAction(listener: (id: MenuActionId) => void): () => void;
  onOpenRequest(listener: (result: OpenResult) => void): () => void;
  onSystemChanged(listener: (info: SystemInfo) => void): () => void;
}
