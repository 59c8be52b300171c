import { describe, expect, it } from 'vitest';
import { importExoFiles, NOT_EVALUATED_SUFFIX, readExoFile, type ImportReport } from '../../shared/exo';
import { validateDocument } from '../../shared/model/load';
import type { Tenant, TopologyDocument } from '../../shared/model/schema';
import { fixture, fixtureBytes } from './helpers';
import { decodeExoBytes } from '../../shared/exo';

function importOk(names: string[], tenantName = 'Contoso', into?: TopologyDocument) {
  const r = importExoFiles(names.map(fixture), { tenantName, into });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r;
}

function entriesOf(report: ImportReport, objectName: string) {
  const obj = report.files.flatMap((f) => f.objects).find((o) => o.name === objectName);
  if (!obj) throw new Error(`no object ${objectName} in the report`);
  return obj;
}

const ALL = ['accepted-domains.json', 'inbound-connectors.json', 'outbound-connectors.json', 'transport-rules.json', 'organization-config.json'];

describe('recognising the cmdlet from properties', () => {
  it.each([
    ['accepted-domains.json', 'Get-AcceptedDomain', 6],
    ['accepted-domains-numeric-bom-crlf.json', 'Get-AcceptedDomain', 6],
    ['accepted-domain-single.json', 'Get-AcceptedDomain', 1],
    ['inbound-connectors.json', 'Get-InboundConnector', 4],
    ['inbound-connector-single-numeric-bom-crlf.json', 'Get-InboundConnector', 1],
    ['outbound-connectors.json', 'Get-OutboundConnector', 3],
    ['outbound-connector-single-numeric.json', 'Get-OutboundConnector', 1],
    ['transport-rules.json', 'Get-TransportRule', 5],
    ['transport-rule-single-numeric-bom-crlf.json', 'Get-TransportRule', 1],
    ['organization-config.json', 'Get-OrganizationConfig', 1],
  ])('%s is %s with %i object(s)', (name, cmdlet, count) => {
    const r = readExoFile(fixture(name));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.contents.cmdlet).toBe(cmdlet);
      expect(r.contents.objects).toHaveLength(count);
    }
  });

  it('does not trust the file name', () => {
    const r = readExoFile({ name: 'Get-TransportRule.json', text: fixture('accepted-domains.json').text });
    expect(r.ok && r.contents.cmdlet).toBe('Get-AcceptedDomain');
  });

  it('reads {"value": [...], "Count": n}, the Windows PowerShell 5.1 wrapping of a list', () => {
    const list = JSON.parse(fixture('accepted-domains.json').text);
    const r = readExoFile({ name: 'wrapped.json', text: JSON.stringify({ value: list, Count: list.length }) });
    expect(r.ok && r.contents.objects.length).toBe(list.length);
  });

  it.each([
    ['LE', [0xff, 0xfe], (c: number) => [c & 0xff, c >> 8]],
    ['BE', [0xfe, 0xff], (c: number) => [c >> 8, c & 0xff]],
  ] as const)('reads UTF-16 %s with a byte order mark (Windows PowerShell `>` redirection)', (_order, bom, unit) => {
    const text = fixture('accepted-domains.json').text.replace('"Managed"', '"Managed 日本"');
    expect(text).toContain('日本');
    const bytes = new Uint8Array([...bom, ...[...text].flatMap((ch) => unit(ch.charCodeAt(0)))]);
    expect(decodeExoBytes(bytes)).toBe(text);
    const r = importExoFiles([{ name: 'utf16.json', text: decodeExoBytes(bytes) }], { tenantName: 'Contoso' });
    expect(r.ok && r.tenant.acceptedDomains).toEqual(importOk(['accepted-domains.json']).tenant.acceptedDomains);
  });

  it('the BOM and CRLF fixtures really have a BOM and Windows line endings', () => {
    for (const name of ['accepted-domains-numeric-bom-crlf.json', 'inbound-connector-single-numeric-bom-crlf.json', 'transport-rule-single-numeric-bom-crlf.json']) {
      const bytes = fixtureBytes(name);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes)).toContain('\r\n');
    }
  });
});

describe('accepted domains', () => {
  it('maps names and types; numeric enums and BOM + CRLF give the same result', () => {
    const named = importOk(['accepted-domains.json']).tenant.acceptedDomains;
    const numeric = importOk(['accepted-domains-numeric-bom-crlf.json']).tenant.acceptedDomains;
    expect(numeric).toEqual(named);
    const byName = Object.fromEntries(named.map((d) => [d.domainName, d]));
    expect(byName['contoso.com']).toEqual({ domainName: 'contoso.com', domainType: 'Authoritative', matchSubDomains: false });
    expect(byName['jpn.contoso.com'].domainType).toBe('InternalRelay');
    expect(byName['apps.contoso.com']).toEqual({ domainName: 'apps.contoso.com', domainType: 'InternalRelay', matchSubDomains: true });
  });

  it('imports ExternalRelay as InternalRelay and says so in the report', () => {
    const r = importOk(['accepted-domains.json']);
    expect(r.tenant.acceptedDomains.find((d) => d.domainName === 'legacy-relay.contoso.net')?.domainType).toBe('InternalRelay');
    const entry = entriesOf(r.report, 'legacy-relay.contoso.net').entries.find((e) => e.property === 'DomainType');
    expect(entry?.value).toBe('ExternalRelay');
    expect(entry?.reason).toMatch(/imported as InternalRelay/);
  });

  it('reports the properties it does not carry over (Default, InitialDomain, coexistence)', () => {
    const r = importOk(['accepted-domains.json']);
    expect(entriesOf(r.report, 'contoso.com').entries.map((e) => e.property)).toEqual(['Default']);
    expect(entriesOf(r.report, 'contoso.onmicrosoft.com').entries.map((e) => e.property)).toEqual(['InitialDomain']);
    expect(entriesOf(r.report, 'contoso.mail.onmicrosoft.com').entries.map((e) => e.property)).toEqual(['IsCoexistenceDomain']);
    // Identity, Guid, timestamps and other bookkeeping are not configuration.
    const all = r.report.files.flatMap((f) => f.objects.flatMap((o) => o.entries.map((e) => e.property)));
    expect(all).not.toContain('Guid');
    expect(all).not.toContain('WhenChanged');
  });
});

describe('inbound connectors', () => {
  it('maps certificate, IP and Partner connectors', () => {
    const [cert, ip, partner, old] = importOk(['inbound-connectors.json']).tenant.inboundConnectors;
    expect(cert).toMatchObject({
      name: 'Inbound from 7f3c2b1a-contoso-hybrid',
      connectorType: 'OnPremises',
      enabled: true,
      tlsSenderCertificateName: '*.contoso.com',
      requireTls: true,
      senderIPAddresses: [],
      senderDomains: ['*'],
    });
    expect(partner).toMatchObject({
      connectorType: 'Partner',
      senderDomains: ['fabrikam.com', '*.fabrikam.co.jp'],
      senderIPAddresses: ['192.0.2.128/25'],
      requireTls: true,
      restrictDomainsToIPAddresses: true,
      restrictDomainsToCertificate: false,
    });
    // 192.0.2.1-192.0.2.10 is not one block: 1, 2-3, 4-7, 8-9, 10.
    expect(ip.senderIPAddresses).toEqual(['203.0.113.10', '198.51.100.0/24', '192.0.2.1', '192.0.2.2/31', '192.0.2.4/30', '192.0.2.8/31', '192.0.2.10']);
    expect(old.enabled).toBe(false);
    expect(old.senderIPAddresses).toEqual(['203.0.113.77']);
  });

  it('reports the converted range, the IPv6 address, the disabled state and unmodelled settings', () => {
    const r = importOk(['inbound-connectors.json']).report;
    const ip = entriesOf(r, 'From Osaka relay (IP)').entries;
    expect(ip.find((e) => e.property === 'SenderIPAddresses')?.value).toBe('192.0.2.1-192.0.2.10');
    // Format 2 keeps the administrator's Comment on the connector instead of reporting it.
    expect(ip.find((e) => e.property === 'Comment')).toBeUndefined();
    expect(importOk(['inbound-connectors.json']).tenant.inboundConnectors.find((c) => c.name === 'From Osaka relay (IP)')?.comment).toBeTruthy();
    const old = entriesOf(r, 'Old scanner connector');
    expect(old.outcome).toBe('disabled');
    expect(old.entries.map((e) => e.property).sort()).toEqual(['AssociatedAcceptedDomains', 'EFSkipIPs', 'Enabled', 'SenderIPAddresses']);
    expect(old.entries.find((e) => e.property === 'SenderIPAddresses')?.value).toBe('2001:db8::25');
    const hybrid = entriesOf(r, 'Inbound from 7f3c2b1a-contoso-hybrid').entries.map((e) => e.property);
    expect(hybrid).toEqual(expect.arrayContaining(['ConnectorSource', 'CloudServicesMailEnabled']));
  });

  it('reads numeric ConnectorType, a certificate object and a wrapped address list', () => {
    const [c] = importOk(['inbound-connector-single-numeric-bom-crlf.json']).tenant.inboundConnectors;
    expect(c.connectorType).toBe('OnPremises');
    expect(c.tlsSenderCertificateName).toBe('*.contoso.com');
    expect(c.senderIPAddresses).toEqual(['203.0.113.10', '203.0.113.16/29']);
    expect(c.senderDomains).toEqual(['*']);
  });
});

describe('outbound connectors', () => {
  it('maps smart hosts, MX routing and domains; a rule-scoped connector is kept as transport-rule-scoped', () => {
    const r = importOk(['outbound-connectors.json']);
    const [hybrid, partner, scoped] = r.tenant.outboundConnectors;
    expect(hybrid).toMatchObject({
      connectorType: 'OnPremises',
      recipientDomains: ['jpn.contoso.com', 'apps.contoso.com'],
      smartHosts: ['mail.contoso.com'],
      useMXRecord: false,
      enabled: true,
    });
    expect(partner).toMatchObject({ connectorType: 'Partner', useMXRecord: true, recipientDomains: ['*.fabrikam.com', 'fabrikam.com'], smartHosts: [] });
    // Format 2: the engine uses such a connector only for a rule's routeMessageOutboundConnector.
    expect(scoped).toMatchObject({ name: 'Encryption gateway (rule scoped)', isTransportRuleScoped: true });
    expect(scoped.name).not.toContain(NOT_EVALUATED_SUFFIX);
    expect(scoped.smartHosts).toEqual(['192.0.2.50']);
    expect(entriesOf(r.report, scoped.name).outcome).not.toBe('unmodelled');
  });

  it('reads numeric enums (TlsSettings 4 is DomainValidation) and SmtpDomainWithSubdomains objects', () => {
    const r = importOk(['outbound-connector-single-numeric.json']);
    const [c] = r.tenant.outboundConnectors;
    expect(c.connectorType).toBe('OnPremises');
    expect(c.recipientDomains).toEqual(['jpn.contoso.com', 'apps.contoso.com']);
    expect(c.tlsSettings).toBe('DomainValidation');
    expect(entriesOf(r.report, c.name).entries.find((e) => e.property === 'TlsSettings')).toBeUndefined();
  });
});

describe('mail flow rules', () => {
  it('maps the conditions, exceptions and actions the model has', () => {
    const rules = importOk(['transport-rules.json']).tenant.transportRules;
    const block = rules.find((r) => r.name === 'Block mail to outside recipients')!;
    expect(block).toMatchObject({
      priority: 0,
      enabled: true,
      conditions: { sentToScope: 'NotInOrganization' },
      actions: { rejectMessageReasonText: 'Mail to outside domains is blocked by Contoso policy', rejectMessageEnhancedStatusCode: '5.7.1' },
    });
    const tag = rules.find((r) => r.name === 'Tag mail for Fabrikam')!;
    expect(tag.conditions).toEqual({ recipientDomainIs: ['fabrikam.com', 'fabrikam.co.jp'] });
    expect(tag.exceptions).toEqual({ exceptIfSenderDomainIs: ['apps.contoso.com'] });
    expect(tag.actions).toEqual({ setHeaderName: 'X-Contoso-Partner', setHeaderValue: 'fabrikam', stopRuleProcessing: true });
  });

  it('keeps a rule whose actions do not route enabled, under its own name, with those actions in otherActions', () => {
    const r = importOk(['transport-rules.json']);
    const rule = r.tenant.transportRules.find((x) => x.name.startsWith('Append legal disclaimer'))!;
    expect(rule.name).toBe('Append legal disclaimer');
    expect(rule.enabled).toBe(true);
    expect(rule.priority).toBe(2);
    expect(rule.conditions).toEqual({ fromScope: 'InOrganization' });
    expect(rule.unmodelledConditions).toBeUndefined();
    expect(rule.actions.otherActions?.map((o) => o.name)).toEqual(expect.arrayContaining(['ApplyHtmlDisclaimerText', 'ApplyHtmlDisclaimerLocation']));
    expect(rule.actions.setHeaderName).toBeUndefined();
    const obj = entriesOf(r.report, rule.name);
    expect(obj.outcome).toBe('imported');
    expect(obj.entries.find((e) => e.property === 'ApplyHtmlDisclaimerText')?.reason).toMatch(/does not change routing; kept under "Other actions"/);
  });

  it('imports a disabled rule disabled, and a rule in test mode in its own state with Mode kept as an unmodelled condition', () => {
    const r = importOk(['transport-rules.json']);
    const retired = r.tenant.transportRules.find((x) => x.name === 'Delete spoofed CEO mail (retired)')!;
    expect(retired).toMatchObject({ enabled: false, actions: { deleteMessage: true }, conditions: { senderDomainIs: ['contoso.com'] } });
    // Format 2 keeps Comments on the rule instead of reporting it.
    expect(entriesOf(r.report, retired.name).entries.map((e) => e.property)).toEqual(['State']);
    expect(retired.comment).toBeTruthy();
    const audit = r.tenant.transportRules.find((x) => x.name === 'Redirect old helpdesk address (test)')!;
    expect(audit).toMatchObject({ enabled: true, actions: { redirectMessageTo: ['helpdesk@contoso.com'] }, unmodelledConditions: [{ name: 'Mode', value: 'Audit' }] });
    const obj = entriesOf(r.report, audit.name);
    expect(obj.outcome).toBe('unmodelled');
    expect(obj.entries[0]).toMatchObject({ property: 'Mode', value: 'Audit', code: 'rule-test-mode-kept' });
    expect(obj.entries.find((e) => e.property === '(rule)')?.reason).toMatch(/kept with its name and state; the simulation cannot evaluate Mode/);
    expect(r.report.counts.unmodelled).toBe(1);
  });

  it('reads numeric State, Mode and SentToScope', () => {
    const [rule] = importOk(['transport-rule-single-numeric-bom-crlf.json']).tenant.transportRules;
    expect(rule).toMatchObject({ enabled: true, priority: 0, conditions: { sentToScope: 'NotInOrganization' } });
  });

  it('keeps an exception outside the model in unmodelledConditions, never renaming or disabling the rule', () => {
    const [base] = JSON.parse(fixture('transport-rules.json').text);
    const rule = { ...base, ExceptIfSentToScope: 'InOrganization', Exceptions: ['Microsoft.Exchange.MessagingPolicies.Rules.Tasks.SentToScopePredicate'] };
    const r = importExoFiles([{ name: 'r.json', text: JSON.stringify([rule]) }], { tenantName: 'T' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tenant.transportRules[0]).toMatchObject({ name: base.Name, enabled: true, unmodelledConditions: [{ name: 'ExceptIfSentToScope', value: 'InOrganization' }] });
    const entry = r.report.files[0].objects[0].entries.find((e) => e.property === 'ExceptIfSentToScope');
    expect(entry?.reason).toMatch(/an exception the simulation cannot evaluate; kept under "Conditions not modelled"/);
  });
});

describe('the whole tenant', () => {
  it('builds one valid tenant from several files, with the organization setting and a grid layout', () => {
    const r = importOk(ALL);
    expect(validateDocument(r.document).ok).toBe(true);
    expect(r.document.tenants).toHaveLength(1);
    const t: Tenant = r.tenant;
    expect(t.name).toBe('Contoso');
    expect(t.rejectDirectSend).toBe(true);
    // One rule the simulation cannot evaluate; the rule-scoped connector is now kept as it is (format 2).
    expect(r.report.counts).toMatchObject({ acceptedDomains: 6, inboundConnectors: 4, outboundConnectors: 3, transportRules: 5, unmodelled: 1, skipped: 0 });
    const positions = r.document.view?.positions ?? {};
    const ids = [t.id, ...t.inboundConnectors.map((c) => c.id), ...t.outboundConnectors.map((c) => c.id), ...t.transportRules.map((x) => x.id)];
    for (const id of ids) expect(positions[id]).toBeDefined();
    // One position per grid cell: no two entities overlap.
    const cells = new Set(ids.map((id) => `${positions[id].x},${positions[id].y}`));
    expect(cells.size).toBe(ids.length);
  });

  it('keeps every file in the report, in the order given, with the organization settings counted not listed', () => {
    const r = importOk(ALL);
    expect(r.report.files.map((f) => f.file)).toEqual(ALL);
    const org = r.report.files[4].objects[0];
    expect(org.entries).toHaveLength(1);
    expect(org.entries[0].property).toBe('(other properties)');
  });

  it('adds the tenant to an existing document without touching what is there, with ids unique across it', () => {
    const first = importOk(ALL, 'Contoso').document;
    // The same configuration again as a second tenant would duplicate its domains: refused.
    const clash = importExoFiles(ALL.map(fixture), { tenantName: 'Contoso copy', into: first });
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.errors[0].message).toMatch(/already accepted/);

    const second = importOk(['inbound-connectors.json', 'transport-rules.json'], 'Contoso', first);
    expect(second.document.tenants).toHaveLength(2);
    expect(second.document.tenants[0]).toEqual(first.tenants[0]);
    expect(second.tenant.id).not.toBe(first.tenants[0].id);
    const ids = second.document.tenants.flatMap((t) => [t.id, ...t.inboundConnectors.map((c) => c.id), ...t.transportRules.map((x) => x.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    // Placed below the first tenant's grid.
    const maxFirst = Math.max(...Object.values(first.view!.positions).map((p) => p.y));
    expect(second.document.view!.positions[second.tenant.id].y).toBeGreaterThan(maxFirst);
  });
});
