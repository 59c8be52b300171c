/**
 * The playback plan is what the canvas draws: these tests check that it follows the engine's
 * events for the seed's points (first receipt, rule, NDR, hand-off, refusal, deferral, split).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../shared/engine';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { buildPlan, DEFAULT_LANDMARKS, filterSteps, transcriptUpTo } from '../../renderer/playback/plan';

function load(path: string): TopologyDocument {
  const result = parseDocumentText(readFileSync(resolve(import.meta.dirname, '../..', path), 'utf8'));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.document;
}

const point1 = load('examples/point-1-first-receipt.mailflow.json');
const point3 = load('examples/point-3-ip-connector-2017.mailflow.json');
const throttling = load('examples/throttling.mailflow.json');
const hybrid = load('examples/hybrid-seed.mailflow.json');

const FD = DEFAULT_LANDMARKS.frontDoor;

describe('playback plan', () => {
  it('has one step per engine event, in order', () => {
    const sim = simulateScenario(point1, 'to-other-tenant-blocked');
    const plan = buildPlan(sim);
    expect(plan.steps.map((s) => s.seq)).toEqual(sim.events.map((e) => e.seq));
    expect(plan.steps.map((s) => s.index)).toEqual(sim.events.map((_, i) => i));
  });

  it('Point 1: server → front door → connector → first receipt in Contoso → rule → NDR back to the server', () => {
    const plan = buildPlan(simulateScenario(point1, 'to-other-tenant-blocked'));
    const byKind = (k: string) => plan.steps.find((s) => s.event.kind === k)!;
    expect(byKind('connect').hops).toEqual([{ from: 'contoso-ex01', to: FD, kind: 'forward', order: 0 }]);
    expect(byKind('connectorMatch').hops[0]).toMatchObject({ from: FD, to: 'contoso-from-onprem' });
    const attribution = byKind('attribution');
    expect(attribution.hops[0]).toMatchObject({ from: 'contoso-from-onprem', to: 'contoso' });
    // Nothing is marked as first receipt before the attribution step; from then on, Contoso is.
    for (const s of plan.steps) expect(s.firstReceipt).toEqual(s.index < attribution.index ? [] : ['contoso']);
    const rule = byKind('rule');
    expect(rule.highlights).toContain('contoso-block-outside');
    expect(rule.actedRules).toEqual(['contoso-block-outside']);
    const ndr = byKind('ndr');
    expect(ndr.hops).toEqual([{ from: 'contoso-block-outside', to: 'contoso-ex01', kind: 'ndr', order: 0 }]);
    expect(ndr.marks.some((m) => m.kind === 'ndr' && m.at === 'contoso-ex01')).toBe(true);
    expect(plan.steps.every((s) => s.stop === null)).toBe(true);
  });

  it('the trail only grows and ends with every hop travelled', () => {
    const plan = buildPlan(simulateScenario(point1, 'to-other-tenant-blocked'));
    for (let i = 1; i < plan.steps.length; i++) expect(plan.steps[i].trail.length).toBeGreaterThanOrEqual(plan.steps[i - 1].trail.length);
    expect(plan.steps.at(-1)!.trail).toEqual(plan.steps.flatMap((s) => s.hops));
  });

  it('Point 3: the two-domain message stops at the end of DATA with 550 5.7.64', () => {
    const plan = buildPlan(simulateScenario(point3, 'two-domains-rejected'));
    const last = plan.steps.at(-1)!;
    expect(last.stop).toMatchObject({ stage: 'data', code: '5.7.64', partial: false });
    expect(last.stop!.reply).toMatch(/^550 5\.7\.64 /);
    expect(last.firstReceipt).toEqual([]);
    // Before the refusal there is no stop mark.
    expect(plan.steps.slice(0, -1).every((s) => s.stop === null)).toBe(true);
  });

  it('hand-off: Contoso hands the message to Fabrikam, drawn as a crossing between tenants', () => {
    const plan = buildPlan(simulateScenario(hybrid, 'point1-handoff'));
    const handoff = plan.steps.find((s) => s.event.kind === 'handoff')!;
    expect(handoff.hops).toEqual([{ from: 'contoso', to: 'fabrikam', kind: 'handoff', order: 0 }]);
    expect(handoff.handoffs).toEqual([{ from: 'contoso', to: 'fabrikam' }]);
    expect(plan.steps.at(-1)!.marks).toContainEqual({ kind: 'delivered', at: 'fabrikam', detail: 'bob@fabrikam.com' });
    expect(plan.steps.at(-1)!.firstReceipt).toEqual(['contoso']);
  });

  it('recipients that split per tenant take their own paths', () => {
    const plan = buildPlan(simulateScenario(hybrid, 'point3-two-tenants'));
    const attribution = plan.steps.find((s) => s.event.kind === 'attribution')!;
    expect(attribution.hops.map((h) => h.to).sort()).toEqual(['contoso', 'fabrikam']);
    expect(attribution.tokensAt.sort()).toEqual(['contoso', 'fabrikam']);
  });

  it('outbound to on-premises goes through the connector to the on-premises zone', () => {
    const plan = buildPlan(simulateScenario(hybrid, 'internal-relay-to-onprem'));
    const out = plan.steps.find((s) => s.event.kind === 'outbound')!;
    if (out.event.kind !== 'outbound') throw new Error('no outbound step');
    const connector = out.event.data.connector!;
    expect(connector).toBeTruthy();
    expect(out.hops.map((h) => [h.from, h.to, h.order])).toEqual([
      ['contoso', connector, 0],
      [connector, DEFAULT_LANDMARKS.onPremises, 1],
    ]);
  });

  it('scenario 7 ends at the server the outbound connector\'s smart host names, not at the zone edge', () => {
    const plan = buildPlan(simulateScenario(hybrid, 'internal-relay-to-onprem'), DEFAULT_LANDMARKS, hybrid);
    const out = plan.steps.find((s) => s.event.kind === 'outbound')!;
    // mail.contoso.com is EX01's certificate subject.
    expect(out.hops.at(-1)?.to).toBe('contoso-ex01');
    expect(plan.recipients).toEqual([expect.objectContaining({ address: 'jiro@jpn.contoso.com', disposition: 'onPremises', end: 'contoso-ex01', step: out.index })]);
  });

  it('lists every recipient with where and at which step it ended', () => {
    const plan = buildPlan(simulateScenario(hybrid, 'point3-two-tenants'), DEFAULT_LANDMARKS, hybrid);
    expect(plan.recipients.map((r) => r.address)).toEqual(['alice@contoso.com', 'bob@fabrikam.com']);
    for (const r of plan.recipients) {
      expect(r.step).toBeGreaterThanOrEqual(0);
      expect(plan.steps[r.step].event.kind).toBe('deliver');
      expect(r.end).toBe(r.tenant);
    }
  });

  it('throttling: the surge waits at the front door with its 451 reply; a covered source does not', () => {
    const deferred = buildPlan(simulateScenario(throttling, 'surge-deferred'));
    expect(deferred.steps.at(-1)!.waiting).toMatchObject({ at: FD });
    expect(deferred.steps.at(-1)!.waiting!.reply).toMatch(/^451 4\.7\.500 /);
    const covered = buildPlan(simulateScenario(throttling, 'surge-with-connector'));
    expect(covered.steps.every((s) => s.waiting === null)).toBe(true);
  });

  it('filters by kind and by tenant, and cuts the SMTP conversation at the step', () => {
    const sim = simulateScenario(hybrid, 'point3-two-tenants');
    const plan = buildPlan(sim);
    expect(filterSteps(plan.steps, { kinds: new Set(['deliver']), tenant: null }).map((s) => s.event.kind)).toEqual(['deliver', 'deliver']);
    const fabrikam = filterSteps(plan.steps, { kinds: null, tenant: 'fabrikam' });
    expect(fabrikam.length).toBeGreaterThan(0);
    expect(fabrikam.every((s) => s.event.tenant === 'fabrikam' || s.event.entities.includes('fabrikam'))).toBe(true);
    const lines = transcriptUpTo(sim.transcript, 1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.seq <= 1)).toBe(true);
    expect(lines.some((l) => l.line.startsWith('MAIL FROM'))).toBe(false);
  });
});
