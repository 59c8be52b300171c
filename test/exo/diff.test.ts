import { describe, expect, it } from 'vitest';
import { diffTenants, formatTenantDiff, importExoFiles } from '../../shared/exo';
import type { Tenant } from '../../shared/model/schema';
import { fixture } from './helpers';

const ALL = ['accepted-domains.json', 'inbound-connectors.json', 'outbound-connectors.json', 'transport-rules.json', 'organization-config.json'];

function imported(name = 'Contoso'): Tenant {
  const r = importExoFiles(ALL.map(fixture), { tenantName: name });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.tenant;
}

describe('diffTenants', () => {
  it('two imports of the same configuration are identical although their ids differ', () => {
    const a = imported('Contoso');
    const b = imported('Contoso');
    b.id = 'contoso-again';
    b.inboundConnectors.forEach((c, i) => (c.id = `other-${i}`));
    const d = diffTenants(a, b);
    expect(d.identical).toBe(true);
    expect(d.changes).toEqual([]);
  });

  it('reports changed fields with old and new values, and list fields as added/removed', () => {
    const a = imported();
    const b = structuredClone(a);
    b.inboundConnectors[1].requireTls = true;
    b.inboundConnectors[1].senderIPAddresses = [...b.inboundConnectors[1].senderIPAddresses.filter((ip) => ip !== '203.0.113.10'), '203.0.113.11'];
    b.transportRules[0].conditions.sentToScope = 'InOrganization';
    b.rejectDirectSend = false;
    b.acceptedDomains[1].domainType = 'Authoritative';
    const d = diffTenants(a, b);
    expect(d.identical).toBe(false);
    const byKind = (kind: string, name: string) => d.changes.find((c) => c.kind === kind && c.name === name);
    expect(byKind('tenant', 'Contoso')?.fields).toEqual([{ field: 'rejectDirectSend', old: true, new: false }]);
    expect(byKind('acceptedDomain', 'jpn.contoso.com')?.fields).toEqual([{ field: 'domainType', old: 'InternalRelay', new: 'Authoritative' }]);
    const ip = byKind('inboundConnector', 'From Osaka relay (IP)');
    expect(ip?.change).toBe('changed');
    expect(ip?.fields.find((f) => f.field === 'requireTls')).toEqual({ field: 'requireTls', old: false, new: true });
    expect(ip?.fields.find((f) => f.field === 'senderIPAddresses')).toMatchObject({ added: ['203.0.113.11'], removed: ['203.0.113.10'] });
    expect(byKind('transportRule', 'Block mail to outside recipients')?.fields).toEqual([
      { field: 'conditions.sentToScope', old: 'NotInOrganization', new: 'InOrganization' },
    ]);
    expect(d.changes).toHaveLength(4);
  });

  it('reports added and removed entities, matched by name and then by id', () => {
    const a = imported();
    const b = structuredClone(a);
    const removed = b.transportRules.splice(1, 1)[0];
    b.outboundConnectors.push({ ...b.outboundConnectors[0], id: 'new-out', name: 'New smart host' });
    // Renamed but same id: matched by id, reported as a name change.
    b.inboundConnectors[0].name = 'Hybrid inbound (renamed)';
    const d = diffTenants(a, b);
    expect(d.changes.find((c) => c.change === 'removed')).toMatchObject({ kind: 'transportRule', name: removed.name, idA: removed.id, idB: null });
    expect(d.changes.find((c) => c.change === 'added')).toMatchObject({ kind: 'outboundConnector', name: 'New smart host', idA: null, idB: 'new-out' });
    expect(d.changes.find((c) => c.kind === 'inboundConnector')?.fields).toEqual([
      { field: 'name', old: a.inboundConnectors[0].name, new: 'Hybrid inbound (renamed)' },
    ]);
  });

  it('compares as Exchange does: case, order and empty conditions do not count', () => {
    const a = imported();
    const b = structuredClone(a);
    b.outboundConnectors[0].recipientDomains = [...b.outboundConnectors[0].recipientDomains].reverse().map((x) => x.toUpperCase());
    b.inboundConnectors[1].senderIPAddresses = b.inboundConnectors[1].senderIPAddresses.map((ip) => (ip.includes('/') ? ip : `${ip}/32`));
    b.transportRules[0].conditions.recipientDomainIs = [];
    b.transportRules[0].actions.deleteMessage = false;
    expect(diffTenants(a, b).changes).toEqual([]);
  });

  it('human output: one line per entity, one per field', () => {
    const a = imported();
    const b = structuredClone(a);
    b.inboundConnectors[2].enabled = false;
    b.transportRules.pop();
    const text = formatTenantDiff(diffTenants(a, b), { a: 'imported.json', b: 'designed.json' });
    expect(text.split('\n')[0]).toMatch(/in imported\.json vs .* in designed\.json: 2 difference\(s\)\.$/);
    expect(text).toContain('~ inbound connector "Fabrikam partner (TLS)"\n    enabled: true → false\n');
    expect(text).toContain('- mail flow rule "Redirect old helpdesk address (test)": only in imported.json\n');
  });
});
