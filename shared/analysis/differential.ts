/**
 * The differential (cli.md, `analyze … --against …`): the same classes under two designs, two
 * evaluation dates or two presets; only the cells whose outcome differs, each with before → after
 * and the first event where the two runs part.
 *
 * Cells are matched by class ids (server id, sender domain, recipient domains), so two versions of
 * a design compare even when entities were added or removed: a cell that exists on one side only is
 * reported with `before` or `after` null.
 */
import type { TopologyDocument } from '../model/schema';
import type { Preset } from '../model/schema';
import { simulateMessage } from '../engine/simulate';
import type { SimEvent } from '../engine/types';
import { analyze, engineOptions, type Analysis, type AnalysisOptions, type CellMessage, type CellOutcome } from './analyze';
import type { RecipientClass, SenderClass, SourceClass } from './classes';

export interface PartingEvent {
  /** 1-based position of the first event that differs. */
  seq: number;
  before: SimEvent | null;
  after: SimEvent | null;
}

export interface CellDifference {
  source: SourceClass;
  sender: SenderClass;
  recipient: RecipientClass;
  before: CellOutcome | null;
  after: CellOutcome | null;
  /** The message on each side (the same unless the designs differ in names). */
  messageBefore: CellMessage | null;
  messageAfter: CellMessage | null;
  parting: PartingEvent | null;
}

export interface Differential {
  before: Analysis;
  after: Analysis;
  differences: CellDifference[];
}

/** The parts of an outcome a person compares: result, reply, tenant, dispositions (not the key used). */
export function comparable(o: CellOutcome): string {
  return JSON.stringify([
    o.result,
    o.smtp.code,
    o.smtp.enhanced,
    o.smtp.stage,
    o.attribution?.tenant ?? null,
    o.attribution?.direction ?? null,
    o.unstable,
    o.recipients.map((r) => [r.address.toLowerCase(), r.disposition, r.tenant, r.code, r.path]),
  ]);
}

/** An event without its number and text (texts may differ by language or date wording). */
function eventKey(e: SimEvent): string {
  return JSON.stringify([e.kind, e.at, e.from, e.tenant, e.code, e.smtp, decisionData(e)]);
}

/**
 * The part of an event's data that is its decision. A server that offers no TLS is unencrypted
 * whatever minimum version is in force on the date, so that minimum is context, not where two runs
 * part (otherwise every comparison across dates would part at the TLS step).
 */
function decisionData(e: SimEvent): unknown {
  if (e.kind === 'tls' && e.data && typeof e.data === 'object' && 'offered' in e.data && e.data.offered === null) {
    const { minimum: _minimum, ...rest } = e.data as Record<string, unknown>;
    return rest;
  }
  return e.data;
}

export function partingEvent(before: SimEvent[], after: SimEvent[]): PartingEvent | null {
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const a = before[i];
    const b = after[i];
    if (!a || !b || eventKey(a) !== eventKey(b)) return { seq: i + 1, before: a ?? null, after: b ?? null };
  }
  return null;
}

/**
 * The cells that differ. `parting: false` leaves `parting` null (compute it per cell with
 * `partingOf` when shown): re-simulating both sides of thousands of differences costs more than
 * finding them.
 */
export function compareAnalyses(before: Analysis, after: Analysis, options: { parting?: boolean } = {}): Differential {
  const cmpIds = new Map<string, number>();
  const cmpOf = (a: Analysis) =>
    a.outcomes.map((o) => {
      const k = comparable(o);
      let id = cmpIds.get(k);
      if (id === undefined) cmpIds.set(k, (id = cmpIds.size));
      return id;
    });
  const cmpBefore = cmpOf(before);
  const cmpAfter = cmpOf(after);
  const indexBy = <T extends { id: string }>(list: T[]) => new Map(list.map((x, i) => [x.id, i]));
  const srcAfter = indexBy(after.sources);
  const sndAfter = indexBy(after.senders);
  const rcpAfter = indexBy(after.recipients);
  const srcBefore = indexBy(before.sources);
  const sndBefore = indexBy(before.senders);
  const rcpBefore = indexBy(before.recipients);
  const rMap = before.recipients.map((r) => rcpAfter.get(r.id) ?? -1);

  const out: CellDifference[] = [];
  const push = (bs: number, bf: number, br: number, as: number, af: number, ar: number) => {
    const b = bs >= 0 && bf >= 0 && br >= 0 ? before.cell(bs, bf, br) : null;
    const a = as >= 0 && af >= 0 && ar >= 0 ? after.cell(as, af, ar) : null;
    const any = (b ?? a)!;
    out.push({
      source: any.source,
      sender: any.sender,
      recipient: any.recipient,
      before: b?.outcome ?? null,
      after: a?.outcome ?? null,
      messageBefore: b?.message ?? null,
      messageAfter: a?.message ?? null,
      parting: null,
    });
  };
  // Rows (server class × sender class) that compare alike give the same recipient list: memoise.
  const rowDiffs = new Map<string, number[]>();
  for (let s = 0; s < before.sources.length; s++) {
    const as = srcAfter.get(before.sources[s].id) ?? -1;
    for (let f = 0; f < before.senders.length; f++) {
      const af = sndAfter.get(before.senders[f].id) ?? -1;
      if (as < 0 || af < 0) {
        for (let r = 0; r < before.recipients.length; r++) push(s, f, r, -1, -1, -1);
        continue;
      }
      const key = `${before.rowOf(s, f)}:${after.rowOf(as, af)}`;
      let diffs = rowDiffs.get(key);
      if (!diffs) {
        diffs = [];
        for (let r = 0; r < before.recipients.length; r++) {
          const ar = rMap[r];
          if (ar < 0 || cmpBefore[before.outcomeAt(s, f, r)] !== cmpAfter[after.outcomeAt(as, af, ar)]) diffs.push(r);
        }
        rowDiffs.set(key, diffs);
      }
      for (const r of diffs) push(s, f, r, as, af, rMap[r]);
      // Recipient classes only the after side has.
      for (let ar = 0; ar < after.recipients.length; ar++) if (!rcpBefore.has(after.recipients[ar].id)) push(-1, -1, -1, as, af, ar);
    }
    // Sender classes only the after side has.
    if (as >= 0) {
      for (let af = 0; af < after.senders.length; af++) {
        if (sndBefore.has(after.senders[af].id)) continue;
        for (let ar = 0; ar < after.recipients.length; ar++) push(-1, -1, -1, as, af, ar);
      }
    }
  }
  // Sources only the after side has.
  for (let as = 0; as < after.sources.length; as++) {
    if (srcBefore.has(after.sources[as].id)) continue;
    for (let af = 0; af < after.senders.length; af++) for (let ar = 0; ar < after.recipients.length; ar++) push(-1, -1, -1, as, af, ar);
  }

  const result = { before, after, differences: out };
  if (options.parting ?? true) for (const d of out) d.parting = partingOf(result, d);
  return result;
}

/** Where the two runs of one differing cell part: both messages re-simulated, events compared. */
export function partingOf(diff: Differential, d: CellDifference): PartingEvent | null {
  if (!d.messageBefore || !d.messageAfter) return null;
  const b = simulateMessage(diff.before.doc, d.messageBefore, engineOptions(diff.before.options));
  const a = simulateMessage(diff.after.doc, d.messageAfter, engineOptions(diff.after.options));
  return partingEvent(b.events, a.events);
}

/** The design with another service preset (the document's own overrides are kept). */
export function withPreset(doc: TopologyDocument, preset: Preset): TopologyDocument {
  return { ...doc, service: { ...(doc.service ?? {}), preset } };
}

export type Against =
  | { kind: 'document'; doc: TopologyDocument }
  | { kind: 'asOf'; asOf: string }
  | { kind: 'preset'; preset: Preset };

/** `analyze <doc> --against …`: the document as it is (before) and as the other side says (after). */
export function differential(doc: TopologyDocument, against: Against, options: AnalysisOptions = {}): Differential {
  const before = analyze(doc, options);
  const after =
    against.kind === 'document'
      ? analyze(against.doc, options)
      : against.kind === 'asOf'
        ? analyze(doc, { ...options, asOf: against.asOf })
        : analyze(withPreset(doc, against.preset), options);
  return compareAnalyses(before, after);
}
