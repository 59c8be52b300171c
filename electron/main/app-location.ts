/**
 * Where the renderer is loaded from, and the test of "is this URL our own page".
 *
 * Production serves `out/renderer/` through the privileged custom scheme `app://mailflow/` rather
 * than file:// (Electron security checklist item 18): the page gets a real origin, the CSP's
 * 'self' means exactly our files, file:// pages gain no extra privileges (fuse
 * grantFileProtocolExtraPrivileges off), and the IPC sender check compares one scheme and host.
 * Development (`electron-vite dev`) loads the Vite dev server from ELECTRON_RENDERER_URL.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'mailflow';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type AppLocation =
  | { kind: 'bundled'; entryUrl: string }
  | { kind: 'devServer'; entryUrl: string; origin: string };

/** Dev server only when not packaged and electron-vite set the URL to a loopback http origin. */
export function resolveAppLocation(env: { isPackaged: boolean; rendererUrl: string | undefined }): AppLocation {
  if (!env.isPackaged && env.rendererUrl) {
    const url = new URL(env.rendererUrl);
    if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
      return { kind: 'devServer', entryUrl: url.href, origin: url.origin };
    }
  }
  return { kind: 'bundled', entryUrl: APP_ENTRY_URL };
}

export function isAppUrl(candidate: string, location: AppLocation): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (location.kind === 'devServer') return url.origin === location.origin;
  // Non-special schemes have an opaque origin in WHATWG URL, so compare scheme and host.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}
