/**
 * The designer's document operations. The pure edits (locate, add, delete with consequences, move
 * to another tenant, rename with every reference, copy/paste) live in shared/model/edit.ts; this
 * file adds the palette's factories: new entities with valid defaults and unique ids.
 */
import type { InboundConnector, OutboundConnector, Server, Tenant, TopologyDocument, TransportRule } from '../../shared/model/schema';
import { acceptedDomainNames, allIds, freeDomain, uniqueId, type ChildEntity, type ChildKind } from '../../shared/model/edit';

export * from '../../shared/model/edit';

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
        enabled: true,
        conditions: {},
        // A rule needs at least one action; stamping a header changes nothing about delivery.
        actions: { setHeaderName: 'X-Mailflow-Rule', setHeaderValue: 'applied' },
      } satisfies TransportRule;
    }
  }
}
