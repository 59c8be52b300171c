/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), one
 * test per item, checked against the main-process code (issue 7 item 2). The behaviour lives in
 * plain modules tested with fakes here; the wiring in electron/main/index.ts is checked by running
 * it against a fake Electron (main-wiring.test.ts), as each item notes. What is scanned in the
 * source is only what no run can show: that no file anywhere turns a protection off.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc/contract';
import electronBuilderConfig from '../../electron-builder.config';
import { APP_ENTRY_URL, isAppUrl, resolveAppLocation } from '../../electron/main/app-location';
import { CloseGuard } from '../../electron/main/close-guard';
import { DocumentFiles } from '../../electron/main/document-files';
import { DraftStore } from '../../electron/main/drafts';
import {
  checkExternalUrl,
  contentSecurityPolicy,
  hardenedWebPreferences,
  installNavigationGuards,
  installPermissionHandlers,
} from '../../electron/main/hardening';
import { registerRoutes } from '../../electron/main/ipc-guard';
import { createIpcRoutes } from '../../electron/main/ipc-routes';
import { RecentFiles, SettingsStore } from '../../electron/main/settings';
import { fakeIpcMain, fakeShell, fakeWebContents, flushPromises, ipcEvent, tempDir } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');
const mainDir = path.join(root, 'electron/main');
const mainSources = readdirSync(mainDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(path.join(mainDir, name), 'utf8') }));
const preloadSource = readFileSync(path.join(root, 'electron/preload/index.ts'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

const production = resolveAppLocation({ isPackaged: true, rendererUrl: undefined });
const preferences = hardenedWebPreferences({ preloadPath: '/p.cjs', devTools: false });
const csp = Object.fromEntries(
  contentSecurityPolicy({ devServerOrigin: null })
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .map(([name, ...values]) => [name, values]),
);

/** Code without comments, so a comment mentioning an API does not count as using it. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('Electron security checklist', () => {
  it('1. only secure content: the app loads app:// (a secure scheme) in production, never http: or file:', () => {
    expect(resolveAppLocation({ isPackaged: true, rendererUrl: 'http://localhost:5173' }).entryUrl).toBe(APP_ENTRY_URL);
    // Wiring (index.ts against a fake Electron): main-wiring.test.ts registers app:// as secure and loads app://mailflow/index.html.
    // No CSP source lets content come over plain http.
    expect(Object.values(csp).flat().some((source) => source.startsWith('http:'))).toBe(false);
  });

  it('2. no Node.js integration for any content (page, workers, subframes)', () => {
    expect(preferences).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('3. context isolation is on', () => {
    expect(preferences.contextIsolation).toBe(true);
  });

  it('4. process sandboxing is on, and the preload only needs what a sandboxed preload has', () => {
    expect(preferences.sandbox).toBe(true);
    const imports = [...code(preloadSource).matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(imports.sort()).toEqual(['../../shared/ipc/channels', '../../shared/ipc/contract', 'electron']);
    // Wiring: main-wiring.test.ts checks the window gets sandbox: true and no command-line switch turns it off.
  });

  it('5. permission requests from the page are handled (denied, except clipboard and full screen for our own page)', async () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void, d: { requestingUrl?: string }) => void) | null = null;
    let check: ((c: unknown, p: string, o: string, d: { requestingUrl?: string }) => boolean) | null = null;
    installPermissionHandlers({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) }, production);
    const ask = (permission: string) => new Promise<boolean>((resolve) => request!({}, permission, resolve, { requestingUrl: APP_ENTRY_URL }));
    expect(await ask('media')).toBe(false);
    expect(await ask('geolocation')).toBe(false);
    expect(await ask('notifications')).toBe(false);
    expect(check!({}, 'media', 'app://mailflow', {})).toBe(false);
    // Wiring: main-wiring.test.ts checks the default session denies a permission request.
  });

  it('6. webSecurity is not disabled', () => {
    expect(preferences.webSecurity).toBe(true);
    for (const source of mainSources) expect(code(source.text), source.name).not.toMatch(/webSecurity:\s*false/);
  });

  it('7. a Content-Security-Policy is set from main: scripts from self only, no eval', () => {
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(JSON.stringify(csp)).not.toContain('unsafe-eval');
    // Wiring: main-wiring.test.ts checks both the response-header hook and the app:// responses carry this CSP.
  });

  it('8. allowRunningInsecureContent is off', () => {
    expect(preferences.allowRunningInsecureContent).toBe(false);
  });

  it('9. experimental features are off', () => {
    expect(preferences.experimentalFeatures).toBe(false);
  });

  it('10. enableBlinkFeatures is not used', () => {
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    for (const source of [...mainSources, { name: 'preload', text: preloadSource }]) expect(code(source.text), source.name).not.toContain('enableBlinkFeatures');
  });

  it('11. <webview> allowpopups: not applicable, <webview> is disabled (webviewTag false) and attaching one is refused', () => {
    expect(preferences.webviewTag).toBe(false);
    const contents = fakeWebContents();
    installNavigationGuards(contents, fakeShell());
    let prevented = false;
    (contents.listeners.get('will-attach-webview') as (event: { preventDefault(): void }) => void)({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('12. <webview> options verification: not applicable, no <webview> can be created (see 11)', () => {
    expect(preferences.webviewTag).toBe(false);
    // Wiring: main-wiring.test.ts checks every new webContents gets the guards exactly once.
  });

  it('13. navigation is denied (https links open in the system browser instead)', async () => {
    const contents = fakeWebContents();
    const shell = fakeShell();
    installNavigationGuards(contents, shell);
    expect(contents.navigate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(contents.navigate('will-navigate', APP_ENTRY_URL)).toBe(true);
    await flushPromises();
    expect(shell.opened).toEqual(['https://evil.example/phish']);
    // Installed for every webContents as it is created, the window's included.
    // Wiring: main-wiring.test.ts checks the window's webContents has the navigation guard and denies window.open.
  });

  it('14. new windows are denied', () => {
    const contents = fakeWebContents();
    installNavigationGuards(contents, fakeShell());
    for (const url of ['https://example.com/', 'app://mailflow/index.html', 'about:blank', 'file:///etc/passwd']) {
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    }
  });

  it('15. shell.openExternal is only called with checked https URLs', () => {
    expect(checkExternalUrl('file:///C:/Windows/System32/calc.exe')).toBeNull();
    expect(checkExternalUrl('ms-officecmd:whatever')).toBeNull();
    expect(checkExternalUrl('http://example.com/')).toBeNull();
    expect(checkExternalUrl('https://learn.microsoft.com/')).toBe('https://learn.microsoft.com/');
    // The only call site of shell.openExternal is openExternalSafely in hardening.ts.
    const callers = mainSources.filter((source) => /\.openExternal\(/.test(code(source.text))).map((source) => source.name);
    expect(callers).toEqual(['hardening.ts']);
  });

  it('16. a current Electron: the version is pinned exactly and is a supported major (the three latest stable lines)', () => {
    const pinned = packageJson.devDependencies.electron;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    // Electron 45 is the newest line this project was built against; the supported window is the
    // newest three majors, so anything older than 43 is out of support.
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(43);
  });

  it('17. every IPC handler validates its sender', async () => {
    const userData = await tempDir();
    const ours = { id: 1 };
    const ipcMain = fakeIpcMain();
    registerRoutes(
      ipcMain,
      createIpcRoutes({
        files: new DocumentFiles(),
        drafts: new DraftStore(path.join(userData, 'drafts')),
        settings: new SettingsStore(userData),
        recent: new RecentFiles(userData),
        dialogs: { chooseFileToOpen: async () => null, chooseSavePath: async () => null },
        systemInfo: () => ({ locale: 'en', prefersDark: false, platform: 'linux', version: '0' }),
        shell: fakeShell(),
        closeGuard: new CloseGuard({ askAboutUnsavedChanges: async () => 'cancel', dispatchSave: () => undefined, closeWindow: () => undefined, showDocumentState: () => undefined }),
      }),
      { trustedContents: () => ours, location: production },
    );
    expect(ipcMain.handlers.size).toBe(Object.keys(IPC_CHANNELS).length - 3);
    for (const channel of ipcMain.handlers.keys()) {
      await expect(ipcMain.invoke(channel, ipcEvent({ id: 2 }, APP_ENTRY_URL))).rejects.toThrow(/refused/);
      await expect(ipcMain.invoke(channel, ipcEvent(ours, 'https://evil.example/'))).rejects.toThrow(/refused/);
    }
    // No handler is registered around the guard: ipc-guard.ts's registerRoutes is the only caller.
    const registering = mainSources.filter((source) => /ipcMain\.(handle|handleOnce|on|once)\(/.test(code(source.text))).map((source) => source.name);
    expect(registering).toEqual(['ipc-guard.ts']);
    // Wiring: main-wiring.test.ts checks every request channel of index.ts refuses a foreign sender.
  });

  it('18. the file:// protocol is not used for the app; app:// serves the renderer folder only', () => {
    expect(isAppUrl('file:///opt/mailflow/resources/app.asar/out/renderer/index.html', production)).toBe(false);
    // Wiring: main-wiring.test.ts checks index.ts serves app:// through this handler (CSP, no traversal).
    expect(electronBuilderConfig.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('19. Electron fuses are set in the packaging configuration', () => {
    expect(electronBuilderConfig.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('20. Do not expose Electron APIs to untrusted web content: the preload exposes task functions only', () => {
    expect(code(preloadSource)).toMatch(/contextBridge\.exposeInMainWorld\('mailflow', api\)/);
    expect(code(preloadSource)).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(code(preloadSource)).not.toMatch(/:\s*ipcRenderer\s*[,}]/);
  });
});
