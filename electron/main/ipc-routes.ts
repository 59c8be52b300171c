/**
 * The handlers behind `window.mailflow`: one route per channel of shared/ipc/contract.ts, each with
 * the zod schema of its arguments. Registered through ipc-guard.ts, so a handler only ever runs for
 * our own page with a well-formed payload. Everything the handlers touch is injected.
 */
import { z } from 'zod';
import {
  IPC_CHANNELS,
  documentStateSchema,
  draftSchema,
  exportRequestSchema,
  menuModelSchema,
  openExternalSchema,
  openPathSchema,
  partialAppSettingsSchema,
  saveRequestSchema,
  type AppSettings,
  type Draft,
  type ExportRequest,
  type MenuModel,
  type OpenResult,
  type RecentFile,
  type SaveRequest,
  type SaveResult,
  type SystemInfo,
} from '../../shared/ipc/contract';
import { atomicWriteFile, errorMessage, type Fs } from './atomic-write';
import type { CloseGuard } from './close-guard';
import type { DocumentFiles } from './document-files';
import { isDocumentPath } from './document-files';
import type { DraftStore } from './drafts';
import { hasReservedSegment, IssuedPaths, plainFileName } from './file-safety';
import { openExternalSafely, type ShellLike } from './hardening';
import { route, type IpcRoute } from './ipc-guard';
import type { RecentFiles, SettingsStore } from './settings';

export const DOCUMENT_EXTENSION = '.mailflow.json';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const DOCUMENT_FILTERS: FileFilter[] = [
  // Multi-dot extensions are not reliable in OS dialogs; ".json" covers ".mailflow.json".
  { name: 'Mailflow topology', extensions: ['json'] },
];

/** Open also offers pictures exported by the app, which carry the design. */
export const OPEN_FILTERS: FileFilter[] = [...DOCUMENT_FILTERS, { name: 'Exported diagram (PNG, SVG)', extensions: ['png', 'svg'] }];

const EXPORT_FILTERS: Record<ExportRequest['format'], FileFilter> = {
  svg: { name: 'SVG image', extensions: ['svg'] },
  png: { name: 'PNG image', extensions: ['png'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  json: { name: 'JSON', extensions: ['json'] },
  ps1: { name: 'PowerShell script', extensions: ['ps1'] },
};

export interface DesktopServices {
  files: DocumentFiles;
  drafts: DraftStore;
  settings: SettingsStore;
  recent: RecentFiles;
  fs?: Fs;
  dialogs: {
    chooseFileToOpen(filters: FileFilter[]): Promise<string | null>;
    chooseSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  };
  systemInfo(): SystemInfo;
  shell: ShellLike;
  closeGuard: CloseGuard;
  onRecentChanged?(files: RecentFile[]): void;
  onSettingsChanged?(settings: AppSettings): void;
  /** The renderer's menu model (validated): main rebuilds the native menu from it. */
  onMenuModel?(model: MenuModel): void;
  /** Paths main handed out; created from the recent list when not given. */
  issued?: IssuedPaths;
}

/** The services' IssuedPaths (one per services object). */
export function issuedPaths(services: DesktopServices): IssuedPaths {
  return (services.issued ??= new IssuedPaths(() => services.recent.list()));
}

/** Opens a document (after a dialog, from the recent list, the command line or a drop) and records it. */
export async function openDocument(services: DesktopServices, filePath: string, chosenInDialog: boolean): Promise<OpenResult> {
  const result = await services.files.read(filePath, !chosenInDialog);
  if (result.ok) {
    issuedPaths(services).issue(result.file.path);
    // Not inlined into `onRecentChanged?.(…)`: optional chaining would skip the add when no listener is set.
    const recent = await services.recent.add(result.file.path);
    services.onRecentChanged?.(recent);
  }
  return result;
}

function withDocumentExtension(name: string): string {
  // Only a name: the renderer must not steer the dialog into another folder (`../`).
  const base = plainFileName(name);
  return base.toLowerCase().endsWith('.json') ? base : base + DOCUMENT_EXTENSION;
}

export async function saveDocument(services: DesktopServices, request: SaveRequest): Promise<SaveResult> {
  let result: SaveResult;
  if (request.path === null) {
    const chosen = await services.dialogs.chooseSavePath(withDocumentExtension(request.suggestedName), DOCUMENT_FILTERS);
    if (chosen === null) {
      result = { ok: false, reason: 'cancelled' };
    } else {
      const target = isDocumentPath(chosen) ? chosen : chosen + DOCUMENT_EXTENSION;
      services.files.allowWrite(target);
      // The dialog already asked before replacing `chosen`; a path we extended was not asked about.
      result = await services.files.saveTo({ path: target, text: request.text, expectedStamp: null, force: target === chosen });
    }
  } else {
    result = await services.files.saveTo({ path: request.path, text: request.text, expectedStamp: request.expectedStamp, force: request.force });
  }
  if (result.ok) {
    const recent = await services.recent.add(result.path);
    services.onRecentChanged?.(recent);
  }
  services.closeGuard.onSaveFinished(result);
  return result;
}

export async function exportFile(
  services: DesktopServices,
  request: ExportRequest,
): Promise<{ ok: true; path: string } | { ok: false; reason: 'cancelled' | 'error'; message?: string }> {
  const chosen = await services.dialogs.chooseSavePath(plainFileName(request.suggestedName, `diagram.${request.format}`), [EXPORT_FILTERS[request.format]]);
  if (chosen === null) return { ok: false, reason: 'cancelled' };
  if (hasReservedSegment(chosen)) return { ok: false, reason: 'error', message: `Refusing to write ${chosen}: a device name, not a file name.` };
  try {
    const bytes = request.encoding === 'base64' ? Buffer.from(request.data, 'base64') : Buffer.from(request.data, 'utf8');
    await atomicWriteFile(chosen, bytes, { fs: services.fs });
    return { ok: true, path: chosen };
  } catch (error) {
    return { ok: false, reason: 'error', message: errorMessage(error) };
  }
}

const noArgs = z.tuple([]);

export function createIpcRoutes(services: DesktopServices): IpcRoute[] {
  return [
    route(IPC_CHANNELS.openDialog, noArgs, async () => {
      const chosen = await services.dialogs.chooseFileToOpen(OPEN_FILTERS);
      return chosen === null ? ({ ok: false, reason: 'cancelled' } satisfies OpenResult) : openDocument(services, chosen, true);
    }),
    // Only paths main handed out (recent list, earlier opens and saves, drops): a compromised page
    // cannot read an arbitrary file through this channel.
    route(IPC_CHANNELS.openPath, z.tuple([openPathSchema]), async (filePath): Promise<OpenResult> => {
      if (!(await issuedPaths(services).allows(filePath))) {
        return { ok: false, reason: 'error', message: `Refusing to open ${filePath}: it was not chosen, dropped or opened by the user.` };
      }
      return openDocument(services, filePath, false);
    }),
    // A file dropped on the window: the preload sends the path Electron gives for the dropped File
    // (webUtils.getPathForFile), which the page itself cannot forge.
    route(IPC_CHANNELS.openDropped, z.tuple([openPathSchema]), (filePath) => {
      issuedPaths(services).issue(filePath);
      return openDocument(services, filePath, false);
    }),
    route(IPC_CHANNELS.save, z.tuple([saveRequestSchema]), (request) => saveDocument(services, request)),
    route(IPC_CHANNELS.exportFile, z.tuple([exportRequestSchema]), (request) => exportFile(services, request)),
    route(IPC_CHANNELS.listRecent, noArgs, () => services.recent.list()),
    route(IPC_CHANNELS.writeDraft, z.tuple([draftSchema]), async (draft) => {
      await services.drafts.write(draft, services.files.isWritable(draft.key));
    }),
    route(IPC_CHANNELS.listDrafts, noArgs, async (): Promise<Draft[]> => {
      const stored = await services.drafts.list();
      for (const draft of stored) if (draft.pathApproved && isDocumentPath(draft.key)) services.files.allowWrite(draft.key);
      return stored.map(({ key, title, text, savedAt }) => ({ key, title, text, savedAt }));
    }),
    route(IPC_CHANNELS.discardDraft, z.tuple([draftSchema.shape.key]), async (key) => {
      await services.drafts.discard(key);
    }),
    route(IPC_CHANNELS.getSettings, noArgs, () => services.settings.get()),
    route(IPC_CHANNELS.setSettings, z.tuple([partialAppSettingsSchema.strict()]), async (change) => {
      const settings = await services.settings.update(change);
      services.onSettingsChanged?.(settings);
      return settings;
    }),
    route(IPC_CHANNELS.getSystemInfo, noArgs, () => services.systemInfo()),
    route(IPC_CHANNELS.setDocumentState, z.tuple([documentStateSchema]), (state) => {
      services.closeGuard.setDocumentState(state);
    }),
    route(IPC_CHANNELS.openExternal, z.tuple([openExternalSchema]), async (url) => {
      if (!(await openExternalSafely(services.shell, url))) throw new Error(`Refused to open ${url}`);
    }),
    route(IPC_CHANNELS.closeWindow, noArgs, () => {
      services.closeGuard.closeRequestedByRenderer();
    }),
    route(IPC_CHANNELS.setMenu, z.tuple([menuModelSchema]), (model) => {
      services.onMenuModel?.(model);
    }),
  ];
}
