/**
 * The one id allocator of the document: ids are unique across tenants, connectors, rules, servers
 * and scenarios (document-format.md), match `patterns.id`, and a new one is derived from a readable
 * base ("contoso-inbound", then "contoso-inbound-2", …). Set-based and linear: the next free suffix
 * of each base is remembered per set, so allocating n ids with one base costs O(n), not O(n²).
 */
import type { TopologyDocument } from './schema';
import { patterns } from './schema';

/** Every id of the document (tenants, connectors, rules, servers, scenarios). */
export function allIds(doc: TopologyDocument): Set<string> {
  const ids = new Set<string>();
  for (const t of doc.tenants) {
    ids.add(t.id);
    for (const c of t.inboundConnectors) ids.add(c.id);
    for (const c of t.outboundConnectors) ids.add(c.id);
    for (const r of t.transportRules) ids.add(r.id);
  }
  for (const s of doc.servers) ids.add(s.id);
  for (const s of doc.scenarios) ids.add(s.id);
  return ids;
}

/** A readable id from any text: lower case ASCII letters, digits, ".", "_", "-"; "item" when nothing is left. */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    // The accents NFKD split off go, so "Ünïcode" is "unicode", not "u-ni-code".
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 100);
  return slug || 'item';
}

const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

/** `base` (slugified), or `base-2`, `base-3`, … whichever is free in `taken`, which is updated. */
export function uniqueId(taken: Set<string>, base: string): string {
  const root = slugify(base);
  if (!taken.has(root) && patterns.id.test(root)) {
    taken.add(root);
    return root;
  }
  let counters = nextSuffix.get(taken);
  if (!counters) nextSuffix.set(taken, (counters = new Map()));
  let n = counters.get(root) ?? 2;
  let candidate = `${root}-${n}`;
  while (taken.has(candidate) || !patterns.id.test(candidate)) candidate = `${root}-${++n}`;
  counters.set(root, n + 1);
  taken.add(candidate);
  return candidate;
}
