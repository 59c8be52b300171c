/**
 * The one reading of a simulation (shared/diagram/route.ts) that both the canvas playback and the
 * exported overlay draw: first receipt, rule marks, hand-offs, stop and per-recipient ends.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../shared/engine';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { LANDMARK, readSimulation, receivingServer } from '../../shared/diagram/route';

function load(path: string): TopologyDocument {
  const result = parseDocumentText(readFileSync(resolve(import.meta.dirname, '../..', path), 'utf8'));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.document;
}
const hybrid = load('examples/hybrid-seed.mailflow.json');
const point1 = load('examples/point-1-first-receipt.mailflow.json');
const point3 = load('examples/point-3-ip-connector-2017.mailflow.json');

describe('route reading', () => {
  it('Point 1: first received in Contoso, Contoso\'s rule returns Bob as an NDR to Alice', () => {
    const r = readSimulation(simulateScenario(point1, 'to-other-tenant-blocked'), point1);
    expect(r.sender).toBe('contoso-ex01');
    expect(r.firstReceipt).toMatchObject({ tenant: 'contoso', key: 'certificate' });
    expect(r.ruleMarks.map((m) => [m.rule, m.action])).toEqual([['contoso-block-outside', 'reject']]);
    expect(r.recipients).toEqual([
      expect.objectContaining({ address: 'bob@fabrikam.com', disposition: 'ndr', rule: 'contoso-block-outside', end: 'contoso-block-outside', ndr: { to: 'alice@contoso.com', sent: true } }),
    ]);
  });

  it('the exception lets it through: a hand-off from Contoso to Fabrikam, delivered there', () => {
    const r = readSimulation(simulateScenario(hybrid, 'point1-handoff'), hybrid);
    expect(r.handoffs.map((h) => [h.from, h.to])).toEqual([['contoso', 'fabrikam']]);
    expect(r.recipients[0]).toMatchObject({ disposition: 'delivered', end: 'fabrikam', rule: null });
  });

  it('a refusal at end of DATA ends every recipient at the front door', () => {
    const r = readSimulation(simulateScenario(point3, 'two-domains-rejected'), point3);
    expect(r.stop).toMatchObject({ at: LANDMARK.frontDoor, stage: 'data', code: '550 5.7.64', partial: false });
    expect(r.recipients.every((x) => x.end === LANDMARK.frontDoor)).toBe(true);
  });

  it('an OnPremises connector ends at the server its smart host names; unknown hosts at the zone', () => {
    const r = readSimulation(simulateScenario(hybrid, 'internal-relay-to-onprem'), hybrid);
    expect(r.recipients[0]).toMatchObject({ disposition: 'onPremises', connector: 'contoso-to-ex01-jpn', end: 'contoso-ex01' });
    expect(receivingServer(hybrid, ['MAIL.CONTOSO.COM'])?.id).toBe('contoso-ex01');
    expect(receivingServer(hybrid, ['203.0.113.50'])?.id).toBe('contoso-app');
    expect(receivingServer(hybrid, ['other.example'])).toBeNull();
    // Without the document the server cannot be named.
    expect(readSimulation(simulateScenario(hybrid, 'internal-relay-to-onprem')).recipients[0].end).toBe(LANDMARK.onPremises);
  });
});
