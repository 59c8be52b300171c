/**
 * One reading of a simulation: the semantic route of a message — who sent it, where Exchange Online
 * first received it, the rules that acted, the hand-offs, where it was stopped and where each
 * recipient ended — computed once from the engine's `Simulation`. The canvas playback
 * (renderer/playback/plan.ts) and the exported overlay (overlay.ts) both read it and only map it to
 * coordinates; neither looks events up again. Nothing here decides mail flow.
 */
import type { Disposition, Server, TopologyDocument } from '../model/schema';
import type { AttributionKey, SimEvent, Simulation, SmtpStage } from '../engine/types';

/**
 * Places that are not entities, by the engine's own names (`SimEvent.at`/`from`). Defined once: the
 * canvas maps them to its node ids, the export to its cards.
 */
export const LANDMARK = {
  frontDoor: 'eop',
  internet: 'internet',
  /** The organization's own servers when no single server can be named. */
  onPremises: 'onPremises',
} as const;
export type Landmark = (typeof LANDMARK)[keyof typeof LANDMARK];

export interface RouteRuleMark {
  rule: string;
  tenant: string;
  action: Extract<SimEvent, { kind: 'rule' }>['data']['action'];
  recipients: string[];
  /** Index of the event (into `sim.events`). */
  step: number;
}

export interface RouteHandoff {
  from: string;
  to: string;
  recipients: string[];
  step: number;
}

export interface RouteStop {
  /** `eop` (refused by the front door) or the entity that refused it. */
  at: string;
  stage: SmtpStage;
  /** Basic and enhanced code, e.g. `550 5.7.64`. */
  code: string;
  /** A refusal of some recipients only (RCPT); the message goes on for the others. */
  partial: boolean;
  step: number;
}

export interface RecipientEnd {
  address: string;
  disposition: Disposition;
  /** The tenant it ended in (null for the Internet, on-premises and refusals before any tenant). */
  tenant: string | null;
  /** Tenants passed through, first receipt first. */
  path: string[];
  code: string;
  /** The connector the message came in through in the first tenant of `path`; null = direct entry. */
  entry: string | null;
  /** The rule that ended it (reject, delete) or redirected it. */
  rule: string | null;
  /** The outbound connector it left through. */
  connector: string | null;
  /**
   * Where its path ends: the tenant (delivered), the rule (NDR, deleted, redirected), the on-premises
   * server the connector's smart host names (or `onPremises` when none can be named), `internet`,
   * or `eop` when refused at the front door.
   */
  end: string;
  /** Index of the event that decided it (-1 when no event did). */
  step: number;
  /** The NDR for it: to whom, and whether one is sent at all (`<>` gets none). */
  ndr: { to: string; sent: boolean } | null;
}

export interface RouteReading {
  type: Simulation['type'];
  /** The sending server. */
  sender: string | null;
  firstReceipt: { tenant: string; tenants: string[]; connector: string | null; key: AttributionKey; step: number } | null;
  /** Connectors that matched the source (used or not). */
  considered: string[];
  ruleMarks: RouteRuleMark[];
  handoffs: RouteHandoff[];
  /** The refusal that stopped the whole message, else the last partial one. */
  stop: RouteStop | null;
  recipients: RecipientEnd[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p === h) return true;
  // A wildcard certificate name covers one label: *.contoso.com answers for mail.contoso.com.
  return p.startsWith('*.') && h.endsWith(p.slice(1)) && !h.slice(0, h.length - p.length + 1).includes('.');
}

/**
 * The on-premises server an OnPremises outbound connector delivers to: the first server whose IP
 * address, or certificate subject or alternative name, is one of the connector's smart hosts.
 * Exchange Online connects to the smart host by name or IP and, for a hybrid connector, checks the
 * certificate it presents against that name, so the server presenting that name is the receiver
 * (https://learn.microsoft.com/exchange/mail-flow-best-practices/use-connectors-to-configure-mail-flow/set-up-connectors-to-route-mail).
 */
export function receivingServer(doc: Pick<TopologyDocument, 'servers'>, smartHosts: readonly string[]): Server | null {
  for (const host of smartHosts) {
    for (const s of doc.servers) {
      if (s.role !== 'onPremises') continue;
      if (same(s.ipAddress, host)) return s;
      const names = s.certificate ? [s.certificate.subject, ...s.certificate.subjectAlternativeNames] : [];
      if (names.some((n) => hostMatches(n, host))) return s;
    }
  }
  return null;
}

function firstIndex(events: readonly SimEvent[], test: (e: SimEvent) => boolean): number {
  return events.findIndex(test);
}

/** Reads a simulation once. `doc` names the receiving on-premises server; without it the route ends at `onPremises`. */
export function readSimulation(sim: Simulation, doc?: Pick<TopologyDocument, 'servers' | 'scenarios'>): RouteReading {
  const events = sim.events;
  let sender: string | null = null;
  const considered: string[] = [];
  const ruleMarks: RouteRuleMark[] = [];
  const handoffs: RouteHandoff[] = [];
  let firstReceipt: RouteReading['firstReceipt'] = null;
  let stop: RouteStop | null = null;
  events.forEach((e, step) => {
    switch (e.kind) {
      case 'connect':
      case 'throttle':
        sender ??= e.data.server;
        break;
      case 'connectorMatch':
        for (const c of e.data.candidates) if (!considered.includes(c.connector)) considered.push(c.connector);
        break;
      case 'attribution':
        firstReceipt ??= { tenant: e.data.tenant, tenants: e.data.tenants.length ? e.data.tenants : [e.data.tenant], connector: e.data.connector, key: e.data.key, step };
        break;
      case 'rule':
        ruleMarks.push({ rule: e.data.rule, tenant: e.data.tenant, action: e.data.action, recipients: e.data.recipients, step });
        break;
      case 'handoff':
        handoffs.push({ from: e.data.fromTenant, to: e.data.toTenant, recipients: e.data.recipients, step });
        break;
      case 'rcptRejected':
      case 'reject':
        if (e.smtp && !(stop && !stop.partial)) {
          stop = { at: e.at, stage: e.smtp.stage, code: `${e.smtp.code} ${e.smtp.enhanced}`, partial: e.kind === 'rcptRejected', step };
        }
        break;
      default:
        break;
    }
  });
  if (!sender && doc) sender = doc.scenarios.find((s) => s.id === sim.scenarioId)?.serverId ?? null;
  const attribution = sim.attribution;

  const recipients: RecipientEnd[] = sim.recipients.map((r) => {
    const mine = (list: readonly string[]) => list.some((a) => same(a, r.address));
    const acting = ruleMarks.find((m) => mine(m.recipients) && (m.action === 'reject' || m.action === 'delete' || (m.action === 'redirect' && !r.redirectedFrom)));
    const out = firstIndex(events, (e) => e.kind === 'outbound' && same(e.data.recipient, r.address));
    const outEvent = out >= 0 ? (events[out] as Extract<SimEvent, { kind: 'outbound' }>) : null;
    const ndrAt = firstIndex(events, (e) => e.kind === 'ndr' && same(e.data.recipient, r.address));
    const ndrEvent = ndrAt >= 0 ? (events[ndrAt] as Extract<SimEvent, { kind: 'ndr' }>) : null;
    const deliverAt = firstIndex(events, (e) => e.kind === 'deliver' && same(e.data.recipient, r.address));
    const refusedAt = firstIndex(events, (e) => (e.kind === 'rcptRejected' && same(e.data.recipient, r.address)) || e.kind === 'reject');
    let end: string = LANDMARK.frontDoor;
    let step = refusedAt;
    switch (r.disposition) {
      case 'delivered':
        end = r.tenant ?? r.path.at(-1) ?? LANDMARK.frontDoor;
        step = deliverAt;
        break;
      case 'internet':
        end = LANDMARK.internet;
        step = out;
        break;
      case 'onPremises': {
        const server = doc && outEvent ? receivingServer(doc, outEvent.data.smartHosts) : null;
        end = server?.id ?? LANDMARK.onPremises;
        step = out;
        break;
      }
      case 'ndr':
      case 'deleted':
      case 'redirected':
        end = acting?.rule ?? r.path.at(-1) ?? LANDMARK.frontDoor;
        step = r.disposition === 'ndr' && ndrAt >= 0 ? ndrAt : (acting?.step ?? -1);
        break;
      default:
        break;
    }
    return {
      address: r.address,
      disposition: r.disposition,
      tenant: r.tenant,
      path: r.path,
      code: r.code,
      entry: attribution?.connector && attribution.tenant === r.path[0] ? attribution.connector : null,
      rule: acting?.rule ?? null,
      connector: outEvent?.data.connector ?? null,
      end,
      step,
      ndr: ndrEvent ? { to: ndrEvent.data.to, sent: ndrEvent.data.sent } : null,
    };
  });
  return { type: sim.type, sender, firstReceipt, considered, ruleMarks, handoffs, stop, recipients };
}
