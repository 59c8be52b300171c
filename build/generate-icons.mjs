#!/usr/bin/env node
/**
 * Draws the app icon and writes build/icon.png (512×512), build/icon.ico (256×256 PNG inside an
 * ICO container, Windows Vista+) and build/icon.icns (512×512 PNG as the `ic09` element, macOS
 * 10.7+), with nothing but node:zlib — no image tools needed, so it runs offline.
 * The icon: a blue rounded square, a white envelope, and a green arrow (mail flowing onward).
 * Run: node build/generate-icons.mjs
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

// --- shapes as signed distance functions (negative inside), in a 0..1 coordinate space ---
const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (x, y, ax, ay, bx, by, width) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - width / 2;
};
const triangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const side = (px, py, qx, qy) => (x - px) * (qy - py) - (y - py) * (qx - px);
  const s1 = side(ax, ay, bx, by), s2 = side(bx, by, cx, cy), s3 = side(cx, cy, ax, ay);
  const inside = (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  const edge = Math.min(segment(x, y, ax, ay, bx, by, 0), segment(x, y, bx, by, cx, cy, 0), segment(x, y, cx, cy, ax, ay, 0));
  return inside ? -edge : edge;
};

/** Straight-alpha RGBA 0..1 of one pixel, shapes painted back to front with anti-aliased coverage. */
function layers() {
  let r = 0, g = 0, b = 0, a = 0;
  const paint = (distance, [cr, cg, cb], pixel) => {
    const coverage = Math.max(0, Math.min(1, 0.5 - distance / pixel));
    r = r * (1 - coverage) + cr * coverage;
    g = g * (1 - coverage) + cg * coverage;
    b = b * (1 - coverage) + cb * coverage;
    a = a * (1 - coverage) + coverage;
  };
  return { paint, get: () => [r, g, b, a] };
}

function render(size) {
  const pixel = 1 / size;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const x = (px + 0.5) / size, y = (py + 0.5) / size;
      const canvas = layers();
      // Background: Exchange-like blue, darker towards the bottom.
      const t = y;
      canvas.paint(roundedBox(x, y, 0.5, 0.5, 0.44, 0.44, 0.1), [0.0 + 0.02 * (1 - t), 0.36 + 0.12 * (1 - t), 0.75 + 0.1 * (1 - t)], pixel);
      // Envelope body and flap.
      canvas.paint(roundedBox(x, y, 0.45, 0.52, 0.25, 0.17, 0.03), [1, 1, 1], pixel);
      const flap = Math.min(segment(x, y, 0.215, 0.375, 0.45, 0.55, 0.045), segment(x, y, 0.45, 0.55, 0.685, 0.375, 0.045));
      canvas.paint(flap, [0.08, 0.42, 0.78], pixel);
      // Arrow: mail flowing on.
      canvas.paint(segment(x, y, 0.58, 0.73, 0.76, 0.73, 0.06), [0.2, 0.78, 0.45], pixel);
      canvas.paint(triangle(x, y, [0.75, 0.65], [0.86, 0.73], [0.75, 0.81]), [0.2, 0.78, 0.45], pixel);
      const [r, g, b, a] = canvas.get();
      const offset = (py * size + px) * 4;
      rgba[offset] = Math.round(r * 255);
      rgba[offset + 1] = Math.round(g * 255);
      rgba[offset + 2] = Math.round(b * 255);
      rgba[offset + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

// --- PNG encoder (RGBA, 8 bits, no interlace) ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- containers ---
function encodeIco(png256) {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header[6] = 0; // width 256
  header[7] = 0; // height 256
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png256.length, 14);
  header.writeUInt32LE(22, 18); // offset of the image data
  return Buffer.concat([header, png256]);
}
function encodeIcns(entries) {
  const parts = entries.map(([type, data]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

const png512 = encodePng(512, render(512));
const png256 = encodePng(256, render(256));
writeFileSync(join(here, 'icon.png'), png512);
writeFileSync(join(here, 'icon.ico'), encodeIco(png256));
// ic09 = 512×512 PNG, ic08 = 256×256 PNG.
writeFileSync(join(here, 'icon.icns'), encodeIcns([['ic08', png256], ['ic09', png512]]));
console.log(`icon.png ${png512.length} B, icon.ico ${png256.length + 22} B, icon.icns written to ${here}`);
