/** Every IPC handler checks its sender and validates its payload (issue 3 item 5, issue 7 item 2). */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type SaveRequest } from '../../shared/ipc/contract';
import { resolveAppLocation, APP_ENTRY_URL } from '../../electron/main/app-location';
import { CloseGuard } from '../../electron/main/close-guard';
import { DocumentFiles } from '../../electron/main/document-files';
import { DraftStore } from '../../electron/main/drafts';
import { IpcRejectedError, registerRoutes, senderRejection } from '../../electron/main/ipc-guard';
import { createIpcRoutes, type DesktopServices } from '../../electron/main/ipc-routes';
import { RecentFiles, SettingsStore } from '../../electron/main/settings';
import { fakeIpcMain, fakeShell, ipcEvent, tempDir } from './helpers';

const bundled = resolveAppLocation({ isPackaged: true, rendererUrl: undefined });

async function desktop(overrides: Partial<DesktopServices> = {}) {
  const userData = await tempDir();
  const ourContents = { id: 1 };
  const shell = fakeShell();
  const closed = vi.fn();
  const dispatchSave = vi.fn();
  const services: DesktopServices = {
    files: new DocumentFiles(),
    drafts: new DraftStore(path.join(userData, 'drafts')),
    settings: new SettingsStore(userData),
    recent: new RecentFiles(userData),
    dialogs: { chooseFileToOpen: async () => null, chooseSavePath: async () => null },
    systemInfo: () => ({ locale: 'ja-JP', prefersDark: true, platform: 'linux', version: '0.1.0' }),
    shell,
    closeGuard: new CloseGuard({
      askAboutUnsavedChanges: async () => 'cancel',
      dispatchSave,
      closeWindow: closed,
      showDocumentState: () => undefined,
    }),
    ...overrides,
  };
  const ipcMain = fakeIpcMain();
  registerRoutes(ipcMain, createIpcRoutes(services), { trustedContents: () => ourContents, location: bundled });
  const ours = ipcEvent(ourContents, APP_ENTRY_URL);
  return { services, ipcMain, ours, ourContents, shell, closed, dispatchSave, userData };
}

describe('IPC sender check', () => {
  it('registers a guarded handler for every request channel of the contract', async () => {
    const { ipcMain } = await desktop();
    const requestChannels = Object.entries(IPC_CHANNELS)
      .filter(([name]) => !['menuAction', 'openRequest', 'systemChanged'].includes(name))
      .map(([, channel]) => channel);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...requestChannels].sort());
  });

  it('accepts our window top frame showing our page', async () => {
    const { ipcMain, ours } = await desktop();
    await expect(ipcMain.invoke(IPC_CHANNELS.getSettings, ours)).resolves.toEqual({ language: 'system', theme: 'system' });
  });

  it.each([
    ['another webContents', () => ipcEvent({ id: 2 }, APP_ENTRY_URL), /not the Mailflow window/],
    ['a subframe of our window', (our: object) => ipcEvent(our, APP_ENTRY_URL, { subframe: true }), /subframe/],
    ['our window showing a foreign page', (our: object) => ipcEvent(our, 'https://evil.example/'), /not the Mailflow page/],
    ['our window showing a file:// page', (our: object) => ipcEvent(our, 'file:///tmp/index.html'), /not the Mailflow page/],
    ['a frame that is gone', (our: object) => ipcEvent(our, APP_ENTRY_URL, { frameGone: true }), /frame is gone/],
    ['an app:// URL with another host', (our: object) => ipcEvent(our, 'app://evil/index.html'), /not the Mailflow page/],
  ])('rejects %s on every channel', async (_name, makeEvent, reason) => {
    const { ipcMain, ourContents } = await desktop();
    for (const channel of ipcMain.handlers.keys()) {
      await expect(ipcMain.invoke(channel, makeEvent(ourContents)), channel).rejects.toThrow(reason);
    }
  });

  it('in development trusts exactly the dev server origin', () => {
    const dev = resolveAppLocation({ isPackaged: false, rendererUrl: 'http://localhost:5173' });
    const contents = {};
    const policy = { trustedContents: () => contents, location: dev };
    expect(senderRejection(ipcEvent(contents, 'http://localhost:5173/index.html'), policy)).toBeNull();
    expect(senderRejection(ipcEvent(contents, 'http://localhost:5174/'), policy)).not.toBeNull();
    expect(senderRejection(ipcEvent(contents, APP_ENTRY_URL), policy)).not.toBeNull();
    // A packaged app ignores ELECTRON_RENDERER_URL (it cannot be pointed at another page).
    expect(resolveAppLocation({ isPackaged: true, rendererUrl: 'http://localhost:5173' }).kind).toBe('bundled');
    expect(resolveAppLocation({ isPackaged: false, rendererUrl: 'http://evil.example:5173' }).kind).toBe('bundled');
  });
});

describe('IPC payload validation', () => {
  const goodSave: SaveRequest = { path: null, text: '{}', expectedStamp: null, force: false, suggestedName: 'Contoso' };

  it.each([
    ['save with a missing field', IPC_CHANNELS.save, [{ path: null, text: '{}' }], /force/],
    ['save with an unknown field', IPC_CHANNELS.save, [{ ...goodSave, extra: 1 }], /extra/],
    ['save with a forged stamp', IPC_CHANNELS.save, [{ ...goodSave, path: '/a.json', expectedStamp: { mtimeMs: 1, size: 1, sha256: 'x' } }], /sha256/],
    ['openPath with a number', IPC_CHANNELS.openPath, [42], /string/],
    ['openPath with an empty path', IPC_CHANNELS.openPath, [''], /too small|>=1/i],
    ['openExternal with javascript:', IPC_CHANNELS.openExternal, ['javascript:alert(1)'], /https/],
    ['openExternal with http:', IPC_CHANNELS.openExternal, ['http://example.com'], /https/],
    ['setSettings with an unknown theme', IPC_CHANNELS.setSettings, [{ theme: 'neon' }], /theme/],
    ['setSettings with an unknown key', IPC_CHANNELS.setSettings, [{ telemetry: true }], /telemetry/],
    ['setDocumentState without dirty', IPC_CHANNELS.setDocumentState, [{ title: 'x', path: null }], /dirty/],
    ['exportFile with an unknown format', IPC_CHANNELS.exportFile, [{ suggestedName: 'a', format: 'exe', data: '', encoding: 'utf8' }], /format/],
    ['writeDraft with a non-string text', IPC_CHANNELS.writeDraft, [{ key: 'k', title: 't', text: {} }], /text/],
    ['a no-argument request with an argument', IPC_CHANNELS.listRecent, ['surprise'], /invalid request/],
    ['two arguments where one is expected', IPC_CHANNELS.discardDraft, ['a', 'b'], /invalid request/],
  ])('rejects %s with an error naming the problem', async (_name, channel, args, detail) => {
    const { ipcMain, ours } = await desktop();
    const attempt = ipcMain.invoke(channel, ours, ...args);
    await expect(attempt).rejects.toBeInstanceOf(IpcRejectedError);
    await expect(ipcMain.invoke(channel, ours, ...args)).rejects.toThrow(new RegExp(`^${channel}: invalid request`));
    await expect(ipcMain.invoke(channel, ours, ...args)).rejects.toThrow(detail);
  });

  it('accepts a good payload and acts on it', async () => {
    const { ipcMain, ours, shell } = await desktop();
    await expect(ipcMain.invoke(IPC_CHANNELS.setSettings, ours, { theme: 'dark' })).resolves.toEqual({ language: 'system', theme: 'dark' });
    await ipcMain.invoke(IPC_CHANNELS.openExternal, ours, 'https://learn.microsoft.com/exchange/mail-flow-best-practices/');
    expect(shell.opened).toEqual(['https://learn.microsoft.com/exchange/mail-flow-best-practices/']);
    await expect(ipcMain.invoke(IPC_CHANNELS.getSystemInfo, ours)).resolves.toMatchObject({ locale: 'ja-JP', prefersDark: true });
  });

  it('has no print-to-PDF channel: the PDF is written by the renderer with the shared writer (shared/diagram/pdf.ts)', async () => {
    const { ipcMain } = await desktop();
    expect([...ipcMain.handlers.keys()].some((channel) => /print/i.test(channel))).toBe(false);
  });

  it('a good save request writes through the Save As dialog and the file lands in the recent list', async () => {
    const dir = await tempDir();
    const chosen = path.join(dir, 'Contoso.mailflow.json');
    const chooseSavePath = vi.fn(async () => chosen);
    const { ipcMain, ours } = await desktop({ dialogs: { chooseFileToOpen: async () => null, chooseSavePath } });
    const result = await ipcMain.invoke(IPC_CHANNELS.save, ours, { ...goodSave, text: '{"a":1}' });
    expect(result).toMatchObject({ ok: true, path: chosen, backupPath: null });
    expect(chooseSavePath).toHaveBeenCalledWith('Contoso.mailflow.json', expect.any(Array));
    expect(await readFile(chosen, 'utf8')).toBe('{"a":1}');
    await expect(ipcMain.invoke(IPC_CHANNELS.listRecent, ours)).resolves.toMatchObject([{ path: chosen, name: 'Contoso.mailflow.json' }]);
  });

  it('openPath reads a document and then allows saving back to it; an unopened path cannot be written', async () => {
    const dir = await tempDir();
    const filePath = path.join(dir, 'a.mailflow.json');
    await writeFile(filePath, '{"format":"mailflow-topology","v":1}');
    const { ipcMain, ours, services } = await desktop();
    // openPath reads only paths main handed out: here, one from the recent list.
    await services.recent.add(filePath);
    const other = path.join(dir, 'other.mailflow.json');
    await expect(ipcMain.invoke(IPC_CHANNELS.save, ours, { ...goodSave, path: other, force: true })).resolves.toMatchObject({ ok: false, reason: 'error' });
    const opened = (await ipcMain.invoke(IPC_CHANNELS.openPath, ours, filePath)) as { ok: true; file: { stamp: unknown } };
    expect(opened.ok).toBe(true);
    const saved = await ipcMain.invoke(IPC_CHANNELS.save, ours, { ...goodSave, path: filePath, text: '{"v":2}', expectedStamp: opened.file.stamp });
    expect(saved).toMatchObject({ ok: true });
    expect(await readFile(filePath, 'utf8')).toBe('{"v":2}');
  });
});

describe('export and the Open dialog over IPC', () => {
  it('exports decoded bytes to the path chosen in the dialog, and reports a cancelled dialog', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'diagram.png');
    let chosen: string | null = target;
    const { ipcMain, ours } = await desktop({ dialogs: { chooseFileToOpen: async () => null, chooseSavePath: async () => chosen } });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const request = { suggestedName: 'diagram.png', format: 'png', data: png.toString('base64'), encoding: 'base64' };
    await expect(ipcMain.invoke(IPC_CHANNELS.exportFile, ours, request)).resolves.toEqual({ ok: true, path: target });
    expect((await readFile(target)).equals(png)).toBe(true);
    chosen = null;
    await expect(ipcMain.invoke(IPC_CHANNELS.exportFile, ours, request)).resolves.toEqual({ ok: false, reason: 'cancelled' });
  });

  it('opens what the user picked in the Open dialog, even without a .json name (saving back still needs a .json name)', async () => {
    const dir = await tempDir();
    const picked = path.join(dir, 'exported-by-hand.txt');
    await writeFile(picked, '{"a":1}');
    const { ipcMain, ours, services } = await desktop({ dialogs: { chooseFileToOpen: async () => picked, chooseSavePath: async () => null } });
    await expect(ipcMain.invoke(IPC_CHANNELS.openDialog, ours)).resolves.toMatchObject({ ok: true, file: { path: picked, text: '{"a":1}' } });
    expect(services.files.isWritable(picked)).toBe(true);
    const save = { path: picked, text: '{}', expectedStamp: null, force: true, suggestedName: 'x' };
    await expect(ipcMain.invoke(IPC_CHANNELS.save, ours, save)).resolves.toMatchObject({ ok: false, reason: 'error' });
    expect(await readFile(picked, 'utf8')).toBe('{"a":1}');
  });
});

describe('drafts over IPC', () => {
  it('writes, lists (newest first) and discards drafts in userData/drafts', async () => {
    const { ipcMain, ours, userData } = await desktop();
    await ipcMain.invoke(IPC_CHANNELS.writeDraft, ours, { key: 'untitled-1', title: 'Untitled 1', text: '{"a":1}' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ipcMain.invoke(IPC_CHANNELS.writeDraft, ours, { key: '/home/u/contoso.mailflow.json', title: 'Contoso', text: '{"b":2}' });
    const drafts = (await ipcMain.invoke(IPC_CHANNELS.listDrafts, ours)) as Array<{ key: string; text: string; savedAt: number }>;
    expect(drafts.map((draft) => draft.key)).toEqual(['/home/u/contoso.mailflow.json', 'untitled-1']);
    expect(drafts[1]).toEqual({ key: 'untitled-1', title: 'Untitled 1', text: '{"a":1}', savedAt: expect.any(Number) });
    await ipcMain.invoke(IPC_CHANNELS.discardDraft, ours, 'untitled-1');
    expect(((await ipcMain.invoke(IPC_CHANNELS.listDrafts, ours)) as unknown[]).length).toBe(1);
    const onDisk = await import('node:fs/promises').then((fs) => fs.readdir(path.join(userData, 'drafts')));
    expect(onDisk).toHaveLength(1);
  });

  it('a restored draft of an opened document may be saved back to its path; a forged draft key may not', async () => {
    const dir = await tempDir();
    const opened = path.join(dir, 'opened.mailflow.json');
    const forged = path.join(dir, 'forged.mailflow.json');
    await writeFile(opened, '{"format":"mailflow-topology"}');
    const first = await desktop();
    await first.services.recent.add(opened);
    await first.ipcMain.invoke(IPC_CHANNELS.openPath, first.ours, opened);
    await first.ipcMain.invoke(IPC_CHANNELS.writeDraft, first.ours, { key: opened, title: 'o', text: '{"x":1}' });
    await first.ipcMain.invoke(IPC_CHANNELS.writeDraft, first.ours, { key: forged, title: 'f', text: '{"y":1}' });

    // "Restart": new services over the same data folder.
    const { userData } = first;
    const restarted = await desktop({ drafts: new DraftStore(path.join(userData, 'drafts')) });
    await restarted.ipcMain.invoke(IPC_CHANNELS.listDrafts, restarted.ours);
    expect(restarted.services.files.isWritable(opened)).toBe(true);
    expect(restarted.services.files.isWritable(forged)).toBe(false);
  });
});
