/**
 * Steps 2 and 4 of mailflow-model.md: which connectors are candidates, and which tenant a message
 * is attributed to (certificate key → sender key → recipient key → no candidate).
 *
 * Each rule is a small named function; its comment cites the spec.
 */
import type { CertDomainMatchMode, InboundConnector, Server, Tenant } from '../model/schema';
import {
  domainOf,
  ipv4ToInt,
  parseIpv4Range as parseRange,
  patternCovers,
  patternSpecificity,
  selfAndAncestors,
} from '../model/net';
import type { ServiceSettings } from '../model/service';
import {
  connectorsByCertificate,
  connectorsByIp,
  ownerOfDomain,
  tenantAccepts,
  type IndexedInbound,
  type TopologyIndex,
} from './topologyIndex';
import type { AttributionKey, DomainCheck } from './types';

/** What a server's connection looks like to Exchange Online on the evaluation date (version 2). */
export interface Connection {
  /** The server as the engine sees it: `tls` is what was negotiated; an invalid certificate is unusable. */
  server: Server;
  /** The TLS version offered, or null without TLS. */
  offered: string | null;
  negotiated: boolean;
  /** Set when the certificate is outside its validity window at the evaluation date. */
  certificateState: 'expired' | 'notYetValid' | null;
}

const TLS_ORDER: Record<string, number> = { '1.0': 0, '1.1': 1, '1.2': 2, '1.3': 3 };

/**
 * TLS and certificate validity (mailflow-model.md, version 2): Exchange Online negotiates TLS only
 * at `minimumInboundTlsVersion` or above; below it the session goes on without TLS (TLS is
 * opportunistic: "Understanding email scenarios if TLS versions cannot be agreed on"), so no
 * certificate is presented. A certificate outside notBefore/notAfter at the evaluation date is
 * treated like an untrusted one: it matches nothing.
 */
export function connectionAt(server: Server, settings: Pick<ServiceSettings, 'minimumInboundTlsVersion' | 'asOf'>): Connection {
  const offered = server.tls ? (server.tlsVersion ?? '1.2') : null;
  const negotiated = offered !== null && TLS_ORDER[offered] >= TLS_ORDER[settings.minimumInboundTlsVersion];
  const c = server.certificate;
  const certificateState = c ? certificateStateAt(c, settings.asOf) : null;
  if (negotiated === server.tls && certificateState === null) return { server, offered, negotiated, certificateState };
  const certificate = !negotiated ? null : c && certificateState ? { ...c, trusted: false } : c;
  return { server: { ...server, tls: negotiated, certificate }, offered, negotiated, certificateState };
}

/** `expired` after notAfter, `notYetValid` before notBefore, null inside the window. */
export function certificateStateAt(c: { notBefore?: string | null; notAfter?: string | null }, date: string): 'expired' | 'notYetValid' | null {
  if (c.notAfter && date > c.notAfter) return 'expired';
  if (c.notBefore && date < c.notBefore) return 'notYetValid';
  return null;
}

export interface Candidate {
  entry: IndexedInbound;
  by: 'certificate' | 'ip';
  /** The certificate name or the SenderIPAddresses entry that matched. */
  matched: string;
}

/**
 * Names on the certificate a server presents that can match a connector. Step 2: the server uses
 * TLS with a trusted certificate and a full chain; "a certificate that is untrusted or sent without
 * its chain matches nothing" (KB 3212877).
 */
export function usableCertificateNames(server: Server): string[] {
  const c = server.certificate;
  if (!server.tls || !c || !c.trusted || !c.chainComplete) return [];
  return presentedNames(server);
}

/** Subject and alternative names, de-duplicated case-insensitively, subject first. */
export function presentedNames(server: Server): string[] {
  const c = server.certificate;
  if (!c) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of [c.subject, ...c.subjectAlternativeNames]) {
    if (!seen.has(n.toLowerCase())) {
      seen.add(n.toLowerCase());
      out.push(n);
    }
  }
  return out;
}

/**
 * Step 2: candidate connectors, across all tenants. Only enabled OnPremises inbound connectors
 * count; certificate candidates by TlsSenderCertificateName, IP candidates by SenderIPAddresses.
 */
export function findCandidates(index: TopologyIndex, server: Server): { certificate: Candidate[]; ip: Candidate[] } {
  const ip = ipv4ToInt(server.ipAddress) ?? -1;
  const onPremises = (c: { entry: IndexedInbound }) => c.entry.connector.connectorType === 'OnPremises';
  return {
    certificate: connectorsByCertificate(index, usableCertificateNames(server))
      .filter(onPremises)
      .map((c) => ({ ...c, by: 'certificate' as const })),
    ip: connectorsByIp(index, ip)
      .filter(onPremises)
      .map((c) => ({ ...c, by: 'ip' as const })),
  };
}

/**
 * Step 1: is the source covered (any enabled connector of any tenant, OnPremises or Partner, has
 * its IP or matches its usable certificate)? A covered source is never throttled.
 */
export function coveringConnector(index: TopologyIndex, server: Server): InboundConnector | null {
  const ip = ipv4ToInt(server.ipAddress) ?? -1;
  const byIp = connectorsByIp(index, ip);
  const byCert = connectorsByCertificate(index, usableCertificateNames(server));
  const all = [...byIp, ...byCert].sort((a, b) => a.entry.order - b.entry.order);
  return all[0]?.entry.connector ?? null;
}

/** Does any enabled inbound connector of this tenant (any type) match the source? (Direct Send.) */
export function tenantHasConnectorForSource(index: TopologyIndex, tenant: Tenant, server: Server): boolean {
  const ip = ipv4ToInt(server.ipAddress) ?? -1;
  return (
    connectorsByIp(index, ip).some((c) => c.entry.tenant === tenant) ||
    connectorsByCertificate(index, usableCertificateNames(server)).some((c) => c.entry.tenant === tenant)
  );
}

export interface CertificateDomainCheck {
  checkedDomains: string[];
  acceptedDomain: string | null;
}

/**
 * "Certificate domain" (mailflow-model.md): is the certificate's domain accepted in the connector's
 * tenant, under the mode `certDomainMatch`?
 * - oneLabelUp (KB 4019940): the matched name, or the name without its first label.
 * - exact (2023 relay guidance, "add the exact subdomain"): the name itself.
 * - anyAncestor: the name or any parent of it.
 * - wildcardNamespace (the seed): for a connector `*.x.com`, `x.com` or any subdomain of it is an
 *   accepted domain of the tenant; a plain connector name is checked as oneLabelUp.
 */
export function checkCertificateDomain(
  index: TopologyIndex,
  mode: CertDomainMatchMode,
  tenant: Tenant,
  connectorName: string,
  certificateName: string,
): CertificateDomainCheck {
  const name = certificateName.toLowerCase();
  if (mode === 'wildcardNamespace' && connectorName.startsWith('*.')) {
    const base = connectorName.slice(2).toLowerCase();
    const hit = tenant.acceptedDomains.find((d) => patternCovers(`*.${base}`, d.domainName));
    return { checkedDomains: [`*.${base}`], acceptedDomain: hit ? hit.domainName : null };
  }
  let checked: string[];
  if (mode === 'exact') checked = [name];
  else if (mode === 'anyAncestor') checked = selfAndAncestors(name);
  else checked = selfAndAncestors(name).slice(0, 2); // oneLabelUp (and wildcardNamespace on a plain name)
  const hit = checked.find((d) => tenantAccepts(index, tenant, d));
  return { checkedDomains: checked, acceptedDomain: hit ?? null };
}

export type AttributionDecision =
  | {
      outcome: 'attributed';
      tenant: Tenant;
      direction: 'originating';
      connector: InboundConnector;
      key: AttributionKey;
      relayRights: boolean;
      checks: DomainCheck[];
      setting: { name: string; value: string | boolean } | null;
      /** Unstable attribution: every remaining tenant, in document order. */
      unstable?: Tenant[];
    }
  | {
      /** The connector is not used: Incoming mail for each owning tenant (step 4.3, then 4.4). */
      outcome: 'incoming';
      checks: DomainCheck[];
    }
  | {
      outcome: 'reject';
      reason: 'unattributedRelay' | 'ambiguousTenant' | 'multipleRecipientDomains';
      involved: string[];
      checks: DomainCheck[];
      setting: { name: string; value: string | boolean } | null;
    };

export interface AttributionInput {
  mailFrom: string;
  headerFrom: string | null;
  /** Recipients that passed the RCPT stage. */
  recipients: string[];
  /** Certificate candidates whose domain check passed / failed (step 4.1). */
  certificatePassed: Candidate[];
  certificateFailed: Candidate[];
  ip: Candidate[];
  /** For one branch of an unstable attribution: the tenant to follow. */
  branch?: string | null;
}

function distinctTenants(candidates: Candidate[]): Tenant[] {
  const out: Tenant[] = [];
  for (const c of candidates) if (!out.includes(c.entry.tenant)) out.push(c.entry.tenant);
  return out;
}

/**
 * Step 4.1, certificate key: the candidates whose certificate domain is accepted. One tenant →
 * Originating there with full relay rights. Several → narrow by the P1 domain, then by accepting
 * every recipient domain (a narrowing that would leave no tenant is skipped), then
 * `ambiguousTenantPolicy`.
 */
export function attributeByCertificate(
  index: TopologyIndex,
  settings: ServiceSettings,
  input: AttributionInput,
): AttributionDecision | null {
  let tenants = distinctTenants(input.certificatePassed);
  if (tenants.length === 0) return null;
  const p1 = domainOf(input.mailFrom);
  const checks: DomainCheck[] = [];
  let setting: { name: string; value: string | boolean } | null = null;
  if (tenants.length > 1) {
    const byP1 = tenants.filter((t) => {
      const accepted = tenantAccepts(index, t, p1);
      checks.push({ role: 'mailFrom', domain: p1, tenant: t.id, accepted });
      return accepted;
    });
    if (byP1.length > 0) tenants = byP1;
    if (tenants.length > 1) {
      const domains = recipientDomains(input.recipients);
      const byRcpt = tenants.filter((t) => domains.every((d) => tenantAccepts(index, t, d)));
      if (byRcpt.length > 0) tenants = byRcpt;
    }
    if (tenants.length > 1) {
      setting = { name: 'ambiguousTenantPolicy', value: settings.ambiguousTenantPolicy };
      if (settings.ambiguousTenantPolicy === 'reject') {
        return { outcome: 'reject', reason: 'ambiguousTenant', involved: tenants.map((t) => t.id), checks, setting };
      }
      if (settings.ambiguousTenantPolicy === 'unstable') {
        // MC1226222: the service may pick any of them; the run follows the tenant asked for (a
        // branch), else the first in document order, and lists them all.
        const all = [...tenants].sort((a, b) => (index.tenantOrder.get(a.id) ?? 0) - (index.tenantOrder.get(b.id) ?? 0));
        const chosen = (input.branch && all.find((t) => t.id === input.branch)) || all[0];
        const connector = input.certificatePassed.find((c) => c.entry.tenant === chosen)!.entry.connector;
        return { outcome: 'attributed', tenant: chosen, direction: 'originating', connector, key: 'certificate', relayRights: true, checks, setting, unstable: all };
      }
      tenants = [tenants[0]]; // firstListed: document order
    }
  }
  const tenant = tenants[0];
  const connector = input.certificatePassed.find((c) => c.entry.tenant === tenant)!.entry.connector;
  return { outcome: 'attributed', tenant, direction: 'originating', connector, key: 'certificate', relayRights: true, checks, setting };
}

/**
 * Step 4.2, sender key: among the IP candidates and the certificate candidates that failed the
 * domain check, the tenant that accepts the P1 domain (or, with `headerFromCountsForRelay`, the P2
 * domain) gets the message as Originating with full relay rights.
 */
export function attributeBySender(
  index: TopologyIndex,
  settings: ServiceSettings,
  pool: Candidate[],
  input: AttributionInput,
  checks: DomainCheck[],
): AttributionDecision | null {
  const p1 = domainOf(input.mailFrom);
  for (const c of pool) {
    const accepted = tenantAccepts(index, c.entry.tenant, p1);
    checks.push({ role: 'mailFrom', domain: p1, tenant: c.entry.tenant.id, accepted });
    if (accepted) {
      return {
        outcome: 'attributed',
        tenant: c.entry.tenant,
        direction: 'originating',
        connector: c.entry.connector,
        key: 'mailFrom',
        relayRights: true,
        checks,
        setting: null,
      };
    }
  }
  const p2 = input.headerFrom ? domainOf(input.headerFrom) : null;
  if (settings.headerFromCountsForRelay && p2) {
    for (const c of pool) {
      const accepted = tenantAccepts(index, c.entry.tenant, p2);
      checks.push({ role: 'headerFrom', domain: p2, tenant: c.entry.tenant.id, accepted });
      if (accepted) {
        return {
          outcome: 'attributed',
          tenant: c.entry.tenant,
          direction: 'originating',
          connector: c.entry.connector,
          key: 'headerFrom',
          relayRights: true,
          checks,
          setting: { name: 'headerFromCountsForRelay', value: true },
        };
      }
    }
  }
  return null;
}

/**
 * Step 4.3, recipient key: still candidates but no sender match.
 * - rejectIfMultipleDomains (seed point 3, 2017): recipients in several domains → reject.
 * - one candidate tenant accepts every recipient domain → attributed there, without relay rights.
 * - every recipient owned by some tenant → the connector is not used (Incoming, step 4.4).
 * - otherwise (an Internet recipient) → unauthorized relay.
 */
export function attributeByRecipient(
  index: TopologyIndex,
  settings: ServiceSettings,
  pool: Candidate[],
  input: AttributionInput,
  checks: DomainCheck[],
): AttributionDecision {
  const domains = recipientDomains(input.recipients);
  if (settings.multiRecipientDomainPolicy === 'rejectIfMultipleDomains' && domains.length > 1) {
    return {
      outcome: 'reject',
      reason: 'multipleRecipientDomains',
      involved: domains,
      checks,
      setting: { name: 'multiRecipientDomainPolicy', value: settings.multiRecipientDomainPolicy },
    };
  }
  for (const c of pool) {
    const t = c.entry.tenant;
    const all = domains.every((d) => {
      const accepted = tenantAccepts(index, t, d);
      checks.push({ role: 'rcptTo', domain: d, tenant: t.id, accepted });
      return accepted;
    });
    if (all) {
      return {
        outcome: 'attributed',
        tenant: t,
        direction: 'originating',
        connector: c.entry.connector,
        key: 'rcptTo',
        relayRights: false,
        checks,
        setting:
          domains.length > 1 ? { name: 'multiRecipientDomainPolicy', value: settings.multiRecipientDomainPolicy } : null,
      };
    }
  }
  if (input.recipients.every((r) => ownerOfDomain(index, domainOf(r)) !== null)) return { outcome: 'incoming', checks };
  return { outcome: 'reject', reason: 'unattributedRelay', involved: [], checks, setting: null };
}

export function recipientDomains(recipients: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of recipients) {
    const d = domainOf(r);
    if (d && !out.includes(d)) out.push(d);
  }
  return out;
}

/**
 * Step 4.4, Partner connectors: the owning tenant's enabled Partner connectors whose SenderDomains
 * cover the P1 domain (`*` covers every sender, `<>` included), most specific pattern first, then
 * document order. Each of them restricts the message ("U's enabled Partner connectors whose
 * SenderDomains cover the P1 domain … restrict it").
 */
export function partnerConnectorsFor(tenant: Tenant, mailFrom: string): InboundConnector[] {
  const p1 = domainOf(mailFrom);
  const covering: Array<{ connector: InboundConnector; score: number; order: number }> = [];
  tenant.inboundConnectors.forEach((c, order) => {
    if (!c.enabled || c.connectorType !== 'Partner') return;
    let score = -1;
    for (const pattern of c.senderDomains) {
      if (pattern === '*' || (p1 !== null && patternCovers(pattern, p1))) score = Math.max(score, patternSpecificity(pattern));
    }
    if (score >= 0) covering.push({ connector: c, score, order });
  });
  return covering.sort((a, b) => b.score - a.score || a.order - b.order).map((x) => x.connector);
}

/**
 * Step 4.4: the restriction of a Partner connector that the source fails, if any:
 * requireTls without TLS, restrictDomainsToIPAddresses with the IP outside SenderIPAddresses,
 * restrictDomainsToCertificate without a matching certificate.
 */
export function failedPartnerRestriction(
  connector: InboundConnector,
  server: Server,
): 'requireTls' | 'restrictDomainsToIPAddresses' | 'restrictDomainsToCertificate' | null {
  if (connector.requireTls && !server.tls) return 'requireTls';
  if (connector.restrictDomainsToIPAddresses) {
    const ip = ipv4ToInt(server.ipAddress) ?? -1;
    const inside = connector.senderIPAddresses.some((r) => {
      const range = parseRange(r);
      return range !== null && ip >= range.start && ip <= range.end;
    });
    if (!inside) return 'restrictDomainsToIPAddresses';
  }
  if (connector.restrictDomainsToCertificate) {
    const pattern = connector.tlsSenderCertificateName;
    const names = usableCertificateNames(server);
    if (!pattern || !names.some((n) => patternCovers(pattern, n))) return 'restrictDomainsToCertificate';
  }
  return null;
}
