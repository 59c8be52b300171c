/**
 * The CLI's file access: plain reads, atomic writes (a temporary file in the same folder, then a
 * rename, so a reader never sees half a file and a failed write leaves the old file intact).
 */
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CliIO } from './types';

/** `--out -`: the bytes go to standard output. */
export const STDOUT_PATH = '-';

function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off, bytes.length - off);
    } catch (e) {
      // A non-blocking pipe that is full: wait for the reader rather than fail.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

const toBytes = (data: string | Uint8Array) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

/**
 * Writes `--out`. A regular file (or a missing one) is replaced atomically and keeps its mode (a
 * 0600 file stays 0600). A symbolic link is followed: the file it points to is replaced, the link
 * stays. A FIFO or a character device (`/dev/stdout`, `/dev/null`) is written in place: replacing
 * it with a regular file would break whoever set it up (as root, that was /dev/stdout itself).
 * `-` is standard output. Anything else (a directory, a socket, a block device) is refused.
 */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  const bytes = toBytes(data);
  if (path === STDOUT_PATH) {
    writeAll(1, bytes);
    return;
  }
  let info;
  try {
    info = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return writeFileAtomic(path, bytes);
    throw e;
  }
  if (info.isSymbolicLink()) {
    // realpath fails for a dangling link: refused (ENOENT) rather than creating its target.
    const target = realpathSync(path);
    info = statSync(target);
    path = target;
  }
  if (info.isFile()) return writeFileAtomic(path, bytes, info.mode & 0o7777);
  if (info.isFIFO() || info.isCharacterDevice()) {
    const fd = openSync(path, 'w');
    try {
      writeAll(fd, bytes);
    } finally {
      closeSync(fd);
    }
    return;
  }
  throw Object.assign(new Error(`${path} is not a regular file`), { code: info.isDirectory() ? 'EISDIR' : 'ENOTREG' });
}

export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  // An unpredictable name created exclusively ('wx'): a file or link placed there beforehand is
  // never followed or overwritten.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    // The mode exactly (open's mode is reduced by the umask), before any byte is written.
    fchmodSync(fd, mode);
    writeAll(fd, toBytes(data));
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

export function nodeIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readText: (p) => readFileSync(p, 'utf8'),
    readBytes: (p) => new Uint8Array(readFileSync(p)),
    writeFile: writeOutputFile,
  };
}
