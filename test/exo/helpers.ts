import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from '../../cli/types';
import type { ExoFile } from '../../shared/exo';
import { decodeExoBytes } from '../../shared/exo';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'exo');

/** A fixture as the CLI reads it: bytes, decoded the way the module's files are. */
export function fixture(name: string): ExoFile {
  return { name, text: decodeExoBytes(readFileSync(join(FIXTURES, name))) };
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** An in-memory CliIO: files are a map; stdout and stderr are collected. */
export function memoryIO(files: Record<string, string | Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const store = new Map<string, string | Uint8Array>(Object.entries(files));
  const writes: string[] = [];
  const missing = (p: string) => Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readText: (p) => {
      const v = store.get(p);
      if (v === undefined) throw missing(p);
      return typeof v === 'string' ? v : new TextDecoder().decode(v);
    },
    readBytes: (p) => {
      const v = store.get(p);
      if (v === undefined) throw missing(p);
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
    writeFile: (p, d) => {
      writes.push(p);
      store.set(p, d);
    },
  };
  return { io, files: store, writes, stdout: () => out.join(''), stderr: () => err.join('') };
}
