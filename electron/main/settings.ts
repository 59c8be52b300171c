/** App settings (language, theme) and the recent-files list, persisted in the data folder. */
import path from 'node:path';
import { z } from 'zod';
import { appSettingsSchema, type AppSettings, type RecentFile } from '../../shared/ipc/contract';
import { defaultFs, type Fs } from './atomic-write';
import { JsonFile } from './json-store';

export const DEFAULT_SETTINGS: AppSettings = { language: 'system', theme: 'system' };
export const MAX_RECENT_FILES = 10;

export class SettingsStore {
  private readonly file: JsonFile<AppSettings>;
  private cached: AppSettings | null = null;

  constructor(userDataDir: string, fs: Fs = defaultFs) {
    // Read leniently: a setting added later falls back to its default instead of resetting all.
    const lenient = z.object({
      language: appSettingsSchema.shape.language.catch(DEFAULT_SETTINGS.language),
      theme: appSettingsSchema.shape.theme.catch(DEFAULT_SETTINGS.theme),
    });
    this.file = new JsonFile<AppSettings>(path.join(userDataDir, 'settings.json'), lenient, () => ({ ...DEFAULT_SETTINGS }), fs);
  }

  async get(): Promise<AppSettings> {
    this.cached ??= await this.file.read();
    return { ...this.cached };
  }

  async update(change: Partial<AppSettings>): Promise<AppSettings> {
    const next = { ...(await this.get()), ...change };
    await this.file.write(next);
    this.cached = next;
    return { ...next };
  }
}

const recentFileSchema = z.object({ path: z.string().min(1), name: z.string(), openedAt: z.number() });

export class RecentFiles {
  private readonly file: JsonFile<RecentFile[]>;

  constructor(
    userDataDir: string,
    fs: Fs = defaultFs,
    private readonly now: () => number = Date.now,
  ) {
    this.file = new JsonFile(path.join(userDataDir, 'recent.json'), z.array(recentFileSchema), () => [], fs);
  }

  list(): Promise<RecentFile[]> {
    return this.file.read();
  }

  /** Moves (or adds) the file to the top; the list keeps the newest MAX_RECENT_FILES. */
  async add(filePath: string): Promise<RecentFile[]> {
    const entry: RecentFile = { path: filePath, name: path.basename(filePath), openedAt: this.now() };
    const next = [entry, ...(await this.list()).filter((item) => item.path !== filePath)].slice(0, MAX_RECENT_FILES);
    await this.file.write(next);
    return next;
  }

  async remove(filePath: string): Promise<RecentFile[]> {
    const next = (await this.list()).filter((item) => item.path !== filePath);
    await this.file.write(next);
    return next;
  }

  async clear(): Promise<void> {
    await this.file.write([]);
  }
}
