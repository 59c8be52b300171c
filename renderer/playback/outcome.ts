/**
 * Outcome first: what happened to the message, read from the engine's result. The SMTP reply says
 * only whether Exchange Online took the message; what a stakeholder needs is what happened to each
 * recipient (Point 1: "250 2.6.0" while Bob gets an NDR from Contoso's rule). The worst recipient
 * decides the headline's colour and words; every recipient gets a row with the step that decided
 * it. Pure: no React, no i18next instance (a `Translate` is passed in), so it is unit-tested.
 */
import type { Disposition } from '../../shared/model/schema';
import type { RecipientOutcome, SimEvent, Simulation } from '../../shared/engine/types';
import type { Translate } from './i18n';

export type Tone = 'ok' | 'warn' | 'bad';

/** Worse first: a refusal outranks an NDR, which outranks a silent delete, and so on. */
const RANK: Record<Disposition, number> = {
  rejected: 7,
  ndr: 6,
  deleted: 5,
  deferred: 4,
  redirected: 3,
  onPremises: 2,
  internet: 2,
  delivered: 1,
};

export function dispositionTone(d: Disposition): Tone {
  if (d === 'rejected' || d === 'ndr' || d === 'deleted') return 'bad';
  if (d === 'deferred' || d === 'redirected') return 'warn';
  return 'ok';
}

export interface RecipientRow {
  address: string;
  disposition: Disposition;
  tone: Tone;
  /** Where the recipient ended (the last tenant of its path when the engine gives none). */
  tenant: string | null;
  code: string;
  /** Index of the event (= playback step) that decided this recipient, or null. */
  step: number | null;
  /** The rule that decided it, when a rule did. */
  rule: string | null;
  redirectedFrom?: string;
}

export interface OutcomeSummary {
  tone: Tone;
  /** One line: what Exchange Online did, then what happened to the worst-off recipient. */
  headline: string;
  rows: RecipientRow[];
  /** Tenants of the document the message never reached (no event in them, on no recipient's path). */
  notReached: string[];
}

const lower = (s: string) => s.toLowerCase();

/** The recipients an event speaks about (its typed data: `recipient` or `recipients`). */
export function eventRecipients(e: SimEvent): string[] {
  const d = e.data as { recipient?: unknown; recipients?: unknown };
  const out: string[] = [];
  if (typeof d.recipient === 'string') out.push(d.recipient);
  if (Array.isArray(d.recipients)) for (const r of d.recipients) if (typeof r === 'string') out.push(r);
  return out.map(lower);
}

/** Which event kinds settle each disposition (the last such event about the recipient decides). */
const DECIDING: Record<Disposition, readonly string[]> = {
  delivered: ['deliver'],
  onPremises: ['outbound'],
  internet: ['outbound'],
  ndr: ['ndr'],
  deleted: ['rule'],
  redirected: ['rule'],
  rejected: ['rcptRejected', 'reject'],
  deferred: ['throttle', 'reject'],
};

function decidingStep(events: readonly SimEvent[], r: RecipientOutcome): number | null {
  const address = lower(r.address);
  const kinds = DECIDING[r.disposition];
  let found: number | null = null;
  events.forEach((e, i) => {
    if (!kinds.includes(e.kind)) return;
    const about = eventRecipients(e);
    // A refusal of the whole message names no recipient: it decides everyone.
    if (about.includes(address) || (about.length === 0 && (e.kind === 'reject' || e.kind === 'throttle'))) found = i;
  });
  if (found !== null) return found;
  // Otherwise the last event that mentions the recipient at all.
  events.forEach((e, i) => {
    if (eventRecipients(e).includes(address)) found = i;
  });
  return found;
}

function ruleOf(e: SimEvent | undefined): string | null {
  if (!e) return null;
  const d = e.data as { rule?: unknown };
  return typeof d.rule === 'string' ? d.rule : null;
}

export function recipientRows(sim: Simulation): RecipientRow[] {
  if (sim.type !== 'message') return [];
  return sim.recipients.map((r) => {
    const step = decidingStep(sim.events, r);
    return {
      address: r.address,
      disposition: r.disposition,
      tone: dispositionTone(r.disposition),
      tenant: r.tenant ?? r.path.at(-1) ?? null,
      code: r.code,
      step,
      rule: step === null ? null : ruleOf(sim.events[step]),
      ...(r.redirectedFrom ? { redirectedFrom: r.redirectedFrom } : {}),
    };
  });
}

/** Tenants the message never reached: on no recipient's path, in no event. */
export function tenantsNotReached(sim: Simulation, tenantIds: readonly string[]): string[] {
  const reached = new Set<string>();
  for (const e of sim.events) {
    if (e.tenant) reached.add(e.tenant);
    const d = e.data as { tenant?: unknown; tenants?: unknown; toTenant?: unknown };
    if (typeof d.tenant === 'string') reached.add(d.tenant);
    if (typeof d.toTenant === 'string') reached.add(d.toTenant);
    if (Array.isArray(d.tenants)) for (const t of d.tenants) if (typeof t === 'string') reached.add(t);
  }
  if (sim.type === 'message') for (const r of sim.recipients) for (const t of r.path) reached.add(t);
  if (sim.attribution) reached.add(sim.attribution.tenant);
  return tenantIds.filter((id) => !reached.has(id));
}

/** The recipient's outcome in words ("bob@fabrikam.com returned as NDR 5.7.1 by Contoso's rule"). */
export function recipientPhrase(row: RecipientRow, t: Translate, name: (id: string) => string): string {
  const tenant = row.tenant ? name(row.tenant) : '';
  const by = row.rule && row.tenant ? t('playback.outcome.byRule', { tenant }) : tenant ? t('playback.outcome.byTenant', { tenant }) : t('playback.outcome.byService');
  return t(`playback.outcome.recipient.${row.disposition}`, { address: row.address, code: row.code, tenant, by });
}

/**
 * The headline: Exchange Online's answer in words, then the worst recipient (and how many more
 * share a bad or doubtful outcome). A refused or deferred message speaks only of the refusal.
 */
export function summarizeOutcome(sim: Simulation, t: Translate, name: (id: string) => string, tenantIds: readonly string[] = []): OutcomeSummary {
  const rows = recipientRows(sim);
  const notReached = tenantsNotReached(sim, tenantIds);
  const stage = t(`playback.stages.${sim.smtp.stage}`);
  const code = `${sim.smtp.code} ${sim.smtp.enhanced}`;
  if (sim.result === 'rejected') {
    return { tone: 'bad', headline: t('playback.outcome.rejected', { stage, code }), rows, notReached };
  }
  if (sim.result === 'deferred') {
    return { tone: 'warn', headline: t('playback.outcome.deferred', { code }), rows, notReached };
  }
  const accepted = t('playback.outcome.accepted', { code });
  if (rows.length === 0) return { tone: 'ok', headline: accepted, rows, notReached };
  const worst = rows.reduce((a, b) => (RANK[b.disposition] > RANK[a.disposition] ? b : a));
  const others = rows.filter((r) => r !== worst && r.tone !== 'ok').length;
  let tail: string;
  if (worst.tone === 'ok' && rows.length > 1) {
    // Everyone fine: one phrase for all rather than the arbitrary "worst" of equals.
    tail = t('playback.outcome.allFine', { count: rows.length });
  } else {
    tail = recipientPhrase(worst, t, name);
    if (others > 0) tail += ` ${t('playback.outcome.andMore', { count: others })}`;
  }
  return { tone: worst.tone, headline: `${accepted} · ${tail}`, rows, notReached };
}
