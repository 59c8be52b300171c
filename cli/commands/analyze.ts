/**
 * `analyze` and `analyze … --against …` (cli.md, "Version 2 additions"): every kind of message a
 * design can see, one compact table per source; or only the cells that differ between two designs,
 * two evaluation dates or two presets (exit 1 when any does).
 */
import {
  analyze,
  analysisTexts,
  cellsOf,
  compareAnalyses,
  outcomeText,
  recipientLabel,
  senderLabel,
  senderShort,
  sourceLabel,
  withPreset,
  CATEGORIES,
  type Analysis,
  type AnalysisOptions,
  type CellOutcome,
  type Differential,
} from '../../shared/analysis';
import type { Lang, SimEvent } from '../../shared/engine';
import { PRESETS, type Preset, type TopologyDocument } from '../../shared/model/schema';
import { formatNumber } from '../../shared/i18n/settingLabels';
import { documentDisplayTitle } from '../../shared/i18n/gallery';
import { width } from '../terminal';
import { EXIT, type CliCommand } from '../types';
import { langOption, loadDocumentOrReport, UsageError } from './core';

/**
 * Names come from the document: a control character in one must not drive the terminal. (A local
 * helper until the shared escape for CLI human output lands; then use that.)
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD that is a real calendar date. */
export function dateOption(value: string | true | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value === true) throw new UsageError(`--${name}: expected a date YYYY-MM-DD`);
  const m = DATE.exec(value);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new UsageError(`--${name}: found "${value}"; expected a date YYYY-MM-DD such as 2023-11-01`);
  }
  return value;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The date a run was evaluated as of: what the engine reported, else what was asked, else today. */
function evaluatedAsOf(a: Analysis): string {
  const fromDoc = (a.doc.service as { asOf?: unknown } | undefined)?.asOf;
  return a.asOf ?? (typeof fromDoc === 'string' ? fromDoc : null) ?? today();
}

const HEAD = {
  en: {
    asOf: (d: string, preset: string) => `evaluated as of ${d} (service preset ${preset})`,
    summary: (n: number, classes: number, parts: string) => `${n} message kinds (${classes} simulated): ${parts}`,
    unstable: (n: number) => `${n} unstable`,
    to: 'to',
    from: 'MAIL FROM',
    outcome: 'outcome',
    parts: (seq: number) => `parts at event ${seq}:`,
    count: (n: number) => `${n} difference(s)`,
    before: 'before',
    after: 'after',
    limited: 'Two-tenant pairs: each tenant with the next one (more than 16 tenants).',
  },
  ja: {
    asOf: (d: string, preset: string) => `評価日 ${d} (サービスの動作: ${preset === '2017-12' ? '2017 年 12 月時点' : preset === 'current' ? '現在' : preset})`,
    summary: (n: number, classes: number, parts: string) => `メッセージの種類: ${formatNumber(n, 'ja')} 種類 (シミュレーション: ${formatNumber(classes, 'ja')} 回)。内訳: ${parts}`,
    unstable: (n: number) => `テナントの特定が一定しない ${formatNumber(n, 'ja')} 種類`,
    to: '受信者',
    from: 'MAIL FROM',
    outcome: '結果',
    parts: (seq: number) => `イベント ${seq} で分岐:`,
    count: (n: number) => `${formatNumber(n, 'ja')} 件の違い`,
    before: '変更前',
    after: '変更後',
    limited: 'テナントが 16 を超えるため、2 つのテナントの組み合わせは、各テナントとその次のテナントの組だけを評価しています。',
  },
} as const;

const padTo = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - width(s)));

function presetOf(doc: TopologyDocument): string {
  return doc.service?.preset ?? 'current';
}

export function formatAnalysis(a: Analysis, lang: Lang): string {
  const h = HEAD[lang];
  const t = analysisTexts(lang);
  const lines: string[] = [];
  lines.push(printable(documentDisplayTitle(a.doc, lang)));
  lines.push(h.asOf(evaluatedAsOf(a), presetOf(a.doc)));
  const parts = CATEGORIES.filter((c) => a.summary.byCategory[c] > 0).map((c) => (lang === 'ja' ? `${t.categories[c]} ${formatNumber(a.summary.byCategory[c], 'ja')} 種類` : `${a.summary.byCategory[c]} ${t.categories[c]}`));
  if (a.summary.unstable > 0) parts.push(h.unstable(a.summary.unstable));
  lines.push(h.summary(a.summary.cells, a.classCount, parts.join(lang === 'ja' ? '、' : ', ')));
  if (a.pairsLimited) lines.push(h.limited);
  for (let s = 0; s < a.sources.length; s++) {
    const source = a.sources[s];
    lines.push('');
    lines.push(`${printable(sourceLabel(source, a.doc, lang))} (${printable(source.serverId ?? source.tenantId ?? '')})`);
    // Rows: recipient class; within it, senders grouped by identical outcome.
    const rows: Array<[string, string, string]> = [];
    for (let r = 0; r < a.recipients.length; r++) {
      // Grouped by the outcome as a person reads it (the attribution key alone does not split a row).
      const groups = new Map<string, string[]>();
      for (let f = 0; f < a.senders.length; f++) {
        const text = outcomeText(a.outcomes[a.outcomeAt(s, f, r)], a.doc, lang);
        groups.set(text, [...(groups.get(text) ?? []), senderShort(a.senders[f], lang)]);
      }
      let first = true;
      for (const [text, senders] of groups) {
        rows.push([first ? recipientLabel(a.recipients[r], lang) : '', senders.join(lang === 'ja' ? '、' : ', '), text]);
        first = false;
      }
    }
    const w0 = Math.min(40, Math.max(width(h.to), ...rows.map((x) => width(x[0])))) + 2;
    const w1 = Math.min(48, Math.max(width(h.from), ...rows.map((x) => width(x[1])))) + 2;
    lines.push(`  ${padTo(h.to, w0)}${padTo(h.from, w1)}${h.outcome}`);
    for (const [to, from, outcome] of rows) lines.push(printable(`  ${padTo(to, w0)}${padTo(from, w1)}${outcome}`));
  }
  return lines.join('\n') + '\n';
}

function eventLine(e: SimEvent | null): string {
  return e ? `${e.kind} ${e.at}: ${e.text}` : '-';
}

export function formatDifferential(d: Differential, lang: Lang): string {
  const h = HEAD[lang];
  const lines: string[] = [];
  lines.push(`${h.before}: ${h.asOf(evaluatedAsOf(d.before), presetOf(d.before.doc))}`);
  lines.push(`${h.after}: ${h.asOf(evaluatedAsOf(d.after), presetOf(d.after.doc))}`);
  for (const x of d.differences) {
    const head = `${sourceLabel(x.source, (x.before ? d.before : d.after).doc, lang)}, ${senderLabel(x.sender, lang)}, ${h.to} ${recipientLabel(x.recipient, lang)}`;
    lines.push(printable(`${head}: ${outcomeText(x.before, d.before.doc, lang)} → ${outcomeText(x.after, d.after.doc, lang)}`));
    if (x.parting) {
      lines.push(printable(`    ${h.parts(x.parting.seq)} ${eventLine(x.parting.before)}`));
      lines.push(printable(`    ${' '.repeat(width(h.parts(x.parting.seq)))} → ${eventLine(x.parting.after)}`));
    }
  }
  lines.push(h.count(d.differences.length));
  return lines.join('\n') + '\n';
}

function outcomeJson(o: CellOutcome | null) {
  if (!o) return null;
  return { result: o.result, smtp: o.smtp, attribution: o.attribution, unstable: o.unstable, category: o.category, recipients: o.recipients };
}

function classesJson(a: Analysis) {
  return { sources: a.sources, senders: a.senders, recipients: a.recipients, pairsLimited: a.pairsLimited };
}

export function analysisJson(a: Analysis): unknown {
  const cells = [];
  for (const c of cellsOf(a)) {
    cells.push({ source: c.source.id, sender: c.sender.id, recipient: c.recipient.id, ...outcomeJson(c.outcome), message: c.message });
  }
  return {
    asOf: evaluatedAsOf(a),
    preset: presetOf(a.doc),
    summary: { ...a.summary, classesSimulated: a.classCount, sourceClasses: a.sourceClassCount },
    classes: classesJson(a),
    cells,
  };
}

export function differentialJson(d: Differential): unknown {
  return {
    before: { asOf: evaluatedAsOf(d.before), preset: presetOf(d.before.doc) },
    after: { asOf: evaluatedAsOf(d.after), preset: presetOf(d.after.doc) },
    count: d.differences.length,
    differences: d.differences.map((x) => ({
      source: x.source.id,
      sender: x.sender.id,
      recipient: x.recipient.id,
      before: outcomeJson(x.before),
      after: outcomeJson(x.after),
      messageBefore: x.messageBefore,
      messageAfter: x.messageAfter,
      parting: x.parting,
    })),
  };
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  usage: [
    'mailflow analyze <file> [--as-of YYYY-MM-DD] [--json] [--lang en|ja]',
    'mailflow analyze <file> (--against <other file> | --against-as-of YYYY-MM-DD | --against-preset 2017-12|current) [--as-of YYYY-MM-DD] [--json] [--lang en|ja]',
  ],
  valueOptions: ['as-of', 'against', 'against-as-of', 'against-preset', 'lang'],
  run(args, io) {
    if (args.positionals.length !== 1) {
      throw new UsageError(args.positionals.length === 0 ? 'expected a topology file' : `expected one topology file, found ${args.positionals.length} arguments: ${args.positionals.join(' ')}`);
    }
    const file = args.positionals[0];
    const lang = langOption(args);
    const asOf = dateOption(args.options['as-of'], 'as-of') ?? io.today?.() ?? today();
    const againstFile = args.options.against;
    const againstAsOf = dateOption(args.options['against-as-of'], 'against-as-of');
    const againstPreset = args.options['against-preset'];
    const given = [againstFile, againstAsOf, againstPreset].filter((x) => x !== undefined).length;
    if (given > 1) throw new UsageError('give one of --against, --against-as-of and --against-preset');
    if (againstFile === true) throw new UsageError('--against: expected another topology file');
    if (againstPreset === true || (againstPreset !== undefined && !(PRESETS as readonly string[]).includes(againstPreset))) {
      throw new UsageError(`--against-preset: found "${String(againstPreset)}"; expected ${PRESETS.join(' or ')}`);
    }
    const doc = loadDocumentOrReport(file, io);
    if (!doc) return EXIT.invalid;
    const options: AnalysisOptions = { lang, today: asOf };
    if (given === 0) {
      const a = analyze(doc, options);
      io.stdout(args.options.json ? JSON.stringify(analysisJson(a), null, 2) + '\n' : formatAnalysis(a, lang));
      return EXIT.ok;
    }
    let other: TopologyDocument = doc;
    if (againstFile !== undefined) {
      const loaded = loadDocumentOrReport(againstFile, io);
      if (!loaded) return EXIT.invalid;
      other = loaded;
    } else if (againstPreset !== undefined) other = withPreset(doc, againstPreset as Preset);
    const before = analyze(doc, options);
    const after = analyze(other, againstAsOf ? { ...options, asOf: againstAsOf } : options);
    const d = compareAnalyses(before, after);
    io.stdout(args.options.json ? JSON.stringify(differentialJson(d), null, 2) + '\n' : formatDifferential(d, lang));
    return d.differences.length > 0 ? EXIT.failed : EXIT.ok;
  },
};
