/** Window options, CSP, navigation, window.open, permissions, openExternal and the app:// protocol. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, resolveAppLocation } from '../../electron/main/app-location';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import {
  checkExternalUrl,
  contentSecurityPolicy,
  hardenedWebPreferences,
  installContentSecurityPolicy,
  installNavigationGuards,
  installPermissionHandlers,
  openExternalSafely,
} from '../../electron/main/hardening';
import { fakeShell, fakeWebContents, flushPromises, tempDir } from './helpers';

const bundled = resolveAppLocation({ isPackaged: true, rendererUrl: undefined });

/** Parses "a x y; b z" into { a: ['x','y'], b: ['z'] }. */
export function parseCsp(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('hardened window options', () => {
  const preferences = hardenedWebPreferences({ preloadPath: '/app/out/preload/index.cjs', devTools: false });

  it('isolates and sandboxes the page with no Node.js access', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/out/preload/index.cjs',
    });
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('turns developer tools off when asked (packaged builds)', () => {
    expect(preferences.devTools).toBe(false);
    expect(hardenedWebPreferences({ preloadPath: 'p', devTools: true }).devTools).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  const production = parseCsp(contentSecurityPolicy({ devServerOrigin: null }));

  it('allows scripts only from the app itself, never inline or eval', () => {
    expect(production['script-src']).toEqual(["'self'"]);
    expect(JSON.stringify(production)).not.toContain('unsafe-eval');
    expect(production['default-src']).toEqual(["'none'"]);
  });

  it('allows inline styles (React Flow) and data:/blob: images, and nothing to embed or frame', () => {
    expect(production['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(production['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(production['object-src']).toEqual(["'none'"]);
    expect(production['frame-src']).toEqual(["'none'"]);
    expect(production['frame-ancestors']).toEqual(["'none'"]);
    expect(production['base-uri']).toEqual(["'none'"]);
    expect(production['form-action']).toEqual(["'none'"]);
    expect(production['connect-src']).toEqual(["'self'"]);
  });

  it('in development adds only the dev server websocket and the refresh preamble, still no eval', () => {
    const dev = parseCsp(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }));
    expect(dev['connect-src']).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(JSON.stringify(dev)).not.toContain('unsafe-eval');
  });

  it('is set on every response from main, replacing a CSP the response carried', () => {
    let listener: Parameters<Parameters<typeof installContentSecurityPolicy>[0]['onHeadersReceived']>[0] | null = null;
    const policy = contentSecurityPolicy({ devServerOrigin: null });
    installContentSecurityPolicy({ onHeadersReceived: (l) => (listener = l) }, policy);
    let headers: Record<string, string[] | string> | undefined;
    listener!(
      { url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      (response) => (headers = response.responseHeaders),
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [policy] });
  });
});

describe('navigation and new windows', () => {
  it('denies every navigation; an https link goes to the system browser instead', async () => {
    const contents = fakeWebContents();
    const shell = fakeShell();
    installNavigationGuards(contents, shell);
    expect(contents.navigate('will-navigate', 'https://learn.microsoft.com/exchange/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'http://example.com/')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://example.com/')).toBe(true);
    await flushPromises();
    expect(shell.opened).toEqual(['https://learn.microsoft.com/exchange/']);
  });

  it('denies window.open; https URLs are handed to shell.openExternal, others dropped', async () => {
    const contents = fakeWebContents();
    const shell = fakeShell();
    installNavigationGuards(contents, shell);
    expect(contents.openWindow('https://learn.microsoft.com/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.openWindow('smb://attacker/share')).toEqual({ action: 'deny' });
    expect(contents.openWindow(APP_ENTRY_URL)).toEqual({ action: 'deny' });
    await flushPromises();
    expect(shell.opened).toEqual(['https://learn.microsoft.com/']);
  });

  it('refuses to attach a <webview>', () => {
    const contents = fakeWebContents();
    installNavigationGuards(contents, fakeShell());
    let prevented = false;
    (contents.listeners.get('will-attach-webview') as (event: { preventDefault(): void }) => void)({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('shell.openExternal', () => {
  it.each([
    ['http://example.com', null],
    ['file:///C:/Windows/System32/calc.exe', null],
    ['javascript:alert(1)', null],
    ['ms-msdt:/id PCWDiagnostic', null],
    ['smb://host/share', null],
    ['https://user:secret@example.com/', null],
    ['not a url', null],
    [42, null],
    ['https://learn.microsoft.com/en-us/exchange/', 'https://learn.microsoft.com/en-us/exchange/'],
  ])('checkExternalUrl(%j) → %j', (input, expected) => {
    expect(checkExternalUrl(input)).toBe(expected);
  });

  it('never calls the OS for a refused URL', async () => {
    const shell = fakeShell();
    expect(await openExternalSafely(shell, 'file:///etc/passwd')).toBe(false);
    expect(await openExternalSafely(shell, 'https://example.com/')).toBe(true);
    expect(shell.opened).toEqual(['https://example.com/']);
  });
});

describe('permission requests', () => {
  function install() {
    const handlers: {
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void;
      check?: (contents: unknown, permission: string, origin: string, details: { requestingUrl?: string }) => boolean;
      device?: (details: unknown) => boolean;
      download?: (event: { preventDefault(): void }) => void;
    } = {};
    installPermissionHandlers(
      {
        setPermissionRequestHandler: (handler) => (handlers.request = handler ?? undefined),
        setPermissionCheckHandler: (handler) => (handlers.check = handler ?? undefined),
        setDevicePermissionHandler: (handler) => (handlers.device = handler ?? undefined),
        on: (_event, listener) => (handlers.download = listener),
      },
      bundled,
    );
    const request = (permission: string, url = APP_ENTRY_URL) =>
      new Promise<boolean>((resolve) => handlers.request!({}, permission, resolve, { requestingUrl: url }));
    return { handlers, request };
  }

  it.each(['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'openExternal', 'hid', 'serial', 'usb', 'idle-detection', 'display-capture'])(
    'denies %s',
    async (permission) => {
      const { handlers, request } = install();
      expect(await request(permission)).toBe(false);
      expect(handlers.check!({}, permission, 'app://mailflow', { requestingUrl: APP_ENTRY_URL })).toBe(false);
    },
  );

  it.each(['clipboard-sanitized-write', 'clipboard-read', 'fullscreen'])('allows %s for our page only', async (permission) => {
    const { handlers, request } = install();
    expect(await request(permission)).toBe(true);
    expect(handlers.check!({}, permission, 'app://mailflow', { requestingUrl: APP_ENTRY_URL })).toBe(true);
    expect(await request(permission, 'https://evil.example/')).toBe(false);
    expect(handlers.check!({}, permission, 'https://evil.example', {})).toBe(false);
  });

  it('denies device access and downloads', () => {
    const { handlers } = install();
    expect(handlers.device!({ deviceType: 'usb' })).toBe(false);
    let prevented = false;
    handlers.download!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('app:// protocol', () => {
  async function serve() {
    const root = path.join(await tempDir(), 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Mailflow</title>');
    await writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
    await writeFile(path.join(root, '..', 'secret.txt'), 'secret');
    const csp = contentSecurityPolicy({ devServerOrigin: null });
    const handler = createAppProtocolHandler({ root, readFile: (file) => readFile(file), contentSecurityPolicy: csp });
    return { handler, csp };
  }

  it('serves the renderer files with their type, the CSP and nosniff', async () => {
    const { handler, csp } = await serve();
    const page = await handler(new Request('app://mailflow/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Mailflow</title>');
    const script = await handler(new Request('app://mailflow/assets/main.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler(new Request('app://mailflow/'))).status).toBe(200);
  });

  it('serves nothing outside the renderer folder', async () => {
    const { handler } = await serve();
    for (const url of ['app://mailflow/../secret.txt', 'app://mailflow/%2e%2e/secret.txt', 'app://mailflow/assets/..%2f..%2fsecret.txt', 'app://mailflow/%2fetc%2fpasswd']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('secret');
    }
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
    expect((await handler(new Request('app://mailflow/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://mailflow/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
