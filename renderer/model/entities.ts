/**
 * Pure operations on the topology document used by the designer: find an entity, create one with
 * valid defaults and a unique id, delete (with its consequences), move a connector or rule between
 * tenants, duplicate, copy/paste, rename an id. Every function returns a new document and never
 * mutates its input, so the undo history keeps exact snapshots and untouched entities keep their
 * identity (memoised canvas nodes do not re-render).
 */
import type {
  InboundConnector,
  OutboundConnector,
  Position,
  Scenario,
  Server,
  Tenant,
  TopologyDocument,
  TransportRule,
} from '../../shared/model/schema';
import { patterns } from '../../shared/model/schema';

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

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 100);
  return slug || 'item';
}

/** `base`, or `base-2`, `base-3`, … whichever is free in `taken` (which is updated). */
export function uniqueId(taken: Set<string>, base: string): string {
  const root = slugify(base);
  let candidate = root;
  for (let n = 2; taken.has(candidate) || !patterns.id.test(candidate); n++) candidate = `${root}-${n}`;
  taken.add(candidate);
  return candidate;
}

function acceptedDomainNames(doc: TopologyDocument): Set<string> {
  const names = new Set<string>();
  for (const t of doc.tenants) for (const d of t.acceptedDomains) names.add(d.domainName.toLowerCase());
  return names;
}

/** A domain not accepted by any tenant yet: `base`, `copy.base`, `copy2.base`, … */
function freeDomain(taken: Set<string>, base: string): string {
  let candidate = base;
  for (let n = 1; taken.has(candidate.toLowerCase()); n++) candidate = `${n === 1 ? 'copy' : `copy${n}`}.${base}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function nextFreeIp(doc: TopologyDocument, prefix: string): string {
  const used = new Set(doc.servers.map((s) => s.ipAddress));
  for (let i = 10; i < 255; i++) {
    const ip = `${prefix}.${i}`;
    if (!used.has(ip)) return ip;
  }
  return `${prefix}.254`;
}

// ------------------------------------------------------------------ factories (valid defaults)

export function createTenant(doc: TopologyDocument, taken = allIds(doc)): Tenant {
  const n = doc.tenants.length + 1;
  const id = uniqueId(taken, `tenant-${n}`);
  const domain = freeDomain(acceptedDomainNames(doc), `${id}.example`);
  return {
    id,
    name: `Tenant ${n}`,
    acceptedDomains: [{ domainName: domain, domainType: 'Authoritative', matchSubDomains: false }],
    recipients: [],
    rejectDirectSend: false,
    inboundConnectors: [],
    outboundConnectors: [],
    transportRules: [],
  };
}

export function createServer(doc: TopologyDocument, role: Server['role'], taken = allIds(doc)): Server {
  const sameRole = doc.servers.filter((s) => s.role === role).length + 1;
  return role === 'onPremises'
    ? {
        id: uniqueId(taken, `server-${sameRole}`),
        name: `Server ${sameRole}`,
        role,
        // RFC 5737 documentation ranges, so a default never names a real host.
        ipAddress: nextFreeIp(doc, '203.0.113'),
        tls: true,
        certificate: null,
      }
    : {
        id: uniqueId(taken, `sender-${sameRole}`),
        name: `External sender ${sameRole}`,
        role,
        ipAddress: nextFreeIp(doc, '198.51.100'),
        tls: false,
        certificate: null,
      };
}

export function createChild(doc: TopologyDocument, kind: ChildKind, tenant: Tenant, taken = allIds(doc)): ChildEntity {
  switch (kind) {
    case 'inbound':
      return {
        id: uniqueId(taken, `${tenant.id}-inbound`),
        name: 'Inbound connector',
        connectorType: 'OnPremises',
        enabled: true,
        senderIPAddresses: [],
        tlsSenderCertificateName: null,
        requireTls: false,
        restrictDomainsToIPAddresses: false,
        restrictDomainsToCertificate: false,
        senderDomains: ['*'],
      } satisfies InboundConnector;
    case 'outbound':
      return {
        id: uniqueId(taken, `${tenant.id}-outbound`),
        name: 'Outbound connector',
        connectorType: 'OnPremises',
        enabled: true,
        recipientDomains: [],
        allAcceptedDomains: false,
        useMXRecord: false,
        smartHosts: [],
        routeAllMessagesViaOnPremises: false,
      } satisfies OutboundConnector;
    case 'rule': {
      const priority = tenant.transportRules.reduce((max, r) => Math.max(max, r.priority + 1), 0);
      return {
        id: uniqueId(taken, `${tenant.id}-rule`),
        name: 'Mail flow rule',
        priority,
        // A new rule is incomplete: disabled until the user chooses what it does (isIncompleteRule).
        enabled: false,
        conditions: {},
        actions: { ...INCOMPLETE_RULE_ACTIONS },
      } satisfies TransportRule;
    }
  }
}

/**
 * The format requires an action on every rule (document-format.md). A rule the user has not given
 * one yet is stored as disabled with only "stop processing more rules": valid, and inert because
 * the engine skips disabled rules. The inspector shows it as "incomplete" and enables the rule when
 * a real action is set.
 */
export const INCOMPLETE_RULE_ACTIONS = { stopRuleProcessing: true } as const;

export function isIncompleteRule(rule: TransportRule): boolean {
  const keys = Object.entries(rule.actions).filter(([, v]) => v !== undefined && v !== null && v !== false && !(Array.isArray(v) && v.length === 0));
  return !rule.enabled && keys.length === 1 && keys[0][0] === 'stopRuleProcessing' && keys[0][1] === true;
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
  if (!doc.tenants.some((t) => t.id === toTenantId)) return doc;
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
    const target = doc.tenants.find((t) => t.id === toTenantId)!;
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
  const tenantIds = new Set<string>();
  const serverIds = new Set<string>();
  for (const id of ids) {
    const found = locateEntity(doc, id);
    if (!found) continue;
    push(id, found.kind, found.entity.name);
    if (found.kind === 'tenant') {
      tenantIds.add(id);
      for (const c of found.entity.inboundConnectors) push(c.id, 'inbound', c.name);
      for (const c of found.entity.outboundConnectors) push(c.id, 'outbound', c.name);
      for (const r of found.entity.transportRules) push(r.id, 'rule', r.name);
    }
    if (found.kind === 'server' || found.kind === 'external') serverIds.add(id);
  }
  const scenariosDeleted = doc.scenarios.filter((s) => serverIds.has(s.serverId)).map((s) => ({ id: s.id, name: s.name }));
  const deletedScenarioIds = new Set(scenariosDeleted.map((s) => s.id));
  const expectationsChanged = doc.scenarios
    .filter((s) => !deletedScenarioIds.has(s.id) && expectationNamesTenant(s, tenantIds))
    .map((s) => ({ id: s.id, name: s.name }));
  return { entities, scenariosDeleted, expectationsChanged };
}

function expectationNamesTenant(s: Scenario, tenantIds: Set<string>): boolean {
  const ex = s.expect;
  if (!ex) return false;
  if (ex.attributedTenant && tenantIds.has(ex.attributedTenant)) return true;
  return Object.values(ex.recipients ?? {}).some(
    (r) => (r.tenant != null && tenantIds.has(r.tenant)) || (r.path ?? []).some((p) => tenantIds.has(p)),
  );
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
  const goneTenants = new Set(consequences.entities.filter((e) => e.kind === 'tenant').map((e) => e.id));
  const goneScenarios = new Set(consequences.scenariosDeleted.map((s) => s.id));
  for (const id of goneScenarios) gone.add(id);
  const tenants = doc.tenants
    .filter((t) => !gone.has(t.id))
    .map((t) => {
      const keep = <T extends { id: string }>(list: T[]) => (list.some((x) => gone.has(x.id)) ? list.filter((x) => !gone.has(x.id)) : list);
      const inboundConnectors = keep(t.inboundConnectors);
      const outboundConnectors = keep(t.outboundConnectors);
      const transportRules = keep(t.transportRules);
      return inboundConnectors === t.inboundConnectors &&
        outboundConnectors === t.outboundConnectors &&
        transportRules === t.transportRules
        ? t
        : { ...t, inboundConnectors, outboundConnectors, transportRules };
    });
  const scenarios = doc.scenarios
    .filter((s) => !goneScenarios.has(s.id))
    .map((s) => (expectationNamesTenant(s, goneTenants) ? withoutTenantExpectations(s, goneTenants) : s));
  const next: TopologyDocument = { ...doc, tenants, servers: doc.servers.filter((s) => !gone.has(s.id)), scenarios };
  if (doc.view) {
    const positions = Object.fromEntries(Object.entries(doc.view.positions).filter(([k]) => !gone.has(k)));
    next.view = { ...doc.view, positions };
  }
  return next;
}

function withoutTenantExpectations(s: Scenario, tenants: Set<string>): Scenario {
  const ex = { ...s.expect! };
  if (ex.attributedTenant && tenants.has(ex.attributedTenant)) delete ex.attributedTenant;
  if (ex.recipients) {
    ex.recipients = Object.fromEntries(
      Object.entries(ex.recipients).map(([addr, r]) => {
        const copy = { ...r };
        if (copy.tenant != null && tenants.has(copy.tenant)) delete copy.tenant;
        if (copy.path?.some((p) => tenants.has(p))) delete copy.path;
        return [addr, copy];
      }),
    );
  }
  return { ...s, expect: ex };
}

/**
 * Renames an id and every reference to it (scenario servers, expectations, canvas positions). The
 * caller checks that `newId` matches `patterns.id` and is free.
 */
export function renameId(doc: TopologyDocument, oldId: string, newId: string): TopologyDocument {
  const found = locateEntity(doc, oldId);
  if (!found || oldId === newId) return doc;
  let next = replaceEntity(doc, oldId, { ...found.entity, id: newId } as Tenant | Server | ChildEntity);
  if (found.kind === 'server' || found.kind === 'external') {
    next = { ...next, scenarios: next.scenarios.map((s) => (s.serverId === oldId ? { ...s, serverId: newId } : s)) };
  }
  if (found.kind === 'tenant') {
    const swap = (v: string) => (v === oldId ? newId : v);
    next = {
      ...next,
      scenarios: next.scenarios.map((s) => {
        if (!s.expect || !expectationNamesTenant(s, new Set([oldId]))) return s;
        const ex = { ...s.expect };
        if (ex.attributedTenant) ex.attributedTenant = swap(ex.attributedTenant);
        if (ex.recipients) {
          ex.recipients = Object.fromEntries(
            Object.entries(ex.recipients).map(([a, r]) => [
              a,
              { ...r, ...(r.tenant != null ? { tenant: swap(r.tenant) } : {}), ...(r.path ? { path: r.path.map(swap) } : {}) },
            ]),
          );
        }
        return { ...s, expect: ex };
      }),
    };
  }
  if (next.view && oldId in next.view.positions) {
    const positions: Record<string, Position> = {};
    for (const [k, v] of Object.entries(next.view.positions)) positions[k === oldId ? newId : k] = v;
    next = { ...next, view: { ...next.view, positions } };
  }
  return next;
}

// ------------------------------------------------------------------ clipboard, duplicate

export interface ClipboardPayload {
  format: 'mailflow-clipboard';
  version: 1;
  tenants: Tenant[];
  servers: Server[];
  children: Array<{ kind: ChildKind; tenantId: string; entity: ChildEntity }>;
  positions: Record<string, Position>;
}

export function isClipboardPayload(value: unknown): value is ClipboardPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === 'mailflow-clipboard' &&
    Array.isArray((value as ClipboardPayload).tenants) &&
    Array.isArray((value as ClipboardPayload).servers) &&
    Array.isArray((value as ClipboardPayload).children)
  );
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
    else if (isLocatedChild(f) && !copiedTenants.has(f.tenant.id)) payload.children.push({ kind: f.kind, tenantId: f.tenant.id, entity: f.entity });
  }
  return payload;
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
    const copy: Server = { ...s, id: uniqueId(taken, s.id) };
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
    let entity: ChildEntity = { ...c.entity, id: uniqueId(taken, c.entity.id) };
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
  return { format: 'mailflow-topology', version: 1, title, tenants: [], servers: [], scenarios: [] };
}
