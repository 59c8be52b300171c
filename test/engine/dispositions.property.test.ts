/**
 * Property (issue 14; mailflow-model.md step 5, version 2): every RCPT TO address and every redirect
 * target ends with exactly one disposition. Nothing may disappear: not a target that repeats a
 * recipient, not a redirect ping-pong between tenants, not a target nobody knows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateMessage } from '../../shared/engine';
import { validateDocument } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';

const DOMAINS = ['contoso.com', 'fabrikam.com', 'relay.contoso.com'];
const ADDRESSES = ['a@contoso.com', 'b@contoso.com', 'ghost@contoso.com', 'f@fabrikam.com', 'g@fabrikam.com', 'x@relay.contoso.com', 'i@gmail.example'];
const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);

const ruleArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    priority: fc.integer({ min: 0, max: 3 }),
    enabled: fc.constant(true),
    conditions: fc.oneof(
      fc.constant({}),
      fc.record({ recipientDomainIs: fc.array(pick(DOMAINS), { minLength: 1, maxLength: 2 }) }),
      fc.record({ sentToScope: pick(['InOrganization', 'NotInOrganization'] as const) }),
    ),
    actions: fc.oneof(
      fc.record({ redirectMessageTo: fc.array(pick(ADDRESSES), { minLength: 1, maxLength: 3 }), stopRuleProcessing: fc.boolean() }),
      fc.record({ rejectMessageEnhancedStatusCode: fc.constant('5.7.900') }),
      fc.record({ deleteMessage: fc.constant(true) }),
      fc.record({ setHeaderName: fc.constant('X-T'), setHeaderValue: fc.constant('1'), stopRuleProcessing: fc.boolean() }),
    ),
  });

const docArb = fc
  .record({
    contosoRules: fc.array(fc.nat(), { maxLength: 3 }),
    fabrikamRules: fc.array(fc.nat(), { maxLength: 3 }),
    listRecipients: fc.boolean(),
  })
  .chain(({ contosoRules, fabrikamRules, listRecipients }) =>
    fc
      .tuple(
        fc.tuple(...contosoRules.map((_, i) => ruleArb(`c${i}`))),
        fc.tuple(...fabrikamRules.map((_, i) => ruleArb(`f${i}`))),
      )
      .map(([cr, fr]) => {
        const loaded = validateDocument({
          format: 'mailflow-topology',
          version: 2,
          title: 'property',
          tenants: [
            {
              id: 'contoso',
              name: 'Contoso',
              acceptedDomains: [
                { domainName: 'contoso.com', domainType: 'Authoritative' },
                { domainName: 'relay.contoso.com', domainType: 'InternalRelay' },
              ],
              recipients: listRecipients ? ['a@contoso.com', 'b@contoso.com'] : [],
              inboundConnectors: [{ id: 'cc', name: 'cc', connectorType: 'OnPremises', tlsSenderCertificateName: 'mail.contoso.com' }],
              transportRules: cr,
            },
            {
              id: 'fabrikam',
              name: 'Fabrikam',
              acceptedDomains: [{ domainName: 'fabrikam.com', domainType: 'Authoritative' }],
              recipients: listRecipients ? ['f@fabrikam.com', 'g@fabrikam.com'] : [],
              transportRules: fr,
            },
          ],
          servers: [{ id: 'ex', name: 'EX', role: 'onPremises', ipAddress: '203.0.113.1', tls: true, certificate: { subject: 'mail.contoso.com', subjectAlternativeNames: [], trusted: true, chainComplete: true } }],
        });
        if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
        return loaded.document as TopologyDocument;
      }),
  );

const messageArb = fc.record({
  mailFrom: pick(['<>', 'a@contoso.com', 'f@fabrikam.com', 'i@gmail.example']),
  rcptTo: fc.array(pick(ADDRESSES), { minLength: 1, maxLength: 4 }),
});

describe('dispositions', () => {
  it('every RCPT TO address and every redirect target ends with exactly one disposition', () => {
    fc.assert(
      fc.property(docArb, messageArb, (doc, m) => {
        const sim = simulateMessage(doc, { serverId: 'ex', mailFrom: m.mailFrom, rcptTo: m.rcptTo }, { today: '2026-12-02' });
        // Every distinct RCPT TO address: exactly one outcome of its own.
        const distinct = [...new Set(m.rcptTo.map((r) => r.toLowerCase()))];
        const originals = sim.recipients.filter((r) => r.redirectedFrom === undefined).map((r) => r.address.toLowerCase());
        expect(originals.sort()).toEqual([...distinct].sort());
        // Every redirect a rule made: exactly one outcome per (recipient it replaced, target).
        const targets: string[] = [];
        for (const e of sim.events) {
          if (e.kind === 'rule' && e.data.action === 'redirect') {
            for (const r of e.data.recipients) for (const t of e.data.redirectTo) targets.push(`${r.toLowerCase()}→${t.toLowerCase()}`);
          }
        }
        const redirected = sim.recipients.filter((r) => r.redirectedFrom !== undefined).map((r) => `${r.redirectedFrom!.toLowerCase()}→${r.address.toLowerCase()}`);
        expect(redirected.sort()).toEqual(targets.sort());
        // Each outcome has one disposition, consistent with the result.
        for (const r of sim.recipients) {
          expect(typeof r.disposition).toBe('string');
          if (sim.result !== 'accepted') expect(['rejected', 'deferred']).toContain(r.disposition);
        }
      }),
      { numRuns: 400 },
    );
  });
});
