/**
 * The message classes of `mailflow analyze` (cli.md, "Version 2 additions"): every source × every
 * sender class × every recipient class. Each class has one representative address (or pair of
 * addresses) so that any cell can be replayed with `simulate`.
 *
 * Class ids are built from domain names and server ids only, so the same class has the same id in
 * two designs (the differential matches cells by id).
 */
import type { Tenant, TopologyDocument } from '../model/schema';
import { domainOf, NULL_SENDER } from '../model/net';
import { indexTopology, ownerOfDomain, recipientsOf } from '../engine/topologyIndex';

export interface SourceClass {
  /** `server:<id>`, or (format 2) `mailbox:<tenant id>`. */
  id: string;
  kind: 'server' | 'cloudMailbox';
  /** The server that sends (kind `server`). */
  serverId: string | null;
  /** The tenant whose cloud mailboxes send (kind `cloudMailbox`). */
  tenantId: string | null;
  /** The mailbox that stands for the tenant's cloud mailboxes (kind `cloudMailbox`). */
  mailbox?: string;
  name: string;
}

export type SenderKind = 'tenantDomain' | 'external' | 'null' | 'headerFrom';

export interface SenderClass {
  /** `from:<domain>`, `from:external`, `from:<>`, `from:external/header:<domain>`. */
  id: string;
  kind: SenderKind;
  /** The accepted domain the class stands for (MAIL FROM, or the header From for `headerFrom`). */
  domain: string | null;
  /** The tenant that owns `domain`. */
  tenant: string | null;
  mailFrom: string;
  headerFrom: string | null;
}

export type RecipientKind = 'known' | 'unknown' | 'internet' | 'pairSameTenant' | 'pairTwoTenants' | 'pairInternet';

export interface RecipientClass {
  /** `to:<domain>`, `to:<domain>/unknown`, `to:internet`, `to:<domain>+<domain>`. */
  id: string;
  kind: RecipientKind;
  addresses: string[];
  domains: string[];
  /** Owner of each address (null: the Internet). */
  tenants: Array<string | null>;
}

export interface MessageClasses {
  sources: SourceClass[];
  senders: SenderClass[];
  recipients: RecipientClass[];
  /** True when the two-tenant pairs were limited to neighbours (more than PAIR_TENANT_LIMIT tenants). */
  pairsLimited: boolean;
}

/** Up to this many tenants every two-tenant pair is a class; above it, each tenant with the next one. */
export const PAIR_TENANT_LIMIT = 16;

/** A domain name no tenant owns, for the external sender and the Internet recipient. */
function freeDomain(doc: TopologyDocument, base: string): string {
  const index = indexTopology(doc);
  for (let i = 0; ; i++) {
    const d = i === 0 ? base : base.replace('.', `${i}.`);
    if (!ownerOfDomain(index, d)) return d;
  }
}

export function messageClasses(doc: TopologyDocument): MessageClasses {
  const index = indexTopology(doc);
  const sources: SourceClass[] = doc.servers.map((s) => ({ id: `server:${s.id}`, kind: 'server', serverId: s.id, tenantId: null, name: s.name }));
  // Each tenant's cloud mailboxes are a source too (format 2 `fromMailbox`, cli.md).
  sources.push(...cloudMailboxSources(doc));

  const externalDomain = freeDomain(doc, 'external.example');
  const internetDomain = freeDomain(doc, 'internet.example');

  const senders: SenderClass[] = [];
  const owned: Array<{ tenant: Tenant; domain: string }> = [];
  for (const tenant of doc.tenants) {
    for (const d of tenant.acceptedDomains) {
      const domain = d.domainName.toLowerCase();
      // A domain listed twice (a loader error in another tenant) is one class, of its owner.
      if (ownerOfDomain(index, domain)?.tenant !== tenant || owned.some((o) => o.domain === domain)) continue;
      owned.push({ tenant, domain });
      senders.push({ id: `from:${domain}`, kind: 'tenantDomain', domain, tenant: tenant.id, mailFrom: `sender@${domain}`, headerFrom: null });
    }
  }
  senders.push({ id: 'from:external', kind: 'external', domain: null, tenant: null, mailFrom: `sender@${externalDomain}`, headerFrom: null });
  senders.push({ id: 'from:<>', kind: 'null', domain: null, tenant: null, mailFrom: NULL_SENDER, headerFrom: null });
  // A header From that differs from MAIL FROM is a sender class where the design shows one: a
  // scenario whose header From is in an accepted domain and differs from its MAIL FROM domain (the
  // relay that keeps its own envelope). Whether the header counts for relay changed in November 2023.
  for (const s of doc.scenarios) {
    const h = s.headerFrom ? domainOf(s.headerFrom) : null;
    if (!h || h === (s.mailFrom ? domainOf(s.mailFrom) : null)) continue;
    const owner = ownerOfDomain(index, h);
    const id = `from:external/header:${h}`;
    if (!owner || senders.some((x) => x.id === id)) continue;
    senders.push({ id, kind: 'headerFrom', domain: h, tenant: owner.tenant.id, mailFrom: `sender@${externalDomain}`, headerFrom: `sender@${h}` });
  }

  const recipients: RecipientClass[] = [];
  const known = new Map<string, { address: string; tenant: Tenant }>();
  for (const { tenant, domain } of owned) {
    const listed = recipientsOf(index, tenant);
    const first = tenant.recipients.find((r) => domainOf(r.toLowerCase()) === domain);
    const address = first ?? `user@${domain}`;
    known.set(domain, { address, tenant });
    recipients.push({ id: `to:${domain}`, kind: 'known', addresses: [address], domains: [domain], tenants: [tenant.id] });
    // An unknown recipient differs only where the tenant lists recipients in the domain
    // (Directory-Based Edge Blocking, or InternalRelay's unknown recipient going on-premises).
    if (listed.domains.has(domain)) {
      let unknown = `unknown.recipient@${domain}`;
      for (let i = 2; listed.addresses.has(unknown); i++) unknown = `unknown.recipient${i}@${domain}`;
      recipients.push({ id: `to:${domain}/unknown`, kind: 'unknown', addresses: [unknown], domains: [domain], tenants: [tenant.id] });
    }
  }
  const internet = `someone@${internetDomain}`;
  recipients.push({ id: 'to:internet', kind: 'internet', addresses: [internet], domains: [internetDomain], tenants: [null] });

  const pair = (kind: RecipientKind, a: string, b: string | null) => {
    const ka = known.get(a)!;
    const kb = b === null ? null : known.get(b)!;
    recipients.push({
      id: `to:${a}+${b ?? 'internet'}`,
      kind,
      addresses: [ka.address, kb ? kb.address : internet],
      domains: [a, b ?? internetDomain],
      tenants: [ka.tenant.id, kb ? kb.tenant.id : null],
    });
  };
  const domainsOf = (t: Tenant) => owned.filter((o) => o.tenant === t).map((o) => o.domain);
  // Two domains of one tenant: every pair of domains that can behave differently, i.e. of
  // different kinds (type, listed recipients, subdomains), plus one pair of the same kind.
  for (const tenant of doc.tenants) {
    const domains = domainsOf(tenant);
    const kinds = new Map<string, string[]>();
    for (const d of domains) {
      const ad = tenant.acceptedDomains.find((x) => x.domainName.toLowerCase() === d)!;
      const key = `${ad.domainType}|${ad.matchSubDomains}|${recipientsOf(index, tenant).domains.has(d)}`;
      kinds.set(key, [...(kinds.get(key) ?? []), d]);
    }
    const reps = [...kinds.values()].map((l) => l[0]);
    for (let i = 0; i < reps.length; i++) for (let j = i + 1; j < reps.length; j++) pair('pairSameTenant', reps[i], reps[j]);
    for (const l of kinds.values()) if (l.length > 1) pair('pairSameTenant', l[0], l[1]);
  }
  // Two tenants in one session: every pair of tenants (their first domains); in a large design,
  // each tenant with the next one, so the classes stay linear in the number of tenants.
  const firsts = doc.tenants.map((t) => domainsOf(t)[0]).filter((d): d is string => d !== undefined);
  const pairsLimited = firsts.length > PAIR_TENANT_LIMIT;
  if (!pairsLimited) {
    for (let i = 0; i < firsts.length; i++) for (let j = i + 1; j < firsts.length; j++) pair('pairTwoTenants', firsts[i], firsts[j]);
  } else {
    for (let i = 0; i < firsts.length; i++) pair('pairTwoTenants', firsts[i], firsts[(i + 1) % firsts.length]);
  }
  // A tenant's recipient and an Internet recipient in one session.
  for (const d of firsts) pair('pairInternet', d, null);

  return { sources, senders, recipients, pairsLimited };
}

/**
 * One source per tenant that has a cloud mailbox: a listed recipient, or else a mailbox in its first
 * Authoritative domain (the addresses the engine's `fromMailbox` accepts, document-format.md
 * version 2). A tenant with neither has no mailbox to send from.
 */
function cloudMailboxSources(doc: TopologyDocument): SourceClass[] {
  const out: SourceClass[] = [];
  for (const t of doc.tenants) {
    const authoritative = t.acceptedDomains.find((d) => d.domainType === 'Authoritative');
    const mailbox = t.recipients[0] ?? (authoritative ? `mailbox@${authoritative.domainName}` : null);
    if (!mailbox) continue;
    out.push({ id: `mailbox:${t.id}`, kind: 'cloudMailbox', serverId: null, tenantId: t.id, mailbox, name: t.name });
  }
  return out;
}
