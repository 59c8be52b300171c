/** Find: names, ids, domains, IPs, certificate names, rule conditions, comments and notes, case-insensitively. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInDocument } from '../../shared/model/find';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';

const hybrid: TopologyDocument = (() => {
  const r = parseDocumentText(readFileSync(path.join(__dirname, '../../examples/hybrid-seed.mailflow.json'), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.document;
})();

describe('find in the design', () => {
  it('finds a server by its IP address and an inbound connector by an IP it lists', () => {
    const hits = findInDocument(hybrid, '203.0.113.50');
    expect(hits.map((h) => [h.id, h.field])).toEqual(expect.arrayContaining([['contoso-app', 'ip']]));
    expect(hits.every((h) => h.text.includes('203.0.113.50'))).toBe(true);
  });

  it('finds names and ids case-insensitively, one hit per entity and field', () => {
    expect(findInDocument(hybrid, 'FABRIKAM SCAN').map((h) => h.id)).toContain('fabrikam-scan-relay');
    expect(findInDocument(hybrid, 'partner-mx')).toEqual([{ id: 'partner-mx', field: 'id', text: 'partner-mx' }]);
  });

  it('finds accepted domains, certificate names and rule conditions', () => {
    expect(findInDocument(hybrid, 'jpn.contoso.com').map((h) => `${h.id}:${h.field}`)).toEqual(
      expect.arrayContaining(['contoso:domain', `${hybrid.tenants[0].transportRules[0].id}:condition`]),
    );
    expect(findInDocument(hybrid, 'autodiscover').map((h) => `${h.id}:${h.field}`)).toEqual(['contoso-ex01:certificate']);
    expect(findInDocument(hybrid, 'NotInOrganization').map((h) => h.field)).toEqual(['condition']);
  });

  it('finds comments and notes, and nothing for an empty query', () => {
    const doc: TopologyDocument = {
      ...hybrid,
      servers: hybrid.servers.map((s, i) => (i === 0 ? { ...s, comment: 'Decommission in Q3' } : s)),
      view: { positions: {}, ...hybrid.view, notes: [{ id: 'note-1', text: 'Ask the network team about Q3', x: 0, y: 0 }] },
    };
    expect(findInDocument(doc, 'q3').map((h) => `${h.id}:${h.field}`)).toEqual(['contoso-ex01:comment', 'note-1:note']);
    expect(findInDocument(doc, '   ')).toEqual([]);
  });
});
