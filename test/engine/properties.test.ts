/**
 * Property-based tests: for any valid topology and any message, the engine is deterministic, ends
 * the transaction in exactly one SMTP outcome, and gives every recipient exactly one disposition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateMessage, type MessageSimulation } from '../../shared/engine';
import { validateDocument } from '../../shared/model/load';
import { DISPOSITIONS, type TopologyDocument } from '../../shared/model/schema';

const DOMAINS = ['a.example', 'b.example', 'c.example', 'sub.a.example', 'd.test'];
const CERTS = ['mail.a.example', '*.a.example', 'relay.x.net', '*.b.example', 'c.example'];
const RANGES = ['192.0.2.0/24', '192.0.2.10', '198.51.100.0/25', '0.0.0.0/0', '203.0.113.5/32'];
const IPS = ['192.0.2.10', '192.0.2.200', '198.51.100.7', '203.0.113.5', '8.8.8.8'];
const ADDRESSES = ['u@a.example', 'v@b.example', 'w@c.example', 'x@sub.a.example', 'y@d.test', 'z@internet.example', 'U@A.EXAMPLE'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

const ruleArb = fc.record({
  priority: fc.integer({ min: 0, max: 5 }),
  enabled: fc.boolean(),
  scope: fc.option(pick(['InOrganization', 'NotInOrganization'] as const), { nil: undefined }),
  domains: fc.subarray(DOMAINS, { maxLength: 2 }),
  action: pick(['reject', 'delete', 'redirect', 'header', 'stop'] as const),
  stop: fc.boolean(),
});

const topologyArb = fc
  .record({
    owners: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: DOMAINS.length, maxLength: DOMAINS.length }),
    types: fc.array(pick(['Authoritative', 'InternalRelay'] as const), { minLength: DOMAINS.length, maxLength: DOMAINS.length }),
    connectors: fc.array(
      fc.record({ tenant: fc.integer({ min: 0, max: 2 }), type: pick(['OnPremises', 'Partner'] as const), cert: fc.option(pick(CERTS), { nil: null }), ranges: fc.subarray(RANGES, { maxLength: 2 }), requireTls: fc.boolean(), restrictIp: fc.boolean() }),
      { maxLength: 4 },
    ),
    rules: fc.array(fc.record({ tenant: fc.integer({ min: 0, max: 2 }), rule: ruleArb }), { maxLength: 4 }),
    outbound: fc.array(fc.record({ tenant: fc.integer({ min: 0, max: 2 }), type: pick(['OnPremises', 'Partner'] as const), domains: fc.subarray(['*', '*.internet.example', 'sub.a.example', 'internet.example'], { minLength: 1, maxLength: 2 }) }), { maxLength: 3 }),
    recipients: fc.subarray(ADDRESSES.slice(0, 6), { maxLength: 3 }),
    directSend: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    servers: fc.array(fc.record({ ip: pick(IPS), tls: fc.boolean(), cert: fc.option(fc.record({ name: pick(CERTS.filter((c) => !c.startsWith('*'))), trusted: fc.boolean(), chain: fc.boolean() }), { nil: null }) }), { minLength: 1, maxLength: 3 }),
    service: fc.record({
      preset: pick(['current', '2017-12'] as const),
      certDomainMatch: fc.option(pick(['oneLabelUp', 'exact', 'anyAncestor', 'wildcardNamespace'] as const), { nil: undefined }),
      ambiguousTenantPolicy: fc.option(pick(['reject', 'firstListed'] as const), { nil: undefined }),
      unattributedRelayReply: fc.option(pick(['5.7.64', '4.4.62'] as const), { nil: undefined }),
    }),
  })
  .map((g): TopologyDocument => {
    const tenants = [0, 1, 2].map((t) => ({
      id: `t${t}`,
      name: `Tenant ${t}`,
      acceptedDomains: DOMAINS.flatMap((d, i) => (g.owners[i] === t ? [{ domainName: d, domainType: g.types[i] }] : [])),
      recipients: g.recipients.filter((r) => g.owners[DOMAINS.indexOf(r.split('@')[1])] === t),
      rejectDirectSend: g.directSend[t],
      inboundConnectors: g.connectors.flatMap((c, i) =>
        c.tenant === t ? [{ id: `in${i}`, name: `in${i}`, connectorType: c.type, tlsSenderCertificateName: c.cert, senderIPAddresses: c.ranges, requireTls: c.requireTls, restrictDomainsToIPAddresses: c.restrictIp }] : [],
      ),
      outboundConnectors: g.outbound.flatMap((o, i) =>
        o.tenant === t ? [{ id: `out${i}`, name: `out${i}`, connectorType: o.type, enabled: true, recipientDomains: o.domains, allAcceptedDomains: false, useMXRecord: false, smartHosts: [], routeAllMessagesViaOnPremises: false }] : [],
      ),
      transportRules: g.rules.flatMap(({ tenant, rule }, i) =>
        tenant === t
          ? [
              {
                id: `r${i}`,
                name: `r${i}`,
                priority: rule.priority,
                enabled: rule.enabled,
                conditions: { ...(rule.scope ? { sentToScope: rule.scope } : {}), ...(rule.domains.length ? { recipientDomainIs: rule.domains } : {}) },
                actions: {
                  ...(rule.action === 'reject' ? { rejectMessageReasonText: 'no' } : {}),
                  ...(rule.action === 'delete' ? { deleteMessage: true } : {}),
                  ...(rule.action === 'redirect' ? { redirectMessageTo: ['audit@internet.example', 'u@a.example'] } : {}),
                  ...(rule.action === 'header' ? { setHeaderName: 'X-T', setHeaderValue: 'v' } : {}),
                  stopRuleProcessing: rule.stop || rule.action === 'stop',
                },
              },
            ]
          : [],
      ),
    }));
    const raw = {
      format: 'mailflow-topology',
      version: 1,
      title: 'generated',
      service: Object.fromEntries(Object.entries(g.service).filter(([, v]) => v !== undefined)),
      tenants,
      servers: g.servers.map((s, i) => ({
        id: `s${i}`,
        name: `s${i}`,
        role: 'onPremises',
        ipAddress: s.ip,
        tls: s.tls,
        certificate: s.cert ? { subject: s.cert.name, subjectAlternativeNames: [], trusted: s.cert.trusted, chainComplete: s.cert.chain } : null,
      })),
    };
    const loaded = validateDocument(raw);
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
    return loaded.document;
  });

const messageArb = fc.record({
  server: fc.integer({ min: 0, max: 2 }),
  mailFrom: fc.constantFrom('<>', ...ADDRESSES),
  rcptTo: fc.array(pick(ADDRESSES), { minLength: 1, maxLength: 4 }),
  headerFrom: fc.option(pick(ADDRESSES), { nil: null }),
});

type Message = { server: number; mailFrom: string; rcptTo: string[]; headerFrom: string | null };

function run(doc: TopologyDocument, m: Message): MessageSimulation {
  return simulateMessage(doc, { serverId: `s${m.server % doc.servers.length}`, mailFrom: m.mailFrom, rcptTo: m.rcptTo, headerFrom: m.headerFrom });
}

describe('engine properties', () => {
  it('is deterministic: the same input gives the same result, events and texts', () => {
    fc.assert(
      fc.property(topologyArb, messageArb, (doc, m) => {
        const a = run(doc, m);
        const copy = JSON.parse(JSON.stringify(doc)) as TopologyDocument;
        expect(run(copy, m)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('ends every transaction in exactly one SMTP outcome, consistent with the result', () => {
    fc.assert(
      fc.property(topologyArb, messageArb, (doc, m) => {
        const sim = run(doc, m);
        const outcomes = sim.events.filter((e) => e.kind === 'accepted' || e.kind === 'reject');
        expect(outcomes).toHaveLength(1);
        expect(outcomes[0].smtp).toEqual(sim.smtp);
        const cls = sim.smtp.code < 400 ? 'accepted' : sim.smtp.code < 500 ? 'deferred' : 'rejected';
        expect(sim.result).toBe(cls);
        expect(sim.events.map((e) => e.seq)).toEqual(sim.events.map((_, i) => i + 1));
      }),
      { numRuns: 500 },
    );
  });

  it('gives every recipient exactly one disposition', () => {
    fc.assert(
      fc.property(topologyArb, messageArb, (doc, m) => {
        const sim = run(doc, m);
        const tenantIds = doc.tenants.map((t) => t.id);
        // Redirect targets are new recipients even when an address repeats (version 2).
        const keys = sim.recipients.filter((r) => r.redirectedFrom === undefined).map((r) => r.address.toLowerCase());
        // Exactly one outcome per recipient: no address twice, every RCPT TO there, and nothing
        // else but addresses a rule redirected to.
        expect(new Set(keys).size).toBe(keys.length);
        const sent = new Set(m.rcptTo.map((r) => r.toLowerCase()));
        for (const r of sent) expect(keys).toContain(r);
        for (const r of sim.recipients) if (!sent.has(r.address.toLowerCase())) expect(r.redirectedFrom).toBeDefined();
        for (const r of sim.recipients) {
          // One disposition: a single known value, consistent with the SMTP result.
          expect(DISPOSITIONS).toContain(r.disposition);
          if (sim.result !== 'accepted') expect(['rejected', 'deferred']).toContain(r.disposition);
          if (r.disposition === 'delivered') expect(r.tenant).not.toBeNull();
          // The tenant path names tenants of the document (recipients in several tenants may each be
          // first received in their own, so the path need not start at the message's attribution).
          for (const t of r.path) expect(tenantIds).toContain(t);
          if (r.tenant !== null && r.disposition === 'delivered') expect(r.path[r.path.length - 1] ?? r.tenant).toBe(r.tenant);
        }
      }),
      { numRuns: 500 },
    );
  });
});
