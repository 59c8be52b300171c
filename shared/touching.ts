/**
 * "Run scenarios that touch this": which scenarios' simulated paths touch a component. A scenario
 * touches an entity when the one reading of its simulation (shared/diagram/route.ts) names it: the
 * sending server, a connector that matched the source, the tenant that first received it, a rule
 * that acted, a tenant of a hand-off or of a recipient's path, the connector a recipient came in or
 * left through, or the on-premises server a smart host delivered to. Nothing here decides mail flow.
 */
import { checkScenario, type CheckResult } from './check';
import { readSimulation, type RouteReading } from './diagram/route';
import type { Lang } from './engine/types';
import type { TopologyDocument } from './model/schema';

/** Every entity id the reading of a simulation names. */
export function touchedIds(reading: RouteReading): Set<string> {
  const ids = new Set<string>();
  const add = (id: string | null | undefined) => {
    if (id) ids.add(id);
  };
  add(reading.sender);
  for (const c of reading.considered) add(c);
  if (reading.firstReceipt) {
    add(reading.firstReceipt.tenant);
    add(reading.firstReceipt.connector);
    for (const t of reading.firstReceipt.tenants) add(t);
  }
  for (const m of reading.ruleMarks) {
    add(m.rule);
    add(m.tenant);
  }
  for (const h of reading.handoffs) {
    add(h.from);
    add(h.to);
  }
  add(reading.stop?.at);
  for (const r of reading.recipients) {
    add(r.tenant);
    for (const t of r.path) add(t);
    add(r.entry);
    add(r.rule);
    add(r.connector);
    add(r.end);
  }
  return ids;
}

export interface TouchingResult extends CheckResult {
  /** The scenario has an `expect`: `pass` compares with it; without one, `pass` only means it ran. */
  expected: boolean;
}

/** Runs every scenario of the document and keeps those whose path touches `entityId`, in document order. */
export function scenariosTouching(doc: TopologyDocument, entityId: string, lang: Lang = 'en', options: { today?: string | null } = {}): TouchingResult[] {
  const out: TouchingResult[] = [];
  for (const scenario of doc.scenarios) {
    const result = checkScenario(doc, scenario, lang, options);
    if (touchedIds(readSimulation(result.simulation, doc)).has(entityId)) out.push({ ...result, expected: !!scenario.expect });
  }
  return out;
}
