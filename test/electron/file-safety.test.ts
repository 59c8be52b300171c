/**
 * Main-process file handling against a compromised renderer and a hostile file system (issue 11,
 * items 8, 10, 11 and 14): which paths openPath reads, what makes a file writable, FIFOs, the
 * backup's mode, Windows device names, the save dialog's suggested name, a busy target on Windows,
 * and leftover temporary files. Electron is never loaded: its API is injected as fakes.
 */
import { execFileSync } from 'node:child_process';
import { chmod, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc/contract';
import { APP_ENTRY_URL, resolveAppLocation } from '../../electron/main/app-location';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import { atomicWriteFile } from '../../electron/main/atomic-write';
import { CloseGuard } from '../../electron/main/close-guard';
import { DocumentFiles } from '../../electron/main/document-files';
import { DraftStore } from '../../electron/main/drafts';
import { isReservedDeviceName, LEFTOVER_AGE_MS, plainFileName, RENAME_RETRY_DELAYS_MS } from '../../electron/main/file-safety';
import { registerRoutes } from '../../electron/main/ipc-guard';
import { createIpcRoutes, type DesktopServices } from '../../electron/main/ipc-routes';
import { onRendererGone } from '../../electron/main/renderer-crash';
import { RecentFiles, SettingsStore } from '../../electron/main/settings';
import { faultyFs, fakeIpcMain, fakeShell, ipcEvent, tempDir } from './helpers';

const bundled = resolveAppLocation({ isPackaged: true, rendererUrl: undefined });
const DOC = '{"format":"mailflow-topology","version":1}';

async function desktop(overrides: Partial<DesktopServices> = {}) {
  const userData = await tempDir();
  const ourContents = { id: 1 };
  const services: DesktopServices = {
    files: new DocumentFiles(),
    drafts: new DraftStore(path.join(userData, 'drafts')),
    settings: new SettingsStore(userData),
    recent: new RecentFiles(userData),
    dialogs: { chooseFileToOpen: async () => null, chooseSavePath: async () => null },
    systemInfo: () => ({ locale: 'en-GB', prefersDark: false, platform: 'linux', version: '0.1.0' }),
    shell: fakeShell(),
    closeGuard: new CloseGuard({ askAboutUnsavedChanges: async () => 'cancel', dispatchSave: vi.fn(), closeWindow: vi.fn(), showDocumentState: () => undefined }),
    ...overrides,
  };
  const ipcMain = fakeIpcMain();
  registerRoutes(ipcMain, createIpcRoutes(services), { trustedContents: () => ourContents, location: bundled });
  const ours = ipcEvent(ourContents, APP_ENTRY_URL);
  return { services, ours, invoke: (channel: string, ...args: unknown[]) => ipcMain.invoke(channel, ours, ...args) };
}

describe('openPath reads only paths main handed out (item 10)', () => {
  it('refuses a path nobody chose, and reads one from the recent list or a real drop', async () => {
    const dir = await tempDir();
    const secret = path.join(dir, 'secrets.json');
    await writeFile(secret, '{"token":"x"}');
    const { services, invoke } = await desktop();
    await expect(invoke(IPC_CHANNELS.openPath, secret)).resolves.toMatchObject({ ok: false, reason: 'error', message: expect.stringMatching(/^Refusing to open/) });
    // The preload sends a dropped file's path on openDropped; after that openPath may read it again.
    await expect(invoke(IPC_CHANNELS.openDropped, secret)).resolves.toMatchObject({ ok: true });
    await expect(invoke(IPC_CHANNELS.openPath, secret)).resolves.toMatchObject({ ok: true });
    const other = path.join(dir, 'recent.mailflow.json');
    await writeFile(other, DOC);
    await services.recent.add(other);
    await expect(invoke(IPC_CHANNELS.openPath, other)).resolves.toMatchObject({ ok: true });
  });

  it('a file becomes writable only when "format" is at its JSON root', async () => {
    const dir = await tempDir();
    const settings = path.join(dir, 'settings.json');
    const document = path.join(dir, 'real.mailflow.json');
    await writeFile(settings, '{"editor":{"embedded":{"format":"mailflow-topology"}},"theme":"dark"}');
    await writeFile(document, '{\n  "title": "x, \\"format\\": no",\n  "format" : "mailflow-topology"\n}');
    const files = new DocumentFiles();
    expect((await files.read(settings)).ok).toBe(true);
    expect(files.isWritable(settings)).toBe(false);
    expect((await files.read(document)).ok).toBe(true);
    expect(files.isWritable(document)).toBe(true);
  });
});

describe('special files (item 11)', () => {
  it.skipIf(process.platform === 'win32')('a FIFO named *.json is refused before it is opened', { timeout: 5_000 }, async () => {
    const fifo = path.join(await tempDir(), 'pipe.mailflow.json');
    execFileSync('mkfifo', [fifo]);
    await expect(new DocumentFiles().read(fifo)).resolves.toEqual({ ok: false, reason: 'error', message: `Not a file: ${fifo}` });
  });
});

describe('the backup keeps the document private (item 8)', () => {
  it.skipIf(process.platform === 'win32')('a 0600 document gets a 0600 .bak, even over an older 0644 one', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'private.mailflow.json');
    await writeFile(target, DOC);
    await chmod(target, 0o600);
    await writeFile(`${target}.bak`, 'old');
    await chmod(`${target}.bak`, 0o644);
    const files = new DocumentFiles();
    const opened = await files.read(target);
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const saved = await files.saveTo({ path: target, text: DOC + '\n', expectedStamp: opened.file.stamp, force: false });
    expect(saved).toMatchObject({ ok: true, backupPath: `${target}.bak` });
    expect((await stat(`${target}.bak`)).mode & 0o777).toBe(0o600);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe('Windows device names and the suggested name (item 14)', () => {
  it('knows the reserved names, with or without an extension', () => {
    for (const name of ['con', 'NUL', 'nul.json', 'com1', 'LPT9.txt', 'aux.', 'prn ', 'com¹', 'CONOUT$']) expect(isReservedDeviceName(name), name).toBe(true);
    for (const name of ['console', 'nullable.json', 'com10', 'contoso.mailflow.json', 'lpt']) expect(isReservedDeviceName(name), name).toBe(false);
  });

  it('app:// refuses device names anywhere in the path', async () => {
    const root = path.join(await tempDir(), 'renderer');
    const handler = createAppProtocolHandler({ root, readFile: async () => new Uint8Array([1]), contentSecurityPolicy: "default-src 'none'" });
    for (const url of ['app://mailflow/nul', 'app://mailflow/assets/con.js', 'app://mailflow/COM1/x.js', 'app://mailflow/aux.%20']) {
      expect((await handler(new Request(url))).status, url).toBe(403);
    }
    expect((await handler(new Request('app://mailflow/assets/main.js'))).status).toBe(200);
  });

  it('saving to or reading a device name is refused', async () => {
    const dir = await tempDir();
    const files = new DocumentFiles();
    files.allowWrite(path.join(dir, 'nul.json'));
    await expect(files.saveTo({ path: path.join(dir, 'nul.json'), text: '{}', expectedStamp: null, force: true })).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/device name/) });
    await expect(files.read(path.join(dir, 'con.mailflow.json'))).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/device name/) });
  });

  it('the renderer cannot steer the save dialog into another folder', async () => {
    expect(plainFileName('../../../etc/evil')).toBe('evil');
    expect(plainFileName('C:\\Windows\\System32\\x.json')).toBe('x.json');
    expect(plainFileName('..')).toBe('Untitled');
    expect(plainFileName('nul')).toBe('_nul');
    const chooseSavePath = vi.fn(async (_name: string) => null);
    const { invoke } = await desktop({ dialogs: { chooseFileToOpen: async () => null, chooseSavePath } });
    await invoke(IPC_CHANNELS.save, { path: null, text: '{}', expectedStamp: null, force: false, suggestedName: '../../.ssh/authorized_keys' });
    await invoke(IPC_CHANNELS.exportFile, { suggestedName: '/etc/cron.d/x.svg', format: 'svg', data: '<svg/>', encoding: 'utf8' });
    expect(chooseSavePath.mock.calls.map((c) => c[0])).toEqual(['authorized_keys.mailflow.json', 'x.svg']);
  });
});

describe('saving on Windows while another program holds the file (item 14)', () => {
  const busy = () => Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });

  it('retries the rename with a bounded backoff, then succeeds', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'doc.mailflow.json');
    let failures = 2;
    const real = faultyFs({});
    const fs = faultyFs({ rename: async (a, b) => (failures-- > 0 ? Promise.reject(busy()) : real.rename(a, b)) });
    const waits: number[] = [];
    await atomicWriteFile(target, 'new', { fs, platform: 'win32', sleep: async (ms) => void waits.push(ms) });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(waits).toEqual(RENAME_RETRY_DELAYS_MS.slice(0, 2));
  });

  it('gives up after the last retry, leaves no temporary file, and never retries elsewhere', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'doc.mailflow.json');
    const fs = faultyFs({ rename: async () => Promise.reject(busy()) });
    const waits: number[] = [];
    await expect(atomicWriteFile(target, 'x', { fs, platform: 'win32', sleep: async (ms) => void waits.push(ms) })).rejects.toThrow(/EBUSY/);
    expect(waits).toEqual(RENAME_RETRY_DELAYS_MS);
    await expect(atomicWriteFile(target, 'x', { fs, platform: 'linux', sleep: async (ms) => void waits.push(ms) })).rejects.toThrow(/EBUSY/);
    expect(waits).toHaveLength(RENAME_RETRY_DELAYS_MS.length);
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes temporary files an earlier crashed save left behind, but not a fresh one', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'doc.mailflow.json');
    const old = path.join(dir, '.doc.mailflow.json.0123456789ab.tmp');
    const fresh = path.join(dir, '.doc.mailflow.json.ba9876543210.tmp');
    const unrelated = path.join(dir, '.other.json.0123456789ab.tmp');
    for (const f of [old, fresh, unrelated]) await writeFile(f, 'partial');
    const past = (Date.now() - LEFTOVER_AGE_MS - 5_000) / 1000;
    await utimes(old, past, past);
    await utimes(unrelated, past, past);
    await atomicWriteFile(target, DOC);
    expect((await readdir(dir)).sort()).toEqual(['.doc.mailflow.json.ba9876543210.tmp', '.other.json.0123456789ab.tmp', 'doc.mailflow.json']);
  });
});

describe('a crashed renderer (item 6)', () => {
  it('offers Reload (which loads the page again) or Close, in the UI language; a clean exit asks nothing', async () => {
    const reload = vi.fn();
    const close = vi.fn();
    const boxes: Array<{ message: string; buttons: string[] }> = [];
    let answer = 0;
    const handler = onRendererGone({ language: async () => 'ja', ask: async (box) => (boxes.push(box), answer), reload, close, log: () => undefined });
    await handler({}, { reason: 'clean-exit', exitCode: 0 });
    expect(boxes).toHaveLength(0);
    await handler({}, { reason: 'oom', exitCode: 9 });
    expect(boxes[0]).toMatchObject({ message: 'ウィンドウが応答しなくなりました。', buttons: ['再読み込み', '閉じる'] });
    expect(reload).toHaveBeenCalledTimes(1);
    answer = 1;
    await handler({}, { reason: 'crashed', exitCode: 1 });
    expect(close).toHaveBeenCalledTimes(1);
  });
});
