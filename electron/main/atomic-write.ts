/**
 * Crash-safe file writes: the bytes go to a temporary file in the same folder, are flushed to disk
 * (fsync), and only then renamed over the target. A rename within one file system is atomic, so a
 * reader (or the next start after a crash) sees either the old file or the new one, never a torn
 * mix. The file system is injected so tests can make any step fail.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { removeLeftoverTemporaries, renameWithRetry, type RetryOptions } from './file-safety';

/** The slice of `node:fs/promises` the main-process stores use (injectable for fault injection). */
export type Fs = Pick<
  typeof nodeFs,
  'open' | 'readFile' | 'stat' | 'rename' | 'copyFile' | 'unlink' | 'mkdir' | 'readdir' | 'chmod'
>;

export const defaultFs: Fs = nodeFs;

export interface AtomicWriteOptions extends RetryOptions {
  fs?: Fs;
  /** File mode for a new file; an existing file keeps its own mode. */
  mode?: number;
  /** This mode whatever the target had (a backup takes its document's mode). */
  exactMode?: number;
}

/** Name of the temporary sibling; starts with a dot so file browsers hide it. */
export function temporarySiblingPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function atomicWriteFile(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? defaultFs;
  const mode = options.exactMode ?? (await existingMode(fs, target)) ?? options.mode ?? 0o644;
  const temporary = temporarySiblingPath(target);
  let handle: nodeFs.FileHandle | undefined;
  try {
    // 'wx': never follow or reuse something already sitting at the temporary name.
    handle = await fs.open(temporary, 'wx', mode);
    // open's mode is reduced by the umask; the file gets exactly the mode it should have.
    await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    // On Windows another program may hold the target for a moment: retried, bounded.
    await renameWithRetry(fs, temporary, target, options);
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, path.dirname(target));
  // Temporary files of saves that crashed or were killed before their rename.
  await removeLeftoverTemporaries(fs, target);
}

/** Makes the rename itself durable on POSIX; Windows cannot open a directory, which is fine there. */
async function syncDirectory(fs: Fs, directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // Best effort: some file systems (network shares) refuse fsync on a directory.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function existingMode(fs: Fs, target: string): Promise<number | null> {
  try {
    return (await fs.stat(target)).mode & 0o777;
  } catch {
    return null;
  }
}

export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
