/**
 * Reading and writing PNG text chunks (PNG specification, 3rd edition, sections 5 and 11.3.3), so an
 * exported PNG carries the design it shows: opening the picture in the app restores the document.
 *
 * The document is JSON that may hold Japanese names, so it goes into an uncompressed `iTXt` chunk
 * (UTF-8); `tEXt` is Latin-1 only. The reader accepts both. No zlib is needed for either.
 */
import { utf8Decode, utf8Encode } from './encoding';
import { MAX_PNG_CHUNKS_BEFORE_IMAGE } from './metadata';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
export const DOCUMENT_KEYWORD = 'mailflow-document';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG uses it (over the chunk type and data). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface PngChunk {
  type: string;
  /** Offset of the chunk's length field in the file. */
  offset: number;
  data: Uint8Array;
  crcValid: boolean;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

function writeUint32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = (value >>> 24) & 255;
  bytes[at + 1] = (value >>> 16) & 255;
  bytes[at + 2] = (value >>> 8) & 255;
  bytes[at + 3] = value & 255;
}

/** A chunk's position, read without copying or checking anything (see `pngChunkHeaders`). */
interface PngChunkHeader {
  type: string;
  offset: number;
  length: number;
}

/**
 * The chunks' headers in order, lazily: nothing is allocated per chunk beyond the header, so a
 * file of millions of tiny chunks costs time only for the chunks a caller actually walks.
 * Stops at a truncated chunk, at IEND, and at a length above 2^31 − 1 (PNG spec 5.3).
 */
function* pngChunkHeaders(bytes: Uint8Array): Generator<PngChunkHeader> {
  if (!isPng(bytes)) return;
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = readUint32(bytes, at);
    if (length > 0x7fffffff) return;
    const end = at + 12 + length;
    if (end > bytes.length) return;
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    yield { type, offset: at, length };
    at = end;
    if (type === 'IEND') return;
  }
}

function toChunk(bytes: Uint8Array, h: PngChunkHeader): PngChunk {
  const data = bytes.subarray(h.offset + 8, h.offset + 8 + h.length);
  const crcValid = crc32(bytes, h.offset + 4, h.offset + 8 + h.length) === readUint32(bytes, h.offset + 8 + h.length);
  return { type: h.type, offset: h.offset, data, crcValid };
}

/** Every chunk in order; stops at a truncated chunk. Returns [] for a file that is not a PNG. */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  return Array.from(pngChunkHeaders(bytes), (h) => toChunk(bytes, h));
}

/** Width and height in pixels from the IHDR chunk, or null. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  // IHDR is the first chunk (PNG spec 5.6): no need to walk the rest.
  const first = pngChunkHeaders(bytes).next();
  if (first.done || first.value.type !== 'IHDR') return null;
  const ihdr = toChunk(bytes, first.value);
  if (ihdr.data.length < 8) return null;
  return { width: readUint32(ihdr.data, 0), height: readUint32(ihdr.data, 4) };
}

export function buildChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  writeUint32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  writeUint32(out, 8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** An uncompressed iTXt chunk: keyword, NUL, flag 0, method 0, empty language tag and translated keyword, UTF-8 text. */
export function buildITxtChunk(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) throw new Error('a PNG keyword is 1 to 79 printable Latin-1 characters');
  const key = utf8Encode(keyword);
  const body = utf8Encode(text);
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  // After the keyword: NUL, compression flag 0, compression method 0, NUL (language), NUL (translated keyword).
  data.set(body, key.length + 5);
  return buildChunk('iTXt', data);
}

/**
 * The PNG with a text chunk inserted right after IHDR (before the image data, so a reader that stops
 * early still finds it). An existing chunk with the same keyword is replaced.
 */
export function insertTextChunk(png: Uint8Array, keyword: string, text: string): Uint8Array {
  const chunks = readPngChunks(png);
  if (chunks.length === 0 || chunks[0].type !== 'IHDR') throw new Error('not a PNG file');
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  for (const chunk of chunks) {
    const raw = png.subarray(chunk.offset, chunk.offset + 12 + chunk.data.length);
    if ((chunk.type === 'iTXt' || chunk.type === 'tEXt') && textChunkKeyword(chunk) === keyword) continue;
    parts.push(raw);
    if (chunk.type === 'IHDR') parts.push(buildITxtChunk(keyword, text));
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function textChunkKeyword(chunk: PngChunk): string | null {
  const nul = chunk.data.indexOf(0);
  if (nul <= 0) return null;
  return latin1(chunk.data.subarray(0, nul));
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/**
 * The text of the first valid tEXt or uncompressed iTXt chunk with this keyword, or null (not a PNG,
 * no such chunk, a damaged chunk, or a compressed iTXt, which this reader does not inflate).
 *
 * Only the chunks before the image data are read (the exporter writes the document right after
 * IHDR), and at most MAX_PNG_CHUNKS_BEFORE_IMAGE of them: a hostile file of millions of empty chunks
 * costs neither time nor memory.
 */
export function readTextChunk(png: Uint8Array, keyword: string): string | null {
  let seen = 0;
  for (const header of pngChunkHeaders(png)) {
    if (header.type === 'IDAT' || header.type === 'IEND' || ++seen > MAX_PNG_CHUNKS_BEFORE_IMAGE) return null;
    if (header.type !== 'iTXt' && header.type !== 'tEXt') continue;
    const chunk = toChunk(png, header);
    if (!chunk.crcValid) continue;
    if (textChunkKeyword(chunk) !== keyword) continue;
    const afterKey = keyword.length + 1;
    if (chunk.type === 'tEXt') return latin1(chunk.data.subarray(afterKey));
    const compressed = chunk.data[afterKey];
    if (compressed !== 0) continue;
    // Skip compression method, then the NUL-terminated language tag and translated keyword.
    let at = afterKey + 2;
    const langEnd = chunk.data.indexOf(0, at);
    if (langEnd < 0) continue;
    const transEnd = chunk.data.indexOf(0, langEnd + 1);
    if (transEnd < 0) continue;
    at = transEnd + 1;
    try {
      return utf8Decode(chunk.data.subarray(at));
    } catch {
      continue;
    }
  }
  return null;
}

export function embedDocumentInPng(png: Uint8Array, documentText: string): Uint8Array {
  return insertTextChunk(png, DOCUMENT_KEYWORD, documentText);
}

/** The document text embedded by an export, or null when the file carries none. */
export function extractDocumentFromPng(bytes: Uint8Array): string | null {
  return readTextChunk(bytes, DOCUMENT_KEYWORD);
}
