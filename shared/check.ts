/**
 * `check`: runs a scenario and compares the outcome with its `expect` (document-format.md).
 * Domains, addresses and ids in `expect` compare case-insensitively (mailflow-model.md, "Terms").
 */
import { outcomeWord } from './i18n/outcomeLabels';
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

/** The recipient fields a difference names, in Japanese. */
const FIELD_JA: Record<string, string> = { disposition: '処理結果', tenant: 'テナント', path: '経路', code: '拡張状態コード' };

/** "What differed" lines, in English or Japanese. */
const DIFF_TEXT = {
  en: {
    result: (want: string, got: string, reply: string) => `result: expected ${want}, got ${got} (${reply})`,
    code: (want: string, got: string) => `code: expected ${want}, got ${got}`,
    tenant: (want: string, got: string) => `attributed tenant: expected ${want}, got ${got}`,
    none: 'none',
    missing: (address: string, want: string) => `${address}: expected ${want}, but it is not a recipient of the result`,
    field: (address: string, field: string, want: string, got: string) => `${address}: ${field} expected ${want}, got ${got}`,
    unstable: (want: boolean, tenants: string) =>
      want ? 'unstable: expected an unstable attribution, but one tenant was decided' : `unstable: expected a stable attribution, but Exchange Online may pick ${tenants}`,
  },
  ja: {
    result: (want: string, got: string, reply: string) => `結果: 期待値は「${outcomeWord('result', want, 'ja')}」、実際は「${outcomeWord('result', got, 'ja')}」(${reply})`,
    code: (want: string, got: string) => `拡張状態コード: 期待値は ${want}、実際は ${got}`,
    tenant: (want: string, got: string) => `最初に受信するテナント: 期待値は ${want}、実際は ${got}`,
    none: 'なし',
    missing: (address: string, want: string) => `${address}: 期待値は「${outcomeWord('disposition', want, 'ja')}」ですが、この受信者は結果に含まれていません`,
    field: (address: string, field: string, want: string, got: string) =>
      `${address}: ${FIELD_JA[field] ?? field}の期待値は ${field === 'disposition' ? `「${outcomeWord('disposition', want, 'ja')}」` : want}、実際は ${field === 'disposition' ? `「${outcomeWord('disposition', got, 'ja')}」` : got}`,
    unstable: (want: boolean, tenants: string) =>
      want
        ? '不安定: テナントの特定が不安定になることを期待しましたが、1 つのテナントに決まりました'
        : `不安定: テナントの特定が安定することを期待しましたが、Exchange Online は ${tenants} のいずれかを選ぶ可能性があります`,
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
  if (ex.unstable !== undefined && ex.unstable !== sim.unstable) {
    diffs.push(t.unstable(ex.unstable, sim.type === 'message' ? (sim.alternatives ?? []).map((a) => a.tenant).join(lang === 'ja' ? '、' : ', ') : ''));
  }
  for (const [address, want] of Object.entries(ex.recipients ?? {})) {
    // The recipient as sent (a redirect target of the same address is reported separately).
    const got = sim.recipients.find((r) => same(r.address, address) && r.redirectedFrom === undefined) ?? sim.recipients.find((r) => same(r.address, address));
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

export interface CheckOptions {
  /** The run's date: the evaluation date when the scenario and the document give none. */
  today?: string | null;
}

export function checkScenario(doc: TopologyDocument, scenario: Scenario, lang: Lang = 'en', options: CheckOptions = {}): CheckResult {
  const simulation = simulateScenario(doc, scenario, { lang, today: options.today });
  const differences = compareWithExpectation(scenario, simulation, lang);
  return { scenarioId: scenario.id, name: scenario.name, pass: differences.length === 0, differences, simulation };
}

/** Every scenario that has an `expect`, in document order. */
export function checkAll(doc: TopologyDocument, lang: Lang = 'en', options: CheckOptions = {}): CheckResult[] {
  return doc.scenarios.filter((s) => s.expect).map((s) => checkScenario(doc, s, lang, options));
}
