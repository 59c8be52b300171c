/**
 * `mailflow import --into` validates only what it adds (issue 11: importing into a document of
 * 140,000 positions validated the whole merged document again, and the CLI a third time: seconds
 * and hundreds of megabytes). What it writes must still load back exactly, and a clash with the
 * existing document is still a located error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExoFiles } from '../../shared/exo/import';
import { parseDocumentText, serializeDocument, validateAddition } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { fixture } from './helpers';

const ALL = ['accepted-domains.json', 'inbound-connectors.json', 'outbound-connectors.json', 'transport-rules.json', 'organization-config.json'];
/** The examples accept contoso.com, like the fixtures' accepted domains: import the rest. */
const NO_DOMAINS = ['inbound-connectors.json', 'outbound-connectors.json', 'transport-rules.json'];
const EXAMPLES = join(__dirname, '../../examples');

function loaded(text: string): TopologyDocument {
  const r = parseDocumentText(text);
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.document;
}

const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.mailflow.json'))
  .map((f) => [f, loaded(readFileSync(join(EXAMPLES, f), 'utf8'))] as const);

describe('import --into', () => {
  it.each(examples)('into %s: what is written loads back equal, and the document given is not changed', (_name, into) => {
    const before = serializeDocument(into);
    const r = importExoFiles(NO_DOMAINS.map(fixture), { tenantName: 'Imported tenant', into });
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    const text = serializeDocument(r.document);
    const back = parseDocumentText(text);
    expect(back.ok && serializeDocument(back.document)).toBe(text);
    expect(r.document.tenants.slice(0, -1)).toEqual(into.tenants);
    expect(serializeDocument(into)).toBe(before);
  });

  it('does not run the schema over the existing document again (its servers are not even read)', () => {
    const into = loaded(readFileSync(join(EXAMPLES, 'hybrid-seed.mailflow.json'), 'utf8'));
    let reads = 0;
    // Each existing server's address counts its readers: the schema reads every field; the
    // cross-reference checks read ids and references only.
    const watched = into.servers.map((server) => {
      const copy = { ...server };
      const ip = server.ipAddress;
      Object.defineProperty(copy, 'ipAddress', { enumerable: true, get: () => (reads++, ip) });
      return copy;
    });
    expect(watched.length).toBeGreaterThan(0);
    const r = importExoFiles(NO_DOMAINS.map(fixture), { tenantName: 'Imported tenant', into: { ...into, servers: watched } });
    expect(r.ok).toBe(true);
    expect(reads).toBe(0);
  });

  it('a clash with the existing document is reported at its place in the merged document', () => {
    const first = importExoFiles(ALL.map(fixture), { tenantName: 'Contoso' });
    if (!first.ok) throw new Error('setup');
    const into = first.document;
    const clash = importExoFiles(ALL.map(fixture), { tenantName: 'Contoso again', into });
    expect(clash.ok).toBe(false);
    if (clash.ok) return;
    expect(clash.errors[0].message).toMatch(/^The imported tenant "Contoso again" does not fit the document: tenants\[1\]\.acceptedDomains\[0\]\.domainName: found ".*", already accepted at tenants\[0\]\.acceptedDomains\[0\]\.domainName/);
  });
});

describe('validateAddition', () => {
  const base = loaded(readFileSync(join(EXAMPLES, 'hybrid-seed.mailflow.json'), 'utf8'));

  it('schema errors of the addition name their place in the merged document', () => {
    const r = validateAddition(base, {
      tenants: [{ id: 'new-tenant', name: 'New', acceptedDomains: [{ domainName: 'not a domain', domainType: 'Authoritative' }] }],
      servers: [{ id: 'new-server', name: 'S', role: 'onPremises', ipAddress: '999.1.1.1', tls: false }],
      positions: {},
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain(`tenants[${base.tenants.length}].acceptedDomains[0].domainName`);
    expect(paths).toContain(`servers[${base.servers.length}].ipAddress`);
    for (const e of r.errors) expect(e.message.startsWith(`${e.path}: `)).toBe(true);
  });

  it('the list limits hold for the merged document', () => {
    const many = { ...base, servers: Array.from({ length: 100_000 - base.servers.length }, (_, i) => ({ ...base.servers[0], id: `s-${i}` })).concat(base.servers) };
    const r = validateAddition(many, { tenants: [], servers: [{ id: 'one-more', name: 'S', role: 'onPremises', ipAddress: '203.0.113.9', tls: false }], positions: {} });
    expect(r).toEqual({ ok: false, errors: [{ path: 'servers', found: '100001 items', expected: 'at most 100000 items', message: 'servers: found 100001 items; expected at most 100000 items.' }] });
  });

  it('a valid addition gives the merged document, sharing the existing objects', () => {
    const r = validateAddition(base, { tenants: [], servers: [], positions: { [base.tenants[0].id]: { x: 1, y: 2 } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.tenants[0]).toBe(base.tenants[0]);
    expect(r.document.view?.positions[base.tenants[0].id]).toEqual({ x: 1, y: 2 });
  });
});
