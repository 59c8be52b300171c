/**
 * Small rules about paths and names that main applies to everything a renderer or another program
 * may hand it (issue 11). Plain functions, no Electron: test/electron drives them directly.
 */
import path from 'node:path';
import type { Fs } from './atomic-write';

/**
 * Windows device names. "Do not use the following reserved names for the name of a file: CON, PRN,
 * AUX, NUL, COM0–COM9, COM¹ COM² COM³, LPT0–LPT9, LPT¹ LPT² LPT³. Also avoid these names followed
 * immediately by an extension; for example, NUL.txt" (Naming Files, Paths, and Namespaces,
 * learn.microsoft.com/windows/win32/fileio/naming-a-file). CONIN$ and CONOUT$ open the console.
 * Refused on every platform, so a document saved on Linux opens on Windows too.
 */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|(com|lpt)[0-9\u00b9\u00b2\u00b3])(\..*)?$/i;

/** Whether a file or folder name is a Windows device name (trailing dots and spaces are ignored by Windows). */
export function isReservedDeviceName(name: string): boolean {
  return RESERVED.test(name.replace(/[. ]+$/, ''));
}

/** Whether any segment of a path is a device name. */
export function hasReservedSegment(filePath: string): boolean {
  return filePath.split(/[\\/]/).some((segment) => segment !== '' && isReservedDeviceName(segment));
}

/**
 * A name the renderer suggests for a save dialog, reduced to a plain file name: no folder (`../`,
 * `C:\`), no control characters, no trailing dots or spaces, not a device name. The dialog then
 * opens in the documents folder, never where the page steers it.
 */
export function plainFileName(suggested: string, fallback = 'Untitled'): string {
  const last = suggested.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = last.replace(/[\u0000-\u001f\u007f:*?"<>|]/g, '').replace(/[. ]+$/, '').trim();
  if (clean === '' || clean === '.' || clean === '..') return fallback;
  return isReservedDeviceName(clean) ? `_${clean}` : clean;
}

/** The key two paths share when they name the same file (case-insensitive where the OS is). */
export function pathKey(filePath: string, platform: NodeJS.Platform = process.platform): string {
  const resolved = path.resolve(filePath);
  return platform === 'win32' || platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

/**
 * Paths main itself handed out in this session: chosen in a dialog, dropped on the window (the
 * preload reports the path of a real dropped file), on the command line or from the OS (open-file,
 * second instance), opened or saved before, or in the recent list. `openPath` from the renderer
 * reads only these, so a compromised page cannot read an arbitrary file.
 */
export class IssuedPaths {
  private readonly paths = new Set<string>();

  constructor(private readonly recent: () => Promise<Array<{ path: string }>>) {}

  issue(filePath: string): void {
    this.paths.add(pathKey(filePath));
  }

  async allows(filePath: string): Promise<boolean> {
    const key = pathKey(filePath);
    if (this.paths.has(key)) return true;
    return (await this.recent()).some((entry) => pathKey(entry.path) === key);
  }
}

/** Errors Windows gives while another program (antivirus, indexer, sync client) briefly holds a file. */
const BUSY = new Set(['EBUSY', 'EPERM', 'EACCES']);
/** Waits between attempts: about 1.3 s in all, then the error is reported. */
export const RENAME_RETRY_DELAYS_MS = [20, 40, 80, 160, 320, 640];

export interface RetryOptions {
  platform?: NodeJS.Platform;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * `rename`, retried with a bounded backoff on Windows when the target is briefly held open by
 * another program (MoveFileEx fails with a sharing violation, surfaced as EBUSY/EPERM/EACCES).
 * Elsewhere those errors are real and reported at once.
 */
export async function renameWithRetry(fs: Pick<Fs, 'rename'>, from: string, to: string, options: RetryOptions = {}): Promise<void> {
  const platform = options.platform ?? process.platform;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (platform !== 'win32' || !BUSY.has(code) || attempt >= RENAME_RETRY_DELAYS_MS.length) throw error;
      await sleep(RENAME_RETRY_DELAYS_MS[attempt]);
    }
  }
}

/** Temporary siblings (see temporarySiblingPath) older than this are leftovers of a crash. */
export const LEFTOVER_AGE_MS = 60_000;

/** Removes temporary files a crashed or killed save left next to `target`; best effort. */
export async function removeLeftoverTemporaries(fs: Pick<Fs, 'readdir' | 'stat' | 'unlink'>, target: string, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(target);
  const base = path.basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\.${base}\\.[0-9a-f]{12}\\.tmp$`);
  const removed: string[] = [];
  let names: string[];
  try {
    const listed: ReadonlyArray<unknown> = await fs.readdir(dir);
    names = listed.map(String);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!pattern.test(String(name))) continue;
    const full = path.join(dir, String(name));
    try {
      const info = await fs.stat(full);
      if (now - info.mtimeMs < LEFTOVER_AGE_MS) continue;
      await fs.unlink(full);
      removed.push(full);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}
