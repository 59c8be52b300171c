/**
 * Fuzzing the loader with 10,000+ random and mutated documents, hostile ones included (deep nesting,
 * huge strings, prototype keys, truncated text): it never throws, and always answers with either a
 * valid document or located errors. The input is never changed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocumentText, validateDocument, type LoadResult } from '../../shared/model/load';
import { SPEC_EXAMPLES_DIR } from '../specExamples';

const dir = SPEC_EXAMPLES_DIR;
const seeds = readdirSync(dir).filter((f) => f.endsWith('.mailflow.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));

function assertWellFormed(r: LoadResult): void {
  if (r.ok) {
    // A document the loader accepts must load again unchanged.
    const again = validateDocument(JSON.parse(JSON.stringify(r.document)));
    expect(again.ok ? again.document : again.errors).toEqual(r.document);
    return;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string');
    expect(e.path.length).toBeGreaterThan(0);
    expect(e.message).toContain('expected');
  }
}

/** All JSON paths of a value, to choose where to mutate. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (prefix.length > 12) return out; // the mutation sites are in the document's own shape
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

/** A copy of `root` with the value at `path` set or deleted; only the objects along the path are copied. */
function setAt(root: unknown, path: (string | number)[], v: unknown, mode: 'set' | 'delete'): unknown {
  if (path.length === 0) return mode === 'delete' ? undefined : v;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  if (rest.length === 0) {
    if (mode === 'delete') {
      if (Array.isArray(copy)) copy.splice(head as number, 1);
      else delete copy[head];
    } else copy[head] = v;
    return copy;
  }
  copy[head] = setAt(copy[head], rest, v, mode);
  return copy;
}

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constant('x'.repeat(200_000)),
  fc.constant(Array.from({ length: 10_000 }, () => '203.0.113.1')),
  // Deep nesting is built inside the property (a marker here), so a counterexample stays printable.
  fc.integer({ min: 1, max: 1500 }).map((n) => ({ deepNesting: n })),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}}')),
  fc.constantFrom(null, true, -1, 1e308, '', '<>', '*', '0.0.0.0/0', '256.1.1.1', 'a@b', '../../etc/passwd'),
);

function materialize(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { deepNesting?: unknown }).deepNesting === 'number') {
    let out: unknown = 1;
    for (let i = 0; i < (v as { deepNesting: number }).deepNesting; i++) out = [out];
    return out;
  }
  return v;
}

describe('loader fuzzing', () => {
  it('survives 5,000 mutated example documents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), hostile, fc.constantFrom('set', 'delete'), fc.nat(), (seed, pick, marker, mode, pick2) => {
        const value = materialize(marker);
        const all = paths(seed);
        let mutated = setAt(seed, all[pick % all.length], value, mode as 'set' | 'delete');
        const again = paths(mutated);
        mutated = setAt(mutated, again[pick2 % again.length], value, 'set');
        const before = JSON.stringify(mutated);
        assertWellFormed(validateDocument(mutated));
        expect(JSON.stringify(mutated)).toBe(before);
      }),
      { numRuns: 5000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives 3,000 random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => assertWellFormed(validateDocument(value))),
      { numRuns: 3000 },
    );
  });

  it('survives 2,000 truncated or corrupted texts', () => {
    const texts = seeds.map((s) => JSON.stringify(s, null, 2));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.string({ maxLength: 3 }), (text, at, junk) => {
        const cut = at % (text.length + 1);
        assertWellFormed(parseDocumentText(text.slice(0, cut) + junk + text.slice(cut + (at % 3))));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses nesting deeper than any document has, without exhausting the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = parseDocumentText(`{"format":"mailflow-topology","version":1,"title":${deep}}`);
    expect(r.ok).toBe(false);
  });
});
