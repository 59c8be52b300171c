/**
 * Deterministic generated topologies for benchmarks and scale tests: N tenants, each with two
 * OnPremises inbound connectors (one by certificate, one by IP), five mail flow rules, 50
 * recipients and one on-premises server; plus a few scenarios. Pure TypeScript.
 */
import type { TopologyDocumentInput } from '../shared/model/schema';

export interface GenerateOptions {
  tenants: number;
  recipientsPerTenant?: number;
  /** Lay the canvas out in a grid (view.positions), as a saved design would have. */
  withPositions?: boolean;
}

/** Nodes the canvas shows per generated tenant: the tenant, 2 connectors, 5 rules and a server. */
export const NODES_PER_TENANT = 9;

const TENANT_COLUMNS = 10;
const TENANT_COLUMN_W = 520;
const TENANT_ROW_H = 640;
const SERVER_COLUMN_W = 260;
const SERVER_ROW_H = 120;

export function generateTopology({ tenants: n, recipientsPerTenant = 50, withPositions = false }: GenerateOptions): TopologyDocumentInput {
  const tenants = [];
  const servers = [];
  const positions: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < n; i++) {
    const domain = `t${i}.example`;
    const net = `10.${(i >> 8) & 255}.${i & 255}`;
    tenants.push({
      id: `t${i}`,
      name: `Tenant ${i}`,
      acceptedDomains: [
        { domainName: domain, domainType: 'Authoritative' as const },
        { domainName: `relay.${domain}`, domainType: 'InternalRelay' as const },
      ],
      recipients: Array.from({ length: recipientsPerTenant }, (_, r) => `user${r}@${domain}`),
      enforcementPausedUntil: i % 10 === 0 ? '2027-01-31' : null,
      inboundConnectors: [
        { id: `t${i}-cert`, name: `From T${i} (certificate)`, connectorType: 'OnPremises' as const, tlsSenderCertificateName: `*.${domain}` },
        { id: `t${i}-ip`, name: `From T${i} (IP)`, connectorType: 'OnPremises' as const, senderIPAddresses: [`${net}.0/24`] },
      ],
      outboundConnectors: [],
      transportRules: [
        { id: `t${i}-r0`, name: 'Stamp outgoing', priority: 0, enabled: true, conditions: { fromScope: 'InOrganization' as const }, actions: { setHeaderName: 'X-Org', setHeaderValue: `t${i}` } },
        { id: `t${i}-r1`, name: 'Block a partner', priority: 1, enabled: true, conditions: { recipientDomainIs: [`blocked${i}.example`] }, actions: { rejectMessageReasonText: 'Blocked' } },
        { id: `t${i}-r2`, name: 'Drop spam domain', priority: 2, enabled: true, conditions: { senderDomainIs: [`spam${i}.example`] }, actions: { deleteMessage: true } },
        { id: `t${i}-r3`, name: 'Audit copy', priority: 3, enabled: false, conditions: { sentToScope: 'NotInOrganization' as const }, actions: { redirectMessageTo: [`audit@${domain}`] } },
        { id: `t${i}-r4`, name: 'Stop', priority: 4, enabled: true, conditions: { sentToScope: 'InOrganization' as const }, actions: { stopRuleProcessing: true } },
      ],
    });
    servers.push({
      id: `s${i}`,
      name: `EX${i}`,
      role: 'onPremises' as const,
      ipAddress: `${net}.10`,
      tls: true,
      // Version 2: TLS version, certificate validity and the Exchange version are checked on every
      // message; one server in ten is out of date (its tenant has paused enforcement).
      tlsVersion: '1.2' as const,
      exchange: i % 10 === 0 ? { version: '2019' as const, upToDate: false } : { version: 'SE' as const },
      certificate: { subject: `mail.${domain}`, subjectAlternativeNames: [`mail.${domain}`], trusted: true, chainComplete: true, notBefore: '2026-01-01', notAfter: '2027-12-31' },
    });
    if (withPositions) {
      // A generated tenant (2 inbound connectors beside 5 rules) is 486 × 548 px on the canvas:
      // 520 × 640 px cells keep them apart. Servers fill columns as tall as the tenant grid, to the
      // left of it, so "fit view" of a large document is not one very tall column of servers.
      const col = i % TENANT_COLUMNS;
      const row = Math.floor(i / TENANT_COLUMNS);
      const serverRows = Math.max(1, Math.floor((Math.ceil(n / TENANT_COLUMNS) * TENANT_ROW_H) / SERVER_ROW_H));
      positions[`t${i}`] = { x: 700 + col * TENANT_COLUMN_W, y: row * TENANT_ROW_H };
      positions[`s${i}`] = { x: -Math.floor(i / serverRows) * SERVER_COLUMN_W, y: (i % serverRows) * SERVER_ROW_H };
    }
  }
  const last = n - 1;
  return {
    format: 'mailflow-topology',
    version: 2,
    title: `Generated topology: ${n} tenants`,
    tenants,
    servers,
    scenarios: [
      { id: 'own-tenant', name: 'Server 0 to its own tenant', serverId: 's0', mailFrom: 'user0@t0.example', rcptTo: ['user1@t0.example'] },
      { id: 'cross-tenant', name: 'Server 0 to the last tenant', serverId: 's0', mailFrom: 'user0@t0.example', rcptTo: [`user1@t${last}.example`] },
      { id: 'internet', name: 'Server 0 to the Internet', serverId: 's0', mailFrom: 'user0@t0.example', rcptTo: ['someone@gmail.example'] },
    ],
    ...(withPositions ? { view: { positions } } : {}),
  };
}
