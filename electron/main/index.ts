/**
 * Electron main process entry: wires Electron's API into the plain modules next to this file
 * (which hold the logic and are unit-tested with fakes). Keep this file thin.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, nativeTheme, protocol, screen, session, shell } from 'electron';
import { IPC_CHANNELS, type MenuActionId, type MenuModel, type OpenResult, type SystemInfo } from '../../shared/ipc/contract';
import { APP_SCHEME, resolveAppLocation } from './app-location';
import { createAppProtocolHandler } from './app-protocol';
import { APP_NAME, CloseGuard, type UnsavedChoice } from './close-guard';
import { DocumentFiles } from './document-files';
import { DraftStore } from './drafts';
import {
  contentSecurityPolicy,
  hardenedWebPreferences,
  installContentSecurityPolicy,
  installNavigationGuards,
  installPermissionHandlers,
} from './hardening';
import { registerRoutes } from './ipc-guard';
import { createIpcRoutes, openDocument, type DesktopServices } from './ipc-routes';
import { buildMenuTemplate, menuInvocation, menuLanguageFor, type MenuLanguage } from './menu';
import { documentPathFromArgv } from './open-args';
import { createPictureReader, workerSpawner } from './picture-reader';
import { onRendererGone } from './renderer-crash';
import { RecentFiles, SettingsStore } from './settings';
import { MIN_WINDOW_SIZE, WindowStateStore, placeWindow } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/index.cjs');
/** Built next to index.js from picture-worker.ts (electron.vite.config.ts). */
const pictureWorkerPath = path.join(here, 'picture-worker.js');
const rendererRoot = path.join(here, '../renderer');

const location = resolveAppLocation({ isPackaged: app.isPackaged, rendererUrl: process.env.ELECTRON_RENDERER_URL });
const csp = contentSecurityPolicy({ devServerOrigin: location.kind === 'devServer' ? location.origin : null });
const log = (message: string) => console.warn(`[mailflow] ${message}`);

// Must happen before `ready`: the app scheme behaves like https (secure context, fetch, CORS) for our page.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

if (!app.requestSingleInstanceLock()) {
  // Another instance is running: it receives our argv through 'second-instance'.
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let quitting = false;
  let rendererLoaded = false;
  const pendingOpenRequests: string[] = [];

  const userData = app.getPath('userData');
  const files = new DocumentFiles({ readPicture: createPictureReader({ spawn: workerSpawner(pictureWorkerPath) }) });
  const drafts = new DraftStore(path.join(userData, 'drafts'));
  const settings = new SettingsStore(userData);
  const recent = new RecentFiles(userData);
  const windowState = new WindowStateStore(userData);
  /** The renderer's description of the menu (labels, keys, states); null until it has sent one. */
  let menuModel: MenuModel | null = null;

  const systemInfo = (): SystemInfo => ({
    locale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    prefersDark: nativeTheme.shouldUseDarkColors,
    platform: process.platform,
    version: app.getVersion(),
  });

  const sendToRenderer = (channel: string, payload: unknown) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
  };
  const dispatchMenuAction = (id: MenuActionId) => sendToRenderer(IPC_CHANNELS.menuAction, id);

  const closeGuard = new CloseGuard({
    askAboutUnsavedChanges: async (title): Promise<UnsavedChoice> => {
      if (!mainWindow) return 'discard';
      const language = await currentMenuLanguage();
      const ja = language === 'ja';
      const { response } = await dialog.showMessageBox(mainWindow, {
        type: 'warning',
        buttons: ja ? ['保存', '保存しない', 'キャンセル'] : ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
        message: ja ? `「${title}」への変更を保存しますか?` : `Do you want to save the changes you made to “${title}”?`,
        detail: ja ? '保存しないと変更は失われます。' : "Your changes will be lost if you don't save them.",
      });
      return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel';
    },
    dispatchSave: () => dispatchMenuAction('file.save'),
    closeWindow: () => mainWindow?.close(),
    showDocumentState: (state, title) => {
      if (!mainWindow || mainWindow.isDestroyed()) return;
      mainWindow.setTitle(title);
      if (process.platform === 'darwin') {
        mainWindow.setDocumentEdited(state.dirty);
        mainWindow.setRepresentedFilename(state.path ?? '');
      }
    },
    onCloseCancelled: () => {
      quitting = false;
    },
  });

  const services: DesktopServices = {
    files,
    drafts,
    settings,
    recent,
    dialogs: {
      chooseFileToOpen: async (filters) => {
        const options = { properties: ['openFile' as const], filters };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
      },
      chooseSavePath: async (suggestedName, filters) => {
        const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters };
        const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
    systemInfo,
    shell,
    closeGuard,
    onRecentChanged: (list) => {
      for (const file of list) app.addRecentDocument(file.path);
      void rebuildMenu();
    },
    onSettingsChanged: () => void rebuildMenu(),
    onMenuModel: (model) => {
      menuModel = model;
      void rebuildMenu();
    },
  };

  async function currentMenuLanguage(): Promise<MenuLanguage> {
    return menuLanguageFor((await settings.get()).language, systemInfo().locale);
  }

  async function rebuildMenu(): Promise<void> {
    const template = buildMenuTemplate({
      platform: process.platform,
      model: menuModel,
      isDevelopment: !app.isPackaged,
      recentFiles: await recent.list(),
      onAction: (id, byAccelerator) => {
        const invocation = menuInvocation(id, byAccelerator, process.platform);
        if (invocation.kind === 'dispatch') dispatchMenuAction(id);
        else if (invocation.kind === 'native') mainWindow?.webContents[invocation.command]();
      },
      onOpenRecent: (filePath) => void deliverOpenRequest(filePath),
      onClearRecent: () => {
        void recent.clear().then(() => {
          app.clearRecentDocuments();
          return rebuildMenu();
        });
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  /** Reads the file in main and hands the result to the renderer (which asks about its own unsaved changes). */
  async function deliverOpenRequest(filePath: string): Promise<void> {
    if (!rendererLoaded) {
      pendingOpenRequests.push(filePath);
      // macOS keeps running without a window: a document opened from Finder brings one back.
      if (app.isReady() && !mainWindow) void createWindow().catch((error: unknown) => log(String(error)));
      return;
    }
    const result: OpenResult = await openDocument(services, filePath, false);
    sendToRenderer(IPC_CHANNELS.openRequest, result);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  }

  async function createWindow(): Promise<void> {
    const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
    const placement = placeWindow(await windowState.read(), workAreas);
    const window = new BrowserWindow({
      ...placement,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      title: APP_NAME,
      show: false,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
      webPreferences: {
        ...hardenedWebPreferences({ preloadPath, devTools: !app.isPackaged }),
        // Same values as hardenedWebPreferences, spelled out so static scanners (electronegativity)
        // that do not follow the call see them; main-wiring.test.ts checks the options the window gets.
        contextIsolation: true,
        sandbox: true,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    mainWindow = window;
    rendererLoaded = false;
    closeGuard.reset();
    if (placement.maximized) window.maximize();

    window.once('ready-to-show', () => window.show());
    // The title comes from setDocumentState (validated, with the unsaved mark), not from <title>.
    window.on('page-title-updated', (event) => event.preventDefault());
    // A crashed page leaves a blank window: offer to reload it (the renderer then offers the draft).
    window.webContents.on(
      'render-process-gone',
      onRendererGone({
        language: currentMenuLanguage,
        ask: async (box) => (await dialog.showMessageBox(window, box)).response,
        reload: () => {
          rendererLoaded = false;
          void window.loadURL(location.entryUrl).catch((error: unknown) => log(String(error)));
        },
        close: () => closeGuard.closeRequestedByRenderer(),
        log,
      }),
    );
    window.webContents.on('did-finish-load', () => {
      rendererLoaded = true;
      for (const filePath of pendingOpenRequests.splice(0)) void deliverOpenRequest(filePath);
    });
    window.on('close', (event) => {
      if (!closeGuard.onCloseRequested(event)) return;
      const bounds = window.getNormalBounds();
      void windowState.write({ ...bounds, maximized: window.isMaximized() }).catch((error: unknown) => log(String(error)));
    });
    window.on('closed', () => {
      mainWindow = null;
      if (quitting || process.platform !== 'darwin') app.quit();
    });
    await window.loadURL(location.entryUrl);
  }

  // macOS: a document double-clicked in Finder or dropped on the Dock icon (may arrive before ready).
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    void deliverOpenRequest(filePath);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const filePath = documentPathFromArgv(argv, workingDirectory);
    if (filePath) void deliverOpenRequest(filePath);
    else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('before-quit', () => {
    quitting = true;
  });

  // Checklist 13-14 for every webContents as it is created: the window's, and any other (none are
  // expected: no webview, no popups). Registered before any window exists.
  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents, shell, log);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    app.setAppUserModelId('com.mailflow.studio');
    const defaultSession = session.defaultSession;
    installPermissionHandlers(defaultSession, location);
    installContentSecurityPolicy(defaultSession.webRequest, csp);
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: rendererRoot, readFile, contentSecurityPolicy: csp }));

    registerRoutes(ipcMain, createIpcRoutes(services), {
      trustedContents: () => mainWindow?.webContents ?? null,
      location,
    });

    nativeTheme.on('updated', () => sendToRenderer(IPC_CHANNELS.systemChanged, systemInfo()));

    const fromArgv = documentPathFromArgv(process.argv, process.cwd());
    if (fromArgv) pendingOpenRequests.push(fromArgv);

    await rebuildMenu();
    await createWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow().catch((error: unknown) => log(String(error)));
    });
  }).catch((error: unknown) => {
    log(`Startup failed: ${String(error)}`);
  });
}
