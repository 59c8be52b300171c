/** "Run scenarios that touch this": the scenarios whose simulated path names a component. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { scenariosTouching } from '../../shared/touching';

const hybrid: TopologyDocument = (() => {
  const r = parseDocumentText(readFileSync(path.join(__dirname, '../../examples/hybrid-seed.mailflow.json'), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.document;
})();
const ids = (entity: string) => scenariosTouching(hybrid, entity, 'en', { today: '2026-01-15' }).map((r) => r.scenarioId);

describe('scenarios that touch a component', () => {
  it('a sending server: exactly the scenarios it sends', () => {
    expect(ids('contoso-app')).toEqual(hybrid.scenarios.filter((s) => s.serverId === 'contoso-app').map((s) => s.id));
    expect(ids('fabrikam-scan-relay')).toEqual(hybrid.scenarios.filter((s) => s.serverId === 'fabrikam-scan-relay').map((s) => s.id));
  });

  it('a rule: the scenarios in which it acted', () => {
    expect(ids('contoso-block-outside')).toEqual(['point1-rule-blocks-handoff']);
  });

  it('an outbound connector: the scenarios a recipient left through it; the on-premises server it delivers to is touched too', () => {
    expect(ids('contoso-to-ex01-jpn')).toEqual(['internal-relay-to-onprem']);
    expect(ids('contoso-ex01')).toContain('internal-relay-to-onprem');
  });

  it('a component no path reaches: none', () => {
    expect(ids('contoso-to-ex01-cmt')).toEqual([]);
    expect(ids('no-such-id')).toEqual([]);
  });

  it('says whether each result compares with an expectation', () => {
    const results = scenariosTouching(hybrid, 'contoso-app', 'en', { today: '2026-01-15' });
    for (const r of results) expect(r.expected).toBe(!!hybrid.scenarios.find((s) => s.id === r.scenarioId)?.expect);
  });
});
