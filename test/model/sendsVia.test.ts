/** "Sends via" links: the edit a drawn server → inbound connector link means, or why it cannot work. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../shared/model/load';
import { replaceEntity } from '../../shared/model/edit';
import type { TopologyDocument } from '../../shared/model/schema';
import { isPrivateIpv4, planSendsVia } from '../../shared/model/sendsVia';

const hybrid: TopologyDocument = (() => {
  const r = parseDocumentText(readFileSync(path.join(__dirname, '../../examples/hybrid-seed.mailflow.json'), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.document;
})();
const contoso = hybrid.tenants[0];
const ipConnector = contoso.inboundConnectors.find((c) => c.senderIPAddresses.length > 0)!;
const certConnector = contoso.inboundConnectors.find((c) => c.senderIPAddresses.length === 0 && c.tlsSenderCertificateName)!;

describe('sends via', () => {
  it('adds the server\'s IP to an IP connector, and nothing else changes', () => {
    const plan = planSendsVia(hybrid, 'contoso-ex01', ipConnector.id);
    expect(plan).toMatchObject({ ok: true, kind: 'ip', ip: '203.0.113.10' });
    if (!plan.ok) return;
    const after = plan.doc.tenants[0].inboundConnectors.find((c) => c.id === ipConnector.id)!;
    expect(after.senderIPAddresses).toEqual([...ipConnector.senderIPAddresses, '203.0.113.10']);
    expect(plan.doc.servers).toBe(hybrid.servers);
  });

  it('refuses an IP the connector already covers', () => {
    expect(planSendsVia(hybrid, 'contoso-app', ipConnector.id)).toEqual({ ok: false, reason: 'alreadyListed', ip: '203.0.113.50' });
  });

  it('offers the server\'s certificate name for a certificate connector', () => {
    const plan = planSendsVia(hybrid, 'contoso-ex01', certConnector.id);
    expect(plan).toMatchObject({ ok: true, kind: 'certificate', certificateName: 'mail.contoso.com' });
  });

  it('refuses a Partner connector for an on-premises server, and a private address', () => {
    const partner = replaceEntity(hybrid, ipConnector.id, { ...ipConnector, connectorType: 'Partner' });
    expect(planSendsVia(partner, 'contoso-ex01', ipConnector.id)).toEqual({ ok: false, reason: 'partnerForOnPremises' });
    const privateServer = { ...hybrid, servers: hybrid.servers.map((s) => (s.id === 'contoso-ex01' ? { ...s, ipAddress: '192.168.1.10' } : s)) };
    expect(planSendsVia(privateServer, 'contoso-ex01', ipConnector.id)).toEqual({ ok: false, reason: 'privateAddress', ip: '192.168.1.10' });
    expect(isPrivateIpv4('203.0.113.10')).toBe(false);
    expect(isPrivateIpv4('172.20.0.1')).toBe(true);
  });

  it('needs a server and an inbound connector', () => {
    expect(planSendsVia(hybrid, 'contoso', ipConnector.id)).toEqual({ ok: false, reason: 'notServer' });
    expect(planSendsVia(hybrid, 'contoso-ex01', 'contoso')).toEqual({ ok: false, reason: 'notInbound' });
  });
});
