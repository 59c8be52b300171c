/**
 * The security posture of the window, per Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security). Each function takes the Electron
 * objects it configures as narrow interfaces, so test/electron/ drives them with fakes.
 */
import type { WebPreferences } from 'electron';
import type { AppLocation } from './app-location';
import { isAppUrl } from './app-location';

/** Checklist 2-4, 6, 8-12: no Node in the page, isolated and sandboxed preload, web security on. */
export function hardenedWebPreferences(options: { preloadPath: string; devTools: boolean }): WebPreferences {
  return {
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // enableBlinkFeatures is deliberately never set (checklist 10). No auxclick: a middle-click on a
    // link cannot even try to open a window (window.open is denied anyway).
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  };
}

export interface CspOptions {
  /** Dev server origin (electron-vite dev) for HMR; null in production. */
  devServerOrigin: string | null;
}

/**
 * Checklist 7. Scripts only from our own files, never eval. Inline styles are allowed because
 * React Flow positions nodes with style attributes. Images from data:/blob: URLs are the exported
 * PNG/SVG previews. Nothing may frame, embed or post anything.
 * In development only, Vite's React refresh preamble is an inline script and HMR needs a websocket.
 */
export function contentSecurityPolicy(options: CspOptions): string {
  const dev = options.devServerOrigin;
  const devSocket = dev ? dev.replace(/^http/, 'ws') : null;
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', devSocket ? ["'self'", devSocket] : ["'self'"]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['child-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

type HeaderMap = Record<string, string[] | string>;

export interface WebRequestLike {
  onHeadersReceived(
    listener: (
      details: { url: string; responseHeaders?: HeaderMap },
      callback: (response: { responseHeaders?: HeaderMap; cancel?: boolean }) => void,
    ) => void,
  ): void;
}

/** Replaces any CSP a response carries with ours (for the dev server's pages and anything else loaded). */
export function installContentSecurityPolicy(webRequest: WebRequestLike, csp: string): void {
  webRequest.onHeadersReceived((details, callback) => {
    const headers: HeaderMap = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}

/**
 * Checklist 15: only well-formed https URLs without embedded credentials reach the OS.
 * Returns the normalised URL, or null when refused.
 */
export function checkExternalUrl(candidate: unknown): string | null {
  if (typeof candidate !== 'string' || candidate.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Opens the link in the system browser when it passes checkExternalUrl; says whether it did. */
export async function openExternalSafely(shell: ShellLike, candidate: unknown): Promise<boolean> {
  const url = checkExternalUrl(candidate);
  if (url === null) return false;
  await shell.openExternal(url);
  return true;
}

export interface NavigationEventLike {
  preventDefault(): void;
}

export interface GuardedWebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEventLike, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
}

/**
 * Checklist 13-14: the page never navigates away and never opens windows. A link to an https page
 * (documentation) opens in the system browser instead; anything else is dropped.
 */
export function installNavigationGuards(contents: GuardedWebContentsLike, shell: ShellLike, log: (message: string) => void = () => undefined): void {
  const sendOut = (url: string) => {
    openExternalSafely(shell, url)
      .then((opened) => {
        if (!opened) log(`Blocked navigation to ${url}`);
      })
      .catch((error: unknown) => log(`openExternal failed: ${String(error)}`));
  };
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    sendOut(url);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log(`Blocked redirect to ${url}`);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url);
    return { action: 'deny' };
  });
}

/**
 * Permissions our own page may use: the clipboard (copy and paste of canvas selections, "copy the
 * PowerShell") and full screen (presentation mode). Everything else — camera, microphone,
 * geolocation, notifications, MIDI, HID/USB/serial, … — is refused, and so is every permission
 * for any other origin.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'clipboard-read', 'fullscreen']);

export interface PermissionSessionLike {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string }) => boolean) | null): void;
  setDevicePermissionHandler?(handler: ((details: unknown) => boolean) | null): void;
  on?(event: 'will-download', listener: (event: NavigationEventLike) => void): unknown;
}

export function permissionAllowed(permission: string, requestingUrl: string | undefined, location: AppLocation): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl, location);
}

/** Checklist 5, plus: no device access, no downloads (exports are written by main via IPC). */
export function installPermissionHandlers(session: PermissionSessionLike, location: AppLocation): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details?.requestingUrl, location));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(permission, details?.requestingUrl ?? requestingOrigin, location),
  );
  session.setDevicePermissionHandler?.(() => false);
  session.on?.('will-download', (event) => event.preventDefault());
}
