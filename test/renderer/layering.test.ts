/**
 * Layering between renderer folders (VS Code's layers, xyflow's system/react split): no two
 * folders import each other, directly or round a longer loop. ESLint has no cycle rule without a
 * plugin, so this test reads the imports. The cycles that exist today are listed with what removes
 * them; the list may only shrink (a listed cycle that is gone fails too, so the list stays true).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../renderer');

/** Folder cycles present today, each with the change that removes it. Keep sorted pairs. */
const KNOWN_CYCLES: Record<string, string> = {
  'actions ↔ app': 'coreActions uses app/preferences (theme, language): preferences belongs below both',
  'actions ↔ canvas': 'editing.ts uses canvas geometry (freeSpot, GRID) and the announcer: they move to the shared layout (issue 12)',
  'files ↔ integrations': 'fileController opens bundled examples and exported pictures through integrations/',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** A renderer folder, or the file's own name for files at the top (main.tsx is the composition root). */
function unitOf(file: string): string {
  const rel = path.relative(ROOT, file);
  const [first] = rel.split(path.sep);
  return rel.includes(path.sep) ? first : first.replace(/\.(ts|tsx)$/, '');
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(ROOT)) {
    const from = unitOf(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), match[1]);
      if (!target.startsWith(ROOT + path.sep)) continue;
      const to = unitOf(statSafe(target) ? path.join(target, 'index.ts') : target + '.ts');
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

function statSafe(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Pairs of units that reach each other (each pair once, sorted). */
function mutualReach(graph: Map<string, Set<string>>): string[] {
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) for (const next of graph.get(stack.pop() as string) ?? []) if (!seen.has(next)) stack.push(seen.add(next) && next);
    return seen;
  };
  const reaches = new Map([...graph.keys()].map((unit) => [unit, reach(unit)]));
  const pairs = new Set<string>();
  for (const [a, fromA] of reaches) for (const b of fromA) if (a < b && reaches.get(b)?.has(a)) pairs.add(`${a} ↔ ${b}`);
  return [...pairs].sort();
}

describe('renderer folder layering', () => {
  const graph = folderGraph();

  it('sees the folders and their imports', () => {
    expect(graph.get('canvas')?.has('store')).toBe(true);
    expect(graph.get('main')?.has('app')).toBe(true);
  });

  it('has no import cycle between folders beyond the known ones, and nothing imports the entry point', () => {
    const direct = [...graph].flatMap(([a, targets]) => [...targets].filter((b) => a < b && graph.get(b)?.has(a)).map((b) => `${a} ↔ ${b}`)).sort();
    expect(direct).toEqual(Object.keys(KNOWN_CYCLES).sort());
    for (const [from, targets] of graph) expect(targets.has('main'), `${from} imports main.tsx`).toBe(false);
  });

  it('has no longer loop either (a → b → c → a) that the known cycles do not explain', () => {
    // Without the known cycles' edges, nothing may reach back to where it came from.
    const pruned = new Map([...graph].map(([a, targets]) => [a, new Set([...targets].filter((b) => !(`${a} ↔ ${b}` in KNOWN_CYCLES || `${b} ↔ ${a}` in KNOWN_CYCLES)))]));
    expect(mutualReach(pruned)).toEqual([]);
  });
});
