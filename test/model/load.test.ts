import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText, serializeDocument, validateDocument } from '../../shared/model/load';
import { CURRENT_VERSION } from '../../shared/model/schema';
import { specExample } from '../specExamples';

const example = readFileSync(specExample('point-2-certificate.mailflow.json'), 'utf8');
const base = () => JSON.parse(example);

function errorsOf(raw: unknown) {
  const r = validateDocument(raw);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.errors;
}

describe('loading a document', () => {
  it('fills defaults and round-trips through serialize', () => {
    const r = parseDocumentText(example);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.tenants[0].inboundConnectors[0]).toMatchObject({ enabled: true, senderIPAddresses: [], senderDomains: ['*'], requireTls: false });
    const again = parseDocumentText(serializeDocument(r.document));
    expect(again.ok && again.document).toEqual(r.document);
  });

  it('accepts a UTF-8 byte order mark and Windows line endings', () => {
    const r = parseDocumentText('\ufeff' + example.replace(/\n/g, '\r\n'));
    expect(r.ok).toBe(true);
  });

  it('locates a JSON syntax error by line and column', () => {
    const broken = example.replace('"name": "Contoso",', '"name": "Contoso"');
    const r = parseDocumentText(broken);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].line).toBe(9);
    expect(r.errors[0].message).toMatch(/^line 9, column \d+: found invalid JSON/);
  });

  it('names a misspelt field with its path and suggests the right one', () => {
    const d = base();
    d.tenants[0].inboundConnectors[0].tlsSenderCertificatName = d.tenants[0].inboundConnectors[0].tlsSenderCertificateName;
    delete d.tenants[0].inboundConnectors[0].tlsSenderCertificateName;
    const [e] = errorsOf(d);
    expect(e.path).toBe('tenants[0].inboundConnectors[0].tlsSenderCertificatName');
    expect(e.message).toContain('did you mean "tlsSenderCertificateName"');
  });

  it('points at a bad CIDR by its index', () => {
    const d = base();
    d.tenants[1].inboundConnectors[0].senderIPAddresses = ['192.0.2.1', '10.0.0.0/8', '198.51.100.0/33'];
    const [e] = errorsOf(d);
    expect(e.path).toBe('tenants[1].inboundConnectors[0].senderIPAddresses[2]');
    expect(e.found).toBe('"198.51.100.0/33"');
    expect(e.expected).toMatch(/IPv4 address or CIDR/);
  });

  it('refuses a domain accepted by two tenants, naming both places, case-insensitively', () => {
    const d = base();
    d.tenants[1].acceptedDomains.push({ domainName: 'CONTOSO.com', domainType: 'Authoritative' });
    const [e] = errorsOf(d);
    expect(e.path).toBe('tenants[1].acceptedDomains[1].domainName');
    expect(e.message).toContain('tenants[0].acceptedDomains[0].domainName');
  });

  it('refuses a subdomain another tenant already owns through matchSubDomains', () => {
    const d = base();
    d.tenants[0].acceptedDomains.push({ domainName: 'corp.example', domainType: 'InternalRelay', matchSubDomains: true });
    d.tenants[1].acceptedDomains.push({ domainName: 'sales.corp.example', domainType: 'Authoritative' });
    const [e] = errorsOf(d);
    expect(e.path).toBe('tenants[1].acceptedDomains[1].domainName');
    expect(e.message).toContain('matchSubDomains');
  });

  it('refuses a scenario naming a missing server', () => {
    const d = base();
    d.scenarios[0].serverId = 'ex99';
    const [e] = errorsOf(d);
    expect(e.path).toBe('scenarios[0].serverId');
    expect(e.found).toContain('ex99');
  });

  it('refuses duplicate ids across kinds, a position naming nothing, and a rule without action', () => {
    const d = base();
    d.servers[0].id = 'contoso';
    d.scenarios[0].serverId = 'contoso';
    expect(errorsOf(d)[0].message).toContain('already the id at tenants[0].id');
    const p = base();
    p.view = { positions: { ghost: { x: 1, y: 2 } } };
    expect(errorsOf(p)[0].path).toBe('view.positions["ghost"]');
    const r = base();
    r.tenants[0].transportRules = [{ id: 'r', name: 'r', priority: 0, enabled: true, conditions: {}, actions: {} }];
    expect(errorsOf(r)[0]).toMatchObject({ path: 'tenants[0].transportRules[0].actions', expected: 'at least one action' });
  });

  it('refuses a load scenario with mailFrom, and a message scenario without rcptTo', () => {
    const d = base();
    d.scenarios[0].load = { baselinePerHour: 1, baselineDays: 1, burstPerHour: 1, burstHours: 1 };
    expect(errorsOf(d).map((e) => e.path)).toContain('scenarios[0].mailFrom');
    const m = base();
    delete m.scenarios[0].rcptTo;
    expect(errorsOf(m)[0].path).toBe('scenarios[0].rcptTo');
  });

  it('refuses a file that is not a topology, or from a newer version', () => {
    expect(errorsOf({ hello: 1 })[0]).toMatchObject({ path: 'format' });
    expect(errorsOf({ ...base(), version: CURRENT_VERSION + 1 })[0].expected).toMatch(/newer Mailflow Studio/);
    expect(errorsOf([])[0].path).toBe('$');
  });

  it('refuses prototype keys', () => {
    const text = example.replace('"title":', '"__proto__": {"polluted": true}, "title":');
    const r = parseDocumentText(text);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never changes the value it was given', () => {
    const d = base();
    d.tenants[0].inboundConnectors[0].senderIPAddresses = ['bad'];
    const before = JSON.stringify(d);
    validateDocument(d);
    expect(JSON.stringify(d)).toBe(before);
  });
});

describe('migrations', () => {
  const dir = join(__dirname, '../fixtures/versions');
  for (const file of readdirSync(dir)) {
    it(`opens the fixture of ${file} as version ${CURRENT_VERSION}`, () => {
      const r = parseDocumentText(readFileSync(join(dir, file), 'utf8'));
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.document.version).toBe(CURRENT_VERSION);
    });
  }
});
