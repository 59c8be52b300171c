/**
 * The main entry (electron/main/index.ts) run against a fake Electron (vi.mock): checks that the
 * hardened modules are actually wired in — window options, CSP, protocol, permissions, guarded IPC,
 * navigation guards (once per webContents), the menu, the close prompt and files from a second instance.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc/contract';
import { buildMenuModel } from '../../renderer/actions/menuModel';
import { getActionContext } from '../../renderer/actions/registry';
import { actionMap, translatorFor } from '../renderer/allActions';

const fake = vi.hoisted(() => {
  type Listener = (...args: never[]) => unknown;
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
    }
    count(event: string) {
      return this.listeners.get(event)?.length ?? 0;
    }
  }
  const state = {
    Emitter,
    userData: '',
    windows: [] as Array<{ options: Record<string, unknown>; webContents: InstanceType<typeof Emitter> & Record<string, unknown>; title: string; closed: number; loadedUrl: string } & InstanceType<typeof Emitter>>,
    app: new Emitter() as InstanceType<typeof Emitter> & Record<string, unknown>,
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, unknown>(),
    permissionRequest: null as null | ((c: unknown, p: string, cb: (granted: boolean) => void, d: unknown) => void),
    headersListener: null as null | ((details: unknown, callback: (r: { responseHeaders?: Record<string, unknown> }) => void) => void),
    menuTemplate: [] as Array<Record<string, unknown>>,
    messageBoxResponse: 2,
    messageBoxes: [] as unknown[],
    sent: [] as Array<{ channel: string; payload: unknown }>,
    opened: [] as string[],
    switches: [] as string[],
  };
  return state;
});

vi.mock('electron', () => {
  const { Emitter } = fake;
  const app = fake.app;
  Object.assign(app, {
    isPackaged: true,
    requestSingleInstanceLock: () => true,
    getPath: (name: string) => (name === 'userData' ? fake.userData : path.join(fake.userData, name)),
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    getPreferredSystemLanguages: () => ['en-GB'],
    getLocale: () => 'en-GB',
    getVersion: () => '0.1.0',
    setAppUserModelId: () => undefined,
    addRecentDocument: () => undefined,
    clearRecentDocuments: () => undefined,
    quit: () => undefined,
    commandLine: { appendSwitch: (name: string) => void fake.switches.push(name) },
  });
  class BrowserWindow extends Emitter {
    static getAllWindows = () => fake.windows;
    options: Record<string, unknown>;
    title = '';
    closed = 0;
    loadedUrl = '';
    webContents: InstanceType<typeof Emitter> & Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      const contents = new Emitter() as InstanceType<typeof Emitter> & Record<string, unknown>;
      const mainFrame = { url: 'app://mailflow/index.html', parent: null };
      Object.assign(contents, {
        mainFrame,
        windowOpenHandler: null,
        setWindowOpenHandler(handler: unknown) {
          contents.windowOpenHandler = handler;
        },
        send: (channel: string, payload: unknown) => fake.sent.push({ channel, payload }),
      });
      this.webContents = contents;
      fake.windows.push(this as never);
      // Electron emits this for every new webContents.
      app.emit('web-contents-created', {}, contents);
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
      this.webContents.emit('did-finish-load');
    }
    setTitle(title: string) {
      this.title = title;
    }
    close() {
      this.closed += 1;
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    maximize = () => undefined;
    restore = () => undefined;
    focus = () => undefined;
    show = () => undefined;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
    setDocumentEdited = () => undefined;
    setRepresentedFilename = () => undefined;
  }
  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  return {
    app,
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: Array<Record<string, unknown>>) => template,
      setApplicationMenu: (template: Array<Record<string, unknown>>) => (fake.menuTemplate = template),
    },
    dialog: {
      showMessageBox: async (_window: unknown, options: unknown) => {
        fake.messageBoxes.push(options);
        return { response: fake.messageBoxResponse };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    ipcMain: { handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => fake.ipcHandlers.set(channel, listener) },
    nativeTheme: Object.assign(new Emitter(), { shouldUseDarkColors: false }),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
      handle: (scheme: string, handler: unknown) => fake.protocolHandlers.set(scheme, handler),
    },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof fake.permissionRequest) => (fake.permissionRequest = handler),
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        on: () => undefined,
        webRequest: { onHeadersReceived: (listener: typeof fake.headersListener) => (fake.headersListener = listener) },
      },
    },
    shell: { openExternal: async (url: string) => void fake.opened.push(url) },
  };
});

const documentDir = path.join(os.tmpdir(), `mailflow-wiring-docs-${process.pid}-${Date.now()}`);

beforeAll(async () => {
  fake.userData = path.join(os.tmpdir(), `mailflow-wiring-${process.pid}-${Date.now()}`);
  mkdirSync(fake.userData, { recursive: true });
  mkdirSync(documentDir, { recursive: true });
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  await vi.waitFor(() => expect(fake.windows[0].loadedUrl).not.toBe(''));
});

afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(fake.userData, { recursive: true, force: true });
  await rm(documentDir, { recursive: true, force: true });
});

const window = () => fake.windows[0];
const ourEvent = () => ({ sender: window().webContents, senderFrame: window().webContents.mainFrame });

describe('main entry wiring (fake Electron)', () => {
  it('registers app:// as a secure standard scheme and serves it through the protocol handler', () => {
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(typeof fake.protocolHandlers.get('app')).toBe('function');
  });

  it('creates the window with the hardened preferences and loads app://mailflow/index.html', () => {
    expect(window().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      devTools: false,
      preload: expect.stringMatching(/preload[\\/]index\.cjs$/),
    });
    expect(window().loadedUrl).toBe('app://mailflow/index.html');
  });

  it('turns no protection off from the command line (no --no-sandbox, no Blink features)', () => {
    expect(fake.switches).toEqual([]);
    expect(window().options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(window().options.webPreferences).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false });
  });

  it('serves app:// through the hardened handler: the CSP on every response, nothing outside the renderer folder', async () => {
    const handler = fake.protocolHandlers.get('app') as (request: Request) => Promise<Response>;
    const outside = await handler(new Request('app://mailflow/..%2F..%2Fpackage.json'));
    expect(outside.status).toBeGreaterThanOrEqual(400);
    expect(outside.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    const post = await handler(new Request('app://mailflow/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBeGreaterThanOrEqual(400);
  });

  it('opens only https links in the system browser, through the checked IPC route', async () => {
    await fake.ipcHandlers.get(IPC_CHANNELS.openExternal)!(ourEvent(), 'https://learn.microsoft.com/exchange');
    expect(fake.opened).toEqual(['https://learn.microsoft.com/exchange']);
    await expect(fake.ipcHandlers.get(IPC_CHANNELS.openExternal)!(ourEvent(), 'file:///etc/passwd')).rejects.toThrow();
    expect(fake.opened).toHaveLength(1);
  });

  it('installs the navigation guards exactly once on the window', () => {
    expect(window().webContents.count('will-navigate')).toBe(1);
    const handler = window().webContents.windowOpenHandler as (d: { url: string }) => { action: string };
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('sets the CSP on responses and denies permission requests', async () => {
    let headers: Record<string, unknown> | undefined;
    fake.headersListener!({ url: 'app://mailflow/', responseHeaders: {} }, (response) => (headers = response.responseHeaders));
    expect(String(headers?.['Content-Security-Policy'])).toContain("script-src 'self'");
    const granted = await new Promise<boolean>((resolve) => fake.permissionRequest!({}, 'media', resolve, { requestingUrl: 'app://mailflow/index.html' }));
    expect(granted).toBe(false);
  });

  it('guards every IPC channel: our page is served, anything else is refused', async () => {
    const requestChannels = Object.entries(IPC_CHANNELS)
      .filter(([name]) => !['menuAction', 'openRequest', 'systemChanged'].includes(name))
      .map(([, channel]) => channel);
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...requestChannels].sort());
    await expect(fake.ipcHandlers.get(IPC_CHANNELS.getSystemInfo)!(ourEvent())).resolves.toMatchObject({ locale: 'en-GB', prefersDark: false });
    const foreign = { sender: {}, senderFrame: { url: 'app://mailflow/index.html', parent: null } };
    await expect(fake.ipcHandlers.get(IPC_CHANNELS.getSystemInfo)!(foreign)).rejects.toThrow(/refused/);
  });

  it('builds the menu from the renderer\'s model, and a menu click reaches the renderer as a menu action', async () => {
    // Before the renderer has described its menu, only the OS's edit commands are there.
    expect(fake.menuTemplate.map((item) => item.role ?? item.label)).toEqual(['editMenu']);
    const model = buildMenuModel(actionMap(), await translatorFor('en'), getActionContext());
    await fake.ipcHandlers.get(IPC_CHANNELS.setMenu)!(ourEvent(), model);
    await vi.waitFor(() => expect(fake.menuTemplate.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Simulation', '&Help']));
    const file = fake.menuTemplate[0].submenu as Array<Record<string, unknown>>;
    const save = file.find((item) => item.id === 'file.save')!;
    fake.sent.length = 0;
    (save.click as (...args: unknown[]) => void)({}, undefined, { triggeredByAccelerator: false });
    expect(fake.sent).toEqual([{ channel: IPC_CHANNELS.menuAction, payload: 'file.save' }]);
  });

  it('View ▸ Present reaches the renderer, whose registry has an action for it', async () => {
    const view = fake.menuTemplate.find((item) => item.id === 'menu.view')!.submenu as Array<Record<string, unknown>>;
    const present = view.find((item) => item.id === 'view.present');
    expect(present?.label).toBe('Present');
    fake.sent.length = 0;
    (present!.click as (...args: unknown[]) => void)({}, undefined, { triggeredByAccelerator: false });
    expect(fake.sent).toEqual([{ channel: IPC_CHANNELS.menuAction, payload: 'view.present' }]);
    expect(actionMap().has('view.present')).toBe(true);
  });

  it('refuses a menu model with an id the renderer may not dispatch', async () => {
    const model = buildMenuModel(actionMap(), await translatorFor('en'), getActionContext());
    const forged = { ...model, menus: [{ ...model.menus[0], items: [{ type: 'action', id: 'shell.exec', label: 'x', accelerator: null, enabled: true, checked: null }] }] };
    await expect(fake.ipcHandlers.get(IPC_CHANNELS.setMenu)!(ourEvent(), forged)).rejects.toThrow(/invalid request/);
    const foreign = { sender: {}, senderFrame: { url: 'app://mailflow/index.html', parent: null } };
    await expect(fake.ipcHandlers.get(IPC_CHANNELS.setMenu)!(foreign, model)).rejects.toThrow(/refused/);
  });

  it('titles the window from setDocumentState and asks before closing a dirty document', async () => {
    await fake.ipcHandlers.get(IPC_CHANNELS.setDocumentState)!(ourEvent(), { title: 'Contoso', dirty: true, path: null });
    expect(window().title).toBe('• Contoso — Mailflow Studio');
    fake.messageBoxResponse = 1; // Don't Save
    let prevented = false;
    window().emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(window().closed).toBe(1));
    expect(fake.messageBoxes).toHaveLength(1);
  });

  it('opens a document passed to a second instance in the existing window', async () => {
    const filePath = path.join(documentDir, 'second.mailflow.json');
    writeFileSync(filePath, '{"hello":1}');
    fake.sent.length = 0;
    fake.app.emit('second-instance', {}, ['/opt/mailflow/mailflow-studio', filePath], documentDir);
    await vi.waitFor(() => expect(fake.sent.map((item) => item.channel)).toContain(IPC_CHANNELS.openRequest));
    const request = fake.sent.find((item) => item.channel === IPC_CHANNELS.openRequest)!.payload as { ok: boolean; file: { text: string; path: string } };
    expect(request).toMatchObject({ ok: true, file: { text: '{"hello":1}', path: filePath } });
    expect(fake.windows).toHaveLength(1);
  });

  it('offers to reload a window whose renderer crashed, and reloads our page', async () => {
    fake.messageBoxes.length = 0;
    fake.messageBoxResponse = 0; // Reload
    window().loadedUrl = '';
    window().webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await vi.waitFor(() => expect(window().loadedUrl).toBe('app://mailflow/index.html'));
    expect(fake.messageBoxes).toEqual([expect.objectContaining({ message: 'The window stopped working.', buttons: ['Reload', 'Close'] })]);
  });
});
