/**
 * Version-2 diagnostics (mailflow-model.md "TLS and certificate validity", "Out-of-date on-premises
 * Exchange servers", "What Exchange Online itself refuses to configure"): each one found, at the
 * evaluation date, in English and Japanese, and the registry covers every rule.
 */
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS, lint } from '../../shared/diagnostics';
import { MESSAGES } from '../../shared/diagnostics/messages';
import { validateDocument } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';

function doc2(input: Record<string, unknown>): TopologyDocument {
  const loaded = validateDocument({ format: 'mailflow-topology', version: 2, title: 't', tenants: [], servers: [], ...input });
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  return loaded.document;
}

const contoso = (extra: Record<string, unknown> = {}) => ({
  id: 'contoso',
  name: 'Contoso',
  acceptedDomains: [{ domainName: 'contoso.com', domainType: 'Authoritative' }],
  inboundConnectors: [{ id: 'cert', name: 'From EX01', connectorType: 'OnPremises', tlsSenderCertificateName: 'mail.contoso.com' }],
  ...extra,
});
const ex01 = (extra: Record<string, unknown> = {}, cert: Record<string, unknown> = {}) => ({
  id: 'ex01',
  name: 'EX01',
  role: 'onPremises',
  ipAddress: '203.0.113.10',
  tls: true,
  certificate: { subject: 'mail.contoso.com', subjectAlternativeNames: [], trusted: true, chainComplete: true, ...cert },
  ...extra,
});
const rules = (d: TopologyDocument, today: string, lang: 'en' | 'ja' = 'en') => lint(d, { today, lang });
const find = (d: TopologyDocument, today: string, rule: string, lang: 'en' | 'ja' = 'en') => rules(d, today, lang).filter((x) => x.rule === rule);

describe('version-2 diagnostics', () => {
  it('a certificate expired at the evaluation date is an error naming the connectors that stop matching', () => {
    const d = doc2({ tenants: [contoso()], servers: [ex01({}, { notAfter: '2026-11-30' })] });
    const [e] = find(d, '2026-12-02', 'certificate-expired');
    expect([e.severity, e.entity, e.path]).toEqual(['error', 'ex01', 'servers[0].certificate.notAfter']);
    expect(e.message).toMatch(/expired on 2026-11-30 .*"From EX01"/);
    expect(find(d, '2026-12-02', 'certificate-expired', 'ja')[0].message).toMatch(/有効期限が切れています/);
    expect(find(d, '2026-11-30', 'certificate-expired')).toEqual([]);
  });

  it('a certificate expiring within 60 days is a warning; 61 days is not', () => {
    const d = doc2({ tenants: [contoso()], servers: [ex01({}, { notAfter: '2027-01-31' })] });
    expect(find(d, '2026-12-02', 'certificate-expiring').map((x) => x.severity)).toEqual(['warning']);
    expect(find(d, '2026-12-01', 'certificate-expiring')).toEqual([]);
  });

  it('a server below minimumInboundTlsVersion whose certificate a connector names is an error (not before 2021)', () => {
    const d = doc2({ tenants: [contoso()], servers: [ex01({ tlsVersion: '1.0' })] });
    expect(find(d, '2026-12-02', 'tls-below-minimum').map((x) => x.severity)).toEqual(['error']);
    expect(find(d, '2026-12-02', 'tls-below-minimum', 'ja')[0].message).toMatch(/TLS 1\.0/);
    expect(find(d, '2020-06-01', 'tls-below-minimum')).toEqual([]);
  });

  it('an out-of-date server is reported per server with the fix (update, or New-TenantExemptionInfo)', () => {
    const d = doc2({ tenants: [contoso()], servers: [ex01({ exchange: { version: '2016', upToDate: true } })] });
    expect(find(d, '2025-10-14', 'out-of-date-server')).toEqual([]);
    const [e] = find(d, '2026-12-02', 'out-of-date-server');
    expect(e.severity).toBe('error');
    expect(e.message).toMatch(/New-TenantExemptionInfo -BlockingScenario UnpatchedOnPremServer -NumberOfDays n/);
    expect(find(d, '2026-12-02', 'out-of-date-server', 'ja')[0].message).toMatch(/サポートが終了/);
  });

  it('a pause more than 90 days after the evaluation date is a warning', () => {
    const d = (until: string) => doc2({ tenants: [contoso({ enforcementPausedUntil: until })], servers: [] });
    expect(find(d('2027-03-02'), '2026-12-02', 'enforcement-pause-too-long')).toEqual([]);
    expect(find(d('2027-03-03'), '2026-12-02', 'enforcement-pause-too-long').map((x) => x.severity)).toEqual(['warning']);
  });

  it('senderIPAddresses wider than /24 is an error: Exchange Online would refuse it', () => {
    const d = doc2({ tenants: [contoso({ inboundConnectors: [{ id: 'ip', name: 'IP', connectorType: 'OnPremises', senderIPAddresses: ['198.51.100.0/24', '10.0.0.0/23', '203.0.113.9'] }] })], servers: [] });
    const found = find(d, '2026-12-02', 'sender-ip-range-too-wide');
    expect(found.map((x) => [x.severity, x.path])).toEqual([['error', 'tenants[0].inboundConnectors[0].senderIPAddresses[1]']]);
    expect(find(d, '2026-12-02', 'sender-ip-range-too-wide', 'ja')[0].message).toMatch(/\/24 から \/32/);
  });

  it('a certificate matching connectors of two tenants is a warning once attribution is unstable (MC1226222)', () => {
    const fabrikam = { id: 'fabrikam', name: 'Fabrikam', acceptedDomains: [{ domainName: 'fabrikam.com', domainType: 'Authoritative' }], inboundConnectors: [{ id: 'f', name: 'F', connectorType: 'OnPremises', tlsSenderCertificateName: 'mail.fabrikam.com' }] };
    const d = doc2({ tenants: [contoso(), fabrikam], servers: [ex01({}, { subjectAlternativeNames: ['mail.fabrikam.com'] })] });
    expect(find(d, '2026-12-02', 'certificate-matches-several-tenants').map((x) => x.severity)).toEqual(['warning']);
    expect(find(d, '2025-12-02', 'certificate-matches-several-tenants').map((x) => x.severity)).toEqual(['info']);
    expect(find(d, '2026-12-02', 'certificate-matches-several-tenants', 'ja')[0].message).toMatch(/MC1226222/);
  });

  it('the registry lists every rule that has a message, and every message exists in both languages', () => {
    const ids = new Set(DIAGNOSTICS.flatMap((d) => (Array.isArray(d.id) ? d.id : [d.id])));
    expect([...ids].sort()).toEqual(Object.keys(MESSAGES).sort());
    for (const m of Object.values(MESSAGES)) expect(Object.keys(m).sort()).toEqual(['en', 'ja']);
  });
});
