/**
 * Pure edits of the topology document — add, delete (with its consequences), rename an id (every
 * reference rewritten), copy/paste/duplicate, move a connector or rule to another tenant — used by
 * the designer (renderer/model/entities.ts adds the palette's factories) and usable by any tool.
 * Every function returns a new document and never mutates its input, so an undo history keeps
 * exact snapshots and untouched entities keep their identity (memoised canvas nodes do not
 * re-render). References are found by one walker (`references.ts`), shared with the integrity check.
 */
import { z } from 'zod';
import { allIds, uniqueId } from './ids';
import { forEachReference, rewriteReferences } from './references';
import {
  CURRENT_VERSION,
  inboundConnectorSchema,
  outboundConnectorSchema,
  positionSchema,
  serverSchema,
  tenantSchema,
  transportRuleSchema,
  type InboundConnector,
  type OutboundConnector,
  type Position,
  type Server,
  type Tenant,
  type TopologyDocument,
  type TransportRule,
} from './schema';

export { allIds, slugify, uniqueId } from './ids';

export type ChildKind = 'inbound' | 'outbound' | 'rule';
export type EntityKind = 'tenant' | ChildKind | 'server' | 'external';
/** What the palette creates. */
export type PaletteKind = EntityKind;
export const CHILD_KINDS: readonly ChildKind[] = ['inbound', 'outbound', 'rule'];

export const CHILD_FIELD = {
  inbound: 'inboundConnectors',
  outbound: 'outboundConnectors',
  rule: 'transportRules',
} as const satisfies Record<ChildKind, keyof Tenant>;

export type ChildEntity = InboundConnector | OutboundConnector | TransportRule;

export type LocatedEntity =
  | { kind: 'tenant'; id: string; entity: Tenant; tenantIndex: number; path: string }
  | { kind: 'inbound'; id: string; entity: InboundConnector; tenant: Tenant; tenantIndex: number; index: number; path: string }
  | { kind: 'outbound'; id: string; entity: OutboundConnector; tenant: Tenant; tenantIndex: number; index: number; path: string }
  | { kind: 'rule'; id: string; entity: TransportRule; tenant: Tenant; tenantIndex: number; index: number; path: string }
  | { kind: 'server' | 'external'; id: string; entity: Server; index: number; path: string };

export function isChildKind(kind: string): kind is ChildKind {
  return kind === 'inbound' || kind === 'outbound' || kind === 'rule';
}

export type LocatedChild = Extract<LocatedEntity, { kind: ChildKind }>;

export function isLocatedChild(found: LocatedEntity | null): found is LocatedChild {
  return found !== null && isChildKind(found.kind);
}

export function locateEntity(doc: TopologyDocument, id: string): LocatedEntity | null {
  for (let ti = 0; ti < doc.tenants.length; ti++) {
    const t = doc.tenants[ti];
    if (t.id === id) return { kind: 'tenant', id, entity: t, tenantIndex: ti, path: `tenants[${ti}]` };
    for (const kind of CHILD_KINDS) {
      const list = t[CHILD_FIELD[kind]] as ChildEntity[];
      const index = list.findIndex((c) => c.id === id);
      if (index >= 0) {
        return {
          kind,
          id,
          entity: list[index],
          tenant: t,
          tenantIndex: ti,
          index,
          path: `tenants[${ti}].${CHILD_FIELD[kind]}[${index}]`,
        } as LocatedEntity;
      }
    }
  }
  const si = doc.servers.findIndex((s) => s.id === id);
  if (si >= 0) {
    const s = doc.servers[si];
    return { kind: s.role === 'external' ? 'external' : 'server', id, entity: s, index: si, path: `servers[${si}]` };
  }
  return null;
}

/** Every id of the document (tenants, connectors, rules, servers, scenarios): ids are unique across all of them. */
export function acceptedDomainNames(doc: TopologyDocument): Set<string> {
  const names = new Set<string>();
  for (const t of doc.tenants) for (const d of t.acceptedDomains) names.add(d.domainName.toLowerCase());
  return names;
}

/** A domain not accepted by any tenant yet: `base`, `copy.base`, `copy2.base`, … */
export function freeDomain(taken: Set<string>, base: string): string {
  let candidate = base;
  for (let n = 1; taken.has(candidate.toLowerCase()); n++) candidate = `${n === 1 ? 'copy' : `copy${n}`}.${base}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

// ------------------------------------------------------------------ edits

export function setPositions(doc: TopologyDocument, positions: Record<string, Position>): TopologyDocument {
  const view = doc.view ?? { positions: {} };
  return { ...doc, view: { ...view, positions: { ...view.positions, ...positions } } };
}

export function addTenant(doc: TopologyDocument, tenant: Tenant, position?: Position): TopologyDocument {
  const next = { ...doc, tenants: [...doc.tenants, tenant] };
  return position ? setPositions(next, { [tenant.id]: position }) : next;
}

export function addServer(doc: TopologyDocument, server: Server, position?: Position): TopologyDocument {
  const next = { ...doc, servers: [...doc.servers, server] };
  return position ? setPositions(next, { [server.id]: position }) : next;
}

export function addChild(doc: TopologyDocument, tenantId: string, kind: ChildKind, child: ChildEntity): TopologyDocument {
  const field = CHILD_FIELD[kind];
  return {
    ...doc,
    tenants: doc.tenants.map((t) => (t.id === tenantId ? { ...t, [field]: [...(t[field] as ChildEntity[]), child] } : t)),
  };
}

/** Replace the entity with this id by `next` (same kind), wherever it lives. */
export function replaceEntity(doc: TopologyDocument, id: string, next: Tenant | Server | ChildEntity): TopologyDocument {
  const found = locateEntity(doc, id);
  if (!found) return doc;
  if (found.kind === 'server' || found.kind === 'external') {
    return { ...doc, servers: doc.servers.map((s) => (s.id === id ? (next as Server) : s)) };
  }
  if (found.kind === 'tenant') {
    return { ...doc, tenants: doc.tenants.map((t) => (t.id === id ? (next as Tenant) : t)) };
  }
  if (!isLocatedChild(found)) return doc;
  const field = CHILD_FIELD[found.kind];
  return {
    ...doc,
    tenants: doc.tenants.map((t) =>
      t.id === found.tenant.id
        ? { ...t, [field]: (t[field] as ChildEntity[]).map((c) => (c.id === id ? next : c)) }
        : t,
    ),
  };
}

/** Moves a connector or rule to another tenant (kept last there); positions are relative to the tenant, so dropped. */
export function moveChild(doc: TopologyDocument, childId: string, toTenantId: string): TopologyDocument {
  const found = locateEntity(doc, childId);
  if (!isLocatedChild(found) || found.tenant.id === toTenantId) return doc;
  const target = doc.tenants.find((t) => t.id === toTenantId);
  if (!target) return doc;
  const field = CHILD_FIELD[found.kind];
  const without: TopologyDocument = {
    ...doc,
    tenants: doc.tenants.map((t) =>
      t.id === found.tenant.id ? { ...t, [field]: (t[field] as ChildEntity[]).filter((c) => c.id !== childId) } : t,
    ),
  };
  let moved = found.entity as ChildEntity;
  if (found.kind === 'rule') {
    // Priorities are per tenant: the moved rule goes last in its new tenant.
    moved = { ...(moved as TransportRule), priority: target.transportRules.reduce((m, r) => Math.max(m, r.priority + 1), 0) };
  }
  return addChild(without, toTenantId, found.kind, moved);
}

export interface DeletionConsequences {
  /** Entities named by the user plus the children of deleted tenants. */
  entities: Array<{ id: string; kind: EntityKind; name: string }>;
  /** Scenarios that send from a deleted server: they are deleted too. */
  scenariosDeleted: Array<{ id: string; name: string }>;
  /** Scenarios whose expectations name a deleted tenant: those expectations are removed. */
  expectationsChanged: Array<{ id: string; name: string }>;
}

export function deletionConsequences(doc: TopologyDocument, ids: Iterable<string>): DeletionConsequences {
  const entities: DeletionConsequences['entities'] = [];
  const seen = new Set<string>();
  const push = (id: string, kind: EntityKind, name: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      entities.push({ id, kind, name });
    }
  };
  for (const id of ids) {
    const found = locateEntity(doc, id);
    if (!found) continue;
    push(id, found.kind, found.entity.name);
    if (found.kind === 'tenant') {
      for (const c of found.entity.inboundConnectors) push(c.id, 'inbound', c.name);
      for (const c of found.entity.outboundConnectors) push(c.id, 'outbound', c.name);
      for (const r of found.entity.transportRules) push(r.id, 'rule', r.name);
    }
  }
  const deleted = new Set(seen);
  const scenariosDeleted = new Set<number>();
  const expectationsChanged = new Set<number>();
  forEachReference(doc, (ref) => {
    if (!deleted.has(ref.id) || ref.site.kind === 'position') return;
    if (ref.site.kind === 'scenarioServer') scenariosDeleted.add(ref.site.scenario);
    else expectationsChanged.add(ref.site.scenario);
  });
  const named = (indexes: Set<number>) => doc.scenarios.filter((_, i) => indexes.has(i)).map((s) => ({ id: s.id, name: s.name }));
  for (const i of scenariosDeleted) expectationsChanged.delete(i);
  return { entities, scenariosDeleted: named(scenariosDeleted), expectationsChanged: named(expectationsChanged) };
}

/**
 * Deletes the entities (a tenant with its children), the scenarios that send from a deleted server,
 * the parts of expectations that name a deleted tenant, and their canvas positions, so the result
 * never holds a reference to nothing (which the loader would refuse).
 */
export function deleteEntities(doc: TopologyDocument, ids: Iterable<string>): TopologyDocument {
  const consequences = deletionConsequences(doc, ids);
  const gone = new Set(consequences.entities.map((e) => e.id));
  if (gone.size === 0) return doc;
  for (const s of consequences.scenariosDeleted) gone.add(s.id);
  const keep = <T extends { id: string }>(list: T[]) => (list.some((x) => gone.has(x.id)) ? list.filter((x) => !gone.has(x.id)) : list);
  const tenants = doc.tenants
    .filter((t) => !gone.has(t.id))
    .map((t) => {
      const inboundConnectors = keep(t.inboundConnectors);
      const outboundConnectors = keep(t.outboundConnectors);
      const transportRules = keep(t.transportRules);
      return inboundConnectors === t.inboundConnectors && outboundConnectors === t.outboundConnectors && transportRules === t.transportRules
        ? t
        : { ...t, inboundConnectors, outboundConnectors, transportRules };
    });
  const without: TopologyDocument = { ...doc, tenants, servers: keep(doc.servers) };
  return rewriteReferences(without, (ref) => (gone.has(ref.id) ? null : ref.id));
}

/**
 * Renames an id and every reference to it (scenario servers, expectations, canvas positions). The
 * caller checks that `newId` matches `patterns.id` and is free.
 */
export function renameId(doc: TopologyDocument, oldId: string, newId: string): TopologyDocument {
  const found = locateEntity(doc, oldId);
  if (!found || oldId === newId) return doc;
  const renamed = replaceEntity(doc, oldId, { ...found.entity, id: newId } as Tenant | Server | ChildEntity);
  return rewriteReferences(renamed, (ref) => (ref.id === oldId ? newId : ref.id));
}

// ------------------------------------------------------------------ clipboard, duplicate

/**
 * What Copy puts on the clipboard (also the OS clipboard, as JSON). Paste reads it back through this
 * schema, so text from elsewhere — or a crafted payload — is refused whole instead of reaching the
 * document half-checked; the pasted document is then validated like any other edit.
 */
export const clipboardPayloadSchema = z.strictObject({
  format: z.literal('mailflow-clipboard'),
  version: z.literal(1),
  tenants: z.array(tenantSchema).max(10_000),
  servers: z.array(serverSchema).max(10_000),
  children: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('inbound'), tenantId: z.string(), entity: inboundConnectorSchema }),
        z.strictObject({ kind: z.literal('outbound'), tenantId: z.string(), entity: outboundConnectorSchema }),
        z.strictObject({ kind: z.literal('rule'), tenantId: z.string(), entity: transportRuleSchema }),
      ]),
    )
    .max(100_000),
  positions: z.record(z.string(), positionSchema),
});
export type ClipboardPayload = z.infer<typeof clipboardPayloadSchema>;

/** The payload in `value` (e.g. parsed clipboard text), or null when it is not a valid one. */
export function parseClipboardPayload(value: unknown): ClipboardPayload | null {
  const parsed = clipboardPayloadSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function copyEntities(doc: TopologyDocument, ids: Iterable<string>): ClipboardPayload {
  const payload: ClipboardPayload = { format: 'mailflow-clipboard', version: 1, tenants: [], servers: [], children: [], positions: {} };
  const copiedTenants = new Set<string>();
  const located = [...ids].map((id) => locateEntity(doc, id)).filter((x): x is LocatedEntity => x !== null);
  for (const f of located) if (f.kind === 'tenant') copiedTenants.add(f.id);
  for (const f of located) {
    const pos = doc.view?.positions[f.id];
    if (pos) payload.positions[f.id] = pos;
    if (f.kind === 'tenant') payload.tenants.push(f.entity);
    else if (f.kind === 'server' || f.kind === 'external') payload.servers.push(f.entity);
    else if (isLocatedChild(f) && !copiedTenants.has(f.tenant.id)) payload.children.push(clipboardChild(f));
  }
  return payload;
}

function clipboardChild(f: LocatedChild): ClipboardPayload['children'][number] {
  const tenantId = f.tenant.id;
  switch (f.kind) {
    case 'inbound':
      return { kind: f.kind, tenantId, entity: f.entity };
    case 'outbound':
      return { kind: f.kind, tenantId, entity: f.entity };
    case 'rule':
      return { kind: f.kind, tenantId, entity: f.entity };
  }
}

/**
 * The name a pasted copy gets, as draw.io and Office name duplicates: "Name (copy)", then "Name (copy 2)", …
 * among the names already used in the same collection, so a copy never reads as the original. An empty name
 * stays empty (the canvas then shows the id, which is fresh anyway).
 */
export function copyName(name: string, taken: Iterable<string>): string {
  if (!name.trim()) return name;
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n++) {
    const candidate = `${base} (copy${n === 1 ? '' : ` ${n}`})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

export interface PasteResult {
  doc: TopologyDocument;
  /** Ids of the pasted top-level entities and children (for selection). */
  newIds: string[];
  /** Children that had no tenant to go into. */
  skipped: number;
}

/**
 * Pastes with fresh ids (and fresh accepted domains for tenants, since a domain belongs to one
 * tenant). Children go into `targetTenantId` when given, else back into their original tenant.
 */
export function pasteEntities(
  doc: TopologyDocument,
  payload: ClipboardPayload,
  options: { targetTenantId?: string | null; offset?: Position } = {},
): PasteResult {
  const taken = allIds(doc);
  const domains = acceptedDomainNames(doc);
  const offset = options.offset ?? { x: 40, y: 40 };
  const newIds: string[] = [];
  let next = doc;
  const positions: Record<string, Position> = {};
  const shifted = (id: string) => {
    const p = payload.positions[id];
    return p ? { x: p.x + offset.x, y: p.y + offset.y } : undefined;
  };
  for (const t of payload.tenants) {
    const domainMap = new Map<string, string>();
    const acceptedDomains = t.acceptedDomains.map((d) => {
      const fresh = freeDomain(domains, d.domainName);
      domainMap.set(d.domainName.toLowerCase(), fresh);
      return { ...d, domainName: fresh };
    });
    const recipients = t.recipients.map((r) => {
      const at = r.lastIndexOf('@');
      const mapped = domainMap.get(r.slice(at + 1).toLowerCase());
      return mapped ? `${r.slice(0, at)}@${mapped}` : r;
    });
    const copy: Tenant = {
      ...t,
      id: uniqueId(taken, t.id),
      name: copyName(t.name, next.tenants.map((x) => x.name)),
      acceptedDomains,
      recipients: [...new Set(recipients)],
      inboundConnectors: t.inboundConnectors.map((c) => ({ ...c, id: uniqueId(taken, c.id) })),
      outboundConnectors: t.outboundConnectors.map((c) => ({ ...c, id: uniqueId(taken, c.id) })),
      transportRules: t.transportRules.map((r) => ({ ...r, id: uniqueId(taken, r.id) })),
    };
    next = { ...next, tenants: [...next.tenants, copy] };
    newIds.push(copy.id);
    const p = shifted(t.id);
    if (p) positions[copy.id] = p;
  }
  for (const s of payload.servers) {
    const copy: Server = { ...s, id: uniqueId(taken, s.id), name: copyName(s.name, next.servers.map((x) => x.name)) };
    next = { ...next, servers: [...next.servers, copy] };
    newIds.push(copy.id);
    const p = shifted(s.id);
    if (p) positions[copy.id] = p;
  }
  let skipped = 0;
  for (const c of payload.children) {
    const tenantId = options.targetTenantId ?? c.tenantId;
    const tenant = next.tenants.find((t) => t.id === tenantId);
    if (!tenant) {
      skipped++;
      continue;
    }
    const siblings = c.kind === 'inbound' ? tenant.inboundConnectors : c.kind === 'outbound' ? tenant.outboundConnectors : tenant.transportRules;
    let entity: ChildEntity = {
      ...c.entity,
      id: uniqueId(taken, c.entity.id),
      name: copyName(c.entity.name, siblings.map((x: { name: string }) => x.name)),
    };
    if (c.kind === 'rule') {
      entity = { ...(entity as TransportRule), priority: tenant.transportRules.reduce((m, r) => Math.max(m, r.priority + 1), 0) };
    }
    next = addChild(next, tenant.id, c.kind, entity);
    newIds.push(entity.id);
  }
  if (Object.keys(positions).length) next = setPositions(next, positions);
  return { doc: next, newIds, skipped };
}

export function duplicateEntities(doc: TopologyDocument, ids: Iterable<string>): PasteResult {
  return pasteEntities(doc, copyEntities(doc, ids));
}

/** Ids a tenant contains (for selecting or deleting it with its children). */
export function childIds(t: Tenant): string[] {
  return [...t.inboundConnectors.map((c) => c.id), ...t.outboundConnectors.map((c) => c.id), ...t.transportRules.map((r) => r.id)];
}

export function emptyDocument(title = 'Untitled topology'): TopologyDocument {
  return { format: 'mailflow-topology', version: CURRENT_VERSION, title, tenants: [], servers: [], scenarios: [] };
}
