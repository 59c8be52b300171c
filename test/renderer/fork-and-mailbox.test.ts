/**
 * Playback of an unstable attribution plays each branch with the branch's own trace, and the
 * scenario form writes a cloud-mailbox scenario (`fromMailbox`, no server) that plays from the tenant.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../shared/engine';
import { validateDocument } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { branchSimulation, forkTenants } from '../../renderer/playback/fork';
import { draftFromScenario, newDraft, scenarioFromDraft, validateDraft } from '../../renderer/playback/scenarioForm';

function example(name: string): TopologyDocument {
  const r = validateDocument(JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8')));
  if (!r.ok) throw new Error(name);
  return r.document;
}

describe('unstable fork', () => {
  it('lists both tenants and each branch carries that tenant’s result and events', () => {
    const doc = example('ma-shared-certificate.mailflow.json');
    const sim = simulateScenario(doc, 'shared-unstable', { today: '2026-12-02' });
    if (sim.type !== 'message') throw new Error('message expected');
    const tenants = forkTenants(sim);
    expect(tenants).toHaveLength(2);
    expect(branchSimulation(sim, 0)).toBe(sim);
    const second = branchSimulation(sim, 1);
    expect(second.attribution?.tenant).toBe(tenants[1]);
    expect(second.events).toBe(sim.alternatives![1].events);
    expect(second.events).not.toEqual(sim.events);
    expect(forkTenants(simulateScenario(doc, 'fixed-contoso', { today: '2026-12-02' }))).toEqual([]);
  });
});

describe('cloud mailbox scenarios in the form', () => {
  const doc = example('centralized-transport.mailflow.json');
  it('writes fromMailbox without a server and refuses an address no tenant owns', () => {
    const draft = { ...newDraft(doc, 'message', 'From Alice'), source: 'mailbox' as const, fromMailbox: 'alice@contoso.com', mailFrom: '' };
    expect(validateDraft(doc, draft, null)).toEqual({});
    const scenario = scenarioFromDraft(draft, null);
    expect(scenario.fromMailbox).toBe('alice@contoso.com');
    expect(scenario.serverId).toBeUndefined();
    expect(scenario.mailFrom).toBeUndefined();
    expect(draftFromScenario(scenario).source).toBe('mailbox');
    expect(validateDraft(doc, { ...draft, fromMailbox: 'someone@nowhere.example' }, null).fromMailbox?.key).toBe('playback.validation.notOwned');
    expect(validateDraft(doc, { ...draft, mailFrom: '<>' }, null).mailFrom?.key).toBe('playback.validation.email');
  });
  it('keeps a scenario date and drops an empty one', () => {
    const draft = newDraft(doc, 'message', 'Dated');
    expect(scenarioFromDraft({ ...draft, asOf: '2023-10-31' }, null).asOf).toBe('2023-10-31');
    expect('asOf' in scenarioFromDraft(draft, null)).toBe(false);
    expect(validateDraft(doc, { ...draft, asOf: '31/10/2023' }, null).asOf?.key).toBe('playback.validation.date');
  });
});
