/**
 * Reading the design embedded in an exported PNG or SVG without running the parser in main.
 *
 * Pictures come from anywhere (Open, a drop, the OS open-file event), and main's event loop serves
 * every window, menu and IPC request: a picture that makes a parser spin or allocate must not stop
 * it. Design: each picture is parsed in a fresh `worker_threads` Worker (picture-worker.ts):
 * - the parse runs on another thread, so main's event loop keeps running whatever the file does;
 * - `resourceLimits` caps the worker's own V8 heap: a picture that needs more is stopped by V8 with
 *   ERR_WORKER_OUT_OF_MEMORY instead of growing main's heap (Node: worker_threads, resourceLimits);
 * - a timer in main terminates the worker after `timeoutMs`; `terminate()` stops JavaScript even in
 *   the middle of a loop, so a parser that never returns costs at most that long;
 * - the bytes are moved to the worker (transferred, not copied), and only the design's text and
 *   the file's SHA-256 come back: main does no work proportional to the file's size; files above
 *   `maxBytes` are refused before a worker starts.
 * Chosen over Electron's utilityProcess (a whole process per picture, with no heap cap of its own
 * and no way to use it without the electron binary in tests) and over parsing in the sandboxed
 * renderer (a compromised page could then hand main any "design" it likes for a path main issued,
 * and the renderer would freeze instead). A Worker shares main's process, so this contains
 * JavaScript (time, heap), not native crashes; the parsers are plain JavaScript over a Uint8Array.
 *
 * Plain module: the Worker is created through `spawn`, which tests replace or point at a bundled
 * picture-worker; nothing here imports `electron` or the picture parsers.
 */
import { Worker, isMarkedAsUntransferable } from 'node:worker_threads';

export type PictureOutcome =
  /** The design's text, and the SHA-256 (hex) of the whole file for its FileStamp. */
  | { kind: 'design'; text: string; sha256: string }
  | { kind: 'none' }
  | { kind: 'refused'; message: string };

/** What picture-worker.ts receives as `workerData`. */
export interface PictureJob {
  name: string;
  bytes: Uint8Array;
}

/** What picture-worker.ts posts back. */
export type PictureAnswer = { kind: 'design'; text: string; sha256: string } | { kind: 'none' };

/** The part of a Worker the reader uses. */
export interface PictureWorker {
  on(event: 'message', listener: (answer: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface PictureLimits {
  /** Larger files are refused without starting a worker (the ceiling of a document: 200 MiB). */
  maxBytes: number;
  /** The worker is terminated after this long. */
  timeoutMs: number;
  /** The worker's V8 heap (old generation) in MB. */
  maxHeapMb: number;
}

/**
 * A legitimate picture is a few MB and parses in milliseconds; a design of 10,000 tenants exported
 * as SVG (about 40 MB of text) needs about 150 MB and well under a second.
 */
export const PICTURE_LIMITS: PictureLimits = { maxBytes: 200 * 1024 * 1024, timeoutMs: 10_000, maxHeapMb: 384 };

export type SpawnPictureWorker = (job: PictureJob, transfer: ArrayBuffer[], limits: PictureLimits) => PictureWorker;

/** Reads a picture's design. Takes ownership of `bytes` (they are moved to the worker). */
export type ReadPicture = (name: string, bytes: Uint8Array) => Promise<PictureOutcome>;

/** A real worker_threads Worker running the script at `workerPath` (out/main/picture-worker.js). */
export function workerSpawner(workerPath: string | URL): SpawnPictureWorker {
  return (job, transfer, limits) =>
    new Worker(workerPath, {
      workerData: job,
      transferList: transfer,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
}

const MIB = 1024 * 1024;
const sizeText = (bytes: number) => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`);

/** The bytes in an ArrayBuffer of their own that can be transferred (else a copy). */
function ownedBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const buffer = bytes.buffer;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength;
  // Node's small Buffers share a pool that is marked untransferable: those are copied (they are small).
  if (whole && buffer instanceof ArrayBuffer && !isMarkedAsUntransferable(buffer)) return new Uint8Array(buffer);
  return new Uint8Array(bytes);
}

export function createPictureReader(options: { spawn: SpawnPictureWorker; limits?: Partial<PictureLimits> }): ReadPicture {
  const limits: PictureLimits = { ...PICTURE_LIMITS, ...options.limits };
  return (name, bytes) => {
    if (bytes.byteLength > limits.maxBytes) {
      return Promise.resolve({
        kind: 'refused',
        message: `${name}: the picture is ${sizeText(bytes.byteLength)}; pictures of at most ${sizeText(limits.maxBytes)} are read. It was not opened.`,
      });
    }
    const owned = ownedBytes(bytes);
    return new Promise<PictureOutcome>((resolve) => {
      let worker: PictureWorker;
      let settled = false;
      const settle = (outcome: PictureOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
        // Whatever happened, the thread goes (it has usually ended by itself already).
        void worker?.terminate().catch(() => undefined);
      };
      const timer = setTimeout(() => {
        settle({
          kind: 'refused',
          message: `${name}: reading the design in the picture took longer than ${limits.timeoutMs / 1000} s and was stopped. It was not opened.`,
        });
      }, limits.timeoutMs);
      try {
        worker = options.spawn({ name, bytes: owned }, [owned.buffer], limits);
      } catch (error) {
        settle({ kind: 'refused', message: `${name}: the picture could not be read (${errorText(error)}).` });
        return;
      }
      worker.on('message', (answer) => settle(answerOutcome(name, answer)));
      worker.on('error', (error) => {
        const outOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        settle({
          kind: 'refused',
          message: outOfMemory
            ? `${name}: reading the design in the picture needed more than ${limits.maxHeapMb} MB of memory and was stopped. It was not opened.`
            : `${name}: the picture could not be read (${errorText(error)}).`,
        });
      });
      worker.on('exit', (code) => {
        settle({ kind: 'refused', message: `${name}: the picture reader stopped without an answer (exit code ${code}).` });
      });
    });
  };
}

function answerOutcome(name: string, answer: unknown): PictureOutcome {
  const a = answer as Partial<{ kind: unknown; text: unknown; sha256: unknown }> | null;
  if (a?.kind === 'none') return { kind: 'none' };
  if (a?.kind === 'design' && typeof a.text === 'string' && typeof a.sha256 === 'string') return { kind: 'design', text: a.text, sha256: a.sha256 };
  return { kind: 'refused', message: `${name}: the picture reader gave an answer that is not a design.` };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
