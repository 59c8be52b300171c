/**
 * Format 2 (document-format.md, "Version 2"): version-1 files load through the `1 → 2` migration
 * with unchanged results, a version-2 field in a version-1 file is refused where it stands, and a
 * newer version is refused with a message that says so.
 *
 * `test/fixtures/v1-documents/` holds version-1 files: the spec's examples and the gallery's
 * hybrid example as it was in version 1. `v1-documents-results.json` is what the version-1 engine returned
 * for each of their scenarios (generated once from commit d758825, before version 2).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../shared/check';
import { simulateScenario } from '../../shared/engine';
import { parseDocumentText, validateDocument } from '../../shared/model/load';
import { migrateToCurrent, migrations } from '../../shared/model/migrate';
import { CURRENT_VERSION } from '../../shared/model/schema';

const DIR = join(__dirname, '../fixtures/v1-documents');
const BEFORE = JSON.parse(readFileSync(join(__dirname, '../fixtures/v1-documents-results.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.mailflow.json')).sort();
const TODAY = '2026-12-02';

/**
 * Results version 2 changes on purpose, each with the spec line that changes it. Nothing else may
 * differ.
 */
const INTENDED: Record<string, string> = {
  // mailflow-model.md step 5, "sentToScope: InOrganization refined": an unlisted address in an
  // InternalRelay domain is inside only when the message is Originating in this tenant, so the
  // partner's Incoming mail to jiro@jpn.contoso.com now meets Contoso's "outside recipients" rule.
  'hybrid-seed.mailflow.json#internal-relay-to-onprem': 'sentToScope refined (mailflow-model.md, version 2)',
};

const load = (file: string) => {
  const loaded = parseDocumentText(readFileSync(join(DIR, file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file}: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return loaded;
};

describe('version-1 files through the 1 → 2 migration', () => {
  it('has a migration step for every version below the current one', () => {
    for (let v = 1; v < CURRENT_VERSION; v++) expect(typeof migrations[v]).toBe('function');
  });

  it.each(FILES)('%s loads as version 2, with the version-1 ambiguity policy made explicit', (file) => {
    const loaded = load(file);
    expect(loaded.migratedFrom).toBe(1);
    expect(loaded.document.version).toBe(CURRENT_VERSION);
    expect(loaded.document.service?.ambiguousTenantPolicy).toBe(
      (JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { service?: { ambiguousTenantPolicy?: string } }).service?.ambiguousTenantPolicy ?? 'reject',
    );
  });

  it.each(FILES)('%s: every scenario gives the result version 1 gave (except the changes the spec names)', (file) => {
    const doc = load(file).document;
    const differences: string[] = [];
    for (const s of doc.scenarios) {
      const sim = simulateScenario(doc, s.id, { today: TODAY });
      const after = { result: sim.result, smtp: sim.smtp, attribution: sim.attribution, recipients: sim.recipients, ...(sim.type === 'load' ? { hours: sim.hours.map(({ rejected: _r, ...h }) => h) } : {}) };
      const same = JSON.stringify(after) === JSON.stringify(BEFORE[file][s.id]);
      if (!same && !INTENDED[`${file}#${s.id}`]) differences.push(s.id);
      if (same && INTENDED[`${file}#${s.id}`]) differences.push(`${s.id} (listed as changed, but unchanged)`);
    }
    expect(Object.keys(BEFORE[file]).sort()).toEqual(doc.scenarios.map((s) => s.id).sort());
    expect(differences).toEqual([]);
  });

  it.each(FILES.filter((f) => f !== 'hybrid-seed.mailflow.json'))('the spec example %s passes mailflow check after migration', (file) => {
    const failed = checkAll(load(file).document, 'en', { today: TODAY }).filter((r) => !r.pass);
    expect(failed.map((r) => `${r.scenarioId}: ${r.differences.join('; ')}`)).toEqual([]);
  });
});

describe('refusals', () => {
  const v1 = () => JSON.parse(readFileSync(join(DIR, 'point-1-first-receipt.mailflow.json'), 'utf8')) as { version: number; servers: Array<Record<string, unknown>>; service?: unknown };

  it('refuses a version-2 field in a version-1 file at its path, like an unknown field', () => {
    const doc = v1();
    doc.servers[0].tlsVersion = '1.0';
    const r = validateDocument(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].path).toBe('servers[0].tlsVersion');
      expect(r.errors[0].message).toMatch(/version-2 field/);
    }
    const unstable = v1();
    unstable.service = { preset: 'current', ambiguousTenantPolicy: 'unstable' };
    const u = validateDocument(unstable);
    expect(!u.ok && u.errors[0].path).toBe('service.ambiguousTenantPolicy');
  });

  it('accepts the same field once the file says version 2', () => {
    const doc = v1();
    doc.version = 2;
    doc.servers[0].tlsVersion = '1.0';
    expect(validateDocument(doc).ok).toBe(true);
  });

  it('refuses a newer version with a message that says a newer release wrote it (never "unknown field")', () => {
    const doc = { ...v1(), version: CURRENT_VERSION + 1, somethingNew: true };
    const r = migrateToCurrent(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toBe('version');
      expect(r.error.message).toMatch(/newer Mailflow Studio/);
      expect(r.error.message).not.toMatch(/unknown field/);
    }
  });
});
