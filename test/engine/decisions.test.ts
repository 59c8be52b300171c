import { describe, expect, it } from 'vitest';
import { certConnector, doc, ipConnector, outbound, outcome, rule, send, server, tenant } from './builders';
import { simulateScenario, throttleTable } from '../../shared/engine';
import { resolveService } from '../../shared/model/service';

describe('candidates and IPv4 ranges', () => {
  const d = (range: string) =>
    doc({
      tenants: [tenant('contoso', ['contoso.com'], { inboundConnectors: [ipConnector('ip', [range])] })],
      servers: [
        server('first', '198.51.100.0'),
        server('last', '198.51.100.255'),
        server('below', '198.51.99.255'),
        server('above', '198.51.101.0'),
      ],
    });
  const attributed = (doc_: ReturnType<typeof d>, s: string) => send(doc_, s, 'a@contoso.com', ['x@gmail.example']).result === 'accepted';

  it('a /24 covers its first and last address and nothing outside', () => {
    const x = d('198.51.100.0/24');
    expect([attributed(x, 'first'), attributed(x, 'last'), attributed(x, 'below'), attributed(x, 'above')]).toEqual([true, true, false, false]);
  });
  it('a CIDR written with host bits covers the same block', () => {
    expect(attributed(d('198.51.100.77/24'), 'last')).toBe(true);
  });
  it('/0 covers every address, /32 exactly one', () => {
    const all = d('0.0.0.0/0');
    expect(['first', 'below', 'above'].every((s) => attributed(all, s))).toBe(true);
    const one = d('198.51.100.255/32');
    expect([attributed(one, 'last'), attributed(one, 'first')]).toEqual([true, false]);
  });
  it('a disabled connector or a Partner connector is no candidate', () => {
    const off = doc({
      tenants: [
        tenant('contoso', ['contoso.com'], {
          inboundConnectors: [ipConnector('ip', ['198.51.100.0/24'], { enabled: false }), ipConnector('p', ['198.51.100.0/24'], { connectorType: 'Partner' })],
        }),
      ],
      servers: [server('s', '198.51.100.1')],
    });
    expect(send(off, 's', 'a@contoso.com', ['x@gmail.example']).result).toBe('rejected');
  });
});

describe('certificate names', () => {
  it('checks every name that matches the connector, not only the first', () => {
    const d = doc({
      tenants: [tenant('a', ['a.com'], { inboundConnectors: [certConnector('ca', '*.a.com')] })],
      servers: [server('s', '192.0.2.1', { subject: 'x.sub.a.com', sans: ['mail.a.com'] })],
    });
    const sim = send(d, 's', '<>', ['someone@gmail.example']);
    expect(sim.attribution?.key).toBe('certificate');
    const check = sim.events.find((e) => e.kind === 'certificateCheck')!;
    expect(check.kind === 'certificateCheck' && check.data.certificateName).toBe('mail.a.com');
  });
});

describe('case-insensitive comparisons', () => {
  const d = doc({
    tenants: [
      tenant('contoso', ['Contoso.COM'], { recipients: ['Alice@contoso.com'], inboundConnectors: [certConnector('c', '*.CONTOSO.com')] }),
      tenant('fabrikam', ['fabrikam.com'], { recipients: ['bob@fabrikam.com'] }),
    ],
    servers: [server('ex', '203.0.113.1', 'MAIL.Contoso.Com')],
  });
  it('matches certificate names, domains and recipients whatever their case, and keeps the case written', () => {
    const sim = send(d, 'ex', 'ALICE@CONTOSO.COM', ['BOB@FABRIKAM.COM', 'alice@CONTOSO.com']);
    expect(sim.attribution?.key).toBe('certificate');
    expect(sim.recipients.map((r) => [r.address, r.disposition])).toEqual([
      ['BOB@FABRIKAM.COM', 'delivered'],
      ['alice@CONTOSO.com', 'delivered'],
    ]);
  });
  it('treats the same address in two cases as one recipient', () => {
    const sim = send(d, 'ex', 'a@contoso.com', ['bob@fabrikam.com', 'Bob@Fabrikam.com']);
    expect(sim.recipients).toHaveLength(1);
  });
});

describe('Directory-Based Edge Blocking (RCPT)', () => {
  const d = doc({
    tenants: [tenant('fabrikam', ['fabrikam.com', 'other.fabrikam.com'], { recipients: ['bob@fabrikam.com'] })],
    servers: [server('ext', '192.0.2.9')],
  });
  it('rejects an unknown recipient of an Authoritative domain at RCPT and delivers the others', () => {
    const sim = send(d, 'ext', 'x@example.org', ['nobody@fabrikam.com', 'bob@fabrikam.com']);
    expect(sim.result).toBe('accepted');
    expect(outcome(sim, 'nobody@fabrikam.com')).toMatchObject({ disposition: 'rejected', code: '5.4.1', tenant: null, path: [] });
    expect(sim.transcript.some((l) => l.line === '550 5.4.1 Recipient address rejected: Access denied')).toBe(true);
  });
  it('ends the transaction with 5.4.1 when every recipient is rejected', () => {
    const sim = send(d, 'ext', 'x@example.org', ['nobody@fabrikam.com']);
    expect(sim.smtp).toMatchObject({ code: 550, enhanced: '5.4.1', stage: 'rcpt' });
    expect(sim.attribution).toBeNull();
  });
  it('treats a domain with no listed recipient as "every address exists"', () => {
    expect(send(d, 'ext', 'x@example.org', ['anyone@other.fabrikam.com']).recipients[0].disposition).toBe('delivered');
  });
});

describe('no candidate: Partner connectors and Direct Send', () => {
  const partner = (extra: Record<string, unknown>) => ({ id: 'p', name: 'Partner', connectorType: 'Partner', senderDomains: ['partner.example'], ...extra });
  const d = (connectors: unknown[], rejectDirectSend = false) =>
    doc({
      tenants: [tenant('fabrikam', ['fabrikam.com'], { inboundConnectors: connectors, rejectDirectSend })],
      servers: [server('gw', '192.0.2.10', undefined, false), server('gw-tls', '192.0.2.11', 'mx.partner.example')],
    });

  it('requireTls refuses a partner that does not use TLS with 5.7.51', () => {
    const sim = send(d([partner({ requireTls: true })]), 'gw', 'a@partner.example', ['bob@fabrikam.com']);
    expect(sim.smtp).toMatchObject({ code: 550, enhanced: '5.7.51' });
    expect(sim.attribution).toMatchObject({ tenant: 'fabrikam', direction: 'incoming', connector: 'p' });
  });
  it('restrictDomainsToIPAddresses refuses an IP outside SenderIPAddresses, accepts one inside', () => {
    const c = partner({ restrictDomainsToIPAddresses: true, senderIPAddresses: ['192.0.2.11/32'] });
    expect(send(d([c]), 'gw', 'a@partner.example', ['bob@fabrikam.com']).smtp.enhanced).toBe('5.7.51');
    expect(send(d([c]), 'gw-tls', 'a@partner.example', ['bob@fabrikam.com']).result).toBe('accepted');
  });
  it('restrictDomainsToCertificate needs a matching certificate', () => {
    const c = partner({ restrictDomainsToCertificate: true, tlsSenderCertificateName: '*.partner.example' });
    expect(send(d([c]), 'gw', 'a@partner.example', ['bob@fabrikam.com']).smtp.enhanced).toBe('5.7.51');
    expect(send(d([c]), 'gw-tls', 'a@partner.example', ['bob@fabrikam.com']).result).toBe('accepted');
  });
  it('a connector whose SenderDomains do not cover the sender does not restrict; "*" covers <>', () => {
    expect(send(d([partner({ requireTls: true })]), 'gw', 'a@elsewhere.example', ['bob@fabrikam.com']).result).toBe('accepted');
    expect(send(d([partner({ requireTls: true, senderDomains: ['*'] })]), 'gw', '<>', ['bob@fabrikam.com']).smtp.enhanced).toBe('5.7.51');
  });
  it('rejectDirectSend refuses the tenant\'s own domain from an unauthorized source with 5.7.68', () => {
    const sim = send(d([], true), 'gw', 'ceo@fabrikam.com', ['bob@fabrikam.com']);
    expect(sim.smtp).toMatchObject({ code: 550, enhanced: '5.7.68' });
    expect(send(d([], true), 'gw', 'a@example.org', ['bob@fabrikam.com']).result).toBe('accepted');
    // A connector of the tenant that matches the source makes it authorized.
    const authorized = d([{ id: 'p2', name: 'p2', connectorType: 'Partner', senderIPAddresses: ['192.0.2.10/32'] }], true);
    expect(send(authorized, 'gw', 'ceo@fabrikam.com', ['bob@fabrikam.com']).result).toBe('accepted');
  });
  it('every covering Partner connector restricts, not only the most specific', () => {
    const d2 = d([
      partner({ id: 'any', senderDomains: ['*'], requireTls: true }),
      partner({ id: 'exact', senderDomains: ['partner.example'] }),
    ]);
    const sim = send(d2, 'gw', 'a@partner.example', ['bob@fabrikam.com']);
    expect(sim.smtp.enhanced).toBe('5.7.51');
    expect(sim.attribution?.connector).toBe('any');
  });
  it('an Internet recipient with no candidate is a relay attempt', () => {
    expect(send(d([]), 'gw', 'a@fabrikam.com', ['x@gmail.example']).smtp.enhanced).toBe('5.7.64');
  });
});

describe('ambiguous tenants', () => {
  const d = (policy: 'reject' | 'firstListed') =>
    doc({
      service: { ambiguousTenantPolicy: policy, certDomainMatch: 'anyAncestor' },
      tenants: [
        tenant('a', ['a.shared.example'], { inboundConnectors: [certConnector('ca', 'mail.a.shared.example')] }),
        tenant('b', ['shared.example'], { inboundConnectors: [certConnector('cb', '*.shared.example')] }),
      ],
      servers: [server('s', '192.0.2.1', 'mail.a.shared.example')],
    });
  it('narrows by the P1 domain', () => {
    expect(send(d('reject'), 's', 'x@shared.example', ['y@gmail.example']).attribution?.tenant).toBe('b');
  });
  it('refuses with reject, takes the first listed with firstListed', () => {
    expect(send(d('reject'), 's', '<>', ['y@gmail.example']).smtp.enhanced).toBe('5.7.64');
    expect(send(d('firstListed'), 's', '<>', ['y@gmail.example']).attribution?.tenant).toBe('a');
  });
});

describe('mail flow rules', () => {
  const d = (rules: unknown[], extraTenant: Record<string, unknown> = {}) =>
    doc({
      tenants: [
        tenant('contoso', ['contoso.com', 'sub.contoso.com'], { inboundConnectors: [certConnector('c', '*.contoso.com')], transportRules: rules, ...extraTenant }),
        tenant('fabrikam', ['fabrikam.com']),
      ],
      servers: [server('ex', '203.0.113.1', 'mail.contoso.com')],
    });
  const rcpts = ['a@contoso.com', 'b@fabrikam.com', 'c@gmail.example'];

  it('runs in priority order and stopRuleProcessing stops later rules for the matched recipients only', () => {
    const sim = send(
      d([
        rule('late-reject', 5, {}, { rejectMessageEnhancedStatusCode: '5.7.900' }),
        rule('stop-internal', 1, { recipientDomainIs: ['contoso.com'] }, { stopRuleProcessing: true }),
      ]),
      'ex',
      'x@contoso.com',
      rcpts,
    );
    expect(outcome(sim, 'a@contoso.com').disposition).toBe('delivered');
    expect(outcome(sim, 'b@fabrikam.com')).toMatchObject({ disposition: 'ndr', code: '5.7.900' });
    const ruleIds = sim.events.flatMap((e) => (e.kind === 'rule' ? [e.data.rule] : []));
    expect(ruleIds).toEqual(['stop-internal', 'late-reject']);
  });
  it('recipientDomainIs does not match subdomains; exceptions win', () => {
    const sim = send(
      d([rule('r', 0, { recipientDomainIs: ['contoso.com', 'gmail.example'] }, { deleteMessage: true }, { exceptions: { exceptIfRecipientDomainIs: ['gmail.example'] } })]),
      'ex',
      'x@contoso.com',
      ['a@contoso.com', 'b@sub.contoso.com', 'c@gmail.example'],
    );
    expect(sim.recipients.map((r) => r.disposition)).toEqual(['deleted', 'delivered', 'internet']);
  });
  it('exceptIfSenderDomainIs spares mail from an excepted sender domain (exactly that domain, header From first)', () => {
    // Set-TransportRule -ExceptIfSenderDomainIs: "exceptions that look for messages from senders in the specified domains"
    // (https://learn.microsoft.com/powershell/module/exchangepowershell/set-transportrule).
    const r = rule('r', 0, {}, { deleteMessage: true }, { exceptions: { exceptIfSenderDomainIs: ['fabrikam.com'] } });
    const disposition = (mailFrom: string, headerFrom?: string) => send(d([r]), 'ex', mailFrom, ['a@contoso.com'], headerFrom).recipients[0].disposition;
    expect(disposition('x@fabrikam.com')).toBe('delivered');
    expect(disposition('x@contoso.com')).toBe('deleted');
    expect(disposition('x@sub.fabrikam.com')).toBe('deleted');
    expect(disposition('x@contoso.com', 'boss@fabrikam.com')).toBe('delivered');
  });
  it('a disabled rule is skipped; an empty condition set matches everyone', () => {
    const sim = send(d([rule('off', 0, {}, { deleteMessage: true }, { enabled: false }), rule('all', 1, {}, { rejectMessageReasonText: 'no' })]), 'ex', 'x@contoso.com', rcpts);
    expect(sim.recipients.every((r) => r.disposition === 'ndr' && r.code === '5.7.1')).toBe(true);
  });
  it('fromScope InOrganization needs an accepted sender domain and Originating mail here', () => {
    const r = rule('in-org', 0, { fromScope: 'InOrganization' }, { setHeaderName: 'X-Org', setHeaderValue: '1' });
    expect(send(d([r]), 'ex', 'x@contoso.com', ['a@contoso.com']).headers).toHaveLength(1);
    expect(send(d([r]), 'ex', 'x@gmail.example', ['a@contoso.com']).headers).toHaveLength(0);
  });
  it('senderDomainIs looks at the header From when given', () => {
    const r = rule('s', 0, { senderDomainIs: ['fabrikam.com'] }, { deleteMessage: true });
    expect(send(d([r]), 'ex', 'x@contoso.com', ['a@contoso.com'], 'boss@fabrikam.com').recipients[0].disposition).toBe('deleted');
    expect(send(d([r]), 'ex', 'x@contoso.com', ['a@contoso.com']).recipients[0].disposition).toBe('delivered');
  });
  it('redirects: the original is redirected, targets are routed (an Internet target relayed out)', () => {
    const sim = send(d([rule('redir', 0, { recipientDomainIs: ['fabrikam.com'] }, { redirectMessageTo: ['audit@gmail.example', 'a@contoso.com'] })]), 'ex', 'x@contoso.com', [
      'b@fabrikam.com',
    ]);
    expect(sim.recipients.map((r) => [r.address, r.disposition, r.redirectedFrom ?? null])).toEqual([
      ['b@fabrikam.com', 'redirected', null],
      ['audit@gmail.example', 'internet', 'b@fabrikam.com'],
      ['a@contoso.com', 'delivered', 'b@fabrikam.com'],
    ]);
  });
  it('a redirect back to an earlier tenant is a new hand-off, not a routing loop', () => {
    const back = doc({
      tenants: [
        tenant('contoso', ['contoso.com'], { inboundConnectors: [certConnector('c', '*.contoso.com')] }),
        tenant('fabrikam', ['fabrikam.com'], { transportRules: [rule('back', 0, {}, { redirectMessageTo: ['desk@contoso.com'] })] }),
      ],
      servers: [server('ex', '203.0.113.1', 'mail.contoso.com')],
    });
    const sim = send(back, 'ex', 'x@contoso.com', ['b@fabrikam.com']);
    expect(outcome(sim, 'b@fabrikam.com').disposition).toBe('redirected');
    expect(outcome(sim, 'desk@contoso.com')).toMatchObject({ disposition: 'delivered', tenant: 'contoso', path: ['contoso', 'fabrikam', 'contoso'] });
  });
  it('a rule rejecting a null-sender message sends no NDR (with nullSenderSkipsRules off)', () => {
    const withRules = { ...d([rule('r', 0, {}, { rejectMessageReasonText: 'x' })]), service: { preset: 'current' as const, nullSenderSkipsRules: false } };
    const sim = send(withRules, 'ex', '<>', ['a@contoso.com']);
    const ndr = sim.events.find((e) => e.kind === 'ndr')!;
    expect(ndr.kind === 'ndr' && ndr.data.sent).toBe(false);
  });
});

describe('routing', () => {
  const d = (outbounds: unknown[], recipients: string[] = ['known@jpn.contoso.com']) =>
    doc({
      tenants: [
        tenant('contoso', ['contoso.com', 'jpn.contoso.com:InternalRelay'], {
          recipients,
          inboundConnectors: [certConnector('c', '*.contoso.com')],
          outboundConnectors: outbounds,
        }),
      ],
      servers: [server('ex', '203.0.113.1', 'mail.contoso.com')],
    });
  it('InternalRelay: known recipients are delivered, unknown ones go on premises', () => {
    const sim = send(d([outbound('to-onprem', ['jpn.contoso.com'])]), 'ex', 'a@contoso.com', ['known@jpn.contoso.com', 'other@jpn.contoso.com']);
    expect(sim.recipients.map((r) => r.disposition)).toEqual(['delivered', 'onPremises']);
    expect(outcome(sim, 'other@jpn.contoso.com').tenant).toBeNull();
  });
  it('InternalRelay without an outbound connector loops back: NDR 5.4.14', () => {
    expect(outcome(send(d([]), 'ex', 'a@contoso.com', ['other@jpn.contoso.com']), 'other@jpn.contoso.com')).toMatchObject({ disposition: 'ndr', code: '5.4.14' });
  });
  it('InternalRelay takes the most specific OnPremises connector, whatever the order', () => {
    const sim = send(d([outbound('star', ['*']), outbound('jpn', ['jpn.contoso.com'])]), 'ex', 'a@contoso.com', ['other@jpn.contoso.com']);
    const e = sim.events.find((x) => x.kind === 'outbound')!;
    expect(e.kind === 'outbound' && e.data.connector).toBe('jpn');
  });
  it('allAcceptedDomains covers InternalRelay domains', () => {
    const sim = send(d([outbound('all', [], { allAcceptedDomains: true })]), 'ex', 'a@contoso.com', ['other@jpn.contoso.com']);
    expect(sim.recipients[0].disposition).toBe('onPremises');
  });
  it('Internet recipients take the most specific outbound connector: exact, wildcard, then *', () => {
    const sim = send(
      d([outbound('star', ['*'], { connectorType: 'Partner' }), outbound('wild', ['*.partner.example'], { connectorType: 'Partner' }), outbound('exact', ['x.partner.example'])]),
      'ex',
      'a@contoso.com',
      ['u@x.partner.example', 'u@y.partner.example', 'u@gmail.example'],
    );
    const via = sim.events.flatMap((e) => (e.kind === 'outbound' ? [[e.data.recipient, e.data.connector, e.data.destination]] : []));
    expect(via).toEqual([
      ['u@x.partner.example', 'exact', 'onPremises'],
      ['u@y.partner.example', 'wild', 'internet'],
      ['u@gmail.example', 'star', 'internet'],
    ]);
  });
  it('without a matching connector mail leaves by MX', () => {
    const sim = send(d([]), 'ex', 'a@contoso.com', ['u@gmail.example']);
    const e = sim.events.find((x) => x.kind === 'outbound')!;
    expect(e.kind === 'outbound' && [e.data.connector, e.data.destination, e.at]).toEqual([null, 'internet', 'internet']);
  });
});

describe('unattributedRelayReply 4.4.62', () => {
  it('defers instead of rejecting', () => {
    const d = doc({ service: { unattributedRelayReply: '4.4.62' }, tenants: [tenant('t', ['t.example'])], servers: [server('s', '192.0.2.1')] });
    const sim = send(d, 's', 'a@x.example', ['b@gmail.example']);
    expect(sim.result).toBe('deferred');
    expect(sim.smtp).toMatchObject({ code: 451, enhanced: '4.4.62', text: 'Mail sent to the wrong Office 365 region. ATTR35' });
    expect(sim.recipients[0].disposition).toBe('deferred');
  });
});

describe('throttling', () => {
  const t = resolveService(undefined).throttling;
  it('a source with a 20/hour history may send max(100, 10 × 20) = 200 in the first burst hour', () => {
    const hours = throttleTable({ baselinePerHour: 20, baselineDays: 7, burstPerHour: 5000, burstHours: 6 }, t, false);
    expect(hours[0]).toMatchObject({ hour: 1, offered: 5000, accepted: 200, deferred: 4800, queued: 4800, expired: 0, threshold: 200 });
    // Accepted volume becomes history, so the threshold rises hour by hour.
    expect(hours[1].threshold!).toBeGreaterThan(200);
    expect(hours[1].offered).toBe(5000 + 4800);
  });
  it('a new source gets newSourcePerHour; deferred mail expires after messageExpirationHours', () => {
    const hours = throttleTable({ baselinePerHour: 0, baselineDays: 0, burstPerHour: 1000, burstHours: 1 }, { ...t, messageExpirationHours: 3 }, false);
    expect(hours[0]).toMatchObject({ accepted: 50, deferred: 950, threshold: 50 });
    const expired = hours.reduce((s, h) => s + h.expired, 0);
    const accepted = hours.reduce((s, h) => s + h.accepted, 0);
    expect(accepted + expired).toBe(1000);
    expect(hours[hours.length - 1].queued).toBe(0);
    expect(hours.find((h) => h.expired > 0)!.hour).toBe(4);
  });
  it('a covered source is never throttled', () => {
    const hours = throttleTable({ baselinePerHour: 0, baselineDays: 0, burstPerHour: 100000, burstHours: 2 }, t, true);
    expect(hours.every((h) => h.deferred === 0 && h.accepted === h.offered)).toBe(true);
  });
  it('a load scenario reports 451 4.7.500 with the IP at stage connect', () => {
    const d = doc({
      tenants: [tenant('t', ['t.example'])],
      servers: [server('host', '192.0.2.99')],
      scenarios: [{ id: 'surge', name: 'surge', serverId: 'host', load: { baselinePerHour: 20, baselineDays: 7, burstPerHour: 5000, burstHours: 6 } }],
    });
    const sim = simulateScenario(d, 'surge');
    expect(sim.type === 'load' && sim.result).toBe('deferred');
    expect(sim.smtp).toEqual({ code: 451, enhanced: '4.7.500', text: 'Server busy. Please try again later from [192.0.2.99]. (ASxxx)', stage: 'connect' });
  });
});

describe('Japanese texts', () => {
  it('describes every event in Japanese when asked', () => {
    const d = doc({
      tenants: [tenant('contoso', ['contoso.com'], { inboundConnectors: [certConnector('c', '*.contoso.com')] })],
      servers: [server('ex', '203.0.113.1', 'mail.contoso.com')],
    });
    const sim = send(d, 'ex', 'a@contoso.com', ['x@gmail.example']);
    const ja = simulateScenario({ ...d, scenarios: [{ id: 's', name: 's', serverId: 'ex', mailFrom: 'a@contoso.com', rcptTo: ['x@gmail.example'] }] }, 's', { lang: 'ja' });
    expect(ja.events.map((e) => e.kind)).toEqual(sim.events.map((e) => e.kind));
    for (const e of ja.events) expect(e.text).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
  });
});
