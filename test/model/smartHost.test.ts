/** "Delivers to" links: the smart host a drawn outbound connector → server link means, or why it cannot work. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../shared/model/load';
import { replaceEntity } from '../../shared/model/edit';
import type { OutboundConnector, TopologyDocument } from '../../shared/model/schema';
import { planSmartHost, publicName } from '../../shared/model/smartHost';

const hybrid: TopologyDocument = (() => {
  const r = parseDocumentText(readFileSync(path.join(__dirname, '../../examples/hybrid-seed.mailflow.json'), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.document;
})();
const jpn = hybrid.tenants[0].outboundConnectors.find((c) => c.id === 'contoso-to-ex01-jpn')!;
const connectorIn = (doc: TopologyDocument) => doc.tenants[0].outboundConnectors.find((c) => c.id === jpn.id)!;
const withConnector = (patch: Partial<OutboundConnector>) => replaceEntity(hybrid, jpn.id, { ...jpn, ...patch });
const withServer = (id: string, patch: object) => ({ ...hybrid, servers: hybrid.servers.map((s) => (s.id === id ? { ...s, ...patch } : s)) });

describe('smart host links', () => {
  it('adds a server without a certificate by its public IP, keeping the other smart hosts', () => {
    const plan = planSmartHost(hybrid, jpn.id, 'contoso-app');
    expect(plan).toMatchObject({ ok: true, host: '203.0.113.50', via: 'ip', switchesFromMx: false, kept: ['mail.contoso.com'] });
    if (!plan.ok) return;
    expect(connectorIn(plan.doc).smartHosts).toEqual(['mail.contoso.com', '203.0.113.50']);
    expect(connectorIn(plan.doc).useMXRecord).toBe(false);
    expect(plan.doc.servers).toBe(hybrid.servers);
  });

  it('prefers the certificate name (Exchange Online checks it against the smart host name)', () => {
    const doc = withConnector({ smartHosts: [] });
    expect(planSmartHost(doc, jpn.id, 'contoso-ex01')).toMatchObject({ ok: true, host: 'mail.contoso.com', via: 'name', kept: [] });
    expect(publicName({ ...hybrid.servers[0], certificate: { subject: '*.contoso.com', subjectAlternativeNames: ['smtp.contoso.com'], trusted: true, chainComplete: true } })).toBe('smtp.contoso.com');
  });

  it('switches a connector that uses MX routing to smart-host routing, and says so', () => {
    const plan = planSmartHost(withConnector({ useMXRecord: true, smartHosts: ['old.contoso.com'] }), jpn.id, 'contoso-app');
    expect(plan).toMatchObject({ ok: true, switchesFromMx: true, kept: [] });
    if (plan.ok) expect(connectorIn(plan.doc)).toMatchObject({ useMXRecord: false, smartHosts: ['203.0.113.50'] });
  });

  it('refuses a host already listed, by name or by IP', () => {
    expect(planSmartHost(hybrid, jpn.id, 'contoso-ex01')).toEqual({ ok: false, reason: 'alreadyListed', host: 'mail.contoso.com' });
    expect(planSmartHost(withConnector({ smartHosts: ['203.0.113.10'] }), jpn.id, 'contoso-ex01')).toMatchObject({ ok: false, reason: 'alreadyListed' });
  });

  it('refuses a server Exchange Online cannot reach: a private address and no certificate name', () => {
    expect(planSmartHost(withServer('contoso-app', { ipAddress: '10.1.2.3' }), jpn.id, 'contoso-app')).toEqual({ ok: false, reason: 'noPublicName', ip: '10.1.2.3' });
    // With a certificate name, the private address does not matter.
    expect(planSmartHost(withServer('contoso-ex01', { ipAddress: '10.1.2.3' }), jpn.id, 'contoso-ex01')).toMatchObject({ ok: false, reason: 'alreadyListed' });
  });

  it('refuses a Partner connector to the organization\'s own server, and an OnPremises connector to a partner', () => {
    expect(planSmartHost(withConnector({ connectorType: 'Partner' }), jpn.id, 'contoso-app')).toEqual({ ok: false, reason: 'partnerToOnPremises' });
    expect(planSmartHost(hybrid, jpn.id, 'partner-mx')).toEqual({ ok: false, reason: 'onPremisesToExternal' });
    expect(planSmartHost(withConnector({ connectorType: 'Partner' }), jpn.id, 'partner-mx')).toMatchObject({ ok: true, host: '192.0.2.80' });
  });

  it('needs an outbound connector and a server', () => {
    expect(planSmartHost(hybrid, 'contoso', 'contoso-app')).toEqual({ ok: false, reason: 'notOutbound' });
    expect(planSmartHost(hybrid, jpn.id, 'contoso')).toEqual({ ok: false, reason: 'notServer' });
  });
});
