/**
 * Sandboxed preload (built as CommonJS: sandboxed preloads cannot load ES modules). Exposes exactly
 * `MailflowDesktopApi` as `window.mailflow`: one function per task, each a fixed channel. The page
 * never gets `ipcRenderer`, and listeners receive the payload only, never the IPC event (whose
 * `sender` would hand out ipcRenderer).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { MailflowDesktopApi, MenuActionId, OpenResult, SystemInfo } from '../../shared/ipc/contract';

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const wrapped = (_event: unknown, payload: T) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

/**
 * A file passed on the command line can arrive before the page has subscribed, so open requests
 * are buffered here from the start and handed to the first listener.
 */
const bufferedOpenRequests: OpenResult[] = [];
const openRequestListeners = new Set<(result: OpenResult) => void>();
ipcRenderer.on(IPC_CHANNELS.openRequest, (_event, result: OpenResult) => {
  if (openRequestListeners.size === 0) bufferedOpenRequests.push(result);
  else for (const listener of openRequestListeners) listener(result);
});

/**
 * Paths of files really dropped on the window (webUtils gives a path only for those). Opening one
 * goes through `openDropped`; any other path through `openPath`, which main limits to the paths it
 * handed out, so the page cannot make main read an arbitrary file.
 */
const droppedPaths = new Set<string>();

const api: MailflowDesktopApi = {
  platform: 'electron',
  openDialog: () => ipcRenderer.invoke(IPC_CHANNELS.openDialog),
  openPath: (path) => ipcRenderer.invoke(droppedPaths.has(path) ? IPC_CHANNELS.openDropped : IPC_CHANNELS.openPath, path),
  pathForFile: (file) => {
    const path = webUtils.getPathForFile(file);
    if (path) droppedPaths.add(path);
    return path;
  },
  save: (request) => ipcRenderer.invoke(IPC_CHANNELS.save, request),
  exportFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.exportFile, request),
  listRecent: () => ipcRenderer.invoke(IPC_CHANNELS.listRecent),
  writeDraft: (draft) => ipcRenderer.invoke(IPC_CHANNELS.writeDraft, draft),
  listDrafts: () => ipcRenderer.invoke(IPC_CHANNELS.listDrafts),
  discardDraft: (key) => ipcRenderer.invoke(IPC_CHANNELS.discardDraft, key),
  getSettings: () => ipcRenderer.invoke(IPC_CHANNELS.getSettings),
  setSettings: (settings) => ipcRenderer.invoke(IPC_CHANNELS.setSettings, settings),
  getSystemInfo: () => ipcRenderer.invoke(IPC_CHANNELS.getSystemInfo),
  setDocumentState: (state) => ipcRenderer.invoke(IPC_CHANNELS.setDocumentState, state),
  openExternal: (url) => ipcRenderer.invoke(IPC_CHANNELS.openExternal, url),
  closeWindow: () => ipcRenderer.invoke(IPC_CHANNELS.closeWindow),
  setMenu: (model) => ipcRenderer.invoke(IPC_CHANNELS.setMenu, model),
  onMenuAction: (listener) => subscribe<MenuActionId>(IPC_CHANNELS.menuAction, listener),
  onOpenRequest: (listener) => {
    openRequestListeners.add(listener);
    for (const result of bufferedOpenRequests.splice(0)) listener(result);
    return () => {
      openRequestListeners.delete(listener);
    };
  },
  onSystemChanged: (listener) => subscribe<SystemInfo>(IPC_CHANNELS.systemChanged, listener),
};

contextBridge.exposeInMainWorld('mailflow', api);
