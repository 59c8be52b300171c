/**
 * Crash-recovery drafts: the renderer sends the document text as the user edits; each draft is one
 * JSON file in `<userData>/drafts/`, named by a hash of its key (a document path or `untitled-<n>`)
 * so any key maps to a safe file name. Written atomically, so a crash mid-write leaves the previous
 * draft readable. On the next start the renderer lists them and offers them back.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { draftSchema, type Draft } from '../../shared/ipc/contract';
import { atomicWriteFile, defaultFs, isNotFound, type Fs } from './atomic-write';

const storedDraftSchema = draftSchema.extend({ savedAt: z.number(), pathApproved: z.boolean().default(false) });

/**
 * A draft as stored. `pathApproved` records that, when the draft was written, its key was a file
 * the user had opened or chosen, so after a crash the restored draft may be saved back to it.
 * Main sets it; the renderer cannot.
 */
export type StoredDraft = Draft & { pathApproved: boolean };

export class DraftStore {
  constructor(
    readonly directory: string,
    private readonly fs: Fs = defaultFs,
    private readonly now: () => number = Date.now,
  ) {}

  fileFor(key: string): string {
    return path.join(this.directory, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }

  async write(draft: z.infer<typeof draftSchema>, pathApproved = false): Promise<void> {
    await this.fs.mkdir(this.directory, { recursive: true });
    const stored: StoredDraft = { key: draft.key, title: draft.title, text: draft.text, savedAt: this.now(), pathApproved };
    await atomicWriteFile(this.fileFor(draft.key), JSON.stringify(stored), { fs: this.fs, mode: 0o600 });
  }

  /** Newest first; unreadable or foreign files in the folder are skipped. */
  async list(): Promise<StoredDraft[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.directory);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    const drafts: StoredDraft[] = [];
    for (const name of names) {
      if (!/^[0-9a-f]{40}\.json$/.test(name)) continue;
      try {
        const parsed = storedDraftSchema.safeParse(JSON.parse(await this.fs.readFile(path.join(this.directory, name), 'utf8')));
        if (parsed.success) drafts.push(parsed.data);
      } catch {
        // A draft torn by a crash of an older version, or removed meanwhile: nothing to offer.
      }
    }
    return drafts.sort((a, b) => b.savedAt - a.savedAt);
  }

  async discard(key: string): Promise<void> {
    try {
      await this.fs.unlink(this.fileFor(key));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
