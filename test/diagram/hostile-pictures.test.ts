/**
 * Opening a hostile picture must not freeze the app (issue 11, items 2 and 3). Electron main reads
 * pictures on Open, on a drop and on the OS open-file event. The sizes here keep the suite fast;
 * bench/hostile-inputs.mjs runs the audit's sizes and prints time and memory. The timeouts are a
 * guard (the quadratic readers took minutes at these sizes), not a measurement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDocumentFromBytes } from '../../shared/diagram/import';
import { embeddedDocumentPayload, MAX_PICTURE_BYTES, MAX_PNG_CHUNKS_BEFORE_IMAGE, svgMetadataContent } from '../../shared/diagram/metadata';
import { buildChunk, buildITxtChunk, DOCUMENT_KEYWORD, extractDocumentFromPng, PNG_SIGNATURE, pngSize } from '../../shared/diagram/png-chunks';
import { extractDocumentFromSvg, MAILFLOW_NS } from '../../shared/diagram/svg';
import { pngEmptyChunks, svgManyDocumentTags, svgUnclosedMetadata } from '../hostile/pictures';

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const IHDR = buildChunk('IHDR', Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0));
const IDAT = buildChunk('IDAT', new Uint8Array(0));
const IEND = buildChunk('IEND', new Uint8Array(0));

describe('hostile SVG', () => {
  it('4 MB of unclosed <metadata> tags: no design, and no freeze', { timeout: 15_000 }, () => {
    expect(importDocumentFromBytes('evil.svg', svgUnclosedMetadata(4 * 1024 * 1024))).toBeNull();
  });

  it('2 MB of unclosed <mailflow:document> tags: no design, and no freeze', { timeout: 15_000 }, () => {
    expect(importDocumentFromBytes('evil.svg', svgManyDocumentTags(2 * 1024 * 1024))).toBeNull();
  });

  it('the metadata scan finds exactly what the regex it replaced found', () => {
    const old = (s: string) => /<metadata\b[^>]*>([\s\S]*?)<\/metadata\s*>/.exec(s)?.[1] ?? null;
    const piece = fc.constantFrom('<metadata', '<metadatax', '>', '</metadata', '</metadata >', ' ', 'a', '<', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((a) => a.join('')), (s) => {
        expect(svgMetadataContent(s)).toBe(old(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the document element with or without a prefix, and skips others', () => {
    expect(embeddedDocumentPayload('<mailflow:document encoding="base64">QQ==</mailflow:document>')).toBe('QQ==');
    expect(embeddedDocumentPayload('<x/><document id="d" encoding=\'base64\' >QQ==</document >')).toBe('QQ==');
    expect(embeddedDocumentPayload('<mailflow:document encoding="hex">41</mailflow:document>')).toBeNull();
    expect(embeddedDocumentPayload('<mailflow:documents encoding="base64">QQ==</mailflow:documents>')).toBeNull();
    expect(embeddedDocumentPayload('<mailflow:document encoding="base64">QQ==')).toBeNull();
    const svg = `<svg xmlns:mailflow="${MAILFLOW_NS}"><metadata><mailflow:document encoding="base64">e30=</mailflow:document></metadata></svg>`;
    expect(extractDocumentFromSvg(svg)).toBe('{}');
  });
});

describe('hostile PNG', () => {
  it('stops looking for the design at the image data and after a bounded number of chunks', () => {
    const doc = buildITxtChunk(DOCUMENT_KEYWORD, '{"a":1}');
    const filler = Array.from({ length: MAX_PNG_CHUNKS_BEFORE_IMAGE + 10 }, () => buildChunk('zzZz', new Uint8Array(0)));
    expect(extractDocumentFromPng(concat([PNG_SIGNATURE, IHDR, doc, IDAT, IEND]))).toBe('{"a":1}');
    // Behind thousands of chunks, or after the image data, it is not looked for.
    expect(extractDocumentFromPng(concat([PNG_SIGNATURE, IHDR, ...filler, doc, IDAT, IEND]))).toBeNull();
    expect(extractDocumentFromPng(concat([PNG_SIGNATURE, IHDR, IDAT, doc, IEND]))).toBeNull();
  });

  it('20 MB of empty chunks: no design, and no freeze', { timeout: 15_000 }, () => {
    const png = pngEmptyChunks(20 * 1024 * 1024);
    expect(importDocumentFromBytes('evil.png', png)).toBeNull();
    expect(pngSize(png)).toEqual({ width: 1, height: 1 });
  });

  it('a chunk length above 2^31 - 1 ends the walk', () => {
    const bad = concat([PNG_SIGNATURE, IHDR, Uint8Array.of(0x80, 0, 0, 0, 0x74, 0x45, 0x58, 0x74)]);
    expect(extractDocumentFromPng(bad)).toBeNull();
  });

  it('a picture above the size limit is not read at all', () => {
    expect(MAX_PICTURE_BYTES).toBe(200 * 1024 * 1024);
    // A view that claims to be larger without allocating it.
    const huge = new Proxy(new Uint8Array(8), { get: (t, k) => (k === 'length' ? MAX_PICTURE_BYTES + 1 : Reflect.get(t, k)) });
    expect(importDocumentFromBytes('big.svg', huge)).toBeNull();
  });
});
