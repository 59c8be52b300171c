/**
 * Pure logic of the scenario form: the draft the form edits, field validation with the schema's
 * own regular expressions, and the document edits (add, replace, duplicate, delete) that go
 * through `commitValidated` so an invalid scenario never enters the document.
 */
import { isRealDate, patterns, RESULTS, type Scenario, type TopologyDocument } from '../../shared/model/schema';
import { mailboxOwner } from '../../shared/model/integrity';
import { allIds } from '../model/entities';

export type ScenarioKind = 'message' | 'load';

export interface ScenarioDraft {
  kind: ScenarioKind;
  id: string;
  name: string;
  description: string;
  /** Where the message comes from: an on-premises server, or a cloud mailbox of a tenant (version 2). */
  source: 'server' | 'mailbox';
  serverId: string;
  fromMailbox: string;
  mailFrom: string;
  rcptTo: string;
  headerFrom: string;
  expectResult: '' | (typeof RESULTS)[number];
  expectCode: string;
  expectTenant: string;
  baselinePerHour: string;
  baselineDays: string;
  burstPerHour: string;
  burstHours: string;
  /** The scenario's own evaluation date; empty = the design's, else the "Evaluated as of" control's. */
  asOf: string;
  comment: string;
}

export type FieldProblem = { key: string; values?: Record<string, unknown>; raw?: string };
export type DraftErrors = Partial<Record<keyof ScenarioDraft, FieldProblem>>;

export function lines(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function draftFromScenario(s: Scenario): ScenarioDraft {
  return {
    kind: s.load ? 'load' : 'message',
    id: s.id,
    name: s.name,
    description: s.description ?? '',
    source: s.fromMailbox !== undefined ? 'mailbox' : 'server',
    serverId: s.serverId ?? '',
    fromMailbox: s.fromMailbox ?? '',
    mailFrom: s.mailFrom ?? '',
    rcptTo: (s.rcptTo ?? []).join('\n'),
    headerFrom: s.headerFrom ?? '',
    expectResult: s.expect?.result ?? '',
    expectCode: s.expect?.code ?? '',
    expectTenant: s.expect?.attributedTenant ?? '',
    baselinePerHour: String(s.load?.baselinePerHour ?? 20),
    baselineDays: String(s.load?.baselineDays ?? 7),
    burstPerHour: String(s.load?.burstPerHour ?? 5000),
    burstHours: String(s.load?.burstHours ?? 6),
    asOf: s.asOf ?? '',
    comment: s.comment ?? '',
  };
}

/** The addresses a tenant's mailboxes may send as: its listed recipients (for the form's list). */
export function tenantMailboxes(doc: TopologyDocument): Array<{ tenant: string; address: string }> {
  return doc.tenants.flatMap((t) => t.recipients.map((address) => ({ tenant: t.id, address })));
}

export function newDraft(doc: TopologyDocument, kind: ScenarioKind, name: string): ScenarioDraft {
  const server = doc.servers[0];
  const domain = doc.tenants.flatMap((t) => t.acceptedDomains)[0]?.domainName ?? 'contoso.com';
  return {
    kind,
    id: freeId(doc, kind === 'load' ? 'load-scenario' : 'scenario'),
    name,
    description: '',
    // A design without servers can still send from a cloud mailbox.
    source: server || kind === 'load' ? 'server' : 'mailbox',
    serverId: server?.id ?? '',
    fromMailbox: server ? '' : (tenantMailboxes(doc)[0]?.address ?? ''),
    mailFrom: `sender@${domain}`,
    rcptTo: `recipient@${domain}`,
    headerFrom: '',
    expectResult: '',
    expectCode: '',
    expectTenant: '',
    baselinePerHour: '20',
    baselineDays: '7',
    burstPerHour: '5000',
    burstHours: '6',
    asOf: '',
    comment: '',
  };
}


export function freeId(doc: TopologyDocument, base: string): string {
  const taken = allIds(doc);
  const root = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'scenario';
  let id = root;
  for (let n = 2; taken.has(id); n++) id = `${root}-${n}`;
  return id;
}

function integer(value: string, min: number, max: number) {
  return /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max ? null : { key: 'playback.validation.integer', values: { min, max } };
}

/** Field errors (i18n keys); `originalId` is the id being edited (it may keep its own id). */
export function validateDraft(doc: TopologyDocument, d: ScenarioDraft, originalId: string | null): DraftErrors {
  const e: DraftErrors = {};
  if (!d.name.trim()) e.name = { key: 'playback.validation.required' };
  if (!patterns.id.test(d.id)) e.id = { key: 'playback.validation.id' };
  else if (d.id !== originalId && allIds(doc).has(d.id)) e.id = { key: 'playback.validation.idTaken' };
  const fromMailbox = d.kind === 'message' && d.source === 'mailbox';
  if (fromMailbox) {
    const address = d.fromMailbox.trim();
    if (!patterns.email.test(address)) e.fromMailbox = { key: 'playback.validation.email' };
    else if (!mailboxOwner(doc, address)) e.fromMailbox = { key: 'playback.validation.notOwned', values: { address } };
  } else if (!d.serverId) e.serverId = { key: 'playback.validation.required' };
  if (d.asOf.trim() && !(patterns.date.test(d.asOf.trim()) && isRealDate(d.asOf.trim()))) e.asOf = { key: 'playback.validation.date' };
  if (d.kind === 'message') {
    // A mailbox always has an address: a cloud mailbox's message cannot be sent as <>.
    const sender = fromMailbox ? patterns.email : patterns.emailOrNull;
    if (d.mailFrom.trim() && !sender.test(d.mailFrom.trim())) e.mailFrom = { key: fromMailbox ? 'playback.validation.email' : 'playback.validation.emailOrNull' };
    else if (!fromMailbox && !d.mailFrom.trim()) e.mailFrom = { key: 'playback.validation.emailOrNull' };
    const rcpts = lines(d.rcptTo);
    if (rcpts.length === 0) e.rcptTo = { key: 'playback.validation.rcptNone' };
    const bad = rcpts.findIndex((r) => !patterns.email.test(r));
    if (bad >= 0) e.rcptTo = { key: 'playback.validation.rcptLine', values: { line: bad + 1, value: rcpts[bad] } };
    if (d.headerFrom.trim() && !patterns.email.test(d.headerFrom.trim())) e.headerFrom = { key: 'playback.validation.email' };
  } else {
    for (const [k, min, max] of [
      ['baselinePerHour', 0, 1e9],
      ['baselineDays', 0, 365],
      ['burstPerHour', 0, 1e9],
      ['burstHours', 1, 24 * 365],
    ] as const) {
      const err = integer(d[k], min, max);
      if (err) e[k] = err;
    }
  }
  if (d.expectCode.trim() && !/^[245]\.\d{1,3}\.\d{1,3}$/.test(d.expectCode.trim())) e.expectCode = { key: 'playback.validation.code' };
  return e;
}

/** The scenario a valid draft describes; keeps what the form does not edit (expected recipients). */
export function scenarioFromDraft(d: ScenarioDraft, previous: Scenario | null): Scenario {
  const fromMailbox = d.kind === 'message' && d.source === 'mailbox';
  const base: Scenario = fromMailbox ? { id: d.id.trim(), name: d.name.trim(), fromMailbox: d.fromMailbox.trim() } : { id: d.id.trim(), name: d.name.trim(), serverId: d.serverId };
  if (d.description.trim()) base.description = d.description.trim();
  if (d.asOf.trim()) base.asOf = d.asOf.trim();
  if (d.comment.trim()) base.comment = d.comment.trim();
  if (d.kind === 'message') {
    // A mailbox's message is sent as the mailbox unless the form says otherwise.
    if (d.mailFrom.trim()) base.mailFrom = d.mailFrom.trim();
    base.rcptTo = lines(d.rcptTo);
    if (d.headerFrom.trim()) base.headerFrom = d.headerFrom.trim();
  } else {
    base.load = {
      baselinePerHour: Number(d.baselinePerHour),
      baselineDays: Number(d.baselineDays),
      burstPerHour: Number(d.burstPerHour),
      burstHours: Number(d.burstHours),
    };
  }
  if (d.expectResult) {
    base.expect = { result: d.expectResult };
    if (d.expectCode.trim()) base.expect.code = d.expectCode.trim();
    if (d.expectTenant) base.expect.attributedTenant = d.expectTenant;
    // Expected recipients are kept for a message scenario whose recipients still include them.
    const kept = Object.entries(previous?.expect?.recipients ?? {}).filter(
      ([address]) => d.kind === 'message' && base.rcptTo!.some((r) => r.toLowerCase() === address.toLowerCase()),
    );
    if (kept.length) base.expect.recipients = Object.fromEntries(kept);
  }
  return base;
}

export function withScenario(doc: TopologyDocument, scenario: Scenario, replacingId: string | null): TopologyDocument {
  const at = replacingId === null ? -1 : doc.scenarios.findIndex((s) => s.id === replacingId);
  const scenarios = at >= 0 ? doc.scenarios.map((s, i) => (i === at ? scenario : s)) : [...doc.scenarios, scenario];
  return { ...doc, scenarios };
}

export function withoutScenario(doc: TopologyDocument, id: string): TopologyDocument {
  return { ...doc, scenarios: doc.scenarios.filter((s) => s.id !== id) };
}

export function duplicateScenario(doc: TopologyDocument, id: string, copySuffix: string): { doc: TopologyDocument; id: string } | null {
  const at = doc.scenarios.findIndex((s) => s.id === id);
  if (at < 0) return null;
  const original = doc.scenarios[at];
  const copy: Scenario = { ...structuredClone(original), id: freeId(doc, `${original.id}-copy`), name: `${original.name} ${copySuffix}` };
  const scenarios = [...doc.scenarios.slice(0, at + 1), copy, ...doc.scenarios.slice(at + 1)];
  return { doc: { ...doc, scenarios }, id: copy.id };
}

/** Maps document-validation errors about this scenario to form fields (others are shown above the form). */
export function fieldOfPath(path: string, index: number): keyof ScenarioDraft | null {
  const prefix = `scenarios[${index}].`;
  if (!path.startsWith(prefix)) return null;
  const field = path.slice(prefix.length).split(/[.[]/)[0];
  const map: Record<string, keyof ScenarioDraft> = {
    id: 'id',
    name: 'name',
    description: 'description',
    serverId: 'serverId',
    fromMailbox: 'fromMailbox',
    asOf: 'asOf',
    comment: 'comment',
    mailFrom: 'mailFrom',
    rcptTo: 'rcptTo',
    headerFrom: 'headerFrom',
  };
  if (field === 'load') {
    const sub = path.slice(prefix.length + 5).split(/[.[]/)[0] as keyof ScenarioDraft;
    return ['baselinePerHour', 'baselineDays', 'burstPerHour', 'burstHours'].includes(sub) ? sub : null;
  }
  if (field === 'expect') return path.includes('.code') ? 'expectCode' : path.includes('attributedTenant') ? 'expectTenant' : 'expectResult';
  return map[field] ?? null;
}
