/**
 * Hostile pictures (issue 11, items 2 and 3), built at any size: the tests use small sizes, and
 * bench/hostile-inputs.mjs the sizes of the audit.
 */
import { buildChunk, PNG_SIGNATURE } from '../../shared/diagram/png-chunks';
import { MAILFLOW_NS } from '../../shared/diagram/svg';

const enc = new TextEncoder();

/** An SVG with `count` unclosed `<metadata>` tags: the old regex retried from each, to the end. */
export function svgUnclosedMetadata(bytes: number): Uint8Array {
  const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:mailflow="${MAILFLOW_NS}">`;
  const unit = '<metadata>';
  return enc.encode(head + unit.repeat(Math.max(1, Math.floor((bytes - head.length) / unit.length))) + '</svg>');
}

/** An SVG whose metadata holds many unclosed `<mailflow:document` tags and long names. */
export function svgManyDocumentTags(bytes: number): Uint8Array {
  const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:mailflow="${MAILFLOW_NS}"><metadata>`;
  const unit = '<mailflow:document encoding="base64" ';
  const body = unit.repeat(Math.max(1, Math.floor((bytes - head.length) / unit.length)));
  return enc.encode(head + body + '</metadata></svg>');
}

/** A PNG of `bytes` bytes made of empty ancillary chunks after IHDR, then IDAT and IEND. */
export function pngEmptyChunks(bytes: number): Uint8Array {
  const ihdr = buildChunk('IHDR', Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0));
  const empty = buildChunk('zzZz', new Uint8Array(0));
  const tail = [buildChunk('IDAT', new Uint8Array(0)), buildChunk('IEND', new Uint8Array(0))];
  const count = Math.max(1, Math.floor((bytes - 8 - ihdr.length - 24) / empty.length));
  const out = new Uint8Array(8 + ihdr.length + count * empty.length + 24);
  out.set(PNG_SIGNATURE, 0);
  out.set(ihdr, 8);
  let at = 8 + ihdr.length;
  for (let i = 0; i < count; i++, at += empty.length) out.set(empty, at);
  for (const t of tail) {
    out.set(t, at);
    at += t.length;
  }
  return out;
}
