/**
 * Opening and saving topology documents: the only code that reads or writes a user's documents.
 *
 * - Save is atomic (see atomic-write.ts) and keeps the previous version as `<file>.bak` next to
 *   the document, so the user finds it where the document is.
 * - Save refuses to overwrite a file whose bytes changed on disk since it was opened or last saved
 *   (another editor, a sync client) and answers `conflict`; the renderer lets the user choose and
 *   retries with `force`. The comparison is on size and SHA-256: a file that was only touched
 *   (mtime changed, same bytes) loses nothing when overwritten, so it is not a conflict.
 * - Defence in depth against a compromised renderer: reads through `openPath` and every write are
 *   limited to `.json` files, and writes go only to files the user opened or chose in a dialog
 *   (this session, the recent list or a crash-recovery draft).
 */
import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { rootStringField } from '../../shared/model/prescan';
import { MAX_DOCUMENT_CHARS, type FileStamp, type OpenResult, type SaveResult } from '../../shared/ipc/contract';
import { atomicWriteFile, defaultFs, errorMessage, isNotFound, type Fs } from './atomic-write';
import { hasReservedSegment } from './file-safety';
import type { ReadPicture } from './picture-reader';

export const BACKUP_SUFFIX = '.bak';
/** Byte ceiling for a document file (UTF-8 of at most MAX_DOCUMENT_CHARS characters, mostly ASCII). */
export const MAX_DOCUMENT_BYTES = MAX_DOCUMENT_CHARS;

export function backupPathFor(documentPath: string): string {
  return documentPath + BACKUP_SUFFIX;
}

export function stampOf(bytes: Uint8Array, mtimeMs: number): FileStamp {
  return { mtimeMs, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Same content on disk as when the stamp was taken. */
export function sameContent(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.sha256 === b.sha256;
}

export function isDocumentPath(candidate: string): boolean {
  return path.isAbsolute(candidate) && candidate.toLowerCase().endsWith('.json');
}

/**
 * What every topology document says of itself at its root (document-format.md:
 * `"format": "mailflow-topology"`). Only the root counts: an unrelated file that merely contains
 * the text somewhere (a settings.json holding a nested document) is not a document.
 */
function isTopologyText(text: string): boolean {
  return rootStringField(text, 'format') === 'mailflow-topology';
}

/**
 * Read-only, and non-blocking where the OS has it: a FIFO swapped in after the check below would
 * otherwise hold a file thread of main forever in open().
 */
const READ_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/** A PNG or SVG exported by the app carries the design; opening one restores it (never writes it). */
export function isPicturePath(candidate: string): boolean {
  return path.isAbsolute(candidate) && /\.(png|svg)$/i.test(candidate);
}

function displayName(filePath: string): string {
  return path.basename(filePath);
}

export interface SaveToRequest {
  path: string;
  text: string;
  expectedStamp: FileStamp | null;
  force: boolean;
}

export class DocumentFiles {
  private readonly fs: Fs;
  private readonly writable = new Set<string>();
  private readonly readPicture: ReadPicture | null;

  /**
   * `readPicture` reads the design in a PNG or SVG outside main's event loop (picture-reader.ts;
   * index.ts passes the worker). Without it, pictures are refused: main never parses one itself.
   */
  constructor(options: { fs?: Fs; readPicture?: ReadPicture } = {}) {
    this.fs = options.fs ?? defaultFs;
    this.readPicture = options.readPicture ?? null;
  }

  /** The user chose this path (dialog, recent list, command line, drop, draft): saving to it is allowed. */
  allowWrite(filePath: string): void {
    this.writable.add(path.resolve(filePath));
  }

  isWritable(filePath: string): boolean {
    return this.writable.has(path.resolve(filePath));
  }

  /**
   * Reads a document. `requireDocumentExtension` is false only for a file the user picked in the
   * Open dialog (their explicit choice).
   */
  async read(filePath: string, requireDocumentExtension = true): Promise<OpenResult> {
    if (!path.isAbsolute(filePath)) return { ok: false, reason: 'error', message: `Not an absolute path: ${filePath}` };
    if (requireDocumentExtension && !isDocumentPath(filePath) && !isPicturePath(filePath)) {
      return { ok: false, reason: 'error', message: `Not a Mailflow document (.mailflow.json): ${filePath}` };
    }
    const resolved = path.resolve(filePath);
    if (hasReservedSegment(resolved)) return { ok: false, reason: 'error', message: `Not a file (a device name): ${resolved}` };
    try {
      // A FIFO, a device or a folder is refused before it is opened (opening a FIFO blocks until a
      // writer comes, which may be never).
      if (!(await this.fs.stat(resolved)).isFile()) return { ok: false, reason: 'error', message: `Not a file: ${resolved}` };
      const handle = await this.fs.open(resolved, READ_FLAGS);
      try {
        const info = await handle.stat();
        if (!info.isFile()) return { ok: false, reason: 'error', message: `Not a file: ${resolved}` };
        if (info.size > MAX_DOCUMENT_BYTES) {
          return { ok: false, reason: 'error', message: `File too large (${info.size} bytes; the limit is ${MAX_DOCUMENT_BYTES}).` };
        }
        const bytes = await handle.readFile();
        if (isPicturePath(resolved)) return await this.openPicture(resolved, bytes, info.mtimeMs);
        const text = decodeUtf8(bytes);
        if (text === null) return { ok: false, reason: 'error', message: `Not UTF-8 text: ${resolved}` };
        // A path the user picked in the Open dialog becomes writable. A path that arrives from the
        // renderer (recent list, a drop) or the command line becomes writable only if it already is
        // a topology document, so a compromised page cannot turn "open" into "overwrite any .json".
        if (!requireDocumentExtension || isTopologyText(text)) this.allowWrite(resolved);
        return { ok: true, file: { path: resolved, name: displayName(resolved), text, stamp: stampOf(bytes, info.mtimeMs) } };
      } finally {
        await handle.close();
      }
    } catch (error) {
      return { ok: false, reason: 'error', message: isNotFound(error) ? `File not found: ${resolved}` : errorMessage(error) };
    }
  }

  /** The renderer opens a picture's design as an untitled design; the picture itself is never written. */
  private async openPicture(resolved: string, bytes: Uint8Array, mtimeMs: number): Promise<OpenResult> {
    const name = displayName(resolved);
    if (!this.readPicture) return { ok: false, reason: 'error', message: `${name}: pictures cannot be opened here.` };
    const size = bytes.byteLength;
    // The bytes move to the worker, which also hashes them (200 MB would pause main).
    const outcome = await this.readPicture(name, bytes);
    if (outcome.kind === 'none') return { ok: false, reason: 'no-design', name };
    if (outcome.kind === 'refused') return { ok: false, reason: 'error', message: outcome.message };
    return { ok: true, file: { path: resolved, name, text: outcome.text, stamp: { mtimeMs, size, sha256: outcome.sha256 } } };
  }

  /** The stamp of what is on disk now, or null when there is no file. */
  async currentStamp(filePath: string): Promise<FileStamp | null> {
    try {
      const bytes = await this.fs.readFile(filePath);
      const info = await this.fs.stat(filePath);
      return stampOf(bytes, info.mtimeMs);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async saveTo(request: SaveToRequest): Promise<SaveResult> {
    const target = path.resolve(request.path);
    if (!isDocumentPath(target)) return { ok: false, reason: 'error', message: `Documents are saved as .json files: ${target}` };
    if (hasReservedSegment(target)) return { ok: false, reason: 'error', message: `Refusing to write ${target}: a device name, not a file name.` };
    if (!this.isWritable(target)) {
      return { ok: false, reason: 'error', message: `Refusing to write ${target}: it was not opened or chosen by the user.` };
    }
    try {
      const onDisk = await this.currentStamp(target);
      if (onDisk && !request.force) {
        if (request.expectedStamp === null) {
          return { ok: false, reason: 'conflict', path: target, message: `${displayName(target)} already exists and was not opened here.` };
        }
        if (!sameContent(onDisk, request.expectedStamp)) {
          return { ok: false, reason: 'conflict', path: target, message: `${displayName(target)} was changed on disk since it was opened.` };
        }
      }
      const bytes = Buffer.from(request.text, 'utf8');
      const backupPath = onDisk ? await this.writeBackup(target) : null;
      await atomicWriteFile(target, bytes, { fs: this.fs });
      const info = await this.fs.stat(target);
      this.allowWrite(target);
      return { ok: true, path: target, stamp: stampOf(bytes, info.mtimeMs), backupPath };
    } catch (error) {
      return { ok: false, reason: 'error', message: errorMessage(error) };
    }
  }

  /**
   * Copies the current file to `<file>.bak` (itself atomically, so a crash never leaves a torn
   * backup). A failed backup does not block the save: the result then reports `backupPath: null`.
   */
  private async writeBackup(target: string): Promise<string | null> {
    const backup = backupPathFor(target);
    try {
      const previous = await this.fs.readFile(target);
      // The backup holds the same content as the document, so it gets the document's mode: a
      // 0600 document must not leave a 0644 copy next to it.
      const mode = (await this.fs.stat(target)).mode & 0o777;
      await atomicWriteFile(backup, previous, { fs: this.fs, exactMode: mode });
      return backup;
    } catch {
      return null;
    }
  }
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // A byte-order mark (some Windows editors add one) is not part of the JSON text.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}
