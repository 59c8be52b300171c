/**
 * Checking `guards` (document-format.md, "Guards"): each guard selects cells of the analysis and
 * says what must hold in every one of them. A guard that selects no cell fails, so a renamed
 * server or domain cannot turn a guard into one that silently checks nothing.
 */
import type { Guard, TopologyDocument } from '../model/schema';
import type { Lang } from '../engine/types';
import { analyze, type Analysis, type AnalysisCell, type AnalysisOptions } from './analyze';
import { outcomeText, recipientLabel, senderLabel, sourceLabel } from './text';

export interface GuardResult {
  guardId: string;
  name: string;
  pass: boolean;
  /** Cells the guard selected. */
  matched: number;
  /** One line per failing cell (at most MAX_LINES, then a count). */
  differences: string[];
  /** The first failing cell, to open in playback. */
  firstFailure: AnalysisCell | null;
}

const MAX_LINES = 10;

const TEXT = {
  en: {
    noCell: 'selects no message class (check the server ids, domains and tenant)',
    more: (n: number) => `… and ${n} more`,
    want: (what: string) => `expected ${what}`,
  },
  ja: {
    noCell: '対象となるメッセージの種類がありません (サーバー ID、ドメイン、テナントを確認してください)',
    more: (n: number) => `… ほか ${n} 件`,
    want: (what: string) => `期待値 ${what}`,
  },
} as const;

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? null)?.toLowerCase() === (b ?? null)?.toLowerCase();

function selects(guard: Guard, cell: AnalysisCell, doc: TopologyDocument): boolean {
  const { source, sender, recipient } = cell;
  if (guard.from) {
    if (guard.from.servers && !guard.from.servers.some((id) => same(id, source.serverId))) return false;
    if (guard.from.role) {
      const server = doc.servers.find((s) => s.id === source.serverId);
      if (!server || server.role !== guard.from.role) return false;
    }
  }
  if (guard.senders) {
    if (guard.senders.tenant !== undefined && !same(guard.senders.tenant, sender.tenant)) return false;
    if (guard.senders.domains) {
      const key = sender.kind === 'null' ? '<>' : sender.kind === 'tenantDomain' || sender.kind === 'headerFrom' ? sender.domain : 'external';
      if (!guard.senders.domains.some((d) => same(d, key))) return false;
    }
  }
  if (guard.to) {
    if (guard.to.tenant !== undefined && !recipient.tenants.every((t) => same(t, guard.to!.tenant))) return false;
    if (guard.to.domains && !recipient.domains.every((d, i) => recipient.tenants[i] !== null && guard.to!.domains!.some((x) => same(x, d)))) return false;
    if (guard.to.known !== undefined && (recipient.kind === 'unknown') === guard.to.known) return false;
    if (guard.to.internet !== undefined && recipient.tenants.every((t) => t === null) !== guard.to.internet) return false;
  }
  return true;
}

/** What is wrong with one cell under the guard's expectation, or null. */
function violation(guard: Guard, cell: AnalysisCell): string | null {
  const e = guard.expect;
  const o = cell.outcome;
  const bad: string[] = [];
  if (e.result !== undefined && e.result !== o.result) bad.push(`result ${e.result}`);
  if (e.code !== undefined && e.code !== o.smtp.enhanced) bad.push(`code ${e.code}`);
  if (e.attributedTenant !== undefined && !same(e.attributedTenant, o.attribution?.tenant)) bad.push(`attributedTenant ${e.attributedTenant ?? 'null'}`);
  if (e.unstable !== undefined && e.unstable !== o.unstable) bad.push(`unstable ${e.unstable}`);
  if (e.disposition !== undefined && !o.recipients.every((r) => r.disposition === e.disposition)) bad.push(`disposition ${e.disposition}`);
  if (e.tenant !== undefined && !o.recipients.every((r) => same(r.tenant, e.tenant))) bad.push(`tenant ${e.tenant ?? 'null'}`);
  return bad.length ? bad.join(', ') : null;
}

export function checkGuards(doc: TopologyDocument, options: AnalysisOptions = {}, analysis?: Analysis): GuardResult[] {
  const guards = doc.guards ?? [];
  if (guards.length === 0) return [];
  const a = analysis ?? analyze(doc, options);
  const lang: Lang = options.lang ?? 'en';
  const t = TEXT[lang];
  return guards.map((guard) => {
    let matched = 0;
    let failures = 0;
    const differences: string[] = [];
    let firstFailure: AnalysisCell | null = null;
    for (let s = 0; s < a.sources.length; s++) {
      for (let f = 0; f < a.senders.length; f++) {
        for (let r = 0; r < a.recipients.length; r++) {
          const cell = a.cell(s, f, r);
          if (!selects(guard, cell, doc)) continue;
          matched++;
          const v = violation(guard, cell);
          if (v === null) continue;
          failures++;
          firstFailure ??= cell;
          if (differences.length < MAX_LINES) {
            differences.push(
              `${sourceLabel(cell.source, doc, lang)}, ${senderLabel(cell.sender, lang)} → ${recipientLabel(cell.recipient, lang)}: ${t.want(v)}, ${outcomeText(cell.outcome, doc, lang)}`,
            );
          }
        }
      }
    }
    if (failures > MAX_LINES) differences.push(t.more(failures - MAX_LINES));
    if (matched === 0) differences.push(t.noCell);
    return { guardId: guard.id, name: guard.name, pass: matched > 0 && failures === 0, matched, differences, firstFailure };
  });
}
