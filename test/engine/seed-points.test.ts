import { describe, expect, it } from 'vitest';
import { certConnector, doc, ipConnector, outcome, rule, send, server, tenant } from './builders';

const blockOutside = rule('block-outside', 0, { sentToScope: 'NotInOrganization' }, { rejectMessageReasonText: 'blocked' });

describe('Point 1: first receipt in the connector tenant', () => {
  const base = (rules: unknown[] = [], fabrikamRules: unknown[] = []) =>
    doc({
      tenants: [
        tenant('contoso', ['contoso.com'], { inboundConnectors: [certConnector('c-cert', '*.contoso.com')], transportRules: rules }),
        tenant('fabrikam', ['fabrikam.com'], { transportRules: fabrikamRules }),
      ],
      servers: [server('ex01', '203.0.113.10', 'mail.contoso.com')],
    });

  it('attributes mail to another tenant to the connector tenant, then hands it off', () => {
    const sim = send(base(), 'ex01', 'alice@contoso.com', ['bob@fabrikam.com']);
    expect(sim.attribution).toMatchObject({ tenant: 'contoso', direction: 'originating', key: 'certificate', connector: 'c-cert' });
    expect(outcome(sim, 'bob@fabrikam.com')).toMatchObject({ disposition: 'delivered', tenant: 'fabrikam', path: ['contoso', 'fabrikam'] });
    const kinds = sim.events.map((e) => e.kind);
    expect(kinds.indexOf('attribution')).toBeLessThan(kinds.indexOf('handoff'));
    expect(sim.events.find((e) => e.kind === 'handoff')).toMatchObject({ from: 'contoso', at: 'fabrikam' });
  });

  it("lets the connector tenant's rule for outside recipients block mail to the other tenant", () => {
    const sim = send(base([blockOutside]), 'ex01', 'alice@contoso.com', ['bob@fabrikam.com']);
    expect(sim.result).toBe('accepted');
    expect(outcome(sim, 'bob@fabrikam.com')).toMatchObject({ disposition: 'ndr', tenant: 'contoso', code: '5.7.1', path: ['contoso'] });
    expect(sim.events.some((e) => e.kind === 'handoff')).toBe(false);
  });

  it("runs the receiving tenant's rules after the hand-off", () => {
    const stamp = rule('stamp', 0, {}, { setHeaderName: 'X-Fabrikam', setHeaderValue: 'seen' });
    const sim = send(base([], [stamp]), 'ex01', 'alice@contoso.com', ['bob@fabrikam.com']);
    expect(sim.headers).toEqual([{ tenant: 'fabrikam', rule: 'stamp', name: 'X-Fabrikam', value: 'seen' }]);
    const ruleEvent = sim.events.find((e) => e.kind === 'rule')!;
    expect(ruleEvent.seq).toBeGreaterThan(sim.events.find((e) => e.kind === 'handoff')!.seq);
  });

  it('keeps recipients inside the connector tenant away from its outside rule', () => {
    const sim = send(base([blockOutside]), 'ex01', 'alice@contoso.com', ['ken@contoso.com', 'bob@fabrikam.com']);
    expect(outcome(sim, 'ken@contoso.com').disposition).toBe('delivered');
    expect(outcome(sim, 'bob@fabrikam.com').disposition).toBe('ndr');
  });
});

describe('Point 2: certificate connectors and the certificate domain', () => {
  const twoTenants = (service: Record<string, unknown> = {}, certName = '*.contoso.com', domains = ['contoso.com']) =>
    doc({
      service: { preset: 'current', ...service },
      tenants: [tenant('contoso', domains, { inboundConnectors: [certConnector('c-cert', certName)] }), tenant('litware', ['litware.com'])],
      servers: [
        server('ex01', '203.0.113.10', 'mail.contoso.com'),
        server('untrusted', '203.0.113.11', { subject: 'mail.contoso.com', trusted: false }),
        server('nochain', '203.0.113.12', { subject: 'mail.contoso.com', chainComplete: false }),
        server('deep', '203.0.113.13', 'a.b.contoso.com'),
      ],
    });

  it('oneLabelUp: mail.contoso.com counts through contoso.com and gets full relay rights, even for <>', () => {
    const sim = send(twoTenants(), 'ex01', '<>', ['carol@gmail.example']);
    expect(sim.attribution?.key).toBe('certificate');
    expect(outcome(sim, 'carol@gmail.example')).toMatchObject({ disposition: 'internet', tenant: null, path: ['contoso'] });
  });

  it('exact: only the name itself counts, so contoso.com alone is not enough', () => {
    const sim = send(twoTenants({ certDomainMatch: 'exact' }), 'ex01', '<>', ['carol@gmail.example']);
    expect(sim.result).toBe('rejected');
    expect(sim.smtp).toMatchObject({ code: 550, enhanced: '5.7.64', text: 'TenantAttribution; Relay Access Denied ATTR36', stage: 'data' });
    const ok = send(twoTenants({ certDomainMatch: 'exact' }, '*.contoso.com', ['contoso.com', 'mail.contoso.com']), 'ex01', '<>', ['carol@gmail.example']);
    expect(ok.result).toBe('accepted');
  });

  it('oneLabelUp fails two labels down, anyAncestor succeeds', () => {
    expect(send(twoTenants(), 'deep', '<>', ['carol@gmail.example']).result).toBe('rejected');
    expect(send(twoTenants({ certDomainMatch: 'anyAncestor' }), 'deep', '<>', ['carol@gmail.example']).result).toBe('accepted');
  });

  it('wildcardNamespace (2017): *.contoso.com is fine with only jpn.contoso.com accepted', () => {
    const d = twoTenants({ certDomainMatch: 'wildcardNamespace' }, '*.contoso.com', ['jpn.contoso.com']);
    expect(send(d, 'ex01', '<>', ['carol@gmail.example']).attribution?.key).toBe('certificate');
    const current = twoTenants({}, '*.contoso.com', ['jpn.contoso.com']);
    expect(send(current, 'ex01', '<>', ['carol@gmail.example']).result).toBe('rejected');
  });

  it('an untrusted certificate or one sent without its chain matches nothing', () => {
    for (const id of ['untrusted', 'nochain']) {
      const sim = send(twoTenants(), id, 'alice@contoso.com', ['bob@litware.com']);
      const match = sim.events.find((e) => e.kind === 'connectorMatch')!;
      expect(match.kind === 'connectorMatch' && match.data.candidates).toEqual([]);
      // No candidate: Incoming mail for the recipient's tenant.
      expect(sim.attribution).toMatchObject({ tenant: 'litware', direction: 'incoming', key: 'recipientTenant' });
    }
  });

  it('falls back to the sender domain, then the recipient domain, then refuses with ATTR36', () => {
    const d = twoTenants({}, 'relay.contoso-mail.net');
    const relay = doc({
      tenants: [tenant('contoso', ['contoso.com'], { inboundConnectors: [certConnector('c-cert', 'relay.contoso-mail.net')] })],
      servers: [server('relay', '192.0.2.25', 'relay.contoso-mail.net')],
    });
    void d;
    expect(send(relay, 'relay', 'alice@contoso.com', ['x@gmail.example']).attribution).toMatchObject({ key: 'mailFrom', tenant: 'contoso' });
    const byRcpt = send(relay, 'relay', '<>', ['alice@contoso.com']);
    expect(byRcpt.attribution).toMatchObject({ key: 'rcptTo', tenant: 'contoso', direction: 'originating' });
    const refused = send(relay, 'relay', '<>', ['x@gmail.example']);
    expect(refused.smtp.text).toMatch(/ATTR36$/);
    expect(refused.attribution).toBeNull();
    expect(outcome(refused, 'x@gmail.example')).toMatchObject({ disposition: 'rejected', code: '5.7.64', path: [] });
  });
});

describe('Point 3: IP connectors and several recipient domains', () => {
  const northwind = (preset: '2017-12' | 'current', extraTenants: unknown[] = []) =>
    doc({
      service: { preset },
      tenants: [
        tenant('northwind', ['adatum.com', 'fabrikam.com'], { inboundConnectors: [ipConnector('nw-ip', ['203.0.113.50/32'])] }),
        ...(extraTenants as never[]),
      ],
      servers: [server('relay', '203.0.113.50', undefined, false)],
    });

  it('2017: refuses two recipient domains when the sender domain is not accepted', () => {
    const sim = send(northwind('2017-12'), 'relay', 'user01@contoso.com', ['user01@adatum.com', 'user01@fabrikam.com']);
    expect(sim.smtp).toMatchObject({ code: 550, enhanced: '5.7.64', stage: 'data' });
    expect(sim.recipients.every((r) => r.disposition === 'rejected')).toBe(true);
    const reject = sim.events.find((e) => e.kind === 'reject')!;
    expect(reject.kind === 'reject' && reject.data.setting).toEqual({ name: 'multiRecipientDomainPolicy', value: 'rejectIfMultipleDomains' });
  });

  it('current: accepts them when the same tenant accepts every domain, without relay rights', () => {
    const sim = send(northwind('current'), 'relay', 'user01@contoso.com', ['user01@adatum.com', 'user01@fabrikam.com']);
    expect(sim.attribution).toMatchObject({ tenant: 'northwind', key: 'rcptTo' });
    expect(sim.recipients.map((r) => r.disposition)).toEqual(['delivered', 'delivered']);
  });

  it('current: domains of two tenants make the connector unused (Incoming per owning tenant)', () => {
    const d = northwind('current', [tenant('litware', ['litware.com'])]);
    const sim = send(d, 'relay', 'user01@contoso.com', ['user01@adatum.com', 'dave@litware.com']);
    expect(sim.attribution).toMatchObject({ tenant: 'northwind', direction: 'incoming', connector: null, key: 'recipientTenant' });
    expect(outcome(sim, 'dave@litware.com')).toMatchObject({ disposition: 'delivered', tenant: 'litware', path: ['litware'] });
    expect(outcome(sim, 'user01@adatum.com')).toMatchObject({ disposition: 'delivered', tenant: 'northwind', path: ['northwind'] });
  });

  it('an accepted sender domain gives full relay rights over the IP connector', () => {
    const sim = send(northwind('2017-12'), 'relay', 'user01@adatum.com', ['user01@fabrikam.com', 'x@gmail.example']);
    expect(sim.attribution).toMatchObject({ key: 'mailFrom' });
    expect(outcome(sim, 'x@gmail.example').disposition).toBe('internet');
  });

  it('an Internet recipient without a sender match is an unauthorized relay', () => {
    const sim = send(northwind('current'), 'relay', 'user01@contoso.com', ['x@gmail.example']);
    expect(sim.smtp.text).toBe('TenantAttribution; Relay Access Denied');
  });

  it('headerFromCountsForRelay (2017) lets the header From domain attribute', () => {
    const d2017 = northwind('2017-12');
    const sim = send(d2017, 'relay', 'bounce@mailer.example', ['x@gmail.example'], 'news@adatum.com');
    expect(sim.attribution).toMatchObject({ key: 'headerFrom', tenant: 'northwind' });
    expect(send(northwind('current'), 'relay', 'bounce@mailer.example', ['x@gmail.example'], 'news@adatum.com').result).toBe('rejected');
  });
});
