/**
 * Loader fuzz for format 2: the version-2 gallery files mutated at random places with version-2
 * values (dates, TLS versions, Exchange versions, notes, fromMailbox, otherActions…), and version-1
 * files given version-2 fields. The loader never throws and answers with a valid document (which
 * loads again unchanged) or located errors; the input is never changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDocument, type LoadResult } from '../../shared/model/load';

const EXAMPLES = join(__dirname, '../../examples');
const V2 = ['renewed-certificate', 'app-relay-header-from', 'reject-direct-send', 'ma-shared-certificate', 'out-of-date-exchange-2016', 'centralized-transport'].map(
  (f) => JSON.parse(readFileSync(join(EXAMPLES, `${f}.mailflow.json`), 'utf8')) as Record<string, unknown>,
);
const V1 = JSON.parse(readFileSync(join(__dirname, '../fixtures/v1-documents/point-1-first-receipt.mailflow.json'), 'utf8')) as Record<string, unknown>;

function wellFormed(r: LoadResult): void {
  if (r.ok) {
    expect(r.document.version).toBe(2);
    expect(validateDocument(JSON.parse(JSON.stringify(r.document))).ok).toBe(true);
    return;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e.path.length).toBeGreaterThan(0);
    expect(e.message).toContain('expected');
  }
}

function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], key: string | null, v: unknown): unknown {
  if (path.length === 0) {
    if (key === null) return v;
    if (!root || typeof root !== 'object' || Array.isArray(root)) return root;
    return { ...(root as object), [key]: v };
  }
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  copy[path[0]] = setAt(copy[path[0]], path.slice(1), key, v);
  return copy;
}

const V2_FIELDS = [
  'asOf', 'comment', 'tlsVersion', 'exchange', 'notBefore', 'notAfter', 'enforcementPausedUntil', 'isTransportRuleScoped', 'tlsSettings',
  'tlsDomain', 'senderAddressLocation', 'routeMessageOutboundConnector', 'otherActions', 'unmodelledConditions', 'fromMailbox', 'unstable',
  'notes', 'nullSenderSkipsRules', 'minimumInboundTlsVersion', 'outOfDateServerEnforcement',
];
const v2Value = fc.oneof(
  fc.constantFrom('2026-02-30', '2026-02-28', '2026-13-01', '26-01-01', '1.0', '1.1', '1.3', '2.0', 'SE', '2010', 'Header', 'Envelope', 'Both'),
  fc.constantFrom({ version: '2016', upToDate: false }, { version: '2007' }, { stage: 'block', minutesPerHour: 61 }, { stage: 'throttle' }),
  fc.constantFrom([{ name: 'PrependSubject', value: 'EXT: ' }], [{ name: '' }], [{ id: 'n1', text: 'note', x: 0, y: 0 }], [{ id: 'contoso', text: 'dup', x: 1, y: 1 }]),
  fc.constantFrom('alice@contoso.com', 'nobody@nowhere.example', '<>', 'x'.repeat(2001)),
  fc.jsonValue(),
);

describe('loader fuzz, format 2', () => {
  it('never throws on version-2 documents mutated with version-2 values', () => {
    fc.assert(
      fc.property(fc.nat(V2.length - 1), fc.nat(), fc.constantFrom(...V2_FIELDS), v2Value, fc.boolean(), (i, at, field, value, replace) => {
        const seed = V2[i];
        const all = paths(seed).filter((p) => p.length < 6);
        const where = all[at % all.length];
        const before = JSON.stringify(seed);
        const mutated = replace ? setAt(seed, where, null, value) : setAt(seed, where, field, value);
        const frozen = JSON.stringify(mutated);
        wellFormed(validateDocument(mutated));
        expect(JSON.stringify(mutated)).toBe(frozen);
        expect(JSON.stringify(seed)).toBe(before);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a version-2 field in a version-1 document at a located path, and never throws', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...V2_FIELDS), v2Value, (at, field, value) => {
        const all = paths(V1).filter((p) => p.length < 6);
        const r = validateDocument(setAt(V1, all[at % all.length], field, value));
        wellFormed(r);
        if (r.ok) expect(r.migratedFrom).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });
});
