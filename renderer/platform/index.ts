/** Picks the platform once at start-up: the desktop preload's `window.mailflow`, else the browser. */
import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './types';

export type * from './types';
export { OPEN_INPUT_ID } from './browser';

let current: Platform | null = null;

export function getPlatform(): Platform {
  if (!current) {
    if (window.mailflow?.platform === 'electron') {
      current = createElectronPlatform(window.mailflow);
    } else {
      // Tests (and `?picker=input`) use the upload input and download link, which automation can
      // drive; `?picker=fsa` forces the File System Access API (tests that fake it).
      const params = new URLSearchParams(location.search);
      const useFilePicker = params.get('picker') === 'fsa' || (!window.__MAILFLOW_TEST__ && params.get('picker') !== 'input');
      current = createBrowserPlatform({ useFilePicker });
    }
  }
  return current;
}
