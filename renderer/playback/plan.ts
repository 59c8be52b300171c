/**
 * The playback plan: a pure projection of the engine's Simulation onto the canvas. One step per
 * engine event (so the event list, the timeline and the animation share one index). Each step says
 * which hops a token travels, what is highlighted and which marks (first receipt, hand-off, stop,
 * waiting, delivery, NDR) are on screen once the step has happened. Nothing here decides mail flow:
 * every value comes from an event's `kind`, `from`, `at`, `smtp` and typed `data`.
 */
import type { SimEvent, Simulation, SmtpReply, SmtpStage } from '../../shared/engine/types';
import type { TopologyDocument } from '../../shared/model/schema';
import { LANDMARK, readSimulation, type RecipientEnd, type RouteReading } from '../../shared/diagram/route';

/** Canvas ids of the landmarks the designer draws (see renderer/canvas/documentToFlow.ts). */
export interface CanvasLandmarks {
  frontDoor: string;
  internet: string;
  onPremises: string;
}

export const DEFAULT_LANDMARKS: CanvasLandmarks = {
  frontDoor: '__frontdoor',
  internet: '__internet',
  onPremises: '__zone-onprem',
};

export type HopKind = 'forward' | 'handoff' | 'ndr' | 'outbound';

export interface PlanHop {
  from: string;
  to: string;
  kind: HopKind;
  /** Hops of one step with the same order move together; a higher order follows. */
  order: number;
}

export type MarkKind = 'delivered' | 'internet' | 'onPremises' | 'ndr' | 'ndrNotSent' | 'deleted' | 'redirected' | 'header';

export interface PlanMark {
  kind: MarkKind;
  /** Canvas id the mark sits on. */
  at: string;
  /** The recipient (or header) concerned. */
  detail: string;
}

export interface PlanStop {
  at: string;
  stage: SmtpStage;
  reply: string;
  code: string;
  /** A refusal of some recipients only (RCPT): the message goes on for the others. */
  partial: boolean;
}

export interface PlanWaiting {
  at: string;
  reply: string;
}

export interface PlanStep {
  index: number;
  seq: number;
  event: SimEvent;
  /** Tokens travel these during the step. */
  hops: PlanHop[];
  /** The entity the step is about (selected on the canvas when the step is chosen in the list). */
  focus: string;
  /** Entities highlighted while this step is current. */
  highlights: string[];
  /** Where tokens rest once the step is over. */
  tokensAt: string[];
  // Cumulative state once this step has happened:
  trail: PlanHop[];
  firstReceipt: string[];
  handoffs: Array<{ from: string; to: string }>;
  actedRules: string[];
  marks: PlanMark[];
  stop: PlanStop | null;
  waiting: PlanWaiting | null;
}

/** Where one recipient ended, on the canvas: `end` is a canvas id, `step` the deciding step's index. */
export interface PlanRecipient extends RecipientEnd {
  end: string;
  step: number;
}

export interface PlaybackPlan {
  type: Simulation['type'];
  steps: PlanStep[];
  /** One entry per recipient, in the engine's order (the per-recipient strip). */
  recipients: PlanRecipient[];
  /** The semantic route the plan was built from (shared/diagram/route.ts). */
  reading: RouteReading;
  /** Every canvas id the plan refers to (for pre-computing positions once). */
  ids: string[];
}

export function replyText(smtp: SmtpReply): string {
  return `${smtp.code} ${smtp.enhanced} ${smtp.text}`.trim();
}

interface Own {
  hops: PlanHop[];
  focus: string;
  highlights: string[];
  firstReceipt?: string[];
  handoff?: { from: string; to: string };
  actedRule?: string;
  marks?: PlanMark[];
  stop?: PlanStop;
  waiting?: PlanWaiting;
}

/** What one event contributes, given where the tokens were. */
function ownPart(
  e: SimEvent,
  place: (id: string) => string,
  tokensBefore: string[],
  lm: CanvasLandmarks,
  lane: (tenant: string) => string,
  endOf: (recipient: string) => string | null,
): Own {
  const at = place(e.at);
  const move = (a: string, b: string, kind: HopKind = 'forward', order = 0): PlanHop[] => (a === b ? [] : [{ from: a, to: b, kind, order }]);
  switch (e.kind) {
    case 'connect':
      return { hops: move(place(e.data.server), lm.frontDoor), focus: e.data.server, highlights: [e.data.server, lm.frontDoor] };
    case 'throttle': {
      const covering = e.data.coveringConnector ? [e.data.coveringConnector] : [];
      const waiting = e.smtp && e.smtp.code >= 400 && e.smtp.code < 500 ? { at: lm.frontDoor, reply: replyText(e.smtp) } : undefined;
      return { hops: [], focus: covering[0] ?? lm.frontDoor, highlights: [lm.frontDoor, ...covering], waiting };
    }
    case 'connectorMatch': {
      const connectors = e.data.candidates.map((c) => c.connector);
      // The token enters through the front door and reaches the first matched connector.
      return {
        hops: connectors.length ? move(lm.frontDoor, connectors[0]) : [],
        focus: connectors[0] ?? lm.frontDoor,
        highlights: connectors.length ? connectors : [lm.frontDoor],
      };
    }
    case 'certificateCheck':
      return { hops: [], focus: e.data.connector, highlights: [e.data.connector] };
    case 'attribution': {
      const tenants = e.data.tenants.length ? e.data.tenants : [e.data.tenant];
      const origin = e.data.connector ?? lm.frontDoor;
      const start = tokensBefore.includes(origin) ? origin : (tokensBefore[0] ?? lm.frontDoor);
      return {
        hops: tenants.flatMap((t) => move(start, t)),
        focus: e.data.tenant,
        highlights: [...tenants, ...(e.data.connector ? [e.data.connector] : [])],
        firstReceipt: tenants,
      };
    }
    case 'rcptRejected':
      return {
        hops: [],
        focus: lm.frontDoor,
        highlights: [lm.frontDoor],
        stop: e.smtp
          ? { at: lm.frontDoor, stage: e.smtp.stage, reply: `${e.data.recipient}: ${replyText(e.smtp)}`, code: e.smtp.enhanced, partial: true }
          : undefined,
      };
    case 'reject': {
      const where = tokensBefore.length === 1 ? tokensBefore[0] : at;
      return {
        hops: [],
        focus: e.data.connector ?? where,
        highlights: [where, ...(e.data.connector ? [e.data.connector] : [])],
        stop: e.smtp ? { at: where, stage: e.smtp.stage, reply: replyText(e.smtp), code: e.smtp.enhanced, partial: false } : undefined,
      };
    }
    case 'accepted':
      return { hops: [], focus: at, highlights: [at] };
    case 'rule': {
      const d = e.data;
      const marks: PlanMark[] =
        d.action === 'delete'
          ? d.recipients.map((r) => ({ kind: 'deleted' as const, at: d.rule, detail: r }))
          : d.action === 'redirect'
            ? d.recipients.map((r) => ({ kind: 'redirected' as const, at: d.rule, detail: `${r} → ${d.redirectTo.join(', ')}` }))
            : d.action === 'setHeader' && d.header
              ? [{ kind: 'header' as const, at: d.rule, detail: `${d.header.name}: ${d.header.value}` }]
              : [];
      return { hops: move(lane(d.tenant), d.rule), focus: d.rule, highlights: [d.rule, d.tenant], actedRule: d.rule, marks };
    }
    case 'handoff':
      return {
        hops: move(lane(e.data.fromTenant), e.data.toTenant, 'handoff'),
        focus: e.data.toTenant,
        highlights: [e.data.fromTenant, e.data.toTenant],
        handoff: { from: e.data.fromTenant, to: e.data.toTenant },
      };
    case 'deliver':
      return {
        hops: move(lane(e.data.tenant), e.data.tenant),
        focus: e.data.tenant,
        highlights: [e.data.tenant],
        marks: [{ kind: 'delivered', at: e.data.tenant, detail: e.data.recipient }],
      };
    case 'outbound': {
      const d = e.data;
      // The route's end: the server the connector's smart host names, else the zone or the Internet.
      const end = endOf(d.recipient) ?? (d.destination === 'onPremises' ? lm.onPremises : lm.internet);
      const hops = d.connector
        ? [...move(lane(d.tenant), d.connector, 'outbound', 0), ...move(d.connector, end, 'outbound', 1)]
        : move(lane(d.tenant), end, 'outbound');
      return {
        hops,
        focus: d.connector ?? d.tenant,
        highlights: [d.tenant, ...(d.connector ? [d.connector] : []), end],
        marks: [{ kind: d.destination === 'onPremises' ? 'onPremises' : 'internet', at: end, detail: d.recipient }],
      };
    }
    case 'ndr': {
      const d = e.data;
      const back = lane(d.tenant);
      return {
        hops: d.sent ? move(back, at, 'ndr') : [],
        focus: d.rule ?? d.tenant,
        highlights: [d.tenant, ...(d.rule ? [d.rule] : []), ...(d.sent ? [at] : [])],
        marks: [{ kind: d.sent ? 'ndr' : 'ndrNotSent', at: d.sent ? at : back, detail: `${d.recipient} ${d.code}` }],
      };
    }
    default:
      // Explanatory events (ruleSkipped, tls, certificateExpired, enforcement, unstable) move nothing.
      return { hops: [], focus: at, highlights: [at] };
  }
}

/** The tenant whose copy a step moves (hand-offs move the receiving tenant's copy). */
function laneTenant(e: SimEvent): string | null {
  switch (e.kind) {
    case 'rule':
    case 'deliver':
    case 'outbound':
    case 'ndr':
      return e.data.tenant;
    case 'handoff':
      return e.data.toTenant;
    default:
      return null;
  }
}

/**
 * Builds the plan of a simulation. `landmarks` maps the engine's `eop`/`internet` to canvas ids.
 */
export function buildPlan(
  sim: Simulation,
  landmarks: CanvasLandmarks = DEFAULT_LANDMARKS,
  doc?: Pick<TopologyDocument, 'servers' | 'scenarios'>,
): PlaybackPlan {
  const canvasId: Record<string, string> = {
    [LANDMARK.frontDoor]: landmarks.frontDoor,
    [LANDMARK.internet]: landmarks.internet,
    [LANDMARK.onPremises]: landmarks.onPremises,
  };
  const place = (id: string) => (Object.hasOwn(canvasId, id) ? canvasId[id] : id);
  const reading = readSimulation(sim, doc);
  const recipients: PlanRecipient[] = reading.recipients.map((r) => ({ ...r, end: place(r.end) }));
  const endOf = (address: string) => recipients.find((r) => r.address.toLowerCase() === address.toLowerCase())?.end ?? null;
  const steps: PlanStep[] = [];
  let tokens: string[] = [];
  let trail: PlanHop[] = [];
  let firstReceipt: string[] = [];
  let handoffs: Array<{ from: string; to: string }> = [];
  let actedRules: string[] = [];
  let marks: PlanMark[] = [];
  let stop: PlanStop | null = null;
  let waiting: PlanWaiting | null = null;
  const ids = new Set<string>([landmarks.frontDoor]);
  // Where each tenant's copy of the message currently is (a rule, a connector, the tenant itself).
  const lanes = new Map<string, string>();
  const lane = (tenant: string) => lanes.get(tenant) ?? tenant;

  sim.events.forEach((event, index) => {
    const own = ownPart(event, place, tokens, landmarks, lane, endOf);
    if (own.hops.length) {
      const last = Math.max(...own.hops.map((h) => h.order));
      // Tokens that moved now rest at the ends of the last hops; tokens elsewhere stay (split paths).
      const moved = new Set(own.hops.map((h) => h.from));
      const arrived = own.hops.filter((h) => h.order === last).map((h) => h.to);
      tokens = [...new Set([...tokens.filter((t) => !moved.has(t)), ...arrived])];
      trail = [...trail, ...own.hops];
      const tenant = laneTenant(event);
      if (tenant) lanes.set(tenant, own.hops.filter((h) => h.order === last).at(-1)!.to);
    }
    if (own.firstReceipt) for (const t of own.firstReceipt) lanes.set(t, t);
    if (own.firstReceipt) firstReceipt = [...new Set([...firstReceipt, ...own.firstReceipt])];
    if (own.handoff) handoffs = [...handoffs, own.handoff];
    if (own.actedRule) actedRules = [...new Set([...actedRules, own.actedRule])];
    if (own.marks?.length) marks = [...marks, ...own.marks];
    if (own.stop) stop = own.stop.partial && stop && !stop.partial ? stop : own.stop;
    if (own.waiting) waiting = own.waiting;
    for (const h of own.hops) ids.add(h.from).add(h.to);
    for (const h of own.highlights) ids.add(h);
    for (const m of own.marks ?? []) ids.add(m.at);
    steps.push({
      index,
      seq: event.seq,
      event,
      hops: own.hops,
      focus: own.focus,
      highlights: [...new Set(own.highlights)],
      tokensAt: tokens,
      trail,
      firstReceipt,
      handoffs,
      actedRules,
      marks,
      stop,
      waiting,
    });
  });
  for (const t of firstReceipt) ids.add(t);
  for (const r of recipients) ids.add(r.end);
  return { type: sim.type, steps, recipients, reading, ids: [...ids] };
}

/** The SMTP conversation up to a step: lines tied to events at or before it (seq 0 is the greeting). */
export function transcriptUpTo<T extends { seq: number }>(lines: readonly T[], seq: number): T[] {
  return lines.filter((l) => l.seq <= seq);
}

/** Event-list filtering: by kind and by tenant (an event is in a tenant if it happened there or involves it). */
export function filterSteps(steps: readonly PlanStep[], filter: { kinds: ReadonlySet<string> | null; tenant: string | null }): PlanStep[] {
  return steps.filter((s) => {
    if (filter.kinds && !filter.kinds.has(s.event.kind)) return false;
    if (filter.tenant && s.event.tenant !== filter.tenant && !s.event.entities.includes(filter.tenant)) return false;
    return true;
  });
}

/** Milliseconds a step lasts at a speed (1 = normal). */
export function stepDuration(speed: number): number {
  return Math.round(1400 / Math.max(0.1, speed));
}
