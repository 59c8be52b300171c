/**
 * Saving is atomic, keeps a backup and refuses to overwrite a file changed on disk
 * (issue 3 item 4, issue 7 item 3: fault injection shows the original intact every time).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWriteFile } from '../../electron/main/atomic-write';
import { DocumentFiles, backupPathFor, stampOf } from '../../electron/main/document-files';
import { crash, faultyFs, tempDir, workerPictureReader } from './helpers';

const ORIGINAL = '{"format":"mailflow-topology","version":1,"title":"original"}\n';
const EDITED = '{"format":"mailflow-topology","version":1,"title":"edited","tenants":[]}\n';

async function openedDocument(files = new DocumentFiles()) {
  const dir = await tempDir();
  const filePath = path.join(dir, 'contoso.mailflow.json');
  await writeFile(filePath, ORIGINAL);
  const opened = await files.read(filePath);
  if (!opened.ok) throw new Error('setup: open failed');
  return { dir, filePath, stamp: opened.file.stamp, files };
}

describe('atomicWriteFile', () => {
  it('replaces the file through a temporary sibling and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'a.json');
    await writeFile(target, 'old');
    const renames: Array<[string, string]> = [];
    const fs = faultyFs({
      rename: async (from, to) => {
        renames.push([String(from), String(to)]);
        const { rename } = await import('node:fs/promises');
        return rename(from, to);
      },
    });
    await atomicWriteFile(target, 'new', { fs });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(renames).toHaveLength(1);
    expect(path.dirname(renames[0][0])).toBe(dir);
    expect(path.basename(renames[0][0])).toMatch(/^\.a\.json\.[0-9a-f]+\.tmp$/);
    expect(renames[0][1]).toBe(target);
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('flushes the data to disk (fsync) before the rename', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'a.json');
    const steps: string[] = [];
    const { open, rename } = await import('node:fs/promises');
    const fs = faultyFs({
      open: (async (file: string, flags: string, mode?: number) => {
        const handle = await open(file, flags, mode);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          steps.push(`sync ${path.basename(file)}`);
          return sync();
        };
        return handle;
      }) as typeof open,
      rename: async (from, to) => {
        steps.push('rename');
        return rename(from, to);
      },
    });
    await atomicWriteFile(target, 'data', { fs });
    const renameAt = steps.indexOf('rename');
    expect(steps.findIndex((step) => step.startsWith('sync .a.json.'))).toBeLessThan(renameAt);
  });
});

describe('DocumentFiles.saveTo', () => {
  it('writes the new text, returns its stamp, and keeps the previous version as <file>.bak', async () => {
    const { filePath, stamp, files } = await openedDocument();
    const result = await files.saveTo({ path: filePath, text: EDITED, expectedStamp: stamp, force: false });
    expect(result).toMatchObject({ ok: true, path: filePath, backupPath: backupPathFor(filePath) });
    expect(await readFile(filePath, 'utf8')).toBe(EDITED);
    expect(await readFile(`${filePath}.bak`, 'utf8')).toBe(ORIGINAL);
    if (!result.ok) throw new Error('unreachable');
    expect(result.stamp).toMatchObject(stampOf(Buffer.from(EDITED), result.stamp.mtimeMs));
  });

  it('a second save backs up the first save, not the original', async () => {
    const { filePath, stamp, files } = await openedDocument();
    const first = await files.saveTo({ path: filePath, text: EDITED, expectedStamp: stamp, force: false });
    if (!first.ok) throw new Error('first save failed');
    const second = await files.saveTo({ path: filePath, text: 'third version', expectedStamp: first.stamp, force: false });
    expect(second.ok).toBe(true);
    expect(await readFile(`${filePath}.bak`, 'utf8')).toBe(EDITED);
  });

  it('keeps the original bytes when writing the temporary file fails (disk full)', async () => {
    const { open } = await import('node:fs/promises');
    const fs = faultyFs({
      open: (async (file: string, flags: string, mode?: number) => {
        const handle = await open(file, flags, mode);
        if (String(file).endsWith('.tmp') && !String(file).includes('.bak.')) {
          handle.writeFile = async () => crash('ENOSPC: no space left on device');
        }
        return handle;
      }) as typeof open,
    });
    const { dir, filePath, stamp, files } = await openedDocument(new DocumentFiles({ fs }));
    const result = await files.saveTo({ path: filePath, text: EDITED, expectedStamp: stamp, force: false });
    expect(result).toMatchObject({ ok: false, reason: 'error' });
    expect(await readFile(filePath, 'utf8')).toBe(ORIGINAL);
    // The failed temporary file was cleaned up; only the document and its backup remain.
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the original bytes when the process dies between write and rename', async () => {
    const { rename } = await import('node:fs/promises');
    const fs = faultyFs({
      rename: async (from, to) => {
        // The backup's own rename may happen; the document's rename is where the process "dies".
        if (String(to).endsWith('.mailflow.json')) crash('killed before rename');
        return rename(from, to);
      },
      // A dead process cleans nothing up.
      unlink: async () => undefined,
    });
    const { dir, filePath, stamp, files } = await openedDocument(new DocumentFiles({ fs }));
    const before = await readFile(filePath);
    const result = await files.saveTo({ path: filePath, text: EDITED, expectedStamp: stamp, force: false });
    expect(result.ok).toBe(false);
    expect((await readFile(filePath)).equals(before)).toBe(true);
    // The complete new text is in a hidden temporary file, never in place of the document.
    const leftovers = (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toHaveLength(1);
    expect(await readFile(path.join(dir, leftovers[0]), 'utf8')).toBe(EDITED);
    // And the document still opens with its original content.
    const reopened = await new DocumentFiles().read(filePath);
    expect(reopened.ok && reopened.file.text).toBe(ORIGINAL);
  });

  it('keeps the original for every failing step of the save (fault injection)', async () => {
    const { open, rename } = await import('node:fs/promises');
    const faults: Array<[string, (target: string) => Partial<Parameters<typeof faultyFs>[0]>]> = [
      ['open', () => ({ open: (async (file: string, flags: string, mode?: number) => (String(file).endsWith('.tmp') ? crash() : open(file, flags, mode))) as typeof open })],
      [
        'fsync',
        () => ({
          open: (async (file: string, flags: string, mode?: number) => {
            const handle = await open(file, flags, mode);
            if (String(file).endsWith('.tmp')) handle.sync = async () => crash();
            return handle;
          }) as typeof open,
        }),
      ],
      ['rename', (target) => ({ rename: async (from, to) => (String(to) === target ? crash() : rename(from, to)) })],
    ];
    for (const [step, makeFault] of faults) {
      const setup = await openedDocument();
      const files = new DocumentFiles({ fs: faultyFs(makeFault(setup.filePath)) });
      await files.read(setup.filePath);
      await files.saveTo({ path: setup.filePath, text: EDITED, expectedStamp: setup.stamp, force: false });
      expect(await readFile(setup.filePath, 'utf8'), `after a failing ${step}`).toBe(ORIGINAL);
    }
  });

  it('refuses to overwrite a file changed on disk since it was opened, and force overwrites it', async () => {
    const { filePath, stamp, files } = await openedDocument();
    const theirs = '{"changed":"by another editor"}';
    await writeFile(filePath, theirs);
    const refused = await files.saveTo({ path: filePath, text: EDITED, expectedStamp: stamp, force: false });
    expect(refused).toMatchObject({ ok: false, reason: 'conflict', path: filePath });
    expect(await readFile(filePath, 'utf8')).toBe(theirs);

    const forced = await files.saveTo({ path: filePath, text: EDITED, expectedStamp: stamp, force: true });
    expect(forced.ok).toBe(true);
    expect(await readFile(filePath, 'utf8')).toBe(EDITED);
    // Their version is not lost: it is the backup.
    expect(await readFile(`${filePath}.bak`, 'utf8')).toBe(theirs);
  });

  it('detects a same-size change (the hash, not only the size, is compared)', async () => {
    const { filePath, stamp, files } = await openedDocument();
    await writeFile(filePath, ORIGINAL.replace('original', 'ORIGINAL'));
    const result = await files.saveTo({ path: filePath, text: EDITED, expectedStamp: stamp, force: false });
    expect(result).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('a file only touched (same bytes, new mtime) is not a conflict', async () => {
    const { filePath, stamp, files } = await openedDocument();
    const { utimes } = await import('node:fs/promises');
    await utimes(filePath, new Date(), new Date(Date.now() + 60_000));
    const result = await files.saveTo({ path: filePath, text: EDITED, expectedStamp: stamp, force: false });
    expect(result.ok).toBe(true);
  });

  it('treats an existing file that was never opened as a conflict unless forced', async () => {
    const { filePath, files } = await openedDocument();
    const result = await files.saveTo({ path: filePath, text: EDITED, expectedStamp: null, force: false });
    expect(result).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await readFile(filePath, 'utf8')).toBe(ORIGINAL);
  });

  it('writes only to files the user opened or chose, and only .json files', async () => {
    const dir = await tempDir();
    const files = new DocumentFiles();
    const elsewhere = path.join(dir, 'never-opened.mailflow.json');
    expect(await files.saveTo({ path: elsewhere, text: EDITED, expectedStamp: null, force: true })).toMatchObject({ ok: false, reason: 'error' });
    const script = path.join(dir, 'evil.sh');
    files.allowWrite(script);
    expect(await files.saveTo({ path: script, text: 'rm -rf ~', expectedStamp: null, force: true })).toMatchObject({ ok: false, reason: 'error' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('DocumentFiles.read', () => {
  it('returns the text, name and stamp (size + SHA-256) of the bytes on disk', async () => {
    const dir = await tempDir();
    const filePath = path.join(dir, 'x.mailflow.json');
    await writeFile(filePath, `\uFEFF${ORIGINAL}`);
    const result = await new DocumentFiles().read(filePath);
    if (!result.ok) throw new Error(result.reason);
    expect(result.file.text).toBe(ORIGINAL);
    expect(result.file.name).toBe('x.mailflow.json');
    const bytes = await readFile(filePath);
    expect(result.file.stamp.size).toBe(bytes.byteLength);
    expect(result.file.stamp.sha256).toBe(stampOf(bytes, 0).sha256);
  });

  it('refuses relative paths, non-JSON files (outside the Open dialog) and invalid UTF-8', async () => {
    const dir = await tempDir();
    const files = new DocumentFiles();
    expect(await files.read('relative.mailflow.json')).toMatchObject({ ok: false, reason: 'error' });
    const text = path.join(dir, 'notes.txt');
    await writeFile(text, 'hello');
    expect(await files.read(text)).toMatchObject({ ok: false, reason: 'error' });
    expect(await files.read(text, false)).toMatchObject({ ok: true });
    const binary = path.join(dir, 'bad.json');
    await writeFile(binary, Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    expect(await files.read(binary)).toMatchObject({ ok: false, reason: 'error', message: expect.stringContaining('UTF-8') });
    expect(await files.read(path.join(dir, 'missing.json'))).toMatchObject({ ok: false, message: expect.stringContaining('not found') });
  });
});

describe('opening an exported picture', () => {
  it('returns the design a PNG carries, and never lets Save write over the picture', async () => {
    const { embedDocumentInPng } = await import('../../shared/diagram/png-chunks');
    const dir = await tempDir();
    const picture = path.join(dir, 'design.png');
    const icon = new Uint8Array(await readFile(path.join(__dirname, '../../build/icon.png')));
    await writeFile(picture, embedDocumentInPng(icon, EDITED));
    const files = new DocumentFiles({ readPicture: await workerPictureReader() });
    const opened = await files.read(picture, false);
    expect(opened.ok && opened.file.text).toBe(EDITED);
    expect(files.isWritable(picture)).toBe(false);
    const save = await files.saveTo({ path: picture, text: EDITED, expectedStamp: null, force: true });
    expect(save.ok).toBe(false);
  });

  it('refuses a picture without a design with a reason the renderer words in the user\'s language', async () => {
    const dir = await tempDir();
    const picture = path.join(dir, 'plain.png');
    await writeFile(picture, await readFile(path.join(__dirname, '../../build/icon.png')));
    const opened = await new DocumentFiles({ readPicture: await workerPictureReader() }).read(picture, false);
    expect(opened.ok).toBe(false);
    expect(opened).toEqual({ ok: false, reason: 'no-design', name: 'plain.png' });
  });
});

it('the desktop Open dialog lists exported PNG and SVG pictures next to documents', async () => {
  const { OPEN_FILTERS } = await import('../../electron/main/ipc-routes');
  expect(OPEN_FILTERS.flatMap((f) => f.extensions)).toEqual(expect.arrayContaining(['json', 'png', 'svg']));
});

describe('which opened files may be written', () => {
  it('a path from the renderer or the command line becomes writable only if it already is a topology document', async () => {
    const dir = await tempDir();
    const settings = path.join(dir, 'settings.json');
    const design = path.join(dir, 'design.mailflow.json');
    await writeFile(settings, '{"editor.fontSize": 14}\n');
    await writeFile(design, '{"format": "mailflow-topology", "version": 1}\n');
    const files = new DocumentFiles();
    expect((await files.read(settings)).ok).toBe(true);
    expect(files.isWritable(settings)).toBe(false);
    const refused = await files.saveTo({ path: settings, text: '{}', expectedStamp: null, force: true });
    expect(refused.ok).toBe(false);
    expect(await readFile(settings, 'utf8')).toBe('{"editor.fontSize": 14}\n');
    await files.read(design);
    expect(files.isWritable(design)).toBe(true);
  });

  it('a file the user picked in the Open dialog is writable whatever it holds', async () => {
    const dir = await tempDir();
    const chosen = path.join(dir, 'draft.json');
    await writeFile(chosen, '{}\n');
    const files = new DocumentFiles();
    await files.read(chosen, false);
    expect(files.isWritable(chosen)).toBe(true);
  });
});
