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

function safeParse(schema: Schema, value: unknown): BoundedResult<unknown> {
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
export function safeParseBounded<T>(schema: z.ZodType<T>, value: unknown, maxIssues: number, options: { innerListsShort?: boolean } = {}): BoundedResult<T> {
  // With no list or map longer than LONG below the top level (the pre-scan knows), the walk for
  // long lists of plain values cannot find anything: skip it.
  const leaves = options.innerListsShort ? () => [] : leafIssues;
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
  if (lists.length === 0) {
    const early = leaves(schema, value, [], maxIssues);
    return early.length ? { success: false, issues: early } : (safeParse(schema, value) as BoundedResult<T>);
  }
  // The rest of the document first (with the long lists empty), then each list item by item.
  const shell: Record<string, unknown> = { ...value };
  for (const l of lists) shell[l.key] = [];
  const issues: Issue[] = [];
  const head = safeParse(schema, shell);
  if (!head.success) issues.push(...head.issues);
  const parsed = new Map<string, unknown[]>();
  for (const l of lists) {
    const out: unknown[] = [];
    for (let i = 0; i < l.items.length && issues.length < maxIssues; i++) {
      const early = leaves(l.element, l.items[i], [l.key, i], maxIssues - issues.length);
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
  return { success: true, data: data as T };
}
