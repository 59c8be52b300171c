/**
 * The designer's document operations. The pure edits (locate, add, delete with consequences, move
 * to another tenant, rename with every reference, copy/paste) live in shared/model/edit.ts; this
 * file adds the palette's factories: new entities with valid defaults and unique ids.
 */
import type { InboundConnector, OutboundConnector, Server, Tenant, TopologyDocument, TransportRule } from '../../shared/model/schema';
import { acceptedDomainNames, allIds, freeDomain, uniqueId, type ChildEntity, type ChildKind } from '../../shared/model/edit';

import { DEFAULT_NAMES, type DefaultNames } from '../../shared/i18n/defaultNames';
import { langFromLocale } from '../../shared/i18n/languages';

export * from '../../shared/model/edit';

/** New objects are named in the UI's language, which renderer/i18n keeps on <html lang>. */
function defaultNames(): DefaultNames {
  return DEFAULT_NAMES[langFromLocale(typeof document === 'undefined' ? 'en' : document.documentElement.lang)];
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
  const names = defaultNames();
  const id = uniqueId(taken, `tenant-${n}`);
  const domain = freeDomain(acceptedDomainNames(doc), `${id}.example`);
  return {
    id,
    name: names.tenant(n),
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
  const names = defaultNames();
  return role === 'onPremises'
    ? {
        id: uniqueId(taken, `server-${sameRole}`),
        name: names.server(sameRole),
        role,
        // RFC 5737 documentation ranges, so a default never names a real host.
        ipAddress: nextFreeIp(doc, '203.0.113'),
        tls: true,
        certificate: null,
      }
    : {
        id: uniqueId(taken, `sender-${sameRole}`),
        name: names.externalSender(sameRole),
        role,
        ipAddress: nextFreeIp(doc, '198.51.100'),
        tls: false,
        certificate: null,
      };
}

export function createChild(doc: TopologyDocument, kind: ChildKind, tenant: Tenant, taken = allIds(doc)): ChildEntity {
  const names = defaultNames();
  switch (kind) {
    case 'inbound':
      return {
        id: uniqueId(taken, `${tenant.id}-inbound`),
        name: names.inbound,
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
        name: names.outbound,
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
        name: names.rule,
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
