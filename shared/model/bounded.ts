/**
 * Schema validation that stops after the first N issues (issue 11).
 *
 * zod reports every issue of a value; 50 MB of invalid values gave about 3 million issues (27 s,
 * 3 GB) although the loader shows 50. The document's big lists (tenants, servers, scenarios) are
 * therefore validated one item at a time, stopping once enough issues are known, and inside an
 * item, long lists of plain values (recipients, IP addresses, domains…) and big maps are checked
 * value by value first. The rest of the document (its fields without those lists) is validated as
 * usual. A valid document is validated exactly once; the result is the one zod gives.
 */
import { z } from 'zod';

/** Lists longer than this are validated item by item. */
export const LONG = 256;

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;
export type BoundedResult<T> = { success: true; data: T } | { success: false; issues: Issue[] };

/** A schema's (or a check's) definition, read as the plain record it is (zod 4's internals). */
function defOf(s: Schema): Record<string, unknown> {
  const def: object = s._zod.def;
  return def as Record<string, unknown>;
}

/** The schema under `.default()`, `.optional()`, `.nullable()`. */
export function unwrap(s: Schema): Schema {
  let x = s;
  for (let d = defOf(x); d.type === 'default' || d.type === 'optional' || d.type === 'nullable' || d.type === 'prefault'; d = defOf(x)) {
    x = d.innerType as Schema;
  }
  return x;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const prefixed = (issues: readonly Issue[], prefix: PropertyKey[]): Issue[] => issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }) as Issue);

/** The longest list the array schema allows (its `.max()`), or Infinity. */
export function maxLength(array: Schema): number {
  const checks = (defOf(array).checks ?? []) as Schema[];
  let max = Infinity;
  for (const c of checks) {
    const d = defOf(c) as { check?: string; maximum?: number };
    if (d.check === 'max_length' && typeof d.maximum === 'number') max = Math.min(max, d.maximum);
  }
  return max;
}

/**
 * Hand-written acceptors for schemas met hundreds of thousands of times in one document (a canvas
 * position per entity). An acceptor returns exactly what zod would return for a value zod accepts,
 * or `undefined` for anything it is not sure of: zod then parses that value, so a refused value gets
 * zod's own issues (test/model/fast-accept.test.ts compares the two).
 */
const FAST = new Map<Schema, FastAcceptor>();

/**
 * `reuse`: the value belongs to the loader (JSON.parse made it for this load), so when it already
 * is exactly what zod would return (same fields, same order) the acceptor may return it itself.
 */
export type FastAcceptor = (value: unknown, reuse?: boolean) => unknown;

/** Registers `accept` as the fast path of `schema` (see FAST). */
export function registerFastAcceptor(schema: Schema, accept: FastAcceptor): void {
  FAST.set(schema, accept);
}

/** The acceptor registered for `schema`, if any (for the test that compares it with zod). */
export function fastAcceptor(schema: Schema): FastAcceptor | undefined {
  return FAST.get(schema);
}

function safeParse(schema: Schema, value: unknown, reuse = false): BoundedResult<unknown> {
  const fast = FAST.get(schema);
  if (fast) {
    const data = fast(value, reuse);
    if (data !== undefined) return { success: true, data };
  }
  const r = z.safeParse(schema, value);
  return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues as Issue[] };
}

/**
 * Issues among the plain values of long lists and big maps anywhere inside `value` (objects and
 * lists of objects are walked without being validated), at most `budget`; [] when there are none.
 * `path` is a stack shared by the walk (copied only for an issue), so a valid document costs one
 * cheap pass.
 */
function leafIssues(schema: Schema, value: unknown, path: PropertyKey[], budget: number, out: Issue[] = []): Issue[] {
  if (value === null || typeof value !== 'object') return out;
  const s = unwrap(schema);
  const d = defOf(s);
  if (d.type === 'object' && isPlainObject(value)) {
    const shape = d.shape as Record<string, Schema>;
    for (const key in shape) {
      const v = Object.hasOwn(value, key) ? value[key] : undefined;
      if (v === null || typeof v !== 'object') continue;
      path.push(key);
      leafIssues(shape[key], v, path, budget, out);
      path.pop();
      if (out.length >= budget) break;
    }
  } else if (d.type === 'array' && Array.isArray(value) && value.length <= maxLength(s)) {
    const element = unwrap(d.element as Schema);
    const kind = defOf(element).type;
    if (kind === 'object' || kind === 'array' || kind === 'record') {
      // Walked, not validated: the long lists inside each item are what can hold millions of values.
      for (let i = 0; i < value.length && out.length < budget; i++) {
        path.push(i);
        leafIssues(element, value[i], path, budget, out);
        path.pop();
      }
    } else if (value.length > LONG) {
      for (let i = 0; i < value.length && out.length < budget; i++) {
        const r = safeParse(d.element as Schema, value[i]);
        if (!r.success) out.push(...prefixed(r.issues, [...path, i]));
      }
    }
  } else if (d.type === 'record' && isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length > LONG) {
      for (const key of keys) {
        const r = safeParse(d.valueType as Schema, value[key]);
        if (!r.success) out.push(...prefixed(r.issues, [...path, key]));
        if (out.length >= budget) break;
      }
    }
  }
  if (out.length > budget) out.length = budget;
  return out;
}

/**
 * `schema.safeParse(value)` for an object schema, with at most about `maxIssues` issues: long
 * top-level lists are validated item by item.
 */
export function safeParseBounded<T>(
  schema: z.ZodType<T>,
  value: unknown,
  maxIssues: number,
  options: { innerListsShort?: boolean; itemListsShort?: boolean; owned?: boolean } = {},
): BoundedResult<T> {
  // With no list or map longer than LONG below the top level (the pre-scan knows), the walk for
  // long lists of plain values cannot find anything: skip it; the same for each item of a long
  // list when there is none inside the items (`view.positions` may still be long).
  const none = () => [];
  const leaves = options.innerListsShort ? none : leafIssues;
  const itemLeaves = options.innerListsShort || options.itemListsShort ? none : leafIssues;
  const d = defOf(schema);
  if (d.type !== 'object' || !isPlainObject(value)) return safeParse(schema, value) as BoundedResult<T>;
  const shape = d.shape as Record<string, Schema>;
  const lists: Array<{ key: string; items: unknown[]; element: Schema }> = [];
  for (const key of Object.keys(shape)) {
    const field = Object.hasOwn(value, key) ? value[key] : undefined;
    const inner = unwrap(shape[key]);
    const fd = defOf(inner);
    // A list over its maximum is left to zod, which reports only that.
    if (fd.type === 'array' && Array.isArray(field) && field.length > LONG && field.length <= maxLength(inner)) {
      lists.push({ key, items: field, element: fd.element as Schema });
    }
  }
  const records = bigRecords(shape, value);
  if (lists.length === 0) {
    const early = leaves(schema, value, [], maxIssues);
    if (early.length) return { success: false, issues: early };
    if (records.length === 0) return safeParse(schema, value) as BoundedResult<T>;
  }
  // The rest of the document first (with the long lists and big records empty), then each list
  // item by item and each record entry by entry.
  const shell: Record<string, unknown> = { ...value };
  for (const l of lists) shell[l.key] = [];
  for (const r of records) shell[r.parent] = { ...(shell[r.parent] as object), [r.key]: {} };
  const issues: Issue[] = [];
  const head = safeParse(schema, shell);
  if (!head.success) issues.push(...head.issues);
  const fields = Object.keys(shape);
  const parsedRecords = records.map((r) => {
    // Where zod reports them in the head: the record is its parent's first field, so its issues
    // come before any other issue of the parent, of the fields after it and of the root itself.
    const found = issues.findIndex((i) => i.path.length === 0 || !(fields.indexOf(String(i.path[0])) < r.parentIndex));
    const at = found < 0 ? issues.length : found;
    const out = parseRecord(r, maxIssues - at, options.owned === true);
    issues.splice(at, 0, ...out.issues);
    return out.data;
  });
  const parsed = new Map<string, unknown[]>();
  for (const l of lists) {
    const out: unknown[] = [];
    for (let i = 0; i < l.items.length && issues.length < maxIssues; i++) {
      const early = itemLeaves(l.element, l.items[i], [l.key, i], maxIssues - issues.length);
      if (early.length) {
        issues.push(...early);
        continue;
      }
      const r = safeParse(l.element, l.items[i]);
      if (r.success) out.push(r.data);
      else issues.push(...prefixed(r.issues, [l.key, i]));
    }
    parsed.set(l.key, out);
  }
  if (issues.length || !head.success) return { success: false, issues };
  const data = head.data as Record<string, unknown>;
  for (const [key, items] of parsed) data[key] = items;
  records.forEach((r, n) => ((data[r.parent] as Record<string, unknown>)[r.key] = parsedRecords[n]));
  return { success: true, data: data as T };
}

interface BigRecord {
  /** The root field that holds the record (`view`), and its place among the root's fields. */
  parent: string;
  parentIndex: number;
  /** The record's field (`positions`): always the first field of `parent`. */
  key: string;
  entries: Record<string, unknown>;
  /** `Object.keys(entries)`, listed once (a dictionary of 140,000 keys takes a while to list). */
  keys: string[];
  valueType: Schema;
}

/** A plain object of string keys only, as JSON.parse makes (anything else is left to zod). */
const isJsonObject = (v: unknown): v is Record<string, unknown> => {
  if (!isPlainObject(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(v).length === 0;
};

/**
 * Records of more than LONG entries in the first field of a root object field (`view.positions`:
 * one per entity, 140,000 in a large design), validated entry by entry instead of by zod as a
 * whole (which the fast acceptor of their values makes cheap).
 */
function bigRecords(shape: Record<string, Schema>, value: Record<string, unknown>): BigRecord[] {
  const out: BigRecord[] = [];
  Object.keys(shape).forEach((parent, parentIndex) => {
    const d = defOf(unwrap(shape[parent]));
    const holder = Object.hasOwn(value, parent) ? value[parent] : undefined;
    if (d.type !== 'object' || !isJsonObject(holder)) return;
    const key = Object.keys(d.shape as Record<string, Schema>)[0];
    const rd = key === undefined ? null : defOf(unwrap((d.shape as Record<string, Schema>)[key]));
    const entries = Object.hasOwn(holder, key) ? holder[key] : undefined;
    if (rd?.type !== 'record' || defOf(rd.keyType as Schema).type !== 'string' || !isJsonObject(entries)) return;
    const keys = Object.keys(entries);
    if (keys.length > LONG) out.push({ parent, parentIndex, key, entries, keys, valueType: rd.valueType as Schema });
  });
  return out;
}

/**
 * What zod's record of `r.valueType` gives for `r.entries`: its value, or its issues (at most about
 * `budget`). With `owned` entries (JSON.parse made them for this load) whose values all come back
 * as they are, the value is `r.entries` itself: no second dictionary of 140,000 keys.
 */
function parseRecord(r: BigRecord, budget: number, owned: boolean): { data: Record<string, unknown>; issues: Issue[] } {
  let data: Record<string, unknown> | null = null;
  const issues: Issue[] = [];
  for (let n = 0; n < r.keys.length; n++) {
    const key = r.keys[n];
    const p = key === '__proto__' ? null : safeParse(r.valueType, r.entries[key], owned);
    if (p && !p.success) {
      issues.push(...prefixed(p.issues, [r.parent, r.key, key]));
      if (issues.length >= budget) break;
      continue;
    }
    if (data === null && (!owned || p === null || p.data !== r.entries[key])) {
      // The first entry that differs: from here on, a copy (zod skips `__proto__`, and the loader
      // refuses it before the schema runs).
      data = {};
      for (let k = 0; k < n; k++) data[r.keys[k]] = r.entries[r.keys[k]];
    }
    if (data && p) data[key] = p.data;
  }
  return { data: data ?? r.entries, issues };
}
