/**
 * Pictures are parsed outside main's event loop (issue 11, items 2 and 3): Open, a drop and the OS
 * open-file event read a PNG's or SVG's embedded design in a worker thread with a heap cap and a
 * deadline (electron/main/picture-reader.ts, picture-worker.ts). The worker here is
 * picture-worker.ts bundled as the app builds it.
 *
 * How "in the worker" is shown: main's copies of the parsers are replaced below by functions that
 * fail the test when called (the worker bundles its own copies, which these mocks do not reach), and
 * main's bundle is checked never to contain them. How "main stays responsive" is shown: a 1 ms timer
 * on main's event loop counts its turns during each parse (printed); a parser that never returns is
 * stopped by main's deadline timer, which can only fire if main's loop is free.
 */
import { writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentFiles, stampOf } from '../../electron/main/document-files';
import { createPictureReader, PICTURE_LIMITS, workerSpawner, type PictureWorker } from '../../electron/main/picture-reader';
import { MAX_PICTURE_BYTES } from '../../shared/diagram/metadata';
import { embedDocumentInPng } from '../../shared/diagram/png-chunks';
import { MAILFLOW_NS } from '../../shared/diagram/svg';
import { watchEventLoop } from '../hostile/event-loop';
import { pngEmptyChunks, svgManyDocumentTags, svgUnclosedMetadata } from '../hostile/pictures';
import { pictureWorkerBundle, tempDir, workerPictureReader } from './helpers';

const parsedOnMain = vi.hoisted(() => vi.fn((which: string): never => {
  throw new Error(`${which} ran on main's thread`);
}));
vi.mock('../../shared/diagram/import', async (original) => ({
  ...(await original<object>()),
  importDocumentFromBytes: () => parsedOnMain('importDocumentFromBytes'),
}));
vi.mock('../../shared/diagram/png-chunks', async (original) => ({
  ...(await original<object>()),
  extractDocumentFromPng: () => parsedOnMain('extractDocumentFromPng'),
  readTextChunk: () => parsedOnMain('readTextChunk'),
}));
vi.mock('../../shared/diagram/svg', async (original) => ({
  ...(await original<object>()),
  extractDocumentFromSvg: () => parsedOnMain('extractDocumentFromSvg'),
}));
vi.mock('../../shared/diagram/metadata', async (original) => ({
  ...(await original<object>()),
  svgMetadataContent: () => parsedOnMain('svgMetadataContent'),
  embeddedDocumentPayload: () => parsedOnMain('embeddedDocumentPayload'),
}));

const DESIGN = '{"format":"mailflow-topology","version":1,"title":"東京 → Contoso","tenants":[]}\n';
const MB = 1024 * 1024;

beforeAll(async () => {
  await pictureWorkerBundle();
}, 60_000);
beforeEach(() => {
  parsedOnMain.mockClear();
});

async function pictureFile(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(await tempDir(), name);
  await writeFile(file, bytes);
  return file;
}

function svgWithDesign(text: string): Uint8Array {
  const base64 = Buffer.from(text, 'utf8').toString('base64');
  return new TextEncoder().encode(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:mailflow="${MAILFLOW_NS}"><metadata><mailflow:document encoding="base64">${base64}</mailflow:document></metadata><rect width="1" height="1"/></svg>`,
  );
}

describe('main never parses a picture itself', () => {
  it("main's bundle holds none of the picture parsers; the worker's holds them", async () => {
    const { build } = await import('esbuild');
    const inputsOf = async (entry: string) => {
      const r = await build({
        entryPoints: [path.join(__dirname, '../../electron/main', entry)],
        bundle: true,
        write: false,
        metafile: true,
        platform: 'node',
        format: 'esm',
        external: ['electron'],
        logLevel: 'silent',
      });
      return Object.keys(r.metafile.inputs);
    };
    const parsers = ['shared/diagram/import.ts', 'shared/diagram/png-chunks.ts', 'shared/diagram/svg.ts', 'shared/diagram/metadata.ts'];
    const main = await inputsOf('index.ts');
    expect(main).toContain('electron/main/document-files.ts');
    expect(main.filter((file) => parsers.includes(file))).toEqual([]);
    expect(await inputsOf('picture-worker.ts')).toEqual(expect.arrayContaining(parsers));
  });

  it('without a picture reader, a picture is refused rather than parsed on main', async () => {
    const file = await pictureFile('design.png', embedDocumentInPng(new Uint8Array(await readFile(path.join(__dirname, '../../build/icon.png'))), DESIGN));
    expect(await new DocumentFiles().read(file, false)).toEqual({ ok: false, reason: 'error', message: 'design.png: pictures cannot be opened here.' });
    expect(parsedOnMain).not.toHaveBeenCalled();
  });
});

describe('normal pictures still open (through the worker)', () => {
  it('a PNG and an SVG carrying a design open as that design; a picture without one says so', async () => {
    const files = new DocumentFiles({ readPicture: await workerPictureReader() });
    const icon = new Uint8Array(await readFile(path.join(__dirname, '../../build/icon.png')));
    const pngBytes = embedDocumentInPng(icon, DESIGN);
    const png = await files.read(await pictureFile('design.png', pngBytes), false);
    expect(png.ok && png.file.text).toBe(DESIGN);
    // The stamp (hashed in the worker) is the file's, as for a document.
    expect(png.ok && { size: png.file.stamp.size, sha256: png.file.stamp.sha256 }).toEqual({ size: pngBytes.length, sha256: stampOf(pngBytes, 0).sha256 });
    const svg = await files.read(await pictureFile('design.svg', svgWithDesign(DESIGN)));
    expect(svg.ok && svg.file.text).toBe(DESIGN);
    expect(await files.read(await pictureFile('plain.png', icon))).toEqual({ ok: false, reason: 'no-design', name: 'plain.png' });
    expect(parsedOnMain).not.toHaveBeenCalled();
  });
});

describe('hostile pictures: main keeps turning while the worker reads them', () => {
  const cases: Array<[string, () => Uint8Array]> = [
    ['evil.svg', () => svgUnclosedMetadata(8 * MB)],
    ['tags.svg', () => svgManyDocumentTags(4 * MB)],
    ['chunks.png', () => pngEmptyChunks(32 * MB)],
  ];
  for (const [name, make] of cases) {
    it(`${name}: no design, read in the worker`, { timeout: 30_000 }, async () => {
      const file = await pictureFile(name, make());
      const files = new DocumentFiles({ readPicture: await workerPictureReader() });
      const { result, ticks, longestGapMs } = await watchEventLoop(() => files.read(file));
      console.info(`${name}: main's 1 ms timer turned ${ticks} times during the read; longest gap ${longestGapMs.toFixed(1)} ms`);
      expect(result).toEqual({ ok: false, reason: 'no-design', name });
      expect(parsedOnMain).not.toHaveBeenCalled();
    });
  }
});

describe('containment: deadline, heap cap, size cap', () => {
  /** A worker script of our own (a stand-in for a parser a file sends into an endless loop or allocation). */
  async function workerScript(source: string): Promise<string> {
    const file = path.join(await tempDir(), 'stand-in-worker.mjs');
    await writeFile(file, source);
    return file;
  }

  /** The real spawner, keeping each worker so a test can see that it ended. */
  function recordingSpawner(workerPath: string) {
    const spawned: Worker[] = [];
    const real = workerSpawner(workerPath);
    const spawn = (...args: Parameters<typeof real>): PictureWorker => {
      const worker = real(...args) as Worker;
      spawned.push(worker);
      return worker;
    };
    const exited = (w: Worker) => new Promise<number>((resolve) => (w.threadId === -1 ? resolve(1) : w.once('exit', resolve)));
    return { spawn, spawned, exited };
  }

  it('a parse that never returns is terminated at the deadline, and main keeps running meanwhile', { timeout: 20_000 }, async () => {
    const spinner = recordingSpawner(await workerScript('for (;;) {}\n'));
    const read = createPictureReader({ spawn: spinner.spawn, limits: { timeoutMs: 300 } });
    const { result, ticks } = await watchEventLoop(() => read('spin.svg', new TextEncoder().encode('<svg/>')));
    expect(result).toEqual({ kind: 'refused', message: 'spin.svg: reading the design in the picture took longer than 0.3 s and was stopped. It was not opened.' });
    // The answer came from main's 300 ms timer; the 1 ms timer, due earlier, ran before it.
    expect(ticks).toBeGreaterThan(0);
    expect(spinner.spawned).toHaveLength(1);
    expect(await spinner.exited(spinner.spawned[0])).toBe(1);
  });

  it('a parse that allocates without end is stopped by the heap cap', { timeout: 20_000 }, async () => {
    const hog = recordingSpawner(await workerScript('const kept = [];\nfor (;;) kept.push(new Array(100000).fill(kept.length));\n'));
    const read = createPictureReader({ spawn: hog.spawn, limits: { maxHeapMb: 32, timeoutMs: 15_000 } });
    expect(await read('hog.png', new Uint8Array(16))).toEqual({
      kind: 'refused',
      message: 'hog.png: reading the design in the picture needed more than 32 MB of memory and was stopped. It was not opened.',
    });
  });

  it('a file above the size cap is refused before any worker starts', async () => {
    expect(PICTURE_LIMITS.maxBytes).toBe(MAX_PICTURE_BYTES);
    const spawn = vi.fn();
    const read = createPictureReader({ spawn, limits: { maxBytes: 1024 } });
    expect(await read('huge.png', new Uint8Array(2048))).toEqual({
      kind: 'refused',
      message: 'huge.png: the picture is 2048 bytes; pictures of at most 1024 bytes are read. It was not opened.',
    });
    expect(spawn).not.toHaveBeenCalled();
  });

  it('the bytes move to the worker (not copied on main), and a worker that dies says so', async () => {
    const read = await workerPictureReader();
    const bytes = new Uint8Array(MB);
    expect(await read('zeros.png', bytes)).toEqual({ kind: 'none' });
    expect(bytes.byteLength).toBe(0);
    const crash = createPictureReader({ spawn: workerSpawner(await workerScript("throw new Error('parser bug');\n")) });
    expect(await crash('bug.svg', new Uint8Array(4))).toEqual({ kind: 'refused', message: 'bug.svg: the picture could not be read (parser bug).' });
    const silent = createPictureReader({ spawn: workerSpawner(await workerScript('process.exit(3);\n')) });
    expect(await silent('quiet.svg', new Uint8Array(4))).toEqual({ kind: 'refused', message: 'quiet.svg: the picture reader stopped without an answer (exit code 3).' });
  });
});
