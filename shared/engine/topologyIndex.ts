/**
 * Lookup structures built once per document, so that simulating one message does not scan every
 * tenant: connectors indexed by IP prefix and by certificate name, domains by owner. At 10,000
 * tenants a message costs the same handful of map lookups as at 10 (see `npm run bench`).
 *
 * Cached per document object (documents are immutable values: the app replaces, never mutates).
 */
import type { AcceptedDomain, InboundConnector, Server, Tenant, TopologyDocument } from '../model/schema';
import { parseIpv4Range, prefixMask, type Ipv4Range } from '../model/net';

export interface IndexedInbound {
  connector: InboundConnector;
  tenant: Tenant;
  /** Position in document order (tenant order, then connector order). */
  order: number;
  ranges: Array<{ text: string; range: Ipv4Range }>;
}

export interface DomainOwner {
  tenant: Tenant;
  acceptedDomain: AcceptedDomain;
}

export interface TopologyIndex {
  doc: TopologyDocument;
  tenantById: Map<string, Tenant>;
  tenantOrder: Map<string, number>;
  /** Lower-cased accepted domain → its tenant. */
  domainOwner: Map<string, DomainOwner>;
  /** Does any accepted domain use matchSubDomains? (Skip ancestor walks when none does.) */
  anyMatchSubDomains: boolean;
  /** Per tenant, built on first use: lower-cased listed recipients and the domains that have any. */
  recipientsByTenant: Map<string, { addresses: Set<string>; domains: Set<string> }>;
  serverById: Map<string, Server>;
  /** Enabled inbound connectors (any type) by prefix length → network address. */
  inboundByPrefix: Map<number, Map<number, IndexedInbound[]>>;
  /** Enabled inbound connectors by certificate name: exact names, and `*.x.com` under `x.com`. */
  inboundByCertExact: Map<string, IndexedInbound[]>;
  inboundByCertWildcard: Map<string, IndexedInbound[]>;
  inboundById: Map<string, IndexedInbound>;
}

const cache = new WeakMap<TopologyDocument, TopologyIndex>();

export function indexTopology(doc: TopologyDocument): TopologyIndex {
  const hit = cache.get(doc);
  if (hit) return hit;
  const index: TopologyIndex = {
    doc,
    tenantById: new Map(),
    tenantOrder: new Map(),
    domainOwner: new Map(),
    anyMatchSubDomains: false,
    recipientsByTenant: new Map(),
    serverById: new Map(doc.servers.map((s) => [s.id, s])),
    inboundByPrefix: new Map(),
    inboundByCertExact: new Map(),
    inboundByCertWildcard: new Map(),
    inboundById: new Map(),
  };
  let order = 0;
  doc.tenants.forEach((tenant, ti) => {
    index.tenantById.set(tenant.id, tenant);
    index.tenantOrder.set(tenant.id, ti);
    for (const d of tenant.acceptedDomains) {
      const key = d.domainName.toLowerCase();
      if (!index.domainOwner.has(key)) index.domainOwner.set(key, { tenant, acceptedDomain: d });
      if (d.matchSubDomains) index.anyMatchSubDomains = true;
    }
    for (const connector of tenant.inboundConnectors) {
      const entry: IndexedInbound = {
        connector,
        tenant,
        order: order++,
        ranges: connector.senderIPAddresses.flatMap((text) => {
          const range = parseIpv4Range(text);
          return range ? [{ text, range }] : [];
        }),
      };
      index.inboundById.set(connector.id, entry);
      if (!connector.enabled) continue;
      for (const { range } of entry.ranges) {
        let byNet = index.inboundByPrefix.get(range.prefix);
        if (!byNet) index.inboundByPrefix.set(range.prefix, (byNet = new Map()));
        push(byNet, range.start, entry);
      }
      const certName = connector.tlsSenderCertificateName?.toLowerCase();
      if (certName) {
        if (certName.startsWith('*.')) push(index.inboundByCertWildcard, certName.slice(2), entry);
        else push(index.inboundByCertExact, certName, entry);
      }
    }
  });
  cache.set(doc, index);
  return index;
}

/** A tenant's listed recipients (lower-cased) and the domains that have any, built on first use. */
export function recipientsOf(index: TopologyIndex, tenant: Tenant): { addresses: Set<string>; domains: Set<string> } {
  let entry = index.recipientsByTenant.get(tenant.id);
  if (!entry) {
    entry = { addresses: new Set(), domains: new Set() };
    for (const r of tenant.recipients) {
      const a = r.toLowerCase();
      entry.addresses.add(a);
      entry.domains.add(a.slice(a.lastIndexOf('@') + 1));
    }
    index.recipientsByTenant.set(tenant.id, entry);
  }
  return entry;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

/** Enabled inbound connectors whose SenderIPAddresses contain `ip`, with the range that matched. */
export function connectorsByIp(index: TopologyIndex, ip: number): Array<{ entry: IndexedInbound; matched: string }> {
  const out: Array<{ entry: IndexedInbound; matched: string }> = [];
  for (const [prefix, byNet] of index.inboundByPrefix) {
    const list = byNet.get((ip & prefixMask(prefix)) >>> 0);
    if (!list) continue;
    for (const entry of list) {
      const r = entry.ranges.find((x) => x.range.prefix === prefix && ip >= x.range.start && ip <= x.range.end);
      if (r && !out.some((o) => o.entry === entry)) out.push({ entry, matched: r.text });
    }
  }
  return out.sort((a, b) => a.entry.order - b.entry.order);
}

/**
 * Enabled inbound connectors whose TlsSenderCertificateName matches one of the names: exact
 * (case-insensitive), or `*.x.com` matching `x.com` and any name ending in `.x.com`
 * (mailflow-model.md step 2).
 */
export function connectorsByCertificate(
  index: TopologyIndex,
  names: readonly string[],
): Array<{ entry: IndexedInbound; matched: string }> {
  const out: Array<{ entry: IndexedInbound; matched: string }> = [];
  const add = (list: IndexedInbound[] | undefined, name: string) => {
    for (const entry of list ?? []) if (!out.some((o) => o.entry === entry)) out.push({ entry, matched: name });
  };
  for (const name of names) {
    const n = name.toLowerCase();
    add(index.inboundByCertExact.get(n), name);
    // `*.x.com` covers x.com itself and every name below it: look up the name and each ancestor.
    for (let suffix = n; ; ) {
      add(index.inboundByCertWildcard.get(suffix), name);
      const dot = suffix.indexOf('.');
      if (dot < 0) break;
      suffix = suffix.slice(dot + 1);
    }
  }
  return out.sort((a, b) => a.entry.order - b.entry.order);
}

/**
 * The owner of a domain: the tenant that has it as an accepted domain, or a parent of it with
 * matchSubDomains (mailflow-model.md "Terms": owning tenant).
 */
export function ownerOfDomain(index: TopologyIndex, domain: string | null): DomainOwner | null {
  if (!domain) return null;
  const d = domain.toLowerCase();
  const exact = index.domainOwner.get(d);
  if (exact) return exact;
  if (!index.anyMatchSubDomains) return null;
  for (let i = d.indexOf('.'); i >= 0; i = d.indexOf('.', i + 1)) {
    const owner = index.domainOwner.get(d.slice(i + 1));
    if (owner && owner.acceptedDomain.matchSubDomains) return owner;
  }
  return null;
}

/** Is the domain an accepted domain of this tenant (exactly, or under a matchSubDomains parent)? */
export function tenantAccepts(index: TopologyIndex, tenant: Tenant, domain: string | null): boolean {
  return ownerOfDomain(index, domain)?.tenant === tenant;
}
