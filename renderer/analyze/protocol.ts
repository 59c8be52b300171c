/**
 * What the Analyze worker is asked and answers. The answer is compact: the interned outcomes, one
 * row of outcome ids per (server class × sender class) and the row of each (source, sender), so a
 * 50-tenant design's millions of cells cross the thread boundary as a few hundred small arrays.
 */
import {
  analyze,
  checkGuards,
  compareAnalyses,
  outcomeShort,
  outcomeText,
  recipientLabel,
  senderLabel,
  senderShort,
  sourceLabel,
  withPreset,
  type Analysis,
  type AnalysisSummary,
  type CellMessage,
  type CellOutcome,
  type RecipientClass,
  type SenderClass,
  type SourceClass,
} from '../../shared/analysis';
import type { Lang } from '../../shared/engine/types';
import type { Preset, TopologyDocument } from '../../shared/model/schema';

export type CompareWith =
  | { kind: 'saved'; doc: TopologyDocument }
  | { kind: 'file'; doc: TopologyDocument; name: string }
  | { kind: 'asOf'; asOf: string }
  | { kind: 'preset'; preset: Preset };

export interface AnalyzeRequest {
  id: number;
  doc: TopologyDocument;
  lang: Lang;
  /** The run's date of the "Evaluated as of" control (the worker never reads a clock either). */
  today?: string | null;
  compare: CompareWith | null;
}

/** What a matrix cell shows: only this crosses from the worker (a smaller message to decode on the UI thread). */
export interface OutcomeView extends Pick<CellOutcome, 'result' | 'category' | 'unstable'> {
  text: string;
  /** For the matrix cell (the full text is its tooltip and accessible name). */
  short: string;
}

export interface ChangedCell {
  source: string;
  sender: string;
  recipient: string;
  label: string;
  before: string;
  after: string;
  afterCategory: string | null;
  message: CellMessage | null;
}

export interface GuardView {
  id: string;
  name: string;
  pass: boolean;
  differences: string[];
  message: CellMessage | null;
}

export interface AnalysisView {
  asOf: string | null;
  sources: SourceClass[];
  senders: SenderClass[];
  recipients: RecipientClass[];
  sourceLabels: string[];
  senderLabels: string[];
  /** The sender alone (`contoso.com`, `external`, `<>`) for the sub-row column headed MAIL FROM. */
  senderShortLabels: string[];
  recipientLabels: string[];
  outcomes: OutcomeView[];
  /** rows[row][recipient] = outcome index */
  rows: Int32Array[];
  /** rowOf[source * senders + sender] = row */
  rowOf: Int32Array;
  summary: AnalysisSummary;
  classCount: number;
  pairsLimited: boolean;
  guards: GuardView[];
  changes: { count: number; cells: ChangedCell[]; before: string; after: string } | null;
  ms: number;
}

export type AnalyzeResponse = { id: number; ok: true; view: AnalysisView } | { id: number; ok: false; error: string };

/** Changed cells listed at most (the count is always exact). */
export const MAX_CHANGES = 500;

function rowsOf(a: Analysis): { rows: Int32Array[]; rowOf: Int32Array } {
  const S = a.sources.length;
  const F = a.senders.length;
  const rowOf = new Int32Array(S * F);
  const rows: Int32Array[] = [];
  for (let s = 0; s < S; s++) {
    for (let f = 0; f < F; f++) {
      const row = a.rowOf(s, f);
      rowOf[s * F + f] = row;
      if (!rows[row]) {
        const outs = new Int32Array(a.recipients.length);
        for (let r = 0; r < outs.length; r++) outs[r] = a.outcomeAt(s, f, r);
        rows[row] = outs;
      }
    }
  }
  return { rows, rowOf };
}

function otherSide(doc: TopologyDocument, c: CompareWith): { doc: TopologyDocument; asOf: string | null } {
  if (c.kind === 'saved' || c.kind === 'file') return { doc: c.doc, asOf: null };
  if (c.kind === 'asOf') return { doc, asOf: c.asOf };
  return { doc: withPreset(doc, c.preset), asOf: null };
}

/** The whole computation the worker does (pure; tests call it directly). */
export function computeView(req: AnalyzeRequest, now: () => number = () => 0): AnalysisView {
  const t0 = now();
  const { doc, lang } = req;
  const today = req.today ?? null;
  const a = analyze(doc, { lang, today });
  const { rows, rowOf } = rowsOf(a);
  const guards = checkGuards(doc, { lang, today }, a).map((g) => ({
    id: g.guardId,
    name: g.name,
    pass: g.pass,
    differences: g.differences,
    message: g.firstFailure?.message ?? null,
  }));
  let changes: AnalysisView['changes'] = null;
  if (req.compare) {
    // The other side is "before" (the saved version, another file, a date, a preset); the open design is "after".
    const other = otherSide(doc, req.compare);
    const before = analyze(other.doc, { lang, today, asOf: other.asOf });
    const d = compareAnalyses(before, a, { parting: false });
    changes = {
      count: d.differences.length,
      before: other.doc.title,
      after: doc.title,
      cells: d.differences.slice(0, MAX_CHANGES).map((x) => ({
        source: x.source.id,
        sender: x.sender.id,
        recipient: x.recipient.id,
        label: `${sourceLabel(x.source, doc, lang)}, ${senderLabel(x.sender, lang)} → ${recipientLabel(x.recipient, lang)}`,
        before: outcomeText(x.before, other.doc, lang),
        after: outcomeText(x.after, doc, lang),
        afterCategory: x.after?.category ?? null,
        message: x.messageAfter,
      })),
    };
  }
  return {
    asOf: a.asOf,
    sources: a.sources,
    senders: a.senders,
    recipients: a.recipients,
    sourceLabels: a.sources.map((s) => sourceLabel(s, doc, lang)),
    senderLabels: a.senders.map((s) => senderLabel(s, lang)),
    senderShortLabels: a.senders.map((s) => senderShort(s, lang)),
    recipientLabels: a.recipients.map((r) => recipientLabel(r, lang)),
    outcomes: a.outcomes.map((o) => ({ result: o.result, category: o.category, unstable: o.unstable, text: outcomeText(o, doc, lang), short: outcomeShort(o, doc, lang) })),
    rows,
    rowOf,
    summary: a.summary,
    classCount: a.classCount,
    pairsLimited: a.pairsLimited,
    guards,
    changes,
    ms: Math.round(now() - t0),
  };
}

/** The outcome of one matrix cell. */
export function outcomeIn(view: AnalysisView, source: number, sender: number, recipient: number): OutcomeView {
  return view.outcomes[view.rows[view.rowOf[source * view.senders.length + sender]][recipient]];
}
