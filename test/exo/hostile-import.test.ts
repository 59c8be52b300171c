/**
 * `mailflow import` of huge tenants (issue 11, item 5): counts are checked before anything is
 * imported, and duplicate names and ids are found with sets. Timeouts are a guard, not a measure:
 * bench/hostile-inputs.mjs prints the times at the audit's sizes.
 */
import { describe, expect, it } from 'vitest';
import { importExoFiles, MAX_IMPORTED_PER_KIND } from '../../shared/exo/import';
import { manyTransportRules } from '../hostile/exo';

describe('importing a huge tenant', () => {
  it('more rules than a tenant holds are refused up front, naming the file', () => {
    const r = importExoFiles([{ name: 'rules.json', text: manyTransportRules(MAX_IMPORTED_PER_KIND + 1) }], { tenantName: 'Big' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ file: 'rules.json', message: 'rules.json: more than 10000 objects; a tenant holds at most 10000 of each kind (nothing was imported).' }]);
  });

  it('the limit also holds for rules spread over several files', () => {
    const half = manyTransportRules(6000);
    const other = JSON.stringify(JSON.parse(manyTransportRules(12000)).slice(6000));
    const r = importExoFiles([{ name: 'a.json', text: half }, { name: 'b.json', text: other }], { tenantName: 'Big' });
    expect(!r.ok && r.errors[0].message).toBe('a.json: 12000 mail flow rules; a tenant holds at most 10000 (nothing was imported).');
  });

  it('10,000 rules, half of them with names that give the same id, import with unique ids', { timeout: 5_000 }, () => {
    const r = importExoFiles([{ name: 'rules.json', text: manyTransportRules(MAX_IMPORTED_PER_KIND) }], { tenantName: 'Big' });
    if (!r.ok) throw new Error(r.errors[0].message);
    const ids = r.tenant.transportRules.map((x) => x.id);
    expect(new Set(ids).size).toBe(MAX_IMPORTED_PER_KIND);
    expect(ids.slice(0, 4)).toEqual(['big-rule-rule-0', 'big-rule-rule', 'big-rule-rule-2', 'big-rule-rule-3']);
    expect(r.tenant.transportRules.map((x) => x.priority).slice(-2)).toEqual([9998, 9999]);
  });

  it('a second rule of the same name is still reported as a duplicate', () => {
    const text = JSON.stringify([
      { Name: 'Same', Priority: 0, State: 'Enabled', SentToScope: 'NotInOrganization', DeleteMessage: true },
      { Name: 'same', Priority: 1, State: 'Enabled', SentToScope: 'NotInOrganization', DeleteMessage: true },
    ]);
    const r = importExoFiles([{ name: 'rules.json', text }], { tenantName: 'T' });
    if (!r.ok) throw new Error(r.errors[0].message);
    expect(r.report.files[0].objects.map((o) => o.outcome)).toEqual(['imported', 'skipped']);
  });
});
