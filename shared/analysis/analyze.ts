/**
 * `analyze`: what happens to every kind of message a design can see (cli.md, "Version 2
 * additions"), computed by equivalence classes rather than one simulation per cell.
 *
 * Two servers are alike when the engine's own lookups give them the same answer: the same candidate
 * connectors (topologyIndex: by certificate name, with the names that cover each one, and by IP),
 * the same tenants with a connector for the source (Direct Send), the same Partner restrictions
 * failed, and the same value of every other server field (TLS, and any field a later format adds,
 * so a new engine input splits classes instead of silently merging them). Relative to one server
 * class, two sender classes are alike when their domains are owned by the same candidate (or Direct
 * Send) tenant, the same Partner connectors cover them and the same rules name them. Each
 * (server class, sender class, recipient class) is simulated once with the real engine, on a
 * representative message; every cell it stands for shares that outcome. The exactness test
 * (test/analysis) compares every cell with one-by-one simulation of its own message.
 */
import { NULL_SENDER } from '../model/net';
import type { Server, TopologyDocument } from '../model/schema';
import { domainOf, patternCovers } from '../model/net';
import { simulateMessage, type SimulateOptions } from '../engine/simulate';
import { findCandidates, failedPartnerRestriction, partnerConnectorsFor, usableCertificateNames } from '../engine/attribution';
import { connectorsByCertificate, connectorsByIp, indexTopology, ownerOfDomain, type TopologyIndex } from '../engine/topologyIndex';
import { ipv4ToInt } from '../model/net';
import type { Attribution, Lang, MessageInput, MessageSimulation, SmtpReply } from '../engine/types';
import type { Disposition, Result } from '../model/schema';
import { messageClasses, type MessageClasses, type RecipientClass, type SenderClass, type SourceClass } from './classes';

export interface AnalysisOptions {
  lang?: Lang;
  /**
   * The run's date (YYYY-MM-DD): the evaluation date when the document and its preset set none
   * (`--as-of`, or today). The engine never reads a clock.
   */
  today?: string | null;
  /**
   * A forced evaluation date (YYYY-MM-DD) that wins over the document's own (`--against-as-of`):
   * given to the engine as a scenario's `asOf` would be.
   */
  asOf?: string | null;
}

export type Category = 'delivered' | 'partial' | 'ndr' | 'rejected' | 'deferred';
export const CATEGORIES: readonly Category[] = ['delivered', 'partial', 'ndr', 'rejected', 'deferred'];

export interface CellRecipient {
  address: string;
  disposition: Disposition;
  tenant: string | null;
  path: string[];
  code: string;
}

export interface CellOutcome {
  result: Result;
  smtp: SmtpReply;
  attribution: Attribution | null;
  /** Format 2: the attribution could have gone to more than one tenant. */
  unstable: boolean;
  recipients: CellRecipient[];
  category: Category;
}

export interface CellMessage extends MessageInput {
  headerFrom: string | null;
}

export interface AnalysisCell {
  source: SourceClass;
  sender: SenderClass;
  recipient: RecipientClass;
  outcome: CellOutcome;
  /** The message that stands for the cell: `simulate --server … --from … --to …` replays it. */
  message: CellMessage;
}

export interface AnalysisSummary {
  cells: number;
  byCategory: Record<Category, number>;
  unstable: number;
}

export interface Analysis extends MessageClasses {
  doc: TopologyDocument;
  options: AnalysisOptions;
  /** The evaluation date the engine reported, else the one asked for, else null. */
  asOf: string | null;
  /** Cells in all: sources × senders × recipients. */
  cellCount: number;
  /** Simulations actually run: one per (server class, sender class, recipient class). */
  classCount: number;
  /** Server equivalence classes. */
  sourceClassCount: number;
  outcomes: CellOutcome[];
  /** Outcome index of a cell. */
  outcomeAt(source: number, sender: number, recipient: number): number;
  /** Row id of (source, sender): cells with the same row id have the same outcomes for every recipient. */
  rowOf(source: number, sender: number): number;
  cell(source: number, sender: number, recipient: number): AnalysisCell;
  summary: AnalysisSummary;
}

/** The options the engine gets: the language, the run's date and a forced evaluation date. */
export function engineOptions(options: AnalysisOptions): SimulateOptions {
  return { lang: options.lang ?? 'en', today: options.today ?? null, scenarioAsOf: options.asOf ?? null };
}

export function messageOf(source: SourceClass, sender: SenderClass, recipient: RecipientClass): CellMessage {
  const common = { mailFrom: sender.mailFrom, rcptTo: recipient.addresses.slice(), headerFrom: sender.headerFrom };
  // A tenant's cloud mailboxes send from the tenant (the engine's `fromMailbox`), not over SMTP.
  if (source.kind === 'cloudMailbox' && source.mailbox) return { fromMailbox: source.mailbox, ...common };
  return { serverId: source.serverId ?? '', ...common };
}

export function categoryOf(result: Result, recipients: readonly { disposition: Disposition }[]): Category {
  if (result === 'rejected') return 'rejected';
  if (result === 'deferred') return 'deferred';
  const ok = recipients.filter((r) => r.disposition === 'delivered' || r.disposition === 'onPremises' || r.disposition === 'internet' || r.disposition === 'redirected').length;
  return ok === recipients.length ? 'delivered' : ok === 0 ? 'ndr' : 'partial';
}

/** The outcome of one simulation as a cell shows it. */
export function outcomeOf(sim: MessageSimulation): CellOutcome {
  const v2 = sim as MessageSimulation & { unstable?: boolean };
  const recipients = sim.recipients.map((r) => ({ address: r.address, disposition: r.disposition, tenant: r.tenant, path: r.path, code: r.code }));
  return {
    result: sim.result,
    smtp: sim.smtp,
    attribution: sim.attribution,
    unstable: v2.unstable === true,
    recipients,
    category: categoryOf(sim.result, recipients),
  };
}

/** Are two outcomes the same in every field a cell shows? */
export function sameOutcome(a: CellOutcome, b: CellOutcome): boolean {
  if (a.result !== b.result || a.unstable !== b.unstable || a.category !== b.category) return false;
  if (a.smtp.code !== b.smtp.code || a.smtp.enhanced !== b.smtp.enhanced || a.smtp.stage !== b.smtp.stage || a.smtp.text !== b.smtp.text) return false;
  const x = a.attribution;
  const y = b.attribution;
  if (x === null || y === null) {
    if (x !== y) return false;
  } else if (x.tenant !== y.tenant || x.direction !== y.direction || x.connector !== y.connector || x.key !== y.key) return false;
  if (a.recipients.length !== b.recipients.length) return false;
  for (let i = 0; i < a.recipients.length; i++) {
    const p = a.recipients[i];
    const q = b.recipients[i];
    if (p.address !== q.address || p.disposition !== q.disposition || p.tenant !== q.tenant || p.code !== q.code || p.path.length !== q.path.length) return false;
    for (let j = 0; j < p.path.length; j++) if (p.path[j] !== q.path[j]) return false;
  }
  return true;
}

/** The evaluation date a format-2 result carries, if any. */
function asOfOf(sim: MessageSimulation): string | null {
  return sim.asOf ?? null;
}

/** Everything about a server the engine's outcome can depend on, from its own lookups. */
function serverKey(index: TopologyIndex, doc: TopologyDocument, server: Server): string {
  const names = usableCertificateNames(server).map((n) => n.toLowerCase());
  const candidates = findCandidates(index, server);
  const cert = candidates.certificate.map((c) => {
    const pattern = c.entry.connector.tlsSenderCertificateName ?? '';
    return `${c.entry.connector.id}=${c.matched.toLowerCase()}/${names.filter((n) => patternCovers(pattern, n)).sort().join(',')}`;
  });
  const ip = candidates.ip.map((c) => c.entry.connector.id);
  const ipNum = ipv4ToInt(server.ipAddress) ?? -1;
  const covering = new Set([...connectorsByIp(index, ipNum), ...connectorsByCertificate(index, names)].map((c) => c.entry.tenant.id));
  const partners: string[] = [];
  for (const t of doc.tenants) {
    for (const c of t.inboundConnectors) if (c.enabled && c.connectorType === 'Partner') partners.push(failedPartnerRestriction(c, server) ?? '');
  }
  const { id: _id, name: _name, role: _role, ipAddress: _ip, certificate, ...rest } = server;
  const certRest = certificate ? (({ subject: _s, subjectAlternativeNames: _a, ...r }) => r)(certificate) : null;
  return JSON.stringify([cert, ip, [...covering].sort(), partners, rest, certRest]);
}

/** What a sender class looks like to rules and Partner connectors, whatever the server. */
function senderGlobalKey(doc: TopologyDocument, sender: SenderClass): string {
  // A rule reads the header From, the envelope sender or either (`senderAddressLocation`, format 2):
  // both domains are part of the key.
  const headerDomain = domainOf(sender.headerFrom ?? sender.mailFrom);
  const envelopeDomain = domainOf(sender.mailFrom);
  const eq = (list: readonly string[] | undefined, domain: string | null) => (list && domain !== null ? list.some((x) => x.toLowerCase() === domain) : false);
  const bits: string[] = [];
  const partners: string[] = [];
  for (const t of doc.tenants) {
    for (const r of t.transportRules) {
      if (r.conditions.senderDomainIs?.length || r.exceptions?.exceptIfSenderDomainIs?.length) {
        for (const d of [headerDomain, envelopeDomain]) bits.push(`${eq(r.conditions.senderDomainIs, d) ? 1 : 0}${eq(r.exceptions?.exceptIfSenderDomainIs, d) ? 1 : 0}`);
      }
    }
    if (t.inboundConnectors.some((c) => c.connectorType === 'Partner')) partners.push(partnerConnectorsFor(t, sender.mailFrom).map((c) => c.id).join(','));
  }
  // Mail flow rules skip `<>` mail (format 2, `nullSenderSkipsRules`), so a null sender is its own class.
  const nullSender = sender.mailFrom === NULL_SENDER ? '<>' : '';
  return `${sender.headerFrom === null ? '' : 'h'}|${nullSender}|${bits.join('')}|${partners.join(';')}`;
}

export function analyze(doc: TopologyDocument, options: AnalysisOptions = {}): Analysis {
  const index = indexTopology(doc);
  const classes = messageClasses(doc);
  const { sources, senders, recipients } = classes;
  const S = sources.length;
  const F = senders.length;
  const R = recipients.length;
  const simOptions = engineOptions(options);
  const directSendTenants = new Set(doc.tenants.filter((t) => t.rejectDirectSend).map((t) => t.id));
  const senderGlobal = senders.map((s) => senderGlobalKey(doc, s));

  // Outcomes are shared: per recipient class, the few distinct outcomes seen so far are compared
  // field by field (no key strings on the hot path).
  const outcomes: CellOutcome[] = [];
  // Bucketed by the attribution's connector (or tenant, or reply), which differs most between sources.
  const seenByRecipient: Array<Map<string, number[]>> = recipients.map(() => new Map());
  const intern = (r: number, o: CellOutcome): number => {
    const bucket = o.attribution?.connector ?? o.attribution?.tenant ?? o.smtp.enhanced;
    let seen = seenByRecipient[r].get(bucket);
    if (!seen) seenByRecipient[r].set(bucket, (seen = []));
    for (const id of seen) if (sameOutcome(outcomes[id], o)) return id;
    outcomes.push(o);
    seen.push(outcomes.length - 1);
    return outcomes.length - 1;
  };

  // Rows: one per (server class, sender class relative to it), R outcome ids each.
  const rows: Int32Array[] = [];
  const rowOfCell = new Int32Array(S * F);
  const sourceClass = new Map<string, number>();
  let asOf: string | null = null;
  let classCount = 0;
  const serverClassOf: number[] = [];
  sources.forEach((source, si) => {
    const server = source.serverId ? index.serverById.get(source.serverId) : undefined;
    const key = server ? serverKey(index, doc, server) : `#${source.id}`;
    let sc = sourceClass.get(key);
    if (sc !== undefined) {
      serverClassOf.push(sc);
      const rep = serverClassOf.indexOf(sc);
      for (let f = 0; f < F; f++) rowOfCell[si * F + f] = rowOfCell[rep * F + f];
      return;
    }
    sc = sourceClass.size;
    sourceClass.set(key, sc);
    serverClassOf.push(sc);
    const relevant = new Set(directSendTenants);
    // A cloud mailbox's own tenant decides whether a sender domain is its own (Originating).
    if (source.tenantId) relevant.add(source.tenantId);
    if (server) {
      const c = findCandidates(index, server);
      for (const x of [...c.certificate, ...c.ip]) relevant.add(x.entry.tenant.id);
    }
    // A domain owned by a tenant that is neither a candidate of this server nor refuses Direct Send
    // behaves as an external one: the engine only asks candidates whether they accept it.
    const ownerRel = (address: string | null) => {
      const owner = address ? ownerOfDomain(index, domainOf(address)) : null;
      return owner && relevant.has(owner.tenant.id) ? owner.tenant.id : '-';
    };
    const relRow = new Map<string, number>();
    for (let f = 0; f < F; f++) {
      const sender = senders[f];
      const k = `${senderGlobal[f]}|${ownerRel(sender.mailFrom)}|${ownerRel(sender.headerFrom)}`;
      let row = relRow.get(k);
      if (row === undefined) {
        row = rows.length;
        relRow.set(k, row);
        const outs = new Int32Array(R);
        for (let r = 0; r < R; r++) {
          const sim = simulateMessage(doc, messageOf(source, sender, recipients[r]), simOptions);
          asOf ??= asOfOf(sim);
          outs[r] = intern(r, outcomeOf(sim));
          classCount++;
        }
        rows.push(outs);
      }
      rowOfCell[si * F + f] = row;
    }
  });

  const outcomeAt = (s: number, f: number, r: number) => rows[rowOfCell[s * F + f]][r];
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let unstable = 0;
  // Each row's counts once, times how many (source, sender) pairs share it.
  const rowUse = new Int32Array(rows.length);
  for (let i = 0; i < S * F; i++) rowUse[rowOfCell[i]]++;
  rows.forEach((outs, row) => {
    for (let r = 0; r < R; r++) {
      const o = outcomes[outs[r]];
      byCategory[o.category] += rowUse[row];
      if (o.unstable) unstable += rowUse[row];
    }
  });

  return {
    ...classes,
    doc,
    options,
    asOf: asOf ?? options.asOf ?? null,
    cellCount: S * F * R,
    classCount,
    sourceClassCount: sourceClass.size,
    outcomes,
    outcomeAt,
    rowOf: (s, f) => rowOfCell[s * F + f],
    cell(s, f, r) {
      return {
        source: sources[s],
        sender: senders[f],
        recipient: recipients[r],
        outcome: outcomes[outcomeAt(s, f, r)],
        message: messageOf(sources[s], senders[f], recipients[r]),
      };
    },
    summary: { cells: S * F * R, byCategory, unstable },
  };
}

/** Every cell in order: sources, then senders, then recipients. */
export function* cellsOf(analysis: Analysis): Generator<AnalysisCell> {
  for (let s = 0; s < analysis.sources.length; s++) {
    for (let f = 0; f < analysis.senders.length; f++) {
      for (let r = 0; r < analysis.recipients.length; r++) yield analysis.cell(s, f, r);
    }
  }
}
