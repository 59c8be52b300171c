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

/** "What differed" lines, in English or Japanese. */
const DIFF_TEXT = {
  en: {
    result: (want: string, got: string, reply: string) => `result: expected ${want}, got ${got} (${reply})`,
    code: (want: string, got: string) => `code: expected ${want}, got ${got}`,
    tenant: (want: string, got: string) => `attributedTenant: expected ${want}, got ${got}`,
    none: 'none',
    missing: (address: string, want: string) => `${address}: expected ${want}, but it is not a recipient of the result`,
    field: (address: string, field: string, want: string, got: string) => `${address}: ${field} expected ${want}, got ${got}`,
  },
  ja: {
    result: (want: string, got: string, reply: string) => `結果: 期待値 ${want}、実際 ${got} (${reply})`,
    code: (want: string, got: string) => `コード: 期待値 ${want}、実際 ${got}`,
    tenant: (want: string, got: string) => `最初に受信するテナント: 期待値 ${want}、実際 ${got}`,
    none: 'なし',
    missing: (address: string, want: string) => `${address}: 期待値 ${want} ですが、結果の宛先に含まれていません`,
    field: (address: string, field: string, want: string, got: string) => `${address}: ${field} 期待値 ${want}、実際 ${got}`,
  },
} as const;

export function compareWithExpectation(scenario: Scenario, sim: Simulation, lang: Lang = 'en'): string[] {
  const ex = scenario.expect;
  if (!ex) return [];
  const t = DIFF_TEXT[lang];
  const diffs: string[] = [];
  if (ex.result !== sim.result) diffs.push(t.result(ex.result, sim.result, `${sim.smtp.code} ${sim.smtp.enhanced}`));
  if (ex.code !== undefined && ex.code !== sim.smtp.enhanced) diffs.push(t.code(ex.code, sim.smtp.enhanced));
  if (ex.attributedTenant !== undefined && !same(ex.attributedTenant, sim.attribution?.tenant)) {
    diffs.push(t.tenant(ex.attributedTenant, sim.attribution?.tenant ?? t.none));
  }
  for (const [address, want] of Object.entries(ex.recipients ?? {})) {
    const got = sim.recipients.find((r) => same(r.address, address));
    if (!got) {
      diffs.push(t.missing(address, want.disposition));
      continue;
    }
    if (want.disposition !== got.disposition) diffs.push(t.field(address, 'disposition', want.disposition, got.disposition));
    if (want.tenant !== undefined && !same(want.tenant, got.tenant)) diffs.push(t.field(address, 'tenant', want.tenant ?? 'null', got.tenant ?? 'null'));
    if (want.path !== undefined) {
      const ok = want.path.length === got.path.length && want.path.every((p, i) => same(p, got.path[i]));
      if (!ok) diffs.push(t.field(address, 'path', `[${want.path.join(', ')}]`, `[${got.path.join(', ')}]`));
    }
    if (want.code !== undefined && want.code !== got.code) diffs.push(t.field(address, 'code', want.code, got.code));
  }
  return diffs;
}

export function checkScenario(doc: TopologyDocument, scenario: Scenario, lang: Lang = 'en'): CheckResult {
  const simulation = simulateScenario(doc, scenario, { lang });
  const differences = compareWithExpectation(scenario, simulation, lang);
  return { scenarioId: scenario.id, name: scenario.name, pass: differences.length === 0, differences, simulation };
}

/** Every scenario that has an `expect`, in document order. */
export function checkAll(doc: TopologyDocument, lang: Lang = 'en'): CheckResult[] {
  return doc.scenarios.filter((s) => s.expect).map((s) => checkScenario(doc, s, lang));
}
