/**
 * `check`: runs a scenario and compares the outcome with its `expect` (document-format.md).
 * Domains, addresses and ids in `expect` compare case-insensitively (mailflow-model.md, "Terms").
 */
import type { Scenario, TopologyDocument } from './model/schema';
import { simulateScenario } from './engine/simulate';
import type { Lang, Simulation } from './engine/types';

export interface CheckResult {
  scenarioId: string;
  name: string;
  pass: boolean;
  /** One line per difference: what was expected and what happened. */
  differences: string[];
  simulation: Simulation;
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? null)?.toLowerCase() === (b ?? null)?.toLowerCase();

export function compareWithExpectation(scenario: Scenario, sim: Simulation): string[] {
  const ex = scenario.expect;
  if (!ex) return [];
  const diffs: string[] = [];
  if (ex.result !== sim.result) diffs.push(`result: expected ${ex.result}, got ${sim.result} (${sim.smtp.code} ${sim.smtp.enhanced})`);
  if (ex.code !== undefined && ex.code !== sim.smtp.enhanced) diffs.push(`code: expected ${ex.code}, got ${sim.smtp.enhanced}`);
  if (ex.attributedTenant !== undefined && !same(ex.attributedTenant, sim.attribution?.tenant)) {
    diffs.push(`attributedTenant: expected ${ex.attributedTenant}, got ${sim.attribution?.tenant ?? 'none'}`);
  }
  for (const [address, want] of Object.entries(ex.recipients ?? {})) {
    const got = sim.recipients.find((r) => same(r.address, address));
    if (!got) {
      diffs.push(`${address}: expected ${want.disposition}, but it is not a recipient of the result`);
      continue;
    }
    if (want.disposition !== got.disposition) diffs.push(`${address}: disposition expected ${want.disposition}, got ${got.disposition}`);
    if (want.tenant !== undefined && !same(want.tenant, got.tenant)) diffs.push(`${address}: tenant expected ${want.tenant ?? 'null'}, got ${got.tenant ?? 'null'}`);
    if (want.path !== undefined) {
      const ok = want.path.length === got.path.length && want.path.every((p, i) => same(p, got.path[i]));
      if (!ok) diffs.push(`${address}: path expected [${want.path.join(', ')}], got [${got.path.join(', ')}]`);
    }
    if (want.code !== undefined && want.code !== got.code) diffs.push(`${address}: code expected ${want.code}, got ${got.code}`);
  }
  return diffs;
}

export function checkScenario(doc: TopologyDocument, scenario: Scenario, lang: Lang = 'en'): CheckResult {
  const simulation = simulateScenario(doc, scenario, { lang });
  const differences = compareWithExpectation(scenario, simulation);
  return { scenarioId: scenario.id, name: scenario.name, pass: differences.length === 0, differences, simulation };
}

/** Every scenario that has an `expect`, in document order. */
export function checkAll(doc: TopologyDocument, lang: Lang = 'en'): CheckResult[] {
  return doc.scenarios.filter((s) => s.expect).map((s) => checkScenario(doc, s, lang));
}
