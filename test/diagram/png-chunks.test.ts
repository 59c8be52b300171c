/** The PNG text chunk code that lets an exported picture carry its design. */
import { describe, expect, it } from 'vitest';
import { buildChunk, crc32, DOCUMENT_KEYWORD, extractDocumentFromPng, insertTextChunk, PNG_SIGNATURE, readPngChunks, readTextChunk } from '../../shared/diagram/png-chunks';
import { importDocumentFromBytes } from '../../shared/diagram/import';
import { readExportOptions, writeExportOptions } from '../../renderer/export/useExportOptions';
import { DEFAULT_EXPORT_OPTIONS } from '../../renderer/export/browserExport';

/** A minimal PNG: signature, IHDR (1×1), an empty IDAT and IEND; enough for chunk handling. */
function tinyPng(): Uint8Array {
  const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  const parts = [PNG_SIGNATURE, buildChunk('IHDR', ihdr), buildChunk('IDAT', new Uint8Array(0)), buildChunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('PNG text chunks', () => {
  it('computes the standard CRC-32 (check value of "123456789")', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips UTF-8 text (Japanese included) through an iTXt chunk with valid CRCs', () => {
    const text = '{"title":"本社 & R&D <lab>"}';
    const png = insertTextChunk(tinyPng(), DOCUMENT_KEYWORD, text);
    expect(readPngChunks(png).map((c) => c.type)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
    expect(readPngChunks(png).every((c) => c.crcValid)).toBe(true);
    expect(extractDocumentFromPng(png)).toBe(text);
  });

  it('replaces an earlier document instead of adding a second one', () => {
    const once = insertTextChunk(tinyPng(), DOCUMENT_KEYWORD, 'first');
    const twice = insertTextChunk(once, DOCUMENT_KEYWORD, 'second');
    expect(readPngChunks(twice).filter((c) => c.type === 'iTXt')).toHaveLength(1);
    expect(extractDocumentFromPng(twice)).toBe('second');
  });

  it('reads a Latin-1 tEXt chunk too', () => {
    const base = tinyPng();
    const data = new Uint8Array([...new TextEncoder().encode(`${DOCUMENT_KEYWORD}\0`), ...new TextEncoder().encode('plain')]);
    const chunk = buildChunk('tEXt', data);
    const png = new Uint8Array([...base.subarray(0, 33), ...chunk, ...base.subarray(33)]);
    expect(readTextChunk(png, DOCUMENT_KEYWORD)).toBe('plain');
  });

  it('ignores a damaged chunk, a picture without a design, and files that are not PNG', () => {
    const png = insertTextChunk(tinyPng(), DOCUMENT_KEYWORD, 'design');
    const damaged = png.slice();
    damaged[45] ^= 0xff; // inside the iTXt data: its CRC no longer matches
    expect(extractDocumentFromPng(damaged)).toBeNull();
    expect(extractDocumentFromPng(tinyPng())).toBeNull();
    expect(extractDocumentFromPng(new TextEncoder().encode('not a png'))).toBeNull();
    expect(importDocumentFromBytes('notes.txt', new TextEncoder().encode('{"format":"mailflow-topology"}'))).toBeNull();
    expect(importDocumentFromBytes('fake.svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});

describe('remembered export options', () => {
  function memoryStorage() {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
  }

  it('are kept per document', () => {
    const storage = memoryStorage();
    writeExportOptions('/designs/a.mailflow.json', { ...DEFAULT_EXPORT_OPTIONS, format: 'svg', theme: 'dark', padding: 8 }, storage);
    expect(readExportOptions('/designs/a.mailflow.json', storage)).toMatchObject({ format: 'svg', theme: 'dark', padding: 8 });
    expect(readExportOptions('/designs/b.mailflow.json', storage)).toEqual(DEFAULT_EXPORT_OPTIONS);
  });

  it('fall back field by field when the stored entry is damaged', () => {
    const storage = memoryStorage();
    storage.setItem('mailflow.export-options:doc', JSON.stringify({ format: 'gif', theme: 'dark', padding: 'x', transparent: true }));
    expect(readExportOptions('doc', storage)).toEqual({ ...DEFAULT_EXPORT_OPTIONS, theme: 'dark', transparent: true });
    storage.setItem('mailflow.export-options:broken', '{not json');
    expect(readExportOptions('broken', storage)).toEqual(DEFAULT_EXPORT_OPTIONS);
  });
});
