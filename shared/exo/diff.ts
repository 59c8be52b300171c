/**
 * What differs between two versions of a tenant (typically the one imported from Exchange Online
 * and the one designed), per entity and field (issue 6).
 *
 * Entities are matched by name, because two imports of the same tenant give different ids, and by
 * id when no name matches (a renamed entity). Accepted domains are matched by domain name. Values
 * are compared as Exchange compares them: domain lists as case-insensitive sets, an absent or empty
 * rule condition as "not set", `x.x.x.x/32` as `x.x.x.x`.
 */
import type { Lang } from '../engine/types';
import type { AcceptedDomain, Tenant } from '../model/schema';
import { booleanWord, fieldLabel } from '../i18n/settingLabels';
import { INBOUND_TABLE, OUTBOUND_TABLE, RULE_TABLE, fieldView, type Comparable, type FieldContext } from './fields';
import { DIFF_TEXT } from './messages';

export type DiffEntityKind = 'tenant' | 'acceptedDomain' | 'inboundConnector' | 'outboundConnector' | 'transportRule';

export interface FieldChange {
  /** Path within the entity, e.g. `senderIPAddresses` or `conditions.sentToScope`. */
  field: string;
  old: unknown;
  new: unknown;
  /** For list fields: values only in b, and values only in a. */
  added?: string[];
  removed?: string[];
}

export interface EntityChange {
  kind: DiffEntityKind;
  /** The entity's name in b (in a when removed); the domain for accepted domains. */
  name: string;
  idA: string | null;
  idB: string | null;
  change: 'added' | 'removed' | 'changed';
  /** Empty for added and removed entities. */
  fields: FieldChange[];
}

export interface TenantDiff {
  a: { id: string; name: string };
  b: { id: string; name: string };
  identical: boolean;
  changes: EntityChange[];
}

export function diffTenants(a: Tenant, b: Tenant): TenantDiff {
  const changes: EntityChange[] = [];
  const tenantFields = compareFields(tenantView(a), tenantView(b));
  if (tenantFields.length) changes.push({ kind: 'tenant', name: b.name, idA: a.id, idB: b.id, change: 'changed', fields: tenantFields });

  const domainKey = (d: AcceptedDomain) => d.domainName.toLowerCase();
  for (const [x, y] of matchBy(a.acceptedDomains, b.acceptedDomains, domainKey, domainKey)) {
    pushChange(changes, 'acceptedDomain', x, y, (d) => d.domainName, () => null, domainView);
  }
  // A rule names its connector by id, and two imports give different ids: compare the names.
  const ctx = { a: fieldContext(a), b: fieldContext(b) };
  for (const [x, y] of matchEntities(a.inboundConnectors, b.inboundConnectors)) {
    pushChange(changes, 'inboundConnector', x, y, (c) => c.name, (c) => c.id, (c, side) => fieldView(c, INBOUND_TABLE, ctx[side]));
  }
  for (const [x, y] of matchEntities(a.outboundConnectors, b.outboundConnectors)) {
    pushChange(changes, 'outboundConnector', x, y, (c) => c.name, (c) => c.id, (c, side) => fieldView(c, OUTBOUND_TABLE, ctx[side]));
  }
  for (const [x, y] of matchEntities(a.transportRules, b.transportRules)) {
    pushChange(changes, 'transportRule', x, y, (r) => r.name, (r) => r.id, (r, side) => fieldView(r, RULE_TABLE, ctx[side]));
  }
  return { a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name }, identical: changes.length === 0, changes };
}

function pushChange<T>(
  out: EntityChange[],
  kind: DiffEntityKind,
  x: T | null,
  y: T | null,
  name: (v: T) => string,
  id: (v: T) => string | null,
  view: (v: T, side: 'a' | 'b') => Record<string, Comparable>,
): void {
  if (x && y) {
    const fields = compareFields(view(x, 'a'), view(y, 'b'));
    if (fields.length) out.push({ kind, name: name(y), idA: id(x), idB: id(y), change: 'changed', fields });
  } else if (y) out.push({ kind, name: name(y), idA: null, idB: id(y), change: 'added', fields: [] });
  else if (x) out.push({ kind, name: name(x), idA: id(x), idB: null, change: 'removed', fields: [] });
}

/** Pairs entities by name (exact, then ignoring case), then by id; the rest are added or removed. */
function matchEntities<T extends { id: string; name: string }>(as: readonly T[], bs: readonly T[]): Array<[T | null, T | null]> {
  const pairs: Array<[T | null, T | null]> = [];
  const freeA = new Set(as);
  const freeB = new Set(bs);
  const pass = (key: (v: T) => string) => {
    for (const x of as) {
      if (!freeA.has(x)) continue;
      const y = bs.find((v) => freeB.has(v) && key(v) === key(x));
      if (y) {
        pairs.push([x, y]);
        freeA.delete(x);
        freeB.delete(y);
      }
    }
  };
  pass((v) => v.name);
  pass((v) => v.name.toLowerCase());
  pass((v) => `\u0000id:${v.id}`);
  for (const x of as) if (freeA.has(x)) pairs.push([x, null]);
  for (const y of bs) if (freeB.has(y)) pairs.push([null, y]);
  return pairs;
}

function matchBy<T>(as: readonly T[], bs: readonly T[], ka: (v: T) => string, kb: (v: T) => string): Array<[T | null, T | null]> {
  const pairs: Array<[T | null, T | null]> = [];
  const freeB = new Set(bs);
  for (const x of as) {
    const y = bs.find((v) => freeB.has(v) && kb(v) === ka(x));
    if (y) freeB.delete(y);
    pairs.push([x, y ?? null]);
  }
  for (const y of bs) if (freeB.has(y)) pairs.push([null, y]);
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// Comparable views: what matters of each entity, with Exchange's notion of equality

const set = (list: readonly string[] | undefined, caseSensitive = false): Comparable => ({ set: [...(list ?? [])], caseSensitive });

function tenantView(t: Tenant): Record<string, Comparable> {
  return { name: t.name, rejectDirectSend: t.rejectDirectSend, recipients: set(t.recipients) };
}

function domainView(d: AcceptedDomain): Record<string, Comparable> {
  return { domainType: d.domainType, matchSubDomains: d.matchSubDomains };
}

function fieldContext(t: Tenant): FieldContext {
  const names = new Map(t.outboundConnectors.map((c) => [c.id, c.name]));
  return { connectorName: (id) => names.get(id) };
}

function compareFields(x: Record<string, Comparable>, y: Record<string, Comparable>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of Object.keys(y)) {
    const u = x[field];
    const v = y[field];
    if (isSet(u) && isSet(v)) {
      const norm = (s: string) => (v.caseSensitive ? s : s.toLowerCase());
      const inU = new Set(u.set.map(norm));
      const inV = new Set(v.set.map(norm));
      const added = unique(v.set.filter((s) => !inU.has(norm(s))));
      const removed = unique(u.set.filter((s) => !inV.has(norm(s))));
      if (added.length || removed.length) out.push({ field, old: u.set, new: v.set, added, removed });
    } else if (u !== v) {
      out.push({ field, old: u ?? null, new: v ?? null });
    }
  }
  return out;
}

function isSet(v: Comparable | undefined): v is { set: string[]; caseSensitive?: boolean } {
  return typeof v === 'object' && v !== null && 'set' in v;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

// ---------------------------------------------------------------------------------------------
// Human output

function show(v: unknown, lang: Lang): string {
  const text = DIFF_TEXT[lang];
  if (v === null || v === undefined) return text.notSet;
  if (Array.isArray(v)) return v.length ? v.join(', ') : text.none;
  return typeof v === 'string' ? JSON.stringify(v) : typeof v === 'boolean' ? booleanWord(v, lang) : String(v);
}

/** One line per entity (`+` only in b, `-` only in a, `~` changed), one indented line per field. */
export function formatTenantDiff(diff: TenantDiff, labels: { a: string; b: string } = { a: 'a', b: 'b' }, lang: Lang = 'en'): string {
  const text = DIFF_TEXT[lang];
  const lines: string[] = [];
  lines.push(text.header(diff.a, labels.a, diff.b, labels.b, diff.identical, diff.changes.length));
  for (const c of diff.changes) {
    const label = text.entity(text.kinds[c.kind], c.name);
    if (c.change === 'added') lines.push(`+ ${label}: ${text.onlyIn(labels.b)}`);
    else if (c.change === 'removed') lines.push(`- ${label}: ${text.onlyIn(labels.a)}`);
    else {
      lines.push(`~ ${label}`);
      for (const f of c.fields) {
        if (f.added || f.removed) {
          const parts: string[] = [];
          if (f.added?.length) parts.push(text.added(f.added.join(', ')));
          if (f.removed?.length) parts.push(text.removed(f.removed.join(', ')));
          lines.push(`    ${fieldLabel(f.field, lang)}: ${parts.join(text.listSeparator)}`);
        } else lines.push(`    ${fieldLabel(f.field, lang)}: ${show(f.old, lang)} → ${show(f.new, lang)}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** The line for a tenant found in only one of the two documents. */
export function formatTenantOnlyIn(tenant: { id: string; name: string }, label: string, side: 'a' | 'b', lang: Lang = 'en'): string {
  return `${side === 'a' ? '-' : '+'} ${DIFF_TEXT[lang].tenantOnlyIn(tenant.name, tenant.id, label)}\n`;
}
