/** Test helpers for the main-process modules: temp folders and fakes of Electron's objects. */
import { rmSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Fs } from '../../electron/main/atomic-write';
import { createPictureReader, workerSpawner, type PictureLimits, type ReadPicture } from '../../electron/main/picture-reader';

const created: string[] = [];

/** A fresh folder under os.tmpdir(), removed after the test. */
export async function tempDir(prefix = 'mailflow-electron-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The real file system with some operations replaced (fault injection). */
export function faultyFs(overrides: Partial<Fs>): Fs {
  return { ...(nodeFs as Fs), ...overrides };
}

export function crash(message = 'simulated crash'): never {
  throw Object.assign(new Error(message), { code: 'EIO' });
}

/** An IPC event as Electron would pass it for a frame of `sender` showing `url`. */
export function ipcEvent(sender: object, url: string, options: { subframe?: boolean; frameGone?: boolean } = {}) {
  return {
    sender,
    senderFrame: options.frameGone ? null : { url, parent: options.subframe ? { url } : null },
  };
}

/** A fake ipcMain that keeps the registered handlers so a test can invoke them. */
export function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    handlers,
    handle(channel: string, listener: (event: never, ...args: unknown[]) => unknown) {
      handlers.set(channel, listener as (event: unknown, ...args: unknown[]) => unknown);
    },
    async invoke(channel: string, event: unknown, ...args: unknown[]) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler(event, ...args);
    },
  };
}

/** A fake webContents recording navigation listeners and the window-open handler. */
export function fakeWebContents() {
  const listeners = new Map<string, (...args: never[]) => void>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    on(event: string, listener: (...args: never[]) => void) {
      listeners.set(event, listener);
      return this;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }) {
      windowOpenHandler = handler;
    },
    /** Emits will-navigate (or another navigation event); returns whether it was prevented. */
    navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
      let prevented = false;
      const listener = listeners.get(event) as ((event: { preventDefault(): void }, url: string) => void) | undefined;
      listener?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    openWindow(url: string) {
      if (!windowOpenHandler) throw new Error('no window-open handler installed');
      return windowOpenHandler({ url });
    },
  };
}

export function fakeShell() {
  const opened: string[] = [];
  return {
    opened,
    async openExternal(url: string) {
      opened.push(url);
    },
  };
}

/** Lets queued promise callbacks run (openExternal is fire-and-forget from navigation handlers). */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let pictureWorker: Promise<string> | null = null;

/**
 * electron/main/picture-worker.ts bundled as electron-vite builds it (one ES module with its shared/
 * code), in a temp folder: a Worker cannot load TypeScript sources. Built once per test file.
 */
export function pictureWorkerBundle(): Promise<string> {
  pictureWorker ??= (async () => {
    const { build } = await import('esbuild');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mailflow-picture-worker-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const outfile = path.join(dir, 'picture-worker.mjs');
    await build({
      entryPoints: [path.join(__dirname, '../../electron/main/picture-worker.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      logLevel: 'warning',
    });
    return outfile;
  })();
  return pictureWorker;
}

/** The picture reader main uses, running the bundled worker. */
export async function workerPictureReader(limits?: Partial<PictureLimits>): Promise<ReadPicture> {
  return createPictureReader({ spawn: workerSpawner(await pictureWorkerBundle()), limits });
}
