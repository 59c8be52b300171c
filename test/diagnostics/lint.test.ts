import { describe, expect, it } from 'vitest';
import { lint } from '../../shared/diagnostics';
import { certConnector, doc, ipConnector, outbound, rule, server, tenant } from '../engine/builders';

const rulesOf = (d: ReturnType<typeof doc>) => lint(d).map((x) => [x.rule, x.severity, x.entity]);

describe('diagnostics', () => {
  it('is quiet on a sound design', () => {
    const d = doc({
      tenants: [tenant('contoso', ['contoso.com'], { inboundConnectors: [certConnector('c', '*.contoso.com')] })],
      servers: [server('ex', '203.0.113.1', 'mail.contoso.com')],
    });
    expect(lint(d)).toEqual([]);
  });

  it('point 2: a certificate connector whose domain is not accepted', () => {
    const d = doc({
      tenants: [tenant('litware', ['litware.com'], { inboundConnectors: [certConnector('lc', 'relay.litware-mail.net')] })],
      servers: [server('relay', '192.0.2.25', 'relay.litware-mail.net')],
    });
    const [diag] = lint(d);
    expect(diag).toMatchObject({ rule: 'certificate-domain-not-accepted', severity: 'warning', entity: 'lc', path: 'tenants[0].inboundConnectors[0].tlsSenderCertificateName' });
    expect(diag.message).toContain('5.7.64 ATTR36');
    expect(diag.message).toMatch(/Fix:/);
    expect(lint(d, { lang: 'ja' })[0].message).toContain('対処');
  });

  it('MC1226222: IP connectors of two tenants that overlap', () => {
    const d = doc({
      tenants: [
        tenant('a', ['a.example'], { inboundConnectors: [ipConnector('ca', ['198.51.100.0/24'])] }),
        tenant('b', ['b.example'], { inboundConnectors: [ipConnector('cb', ['198.51.100.128/25'])] }),
        tenant('c', ['c.example'], { inboundConnectors: [ipConnector('cc', ['198.51.101.0/24'])] }),
      ],
      servers: [],
    });
    expect(rulesOf(d)).toEqual([['ip-connector-overlap', 'warning', 'cb']]);
    expect(lint(d)[0].related).toEqual(['ca']);
  });

  it('point 3: several recipient domains over an IP connector (error under 2017, warning today)', () => {
    const make = (preset: 'current' | '2017-12') =>
      doc({
        service: { preset },
        tenants: [tenant('nw', ['adatum.com', 'fabrikam.com'], { inboundConnectors: [ipConnector('ip', ['203.0.113.50'])] })],
        servers: [server('relay', '203.0.113.50')],
        scenarios: [{ id: 's', name: 'two domains', serverId: 'relay', mailFrom: 'a@contoso.com', rcptTo: ['x@adatum.com', 'y@fabrikam.com'] }],
      });
    expect(rulesOf(make('2017-12'))).toEqual([['multiple-recipient-domains-ip-connector', 'error', 'ip']]);
    expect(rulesOf(make('current'))).toEqual([['multiple-recipient-domains-ip-connector', 'warning', 'ip']]);
  });

  it('point 3: no finding when the recipients belong to two tenants today (the connector is simply not used)', () => {
    const d = doc({
      tenants: [
        tenant('nw', ['adatum.com'], { inboundConnectors: [ipConnector('ip', ['203.0.113.50'])] }),
        tenant('lw', ['litware.com']),
      ],
      servers: [server('relay', '203.0.113.50')],
      scenarios: [{ id: 's', name: 'two tenants', serverId: 'relay', mailFrom: 'a@contoso.com', rcptTo: ['x@adatum.com', 'y@litware.com'] }],
    });
    expect(lint(d).filter((x) => x.rule === 'multiple-recipient-domains-ip-connector')).toEqual([]);
  });

  it('point 1: an outside-recipient rule in the connector tenant while the server sends to another tenant', () => {
    const d = doc({
      tenants: [
        tenant('contoso', ['contoso.com'], {
          inboundConnectors: [certConnector('c', '*.contoso.com')],
          transportRules: [rule('block', 0, { sentToScope: 'NotInOrganization' }, { rejectMessageReasonText: 'no' })],
        }),
        tenant('fabrikam', ['fabrikam.com']),
      ],
      servers: [server('ex', '203.0.113.1', 'mail.contoso.com')],
      scenarios: [{ id: 's', name: 's', serverId: 'ex', mailFrom: 'a@contoso.com', rcptTo: ['b@fabrikam.com'] }],
    });
    const [diag] = lint(d);
    expect(diag).toMatchObject({ rule: 'outside-rule-blocks-other-tenants', severity: 'warning', entity: 'block' });
    expect(diag.message).toContain('Fabrikam');
    // The fix the message suggests makes the finding go away.
    const fixed = structuredClone(d);
    fixed.tenants[0].transportRules[0].exceptions = { exceptIfRecipientDomainIs: ['fabrikam.com'] };
    expect(lint(fixed).filter((x) => x.rule === 'outside-rule-blocks-other-tenants')).toEqual([]);
  });

  it('a wildcard certificate connector that captures another server', () => {
    const d = doc({
      tenants: [tenant('contoso', ['contoso.com'], { inboundConnectors: [certConnector('c', '*.contoso.com')] })],
      servers: [server('ex', '203.0.113.1', 'mail.contoso.com'), server('app', '203.0.113.2', 'app.contoso.com')],
    });
    expect(rulesOf(d)).toEqual([['wildcard-captures-other-server', 'warning', 'c']]);
  });

  it('a server with no connector (throttling risk) and an InternalRelay domain with no connector', () => {
    const d = doc({
      tenants: [tenant('t', ['t.example', 'r.t.example:InternalRelay'], { outboundConnectors: [outbound('o', ['other.example'])] })],
      servers: [server('lonely', '192.0.2.1')],
    });
    expect(rulesOf(d)).toEqual([
      ['server-without-connector', 'warning', 'lonely'],
      ['internal-relay-without-connector', 'warning', 't'],
    ]);
  });
});
