/**
 * The engine's version-2 rules, one test per rule, each citing the line of docs/spec that it checks.
 */
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../shared/check';
import { simulateMessage, simulateScenario } from '../../shared/engine';
import type { LoadSimulation, MessageSimulation } from '../../shared/engine/types';
import { validateDocument } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { evaluationDate, resolveService } from '../../shared/model/service';
import { changeDateLabel, TIMELINE, timelineAt } from '../../shared/model/timeline';
import { certConnector, ipConnector, outbound, rule, server, tenant } from './builders';

/** A version-2 document, validated by the real loader. */
function doc2(input: Record<string, unknown>): TopologyDocument {
  const loaded = validateDocument({ format: 'mailflow-topology', version: 2, title: 'test', tenants: [], servers: [], ...input });
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  return loaded.document;
}
const send = (d: TopologyDocument, serverId: string, mailFrom: string, rcptTo: string[], today = '2026-12-02', headerFrom: string | null = null) =>
  simulateMessage(d, { serverId, mailFrom, rcptTo, headerFrom }, { today });
const byAddress = (sim: MessageSimulation) => sim.recipients.map((r) => `${r.address}:${r.disposition}:${r.tenant ?? '-'}:${r.code}`);
const kinds = (sim: { events: Array<{ kind: string }> }) => sim.events.map((e) => e.kind);

describe('time: the evaluation date (mailflow-model.md "Time: the evaluation date")', () => {
  it('takes the scenario asOf, else service.asOf, else the preset date, else the run date', () => {
    expect(evaluationDate({ preset: 'current', asOf: '2022-01-01' }, { scenarioAsOf: '2020-05-05', today: '2026-12-02' })).toEqual({ date: '2020-05-05', source: 'scenario' });
    expect(evaluationDate({ preset: 'current', asOf: '2022-01-01' }, { today: '2026-12-02' })).toEqual({ date: '2022-01-01', source: 'document' });
    expect(evaluationDate({ preset: '2017-12' }, { today: '2026-12-02' })).toEqual({ date: '2017-12-15', source: 'preset' });
    expect(evaluationDate(undefined, { today: '2026-12-02' })).toEqual({ date: '2026-12-02', source: 'run' });
  });

  it('reads each setting from the timeline at that date; explicit settings override one by one', () => {
    expect(timelineAt('2023-10-31').headerFromCountsForRelay).toBe(true);
    expect(timelineAt('2023-11-01').headerFromCountsForRelay).toBe(false);
    // A bound ("in force by 2026-02") takes its after value from the first day of that month.
    expect(timelineAt('2026-01-31').ambiguousTenantPolicy).toBe('reject');
    expect(timelineAt('2026-02-01').ambiguousTenantPolicy).toBe('unstable');
    expect(timelineAt('2020-12-31').minimumInboundTlsVersion).toBe('1.0');
    expect(timelineAt('2021-01-11').minimumInboundTlsVersion).toBe('1.2');
    const s = resolveService({ preset: 'current', headerFromCountsForRelay: true, outOfDateServerEnforcement: { minutesPerHour: 30 } }, { today: '2026-12-02' });
    expect([s.headerFromCountsForRelay, s.multiRecipientDomainPolicy, s.outOfDateServerEnforcement]).toEqual([true, 'acceptIfSameTenant', { stage: 'block', minutesPerHour: 30 }]);
  });

  it('lists every change with a source, and shows a bound as "by YYYY-MM", never as a day', () => {
    for (const c of TIMELINE) {
      expect(c.source.url).toMatch(/^https:\/\//);
      expect(c.title.en.length * c.title.ja.length).toBeGreaterThan(0);
    }
    const bound = TIMELINE.find((c) => !c.exact)!;
    expect(changeDateLabel(bound)).toBe(`by ${bound.date.slice(0, 7)}`);
    expect(changeDateLabel(TIMELINE.find((c) => c.exact)!)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('the same design behaves as of 2023-10-31 and as of 2023-11-01 as the relay change says', () => {
    const d = doc2({
      tenants: [tenant('contoso', ['contoso.com'], { inboundConnectors: [ipConnector('ip', ['203.0.113.5/32'])] })],
      servers: [server('app', '203.0.113.5')],
    });
    const before = send(d, 'app', 'app@vendor.example', ['x@gmail.example'], '2023-10-31', 'noreply@contoso.com');
    const after = send(d, 'app', 'app@vendor.example', ['x@gmail.example'], '2023-11-01', 'noreply@contoso.com');
    expect([before.result, before.attribution?.key, before.asOf]).toEqual(['accepted', 'headerFrom', '2023-10-31']);
    expect([after.result, after.smtp.enhanced]).toEqual(['rejected', '5.7.64']);
  });
});

describe('TLS and certificate validity (mailflow-model.md "TLS and certificate validity")', () => {
  const d = (srv: ReturnType<typeof server> & Record<string, unknown>) =>
    doc2({ tenants: [tenant('contoso', ['contoso.com'], { inboundConnectors: [certConnector('c', 'mail.contoso.com')] })], servers: [srv] });

  it('below minimumInboundTlsVersion no TLS is negotiated, so the certificate connector stops matching', () => {
    const old = d({ ...server('ex', '203.0.113.1', 'mail.contoso.com'), tlsVersion: '1.0' });
    const in2020 = send(old, 'ex', '<>', ['x@gmail.example'], '2020-06-01');
    const in2026 = send(old, 'ex', '<>', ['x@gmail.example']);
    expect(in2020.attribution?.key).toBe('certificate');
    expect([in2026.result, in2026.smtp.enhanced]).toEqual(['rejected', '5.7.64']);
    const tls = in2026.events.find((e) => e.kind === 'tls')!;
    expect(tls.kind === 'tls' && tls.data).toMatchObject({ offered: '1.0', minimum: '1.2', negotiated: false });
    expect(tls.text).toMatch(/TLS 1\.0 is not accepted.*continuing without TLS/);
  });

  it('a certificate outside notBefore/notAfter at the evaluation date matches nothing, and the trace says it expired', () => {
    const srv = server('ex', '203.0.113.1', 'mail.contoso.com');
    const expiring = d({ ...srv, certificate: { ...srv.certificate!, ...{ notBefore: '2025-01-01', notAfter: '2026-06-30' } } });
    expect(send(expiring, 'ex', '<>', ['x@gmail.example'], '2026-06-30').attribution?.key).toBe('certificate');
    const after = send(expiring, 'ex', '<>', ['x@gmail.example'], '2026-07-01');
    expect(kinds(after)).toContain('certificateExpired');
    expect(after.smtp.enhanced).toBe('5.7.64');
  });
});

describe('unstable attribution (mailflow-model.md "Ambiguous tenants are unstable")', () => {
  const d = doc2({
    service: { preset: 'current', ambiguousTenantPolicy: 'unstable' },
    tenants: [
      tenant('contoso', ['contoso.com'], { inboundConnectors: [certConnector('c1', 'mail.contoso.com')] }),
      tenant('fabrikam', ['fabrikam.com'], { inboundConnectors: [certConnector('c2', 'mail.fabrikam.com')] }),
    ],
    // One on-premises organization, one certificate naming both tenants' connectors (M&A).
    servers: [server('ex', '203.0.113.1', { subject: 'mail.contoso.com', sans: ['mail.fabrikam.com'] })],
  });

  it('simulates once per remaining tenant in document order; the result is the first, marked unstable', () => {
    const sim = send(d, 'ex', '<>', ['x@gmail.example']);
    expect(sim.unstable).toBe(true);
    expect(sim.alternatives!.map((a) => [a.tenant, a.attribution?.tenant])).toEqual([
      ['contoso', 'contoso'],
      ['fabrikam', 'fabrikam'],
    ]);
    expect(sim.attribution?.tenant).toBe('contoso');
    expect(sim.events.find((e) => e.kind === 'unstable')!.text).toMatch(/may attribute this message to Contoso or Fabrikam/);
  });

  it('reject keeps its version-1 meaning', () => {
    const rejecting = { ...d, service: { preset: 'current' as const, ambiguousTenantPolicy: 'reject' as const } };
    const sim = send(rejecting, 'ex', '<>', ['x@gmail.example']);
    expect([sim.result, sim.unstable, sim.alternatives]).toEqual(['rejected', false, undefined]);
  });
});

describe('out-of-date on-premises Exchange servers (mailflow-model.md "Out-of-date on-premises Exchange servers")', () => {
  const d = (stage: 'off' | 'report' | 'throttle' | 'block', exchange: Record<string, unknown> | null, pausedUntil: string | null = null) =>
    doc2({
      service: { preset: 'current', outOfDateServerEnforcement: { stage, minutesPerHour: 30 } },
      tenants: [tenant('contoso', ['contoso.com'], { inboundConnectors: [certConnector('c', 'mail.contoso.com')], enforcementPausedUntil: pausedUntil })],
      servers: [{ ...server('ex', '203.0.113.1', 'mail.contoso.com'), exchange }],
      scenarios: [
        { id: 'load', name: 'load', serverId: 'ex', load: { baselinePerHour: 10, baselineDays: 7, burstPerHour: 100, burstHours: 1 } },
      ],
    });
  const old2016 = { version: '2016', upToDate: false };

  it('throttle: 450 4.7.230 at stage data, attribution kept, every recipient tenant null and path []', () => {
    const sim = send(d('throttle', old2016), 'ex', 'a@contoso.com', ['b@contoso.com']);
    expect([sim.result, sim.smtp.code, sim.smtp.enhanced, sim.smtp.stage, sim.attribution?.tenant]).toEqual(['deferred', 450, '4.7.230', 'data', 'contoso']);
    expect(sim.smtp.text).toBe('Connecting Exchange server version is out-of-date; connection to Exchange Online throttled for 30 mins/hr.');
    expect(byAddress(sim)).toEqual(['b@contoso.com:deferred:-:4.7.230']);
    expect(sim.recipients[0].path).toEqual([]);
  });

  it('block: 550 5.7.230; report: accepted with a warning event; paused: accepted; not Exchange: never affected', () => {
    expect(send(d('block', old2016), 'ex', 'a@contoso.com', ['b@contoso.com']).smtp.enhanced).toBe('5.7.230');
    const report = send(d('report', old2016), 'ex', 'a@contoso.com', ['b@contoso.com']);
    expect([report.result, kinds(report).includes('enforcement')]).toEqual(['accepted', true]);
    const paused = send(d('block', old2016, '2026-12-03'), 'ex', 'a@contoso.com', ['b@contoso.com']);
    expect(paused.result).toBe('accepted');
    expect(paused.events.find((e) => e.kind === 'enforcement')!.text).toMatch(/paused enforcement until 2026-12-03/);
    // The pause must be strictly after the evaluation date.
    expect(send(d('block', old2016, '2026-12-02'), 'ex', 'a@contoso.com', ['b@contoso.com']).result).toBe('rejected');
    expect(send(d('block', null), 'ex', 'a@contoso.com', ['b@contoso.com']).result).toBe('accepted');
  });

  it('a version past its end of support counts as out of date whatever upToDate says', () => {
    const e2013 = { version: '2013', upToDate: true };
    expect(send(d('block', e2013), 'ex', 'a@contoso.com', ['b@contoso.com'], '2023-04-11').result).toBe('accepted');
    expect(send(d('block', e2013), 'ex', 'a@contoso.com', ['b@contoso.com'], '2023-04-12').result).toBe('rejected');
    expect(send(d('block', { version: 'SE' }), 'ex', 'a@contoso.com', ['b@contoso.com']).result).toBe('accepted');
  });

  it('a load scenario under block refuses floor(offered × minutes/60) for good, in a rejected column', () => {
    const sim = simulateScenario(d('block', old2016), 'load', { today: '2026-12-02' }) as LoadSimulation;
    expect(sim.hours[0]).toMatchObject({ offered: 100, accepted: 50, rejected: 50, deferred: 0 });
    expect([sim.result, sim.smtp.enhanced]).toEqual(['rejected', '5.7.230']);
    const throttled = simulateScenario(d('throttle', old2016), 'load', { today: '2026-12-02' }) as LoadSimulation;
    expect(throttled.hours[0]).toMatchObject({ offered: 100, accepted: 50, rejected: 0, deferred: 50 });
  });
});

describe('cloud mailboxes and centralized mail transport (mailflow-model.md, version 2)', () => {
  const d = (central: boolean) =>
    doc2({
      tenants: [
        tenant('contoso', ['contoso.com'], {
          recipients: ['alice@contoso.com', 'bob@contoso.com'],
          outboundConnectors: [outbound('to-onprem', ['onprem.contoso.example'], { routeAllMessagesViaOnPremises: central })],
        }),
        tenant('fabrikam', ['fabrikam.com'], { recipients: ['carol@fabrikam.com'] }),
      ],
    });
  const mail = (doc_: TopologyDocument, rcptTo: string[]) => simulateMessage(doc_, { fromMailbox: 'alice@contoso.com', mailFrom: 'alice@contoso.com', rcptTo }, { today: '2026-12-02' });

  it('is Originating in the mailbox tenant with key cloudMailbox; no connection, no connector', () => {
    const sim = mail(d(false), ['bob@contoso.com', 'x@gmail.example']);
    expect(sim.attribution).toEqual({ tenant: 'contoso', direction: 'originating', connector: null, key: 'cloudMailbox' });
    expect(kinds(sim)).not.toContain('connect');
    expect(byAddress(sim)).toEqual(['bob@contoso.com:delivered:contoso:2.6.0', 'x@gmail.example:internet:-:2.6.0']);
  });

  it('with routeAllMessagesViaOnPremises every recipient outside the tenant leaves through that connector', () => {
    const sim = mail(d(true), ['bob@contoso.com', 'carol@fabrikam.com', 'x@gmail.example']);
    expect(byAddress(sim)).toEqual(['bob@contoso.com:delivered:contoso:2.6.0', 'carol@fabrikam.com:onPremises:-:2.6.0', 'x@gmail.example:onPremises:-:2.6.0']);
    expect(sim.events.filter((e) => e.kind === 'outbound').every((e) => /Centralized mail transport/.test(e.text))).toBe(true);
  });

  it('an unknown recipient of its own tenant is an NDR 5.1.10; of another tenant, that tenant refuses it (5.4.1)', () => {
    const sim = mail(d(false), ['nobody@contoso.com', 'nobody@fabrikam.com']);
    expect(byAddress(sim)).toEqual(['nobody@contoso.com:ndr:contoso:5.1.10', 'nobody@fabrikam.com:ndr:fabrikam:5.4.1']);
  });
});

describe('redirect targets (mailflow-model.md step 5, version 2)', () => {
  const redirect = (id: string, to: string[]) => rule(id, 0, {}, { redirectMessageTo: to });
  const d = (contosoRules: unknown[], fabrikamRules: unknown[] = []) =>
    doc2({
      tenants: [
        tenant('contoso', ['contoso.com'], { recipients: ['a@contoso.com', 'b@contoso.com'], inboundConnectors: [certConnector('c', 'mail.contoso.com')], transportRules: contosoRules }),
        tenant('fabrikam', ['fabrikam.com'], { recipients: ['f@fabrikam.com'], transportRules: fabrikamRules }),
      ],
      servers: [server('ex', '203.0.113.1', 'mail.contoso.com')],
    });

  it('a target already a recipient of the message is a new recipient: both are reported', () => {
    const sim = send(d([rule('r', 0, { recipientDomainIs: ['contoso.com'] }, { redirectMessageTo: ['b@contoso.com'] }, { exceptions: { exceptIfRecipientDomainIs: [] } })]), 'ex', 'a@contoso.com', ['a@contoso.com', 'b@contoso.com']);
    expect(sim.recipients.map((r) => `${r.address}:${r.disposition}:${r.redirectedFrom ?? ''}`)).toEqual([
      'a@contoso.com:redirected:',
      'b@contoso.com:redirected:',
      'b@contoso.com:delivered:a@contoso.com',
      'b@contoso.com:delivered:b@contoso.com',
    ]);
  });

  it('a redirect ping-pong between two tenants is a loop: NDR 550 5.4.14', () => {
    const sim = send(d([redirect('to-f', ['f@fabrikam.com'])], [redirect('back', ['a@contoso.com'])]), 'ex', 'a@contoso.com', ['a@contoso.com']);
    const last = sim.recipients[sim.recipients.length - 1];
    expect([last.address, last.disposition, last.code]).toEqual(['a@contoso.com', 'ndr', '5.4.14']);
    // It stops when it would re-enter Contoso as a@contoso.com, not at a hop limit.
    expect(sim.recipients.map((r) => `${r.address}:${r.disposition}`)).toEqual(['a@contoso.com:redirected', 'f@fabrikam.com:redirected', 'a@contoso.com:ndr']);
    expect(last.path).toEqual(['contoso', 'fabrikam']);
  });

  it('an unknown target in an Authoritative domain that lists its recipients is an NDR 550 5.1.10', () => {
    const sim = send(d([redirect('to-unknown', ['ghost@fabrikam.com'])]), 'ex', 'a@contoso.com', ['a@contoso.com']);
    expect(byAddress(sim)).toEqual(['a@contoso.com:redirected:contoso:2.6.0', 'ghost@fabrikam.com:ndr:contoso:5.1.10']);
  });
});

describe('rules, version 2 (mailflow-model.md step 5)', () => {
  const d = (rules: unknown[], extra: Record<string, unknown> = {}) =>
    doc2({
      tenants: [
        tenant('contoso', ['contoso.com', 'jpn.contoso.com:InternalRelay'], {
          recipients: ['a@contoso.com'],
          inboundConnectors: [certConnector('c', 'mail.contoso.com')],
          outboundConnectors: [outbound('onprem', ['jpn.contoso.com']), outbound('scoped', [], { isTransportRuleScoped: true, connectorType: 'Partner', smartHosts: ['relay.partner.example'] })],
          transportRules: rules,
          ...extra,
        }),
      ],
      servers: [server('ex', '203.0.113.1', 'mail.contoso.com'), server('mx', '198.51.100.9')],
    });
  const reject = { rejectMessageEnhancedStatusCode: '5.7.900' };

  it('senderAddressLocation: Header reads the header From, Envelope MAIL FROM, HeaderOrEnvelope either', () => {
    const cond = { senderDomainIs: ['contoso.com'] };
    const run = (loc: string) => send(d([rule('r', 0, cond, reject, { senderAddressLocation: loc })]), 'ex', 'app@vendor.example', ['a@contoso.com'], '2026-12-02', 'x@contoso.com');
    expect(run('Header').recipients[0].disposition).toBe('ndr');
    expect(run('Envelope').recipients[0].disposition).toBe('delivered');
    expect(run('HeaderOrEnvelope').recipients[0].disposition).toBe('ndr');
  });

  it('sentToScope InOrganization: an unlisted InternalRelay address is inside only for Originating mail', () => {
    const doc_ = d([rule('inside', 0, { sentToScope: 'InOrganization' }, reject)]);
    expect(send(doc_, 'ex', 'a@contoso.com', ['jiro@jpn.contoso.com']).recipients[0].disposition).toBe('ndr');
    expect(send(doc_, 'mx', 'p@partner.example', ['jiro@jpn.contoso.com']).recipients[0].disposition).toBe('onPremises');
  });

  it('rules do not process <> mail while nullSenderSkipsRules is on, and the trace says so', () => {
    const sim = send(d([rule('r', 0, {}, reject)]), 'ex', '<>', ['a@contoso.com']);
    expect(sim.recipients[0].disposition).toBe('delivered');
    const skipped = sim.events.find((e) => e.kind === 'ruleSkipped')!;
    expect(skipped.kind === 'ruleSkipped' && skipped.data.reason).toBe('nullSender');
  });

  it('a rule with unmodelledConditions is not evaluated (never treated as matching or not), with a trace event', () => {
    const sim = send(d([rule('r', 0, {}, reject, { unmodelledConditions: [{ name: 'HeaderMatchesMessageHeader', value: 'X-Foo' }] })]), 'ex', 'a@contoso.com', ['a@contoso.com']);
    expect(sim.recipients[0].disposition).toBe('delivered');
    const e = sim.events.find((x) => x.kind === 'ruleSkipped')!;
    expect(e.kind === 'ruleSkipped' && [e.data.reason, e.data.conditions]).toEqual(['notEvaluated', ['HeaderMatchesMessageHeader']]);
  });

  it('otherActions are shown in the trace and change nothing else; they count as an action', () => {
    const sim = send(d([rule('r', 0, {}, { otherActions: [{ name: 'PrependSubject', value: 'EXTERNAL: ' }] })]), 'ex', 'a@contoso.com', ['a@contoso.com']);
    expect(sim.recipients[0].disposition).toBe('delivered');
    expect(sim.events.find((e) => e.kind === 'rule')!.text).toMatch(/PrependSubject/);
  });

  it('routeMessageOutboundConnector routes through a transport-rule-scoped connector, never used otherwise', () => {
    const routed = send(d([rule('r', 0, { recipientDomainIs: ['partner.example'] }, { routeMessageOutboundConnector: 'scoped' })]), 'ex', 'a@contoso.com', ['p@partner.example', 'q@other.example']);
    expect(routed.recipients.map((r) => `${r.address}:${r.disposition}`)).toEqual(['p@partner.example:internet', 'q@other.example:internet']);
    const out = routed.events.filter((e) => e.kind === 'outbound');
    expect(out.map((e) => (e.kind === 'outbound' ? e.data.connector : null))).toEqual(['scoped', null]);
    // A recipient in a domain accepted here is not routed by the rule.
    const local = send(d([rule('r', 0, {}, { routeMessageOutboundConnector: 'scoped' })]), 'ex', 'a@contoso.com', ['a@contoso.com']);
    expect(local.recipients[0].disposition).toBe('delivered');
  });
});

describe('check: expect.unstable (document-format.md, version 2)', () => {
  it('fails when the attribution is stable but the scenario expects it unstable', () => {
    const d = doc2({
      tenants: [tenant('contoso', ['contoso.com'], { inboundConnectors: [certConnector('c', 'mail.contoso.com')] })],
      servers: [server('ex', '203.0.113.1', 'mail.contoso.com')],
      scenarios: [{ id: 's', name: 's', serverId: 'ex', mailFrom: 'a@contoso.com', rcptTo: ['b@contoso.com'], expect: { result: 'accepted', unstable: true } }],
    });
    const [r] = checkAll(d, 'en', { today: '2026-12-02' });
    expect(r.pass).toBe(false);
    expect(r.differences[0]).toMatch(/unstable/);
  });
});
