/**
 * Documents built to make the loader slow (issue 11, item 4): the cross-checks of integrity.ts
 * must stay linear. The timeouts are a guard (the pairwise checks took minutes at these sizes), not
 * a measurement: bench/hostile-inputs.mjs prints the times at the audit's sizes.
 */
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../shared/model/integrity';
import { parseDocumentText, validateDocument } from '../../shared/model/load';
const MAX_EXPECTED_RECIPIENTS = 2000;
import type { TopologyDocument } from '../../shared/model/schema';
import { manyExpectedRecipients, manySubdomainTenants } from '../hostile/documents';

function load(text: string): TopologyDocument {
  const r = parseDocumentText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.document;
}

describe('matchSubDomains cross-check', () => {
  it('a valid document of 20,000 tenants with subdomain domains loads without a pairwise scan', { timeout: 20_000 }, () => {
    const doc = load(manySubdomainTenants(20_000));
    expect(doc.tenants).toHaveLength(20_000);
  });

  it('still reports each subdomain another tenant accepts, in the order the pairwise check did', () => {
    const doc = load(manySubdomainTenants(3));
    // Tenant 2 also accepts a subdomain of tenant 0's and of tenant 1's matchSubDomains domains.
    doc.tenants[2].acceptedDomains.push(
      { domainName: 'a.b.D1.example', domainType: 'Authoritative', matchSubDomains: false },
      { domainName: 'x.d0.example', domainType: 'Authoritative', matchSubDomains: false },
    );
    const issues = checkIntegrity(doc).filter((i) => i.rule === 'duplicate-domain');
    expect(issues.map((i) => [i.path, i.otherPath])).toEqual([
      ['tenants[2].acceptedDomains[3].domainName', 'tenants[0].acceptedDomains[0].domainName'],
      ['tenants[2].acceptedDomains[2].domainName', 'tenants[1].acceptedDomains[0].domainName'],
    ]);
  });
});

describe('expect.recipients', () => {
  it('more than the cap is refused with a located error before any address is compared', () => {
    const r = parseDocumentText(manyExpectedRecipients(MAX_EXPECTED_RECIPIENTS + 1, 1));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].path).toBe('scenarios[0].expect.recipients');
    expect(r.errors[0].message).toMatch(/found 2001 expected recipients; expected at most 2000/);
  });

  it('more than the cap is refused before the schema validates each entry (invalid entries give no issues)', () => {
    const doc = JSON.parse(manyExpectedRecipients(MAX_EXPECTED_RECIPIENTS + 1, 1));
    const recipients = doc.scenarios[0].expect.recipients;
    for (const address of Object.keys(recipients)) recipients[address] = { disposition: 'not a disposition' };
    doc.servers[0].ipAddress = 'not an address';
    const r = validateDocument(doc);
    expect(r.ok || r.errors).toEqual([
      {
        path: 'scenarios[0].expect.recipients',
        found: '2001 expected recipients',
        expected: 'at most 2000 (a message has at most 1000 recipients and each rule redirects to at most 100)',
        message: 'scenarios[0].expect.recipients: found 2001 expected recipients; expected at most 2000 (a message has at most 1000 recipients and each rule redirects to at most 100).',
      },
    ]);
  });

  it('up to the cap, each address is checked against redirect targets without scanning every rule', { timeout: 5_000 }, () => {
    const r = parseDocumentText(manyExpectedRecipients(MAX_EXPECTED_RECIPIENTS, 1_000));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // 2,000 unknown addresses, reported up to the loader's limit of 50.
    expect(r.errors).toHaveLength(50);
    expect(r.errors[0].message).toMatch(/neither in rcptTo nor a redirect target/);
  });

  it('a server missing from many scenarios names the servers once, briefly', () => {
    const doc = load(manySubdomainTenants(1));
    doc.servers = Array.from({ length: 30 }, (_, i) => ({ ...doc.servers[0], id: `s${i}` }));
    doc.scenarios = [{ id: 'x', name: 'X', serverId: 'nope', mailFrom: 'a@d0.example', rcptTo: ['b@d0.example'] }];
    const [issue] = checkIntegrity(doc);
    expect(issue.expected).toBe("the id of one of the document's servers (s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 and 20 more)");
  });
});

describe('the shape check before validation', () => {
  it('from text, a prototype key is refused however it is spelt (the pre-scan lets the shape check run)', () => {
    for (const key of ['__proto__', '\\u005f_proto__', '__proto\\u005f_']) {
      const text = `{"format":"mailflow-topology","version":2,"title":"t","tenants":[{"id":"a","name":"A","acceptedDomains":[],"extra":[0,{"${key}":{"polluted":true}}]}],"servers":[],"scenarios":[]}`;
      const r = parseDocumentText(text);
      expect(r.ok || r.errors.map((e) => e.message)).toEqual([
        'tenants[0].extra[1].__proto__: found the reserved key "__proto__"; expected only the fields and ids the format defines.',
      ]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names where a prototype key or too deep a nesting is, in a value given without text', () => {
    const doc = { format: 'mailflow-topology', version: 2, title: 't', tenants: [{ id: 'a', name: 'A', acceptedDomains: [] }], servers: [], scenarios: [] };
    const proto = JSON.parse('{"x": 1, "__proto__": {"polluted": true}}');
    const withProto = { ...doc, tenants: [{ ...doc.tenants[0], extra: [0, proto] }] };
    expect(validateDocument(withProto)).toEqual({
      ok: false,
      errors: [
        {
          path: 'tenants[0].extra[1].__proto__',
          found: 'the reserved key "__proto__"',
          expected: 'only the fields and ids the format defines',
          message: 'tenants[0].extra[1].__proto__: found the reserved key "__proto__"; expected only the fields and ids the format defines.',
        },
      ],
    });
    let deep: unknown = 0;
    for (let i = 0; i < 70; i++) deep = i % 2 ? [deep] : { k: deep };
    const r = validateDocument({ ...doc, servers: [deep] });
    expect(r.ok || r.errors.map((e) => e.path)).toEqual([`servers[0]${'[0].k'.repeat(31)}[0]`]);
    expect(r.ok || r.errors[0].found).toBe('values nested deeper than 64 levels');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
