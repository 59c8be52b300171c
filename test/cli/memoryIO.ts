import type { CliIO } from '../../cli/types';

/** An in-memory CliIO: files are a map; stdout/stderr are collected. */
export function memoryIO(files: Record<string, string | Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const store = new Map(Object.entries(files));
  const io: CliIO = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readText: (p) => {
      const v = store.get(p);
      if (v === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return typeof v === 'string' ? v : new TextDecoder().decode(v);
    },
    readBytes: (p) => {
      const v = store.get(p);
      if (v === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
    writeFile: (p, d) => void store.set(p, d),
  };
  return { io, files: store, stdout: () => out.join(''), stderr: () => err.join('') };
}
