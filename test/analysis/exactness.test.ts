/**
 * The analysis is exact: on generated documents, every cell's outcome equals what one-by-one
 * simulation of that cell's own message gives. The equivalence classes (servers alike, senders
 * alike) may only save work, never change an answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, outcomeOf } from '../../shared/analysis';
import { simulateMessage } from '../../shared/engine';
import { validateDocument } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';

const DOMAINS = ['a.example', 'b.example', 'c.example', 'sub.a.example', 'd.test'];
const NAMES = ['mail.a.example', 'relay.a.example', 'x.relay.a.example', 'mail.b.example', 'c.example'];
const PATTERNS = ['mail.a.example', '*.a.example', '*.b.example', 'c.example', 'relay.a.example'];
const IPS = ['192.0.2.10', '192.0.2.11', '198.51.100.7', '203.0.113.5'];
const RANGES = ['192.0.2.0/24', '192.0.2.10', '198.51.100.0/25', '203.0.113.5/32'];
const one = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const tenantNo = fc.integer({ min: 0, max: 2 });

const designArb = fc
  .record({
    owner: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 5, maxLength: 5 }),
    relay: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    subDomains: fc.boolean(),
    listed: fc.subarray(['u@a.example', 'v@b.example', 'w@c.example', 'y@d.test'], { maxLength: 3 }),
    directSend: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    inbound: fc.array(
      fc.record({
        tenant: tenantNo,
        partner: fc.boolean(),
        cert: fc.option(one(PATTERNS), { nil: null }),
        ranges: fc.subarray(RANGES, { maxLength: 2 }),
        senders: fc.subarray(['*', 'a.example', '*.b.example', 'd.test'], { minLength: 1, maxLength: 2 }),
        requireTls: fc.boolean(),
        restrictIp: fc.boolean(),
        restrictCert: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    rules: fc.array(
      fc.record({
        tenant: tenantNo,
        priority: fc.integer({ min: 0, max: 3 }),
        to: fc.option(one(['InOrganization', 'NotInOrganization'] as const), { nil: undefined }),
        from: fc.option(one(['InOrganization', 'NotInOrganization'] as const), { nil: undefined }),
        senderIs: fc.subarray(DOMAINS, { maxLength: 1 }),
        exceptSender: fc.subarray(DOMAINS, { maxLength: 1 }),
        rcptIs: fc.subarray(DOMAINS, { maxLength: 1 }),
        act: one(['reject', 'delete', 'redirect', 'header'] as const),
        stop: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    outbound: fc.array(fc.record({ tenant: tenantNo, onPrem: fc.boolean(), to: fc.subarray(['*', 'sub.a.example', 'internet.example'], { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }),
    servers: fc.array(
      fc.record({ ip: one(IPS), tls: fc.boolean(), cert: fc.option(fc.record({ name: one(NAMES), alt: fc.subarray(NAMES, { maxLength: 1 }), trusted: fc.boolean() }), { nil: null }) }),
      { minLength: 1, maxLength: 4 },
    ),
    headerScenario: fc.option(fc.record({ from: one(['s@external.example', 's@d.test']), header: one(DOMAINS) }), { nil: null }),
    preset: one(['current', '2017-12'] as const),
    ambiguous: one(['reject', 'firstListed'] as const),
  })
  .map((g): TopologyDocument | null => {
    const tenants = [0, 1, 2].map((t) => ({
      id: `t${t}`,
      name: `T${t}`,
      acceptedDomains: DOMAINS.flatMap((d, i) => (g.owner[i] === t ? [{ domainName: d, domainType: g.relay[i] ? 'InternalRelay' : 'Authoritative', matchSubDomains: i === 0 && g.subDomains }] : [])),
      recipients: g.listed.filter((r) => g.owner[DOMAINS.indexOf(r.split('@')[1])] === t),
      rejectDirectSend: g.directSend[t],
      inboundConnectors: g.inbound.flatMap((c, i) =>
        c.tenant !== t
          ? []
          : [{ id: `in${i}`, name: `in${i}`, connectorType: c.partner ? 'Partner' : 'OnPremises', tlsSenderCertificateName: c.cert, senderIPAddresses: c.ranges, senderDomains: c.senders, requireTls: c.requireTls, restrictDomainsToIPAddresses: c.restrictIp, restrictDomainsToCertificate: c.restrictCert }],
      ),
      outboundConnectors: g.outbound.flatMap((o, i) =>
        o.tenant !== t ? [] : [{ id: `out${i}`, name: `out${i}`, connectorType: o.onPrem ? 'OnPremises' : 'Partner', enabled: true, recipientDomains: o.to, allAcceptedDomains: false, useMXRecord: false, smartHosts: [], routeAllMessagesViaOnPremises: false }],
      ),
      transportRules: g.rules.flatMap((r, i) =>
        r.tenant !== t
          ? []
          : [
              {
                id: `r${i}`,
                name: `r${i}`,
                priority: r.priority,
                enabled: true,
                conditions: { sentToScope: r.to, fromScope: r.from, ...(r.senderIs.length ? { senderDomainIs: r.senderIs } : {}), ...(r.rcptIs.length ? { recipientDomainIs: r.rcptIs } : {}) },
                ...(r.exceptSender.length ? { exceptions: { exceptIfSenderDomainIs: r.exceptSender } } : {}),
                actions: {
                  ...(r.act === 'reject' ? { rejectMessageEnhancedStatusCode: '5.7.1' } : {}),
                  ...(r.act === 'delete' ? { deleteMessage: true } : {}),
                  ...(r.act === 'redirect' ? { redirectMessageTo: ['u@a.example', 'someone@internet.example'] } : {}),
                  ...(r.act === 'header' ? { setHeaderName: 'X-A', setHeaderValue: '1' } : {}),
                  ...(r.stop ? { stopRuleProcessing: true } : {}),
                },
              },
            ],
      ),
    }));
    const raw = {
      format: 'mailflow-topology',
      version: 1,
      title: 'analysis',
      service: { preset: g.preset, ambiguousTenantPolicy: g.ambiguous },
      tenants,
      servers: g.servers.map((s, i) => ({
        id: `s${i}`,
        name: `S${i}`,
        role: 'onPremises',
        ipAddress: s.ip,
        tls: s.tls,
        certificate: s.cert ? { subject: s.cert.name, subjectAlternativeNames: s.cert.alt, trusted: s.cert.trusted, chainComplete: true } : null,
      })),
      scenarios: g.headerScenario ? [{ id: 'relay', name: 'relay', serverId: 's0', mailFrom: g.headerScenario.from, rcptTo: ['z@internet.example'], headerFrom: `h@${g.headerScenario.header}` }] : [],
    };
    const loaded = validateDocument(raw);
    // Duplicate accepted domains across tenants are a loader error; such draws are skipped.
    return loaded.ok ? loaded.document : null;
  });

describe('analyze is exact', () => {
  it('every cell equals one-by-one simulation of its own message, on at least 500 generated designs', () => {
    let designs = 0;
    let shared = 0;
    fc.assert(
      fc.property(designArb, (doc) => {
        if (!doc) return;
        designs++;
        const analysis = analyze(doc);
        if (analysis.classCount < analysis.cellCount) shared++;
        for (let s = 0; s < analysis.sources.length; s++) {
          for (let f = 0; f < analysis.senders.length; f++) {
            for (let r = 0; r < analysis.recipients.length; r++) {
              const cell = analysis.cell(s, f, r);
              const alone = outcomeOf(simulateMessage(doc, cell.message));
              expect(cell.outcome, `${cell.source.id} ${cell.sender.id} ${cell.recipient.id}`).toEqual(alone);
            }
          }
        }
      }),
      { numRuns: 800, seed: 20261202 },
    );
    expect(designs).toBeGreaterThanOrEqual(500);
    // The classes must actually merge cells, or the test says nothing about them.
    expect(shared).toBeGreaterThan(designs / 2);
  });
});
