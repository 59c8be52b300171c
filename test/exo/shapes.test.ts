/**
 * Issue 16: the same tenant saved in each shape the import reads imports to the same design, and
 * the imported rules act in the simulation as they do in the tenant.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeExoBytes, diffTenants, importExoFiles, type ExoFile } from '../../shared/exo';
import { parseDscResources } from '../../shared/exo/dsc';
import { simulateMessage } from '../../shared/engine';
import type { Tenant, TopologyDocument } from '../../shared/model/schema';

export const SHAPES = join(__dirname, '..', 'fixtures', 'exo-shapes');

export function shapeFiles(shape: string): ExoFile[] {
  const dir = join(SHAPES, shape);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name: `${shape}/${name}`, text: decodeExoBytes(new Uint8Array(readFileSync(join(dir, name)))) }));
}

export function importShape(shape: string) {
  const r = importExoFiles(shapeFiles(shape), { tenantName: 'Fabrikam' });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r;
}

/** What the design holds of a tenant, without the report. */
export function designOf(t: Tenant) {
  return JSON.parse(JSON.stringify(t)) as Tenant;
}

describe('ConvertTo-Json, the admin API, a Microsoft365DSC export and a Graph snapshot of the same tenant', () => {
  for (const shape of ['admin-api', 'dsc', 'graph']) {
    it(`import to the same design as ConvertTo-Json, field for field (${shape})`, () => {
      const ps = importShape('convertto-json');
      const other = importShape(shape);
      expect(diffTenants(ps.tenant, other.tenant).changes).toEqual([]);
      expect(designOf(other.tenant)).toEqual(designOf(ps.tenant));
      // The report's entry count may differ: each shape carries its own extra properties (Default, InitialDomain…).
      expect({ ...other.report.counts, entries: 0 }).toEqual({ ...ps.report.counts, entries: 0 });
    });
  }

  it('recognise each file by its content and report it under the cmdlet whose objects it holds', () => {
    expect(importShape('dsc').report.files.map((f) => f.cmdlet)).toEqual(['Get-AcceptedDomain', 'Get-InboundConnector', 'Get-OutboundConnector', 'Get-TransportRule']);
    expect(importShape('graph').report.files.map((f) => f.file)).toEqual(Array(4).fill('graph/snapshot.json'));
  });

  it('never reports an OData annotation as a property', () => {
    const api = importShape('admin-api');
    const properties = api.report.files.flatMap((f) => f.objects.flatMap((o) => o.entries.map((e) => e.property)));
    expect(properties.filter((p) => p.includes('@'))).toEqual([]);
    expect(api.report.files.map((f) => f.cmdlet)).toEqual(['Get-AcceptedDomain', 'Get-InboundConnector', 'Get-OutboundConnector', 'Get-TransportRule']);
  });
});

describe('the harmless rule (FromScope NotInOrganization, prepend subject, audit severity)', () => {
  for (const shape of ['convertto-json', 'admin-api']) {
    it(`imports enabled with its condition and two otherActions (${shape})`, () => {
      const rule = importShape(shape).tenant.transportRules.find((r) => r.name === 'Tag external mail')!;
      expect(rule).toMatchObject({
        enabled: true,
        conditions: { fromScope: 'NotInOrganization' },
        actions: { otherActions: [{ name: 'PrependSubject', value: 'EXTERNAL: ' }, { name: 'SetAuditSeverity', value: 'Medium' }] },
        comment: 'Warn users about mail from outside',
      });
      expect(rule.unmodelledConditions).toBeUndefined();
    });
  }

  it('acts on a message from the Internet in the trace', () => {
    const r = importShape('admin-api');
    const doc: TopologyDocument = {
      ...r.document,
      servers: [{ id: 'internet', name: 'Internet sender', role: 'external', ipAddress: '203.0.113.50', tls: true, certificate: null }],
    };
    const sim = simulateMessage(doc, { serverId: 'internet', mailFrom: 'someone@example.org', rcptTo: ['user@fabrikam.com'] });
    expect(sim.recipients.map((x) => x.disposition)).toEqual(['delivered']);
    const rule = r.tenant.transportRules.find((x) => x.name === 'Tag external mail')!;
    const acted = sim.events.filter((e) => e.kind === 'rule' && e.at === rule.id);
    expect(acted).toHaveLength(1);
    expect(acted[0].text).toMatch(/PrependSubject.*SetAuditSeverity/);
  });
});

describe('a transport-rule-scoped outbound connector and the rule that routes through it', () => {
  it('import enabled, and the rule routes the matched recipient through the connector', () => {
    const r = importShape('convertto-json');
    const gateway = r.tenant.outboundConnectors.find((c) => c.name === 'Signature gateway')!;
    expect(gateway).toMatchObject({ enabled: true, isTransportRuleScoped: true, tlsSettings: 'DomainValidation', tlsDomain: 'sig.example.net' });
    const rule = r.tenant.transportRules.find((x) => x.name === 'Route through the signature gateway')!;
    expect(rule).toMatchObject({ enabled: true, actions: { routeMessageOutboundConnector: gateway.id } });

    const sim = simulateMessage(r.document, { fromMailbox: 'user@fabrikam.com', mailFrom: 'user@fabrikam.com', rcptTo: ['partner@example.org', 'colleague@fabrikam.com'] });
    const outbound = sim.events.flatMap((e) => (e.kind === 'outbound' ? [e.data.connector] : []));
    expect(outbound).toEqual([gateway.id]);
    expect(sim.recipients.map((x) => `${x.address}:${x.disposition}`)).toEqual(['partner@example.org:internet', 'colleague@fabrikam.com:delivered']);
  });

  it('keeps a disabled rule disabled, with the condition it cannot evaluate kept beside it', () => {
    const rule = importShape('admin-api').tenant.transportRules.find((x) => x.name === 'Block executables (retired)')!;
    expect(rule).toMatchObject({ enabled: false, unmodelledConditions: [{ name: 'AttachmentExtensionMatchesWords', value: ['exe', 'scr'] }] });
  });
});

describe('the on-premises side: Get-SendConnector and Get-ExchangeCertificate', () => {
  const r = importExoFiles([...shapeFiles('convertto-json'), ...shapeFiles('onprem')], { tenantName: 'Fabrikam' });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));

  it('makes a server per source transport server of the connector to Exchange Online, with the certificate its TlsCertificateName names', () => {
    const servers = r.document.servers.map((s) => ({ name: s.name, ip: s.ipAddress, tls: s.tls, certificate: s.certificate }));
    expect(servers).toEqual([
      {
        name: 'EX01',
        // The only address of the tenant's OnPremises inbound connector.
        ip: '198.51.100.10',
        tls: true,
        certificate: {
          subject: 'mail.fabrikam.com',
          subjectAlternativeNames: ['mail.fabrikam.com', 'autodiscover.fabrikam.com'],
          trusted: true,
          chainComplete: true,
          notBefore: '2025-10-01',
          notAfter: '2026-10-12',
        },
      },
      {
        name: 'EX02',
        ip: '0.0.0.0',
        tls: true,
        certificate: expect.objectContaining({ subject: 'mail.fabrikam.com', trusted: false, chainComplete: false }),
      },
    ]);
    expect(r.report.counts.servers).toBe(2);
  });

  it('reports the connector that does not go to Exchange Online, the certificate that is not Valid and the unknown IP address', () => {
    const objects = r.report.files.flatMap((f) => f.objects);
    expect(objects.find((o) => o.name === 'To the Internet')).toMatchObject({ outcome: 'skipped', entries: [{ code: 'send-connector-not-to-exo' }] });
    expect(objects.find((o) => o.name.startsWith('EX02\\'))?.entries.map((e) => e.code)).toEqual(['certificate-status']);
    expect(objects.find((o) => o.name.startsWith('Outbound to Office 365'))?.entries.map((e) => e.code)).toEqual(['server-ip-unknown']);
    expect(r.report.files.map((f) => f.cmdlet)).toContain('Get-SendConnector');
    expect(r.report.files.map((f) => f.cmdlet)).toContain('Get-ExchangeCertificate');
  });
});

describe('the Microsoft365DSC reader parses, never evaluates', () => {
  it('reads strings with their escapes, here-strings, lists, hashtables, numbers and keeps $variables opaque', () => {
    const script = [
      'Configuration X {',
      '  Node localhost {',
      '    EXOTransportRule "EXOTransportRule-a" {',
      "      Name = 'It''s \"quoted\"'",
      '      Comments = "tab`there ""double"" $OrganizationName `$literal"',
      "      PrependSubject = @'",
      "line one; { not a brace }",
      "'@",
      '      Priority = 3; Enabled = $False',
      "      SubjectContainsWords = @('a'",
      "        'b', 'c')",
      '      ExceptIfHeaderContainsWords = @{ Key = 1; Other = $null }',
      '      Credential = $Credscredential',
      '    }',
      '  }',
      '}',
    ].join('\r\n');
    const [r] = parseDscResources(script);
    expect(r.type).toBe('EXOTransportRule');
    expect(r.properties).toEqual({
      Name: `It's "quoted"`,
      Comments: 'tab\there "double" $OrganizationName $literal',
      PrependSubject: 'line one; { not a brace }',
      Priority: 3,
      Enabled: false,
      SubjectContainsWords: ['a', 'b', 'c'],
      ExceptIfHeaderContainsWords: { Key: 1, Other: null },
      Credential: { $variable: '$Credscredential' },
    });
  });

  it('runs nothing: a subexpression stays text', () => {
    const [r] = parseDscResources('EXOAcceptedDomain "d" {\n Identity = "$(Remove-Item C:\\ -Recurse)contoso.com"\n}');
    expect(r.properties.Identity).toBe('$(Remove-Item C:\\ -Recurse)contoso.com');
  });
});

describe('bad input stays as today: the file named, the place, what was expected, nothing changed', () => {
  const into = importShape('convertto-json').document;
  const before = JSON.stringify(into);

  it('a malformed Microsoft365DSC export', () => {
    const text = readFileSync(join(SHAPES, 'dsc', 'M365TenantConfig.ps1'), 'utf8').replace('Priority              = 0;', 'Priority              = ;');
    const r = importExoFiles([{ name: 'export.ps1', text }], { tenantName: 'Other', into });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ file: 'export.ps1', line: 111 });
    expect(r.errors[0].message).toMatch(/^export\.ps1: line 111, column \d+: unexpected ";"; expected a value: .*; expected a Microsoft365DSC export \(Export-M365DSCConfiguration/);
    expect(JSON.stringify(into)).toBe(before);
  });

  it('an unclosed string in a Microsoft365DSC export names where it starts', () => {
    const r = importExoFiles([{ name: 'export.ps1', text: 'Configuration X {\n  Node localhost {\n    EXOAcceptedDomain "d" {\n      Identity = "contoso.com\n    }\n  }\n}\n' }], { tenantName: 'T' });
    expect(!r.ok && r.errors[0].message).toMatch(/^export\.ps1: line 4, column 18: the string is not closed; expected a Microsoft365DSC export/);
  });

  it('a Graph snapshot whose resources or properties have the wrong type', () => {
    const snapshot = JSON.parse(readFileSync(join(SHAPES, 'graph', 'snapshot.json'), 'utf8'));
    const wrongProps = { ...snapshot, resources: snapshot.resources.map((x: { resourceType: string }, i: number) => (i === 5 ? { ...x, properties: 'Tag external mail' } : x)) };
    const r = importExoFiles([{ name: 'snapshot.json', text: JSON.stringify(wrongProps) }], { tenantName: 'Other', into });
    expect(!r.ok && r.errors[0].message).toBe(
      'snapshot.json: resources[5].properties (microsoft.exchange.transportrule) is the text "Tag external mail", not an object of properties; expected a Microsoft Graph tenant configuration snapshot (JSON with "resources": [{"resourceType": "microsoft.exchange.transportrule", "properties": {…}}, …]).',
    );
    const wrongList = importExoFiles([{ name: 'snapshot.json', text: JSON.stringify({ ...snapshot, resources: { value: [] } }) }], { tenantName: 'Other', into });
    expect(!wrongList.ok && wrongList.errors[0].message).toMatch(/^snapshot\.json: "resources" is a object, not a list; expected a Microsoft Graph tenant configuration snapshot/);
    expect(JSON.stringify(into)).toBe(before);
  });
});

describe('hostile Microsoft365DSC input', () => {
  it('refuses nesting deeper than an export uses, with the place, instead of exhausting the stack', () => {
    const text = `EXOTransportRule "r" {\n Name = ${'@('.repeat(50_000)}1${')'.repeat(50_000)}\n}\n`;
    const r = importExoFiles([{ name: 'deep.ps1', text: `# export\n${text}` }], { tenantName: 'T' });
    expect(!r.ok && r.errors[0].message).toMatch(/^deep\.ps1: line 3, column \d+: .*expected at most 100 nested/);
  });
});

describe('parts listed only by class name', () => {
  it('are kept by name, and a shorter property (Mode) never stands for a longer part (ModerateMessageByUser)', () => {
    const rule = {
      Name: 'Moderate', Priority: 0, State: 'Enabled', Mode: 'Enforce', FromScope: 'NotInOrganization',
      Conditions: ['Microsoft.Exchange.MessagingPolicies.Rules.Tasks.FromScopePredicate', 'Microsoft.Exchange.MessagingPolicies.Rules.Tasks.SubjectContainsPredicate'],
      Actions: ['Microsoft.Exchange.MessagingPolicies.Rules.Tasks.ModerateMessageByUserAction'],
    };
    const r = importExoFiles([{ name: 'r.json', text: JSON.stringify([rule]) }], { tenantName: 'T' });
    if (!r.ok) throw new Error(r.errors[0].message);
    const [imported] = r.tenant.transportRules;
    expect(imported.actions.otherActions).toEqual([{ name: 'moderatemessagebyuser' }]);
    expect(imported.unmodelledConditions).toEqual([{ name: 'subjectcontains' }]);
    expect(imported.enabled).toBe(true);
  });
});
