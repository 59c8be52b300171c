/**
 * Small JSON files in the app's data folder (settings, recent files, window state), written
 * atomically and read defensively: a missing, corrupt or outdated file yields the fallback rather
 * than stopping the app from starting.
 */
import path from 'node:path';
import type { z } from 'zod';
import { atomicWriteFile, defaultFs, type Fs } from './atomic-write';

export class JsonFile<T> {
  constructor(
    readonly filePath: string,
    private readonly schema: z.ZodType<T>,
    private readonly fallback: () => T,
    private readonly fs: Fs = defaultFs,
  ) {}

  async read(): Promise<T> {
    try {
      const parsed = this.schema.safeParse(JSON.parse(await this.fs.readFile(this.filePath, 'utf8')));
      return parsed.success ? parsed.data : this.fallback();
    } catch {
      return this.fallback();
    }
  }

  async write(value: T): Promise<void> {
    await this.fs.mkdir(path.dirname(this.filePath), { recursive: true });
    await atomicWriteFile(this.filePath, JSON.stringify(value, null, 2), { fs: this.fs, mode: 0o600 });
  }
}
