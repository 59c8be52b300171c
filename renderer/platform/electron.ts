/**
 * The desktop platform: a thin adapter over `window.mailflow` (shared/ipc/contract.ts). Main does
 * all file access (atomic save, backup, conflict detection, drafts in the app's data folder); this
 * side only maps results into the renderer's Platform shape.
 */
import type { MailflowDesktopApi, OpenResult } from '../../shared/ipc/contract';
import type { Platform, PlatformOpenResult } from './types';

/** Bytes → base64 without Buffer (the renderer is sandboxed), in chunks to keep the call stack small. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromOpenResult(result: OpenResult): PlatformOpenResult {
  if (!result.ok) return result;
  const f = result.file;
  return { ok: true, file: { name: f.name, path: f.path, text: f.text, stamp: f.stamp, handle: null } };
}

export function createElectronPlatform(api: MailflowDesktopApi): Platform {
  return {
    kind: 'electron',
    hasFilePicker: true,
    async open() {
      return fromOpenResult(await api.openDialog());
    },
    async openRecent(entry) {
      return fromOpenResult(await api.openPath(entry.path ?? entry.id));
    },
    async openDropped(file) {
      const path = api.pathForFile(file);
      if (path) return fromOpenResult(await api.openPath(path));
      // Not a file on disk (dragged from another app): read it, it has no path to save back to.
      const text = await file.text();
      return { ok: true, file: { name: file.name, path: null, text, stamp: null, handle: null } };
    },
    async listRecent() {
      const recent = await api.listRecent();
      return recent.map((r) => ({ id: r.path, name: r.name, path: r.path, openedAt: r.openedAt }));
    },
    async rememberRecent() {
      // Main records recent files when it opens or saves one.
    },
    async save(request) {
      const result = await api.save({
        path: request.saveAs ? null : request.path,
        text: request.text,
        expectedStamp: request.saveAs ? null : request.stamp,
        force: request.force,
        suggestedName: request.suggestedName,
      });
      if (result.ok) {
        const name = result.path.split(/[\\/]/).pop() ?? result.path;
        return { ok: true, name, path: result.path, stamp: result.stamp, handle: null, backupPath: result.backupPath };
      }
      if (result.reason === 'conflict') return { ok: false, reason: 'conflict', message: result.path };
      if (result.reason === 'cancelled') return { ok: false, reason: 'cancelled' };
      return { ok: false, reason: 'error', message: result.message };
    },
    async saveExport(name, format, data) {
      const result = await api.exportFile(
        typeof data === 'string'
          ? { suggestedName: name, format, data, encoding: 'utf8' }
          : { suggestedName: name, format, data: toBase64(data), encoding: 'base64' },
      );
      if (result.ok) return { ok: true, name: result.path.split(/[\\/]/).pop() ?? result.path };
      if (result.reason === 'cancelled') return { ok: false, reason: 'cancelled' };
      return { ok: false, reason: 'error', message: result.message ?? '' };
    },
    writeDraft: (draft) => api.writeDraft(draft),
    listDrafts: () => api.listDrafts(),
    discardDraft: (key) => api.discardDraft(key),
    getSettings: () => api.getSettings(),
    async setSettings(settings) {
      await api.setSettings(settings);
    },
    async getSystemInfo() {
      const info = await api.getSystemInfo();
      return { locale: info.locale, prefersDark: info.prefersDark };
    },
    setDocumentState(state) {
      document.title = `${state.dirty ? '• ' : ''}${state.title} — Mailflow Studio`;
      void api.setDocumentState(state);
    },
    openExternal(url) {
      void api.openExternal(url);
    },
    setMenu(model) {
      // A refused model (main validates it) leaves the previous menu; say why in the console.
      api.setMenu(model).catch((error: unknown) => console.warn('[mailflow] native menu not updated:', error));
    },
    onMenuAction: (listener) => api.onMenuAction(listener),
    onOpenRequest: (listener) => api.onOpenRequest((result) => listener(fromOpenResult(result))),
    onSystemChanged: (listener) => api.onSystemChanged((info) => listener({ locale: info.locale, prefersDark: info.prefersDark })),
  };
}
