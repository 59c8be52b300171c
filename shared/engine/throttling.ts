/**
 * The throttling model of mailflow-model.md "Throttling", for load scenarios.
 *
 * Microsoft publishes no thresholds ("Fix error code 451 4.7.500-699 (ASxxx)"), so the model is
 * explicit and adjustable through `service.throttling`. Counts are whole messages; the queue is kept
 * as cohorts (hour of first attempt, count), so a million messages cost the same as a hundred.
 */
import type { LoadProfile, TopologyDocument } from '../model/schema';
import { resolveService, type ThrottlingSettings } from '../model/service';
import { connectionAt, coveringConnector, findCandidates, presentedNames, usableCertificateNames } from './attribution';
import { SOURCES } from './sources';
import { indexTopology } from './topologyIndex';
import { namesOf, Trace } from './trace';
import { SimulationInputError } from './errors';
import { enforcementReply, outOfDateReason, pauseInEffect, type SimulateOptions } from './simulate';
import type { LoadHour, LoadSimulation, SmtpReply } from './types';

/** Hours after the burst in which the queue must have drained or expired; a hard stop for safety. */
const MAX_TAIL_HOURS = 24 * 60;

export function throttleReply(ip: string): SmtpReply {
  return { code: 451, enhanced: '4.7.500', text: `Server busy. Please try again later from [${ip}]. (ASxxx)`, stage: 'connect' };
}

/**
 * Hour by hour from the burst's first hour: offered = new + queue (oldest first); accepted =
 * min(offered, threshold); the rest deferred; deferred messages whose age has reached
 * `messageExpirationHours` expire, the others are queued. Accepted volume becomes history, so the
 * threshold rises. A covered source is never throttled.
 *
 * Age: a message first offered in hour a has age h − a when it is retried in hour h, so with 24 hours
 * it is tried in hours a … a+24 and expires when still deferred at a+24.
 */
/**
 * Out-of-date server enforcement in a load scenario (version 2): each hour accepts at most
 * floor(offered × (60 − minutesPerHour) / 60); under `throttle` the rest is deferred, under `block`
 * the share enforcement refuses is refused for good, newest messages first.
 */
export interface LoadEnforcement {
  stage: 'throttle' | 'block';
  minutesPerHour: number;
}

export function throttleTable(load: LoadProfile, t: ThrottlingSettings, covered: boolean, enforcement: LoadEnforcement | null = null): LoadHour[] {
  const window = t.historyDays * 24;
  const historyHours = load.baselineDays * 24;
  // accepted[i] for hour i relative to the burst: history hours are −historyHours+1 … 0.
  const acceptedByHour = new Map<number, number>();
  let windowSum = 0;
  // Sum of the accepted volume in the window before hour 1: hours 1−window … 0.
  for (let h = 1 - window; h <= 0; h++) {
    const v = h > -historyHours ? load.baselinePerHour : 0;
    acceptedByHour.set(h, v);
    windowSum += v;
  }
  const hours: LoadHour[] = [];
  const queue: Array<{ firstHour: number; count: number }> = [];
  for (let h = 1; h <= load.burstHours + MAX_TAIL_HOURS; h++) {
    const fresh = h <= load.burstHours ? load.burstPerHour : 0;
    const queued = queue.reduce((s, c) => s + c.count, 0);
    if (h > load.burstHours && queued === 0) break;
    const offered = fresh + queued;
    let threshold: number | null;
    let allowance: number;
    if (covered) {
      threshold = null;
      allowance = offered;
    } else {
      const baseline = windowSum / window;
      threshold = windowSum === 0 ? t.newSourcePerHour : Math.max(t.surgeFloorPerHour, t.surgeFactor * baseline);
      allowance = Math.floor(threshold);
    }
    let accepted = 0;
    let rejected = 0;
    // Retries first, oldest first; then the hour's new messages.
    if (fresh > 0) queue.push({ firstHour: h, count: fresh });
    if (enforcement) {
      const cap = Math.floor((offered * (60 - enforcement.minutesPerHour)) / 60);
      if (enforcement.stage === 'block') {
        // The sender gives up at once on what is refused: newest messages first.
        let refuse = offered - cap;
        for (let i = queue.length - 1; i >= 0 && refuse > 0; i--) {
          const take = Math.min(queue[i].count, refuse);
          queue[i].count -= take;
          refuse -= take;
          rejected += take;
        }
      }
      allowance = Math.min(allowance, cap);
    }
    for (const cohort of queue) {
      const take = Math.min(cohort.count, allowance - accepted);
      cohort.count -= take;
      accepted += take;
      if (accepted >= allowance) break;
    }
    const deferred = offered - accepted - rejected;
    let expired = 0;
    for (const cohort of queue) {
      if (cohort.count > 0 && h - cohort.firstHour >= t.messageExpirationHours) {
        expired += cohort.count;
        cohort.count = 0;
      }
    }
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].count === 0) queue.splice(i, 1);
    hours.push({ hour: h, offered, accepted, deferred, queued: deferred - expired, expired, rejected, threshold });
    // Slide the history window: hour h enters, hour h − window leaves.
    acceptedByHour.set(h, accepted);
    windowSum += accepted - (acceptedByHour.get(h - window) ?? 0);
    acceptedByHour.delete(h - window);
  }
  return hours;
}

export function simulateLoadScenario(
  doc: TopologyDocument,
  serverId: string,
  load: LoadProfile,
  options: SimulateOptions & { scenarioId?: string | null } = {},
): LoadSimulation {
  const index = indexTopology(doc);
  let server = index.serverById.get(serverId)!;
  if (!server) throw new SimulationInputError(`no server "${serverId}" in the document`);
  const settings = resolveService(doc.service, { scenarioAsOf: options.scenarioAsOf, today: options.today });
  const trace = new Trace(options.lang ?? 'en', namesOf(doc));
  const raw = server;
  const connection = connectionAt(server, settings);
  server = connection.server;
  const covering = coveringConnector(index, server);
  // Out-of-date server enforcement: the source matches an enabled OnPremises connector (by IP or a
  // usable certificate) of a tenant that has not paused it.
  const reason = outOfDateReason(server, settings.asOf);
  const stage = settings.outOfDateServerEnforcement.stage;
  let enforcedAt: { tenant: string; connector: string; pausedUntil: string | null } | null = null;
  if (reason && stage !== 'off') {
    const candidates = findCandidates(index, server);
    const all = [...candidates.certificate, ...candidates.ip].sort((a, b) => a.entry.order - b.entry.order);
    const active = all.find((c) => !pauseInEffect(c.entry.tenant, settings.asOf));
    const hit = active ?? all[0];
    if (hit) enforcedAt = { tenant: hit.entry.tenant.id, connector: hit.entry.connector.id, pausedUntil: active ? null : pauseInEffect(hit.entry.tenant, settings.asOf) };
  }
  const enforcement: LoadEnforcement | null =
    enforcedAt && !enforcedAt.pausedUntil && (stage === 'throttle' || stage === 'block')
      ? { stage, minutesPerHour: settings.outOfDateServerEnforcement.minutesPerHour }
      : null;
  const hours = throttleTable(load, settings.throttling, covering !== null, enforcement);

  trace.add('connect', {
    at: 'eop',
    from: server.id,
    tenant: null,
    entities: [server.id],
    source: SOURCES.throttling,
    data: {
      server: server.id,
      ip: server.ipAddress,
      tls: server.tls,
      certificateNames: presentedNames(server),
      certificateUsable: usableCertificateNames(server).length > 0,
      mailFrom: '',
      rcptTo: [],
      headerFrom: null,
    },
  });
  if (enforcedAt && reason) {
    trace.add('enforcement', {
      at: enforcedAt.connector,
      from: raw.id,
      tenant: enforcedAt.tenant,
      entities: [raw.id, enforcedAt.connector, enforcedAt.tenant],
      smtp: enforcement ? enforcementReply(enforcement.stage, enforcement.minutesPerHour) : null,
      source: SOURCES.enforcement,
      data: {
        server: raw.id,
        tenant: enforcedAt.tenant,
        version: raw.exchange!.version,
        reason,
        stage,
        minutesPerHour: settings.outOfDateServerEnforcement.minutesPerHour,
        pausedUntil: enforcedAt.pausedUntil,
        asOf: settings.asOf,
      },
    });
  }
  let worst: LoadHour | null = null;
  for (const h of hours) if (h.deferred > 0 && (!worst || h.deferred > worst.deferred)) worst = h;
  const deferredTotal = hours.reduce((s, h) => s + h.deferred, 0);
  // Distinct messages deferred at least once: each hour's new messages that were not accepted in
  // that hour (retries are served first, so new ones get what the queue leaves).
  const messagesDeferred = hours.reduce((s, h) => {
    const fresh = h.hour <= load.burstHours ? load.burstPerHour : 0;
    const acceptedFresh = Math.max(0, h.accepted - (h.offered - fresh));
    return s + (fresh - acceptedFresh);
  }, 0);
  const expiredTotal = hours.reduce((s, h) => s + h.expired, 0);
  const rejectedTotal = hours.reduce((s, h) => s + h.rejected, 0);
  const smtp: SmtpReply =
    enforcement && (rejectedTotal > 0 || worst)
      ? enforcementReply(rejectedTotal > 0 ? 'block' : enforcement.stage, enforcement.minutesPerHour)
      : worst
        ? throttleReply(server.ipAddress)
        : { code: 250, enhanced: '2.6.0', text: 'Queued mail for delivery', stage: 'data' };
  trace.add('throttle', {
    at: 'eop',
    from: server.id,
    tenant: covering ? (index.inboundById.get(covering.id)?.tenant.id ?? null) : null,
    entities: [server.id, ...(covering ? [covering.id] : [])],
    smtp: worst && !enforcement ? smtp : null,
    code: worst && !enforcement ? smtp.enhanced : null,
    source: SOURCES.throttling,
    data: {
      server: server.id,
      ip: server.ipAddress,
      covered: covering !== null,
      coveringConnector: covering?.id ?? null,
      worstHour: worst?.hour ?? null,
      deferred: deferredTotal,
      messagesDeferred,
      expired: expiredTotal,
      threshold: worst?.threshold ?? null,
      settings: settings.throttling,
    },
  });
  if (!worst && rejectedTotal === 0) {
    trace.add('accepted', {
      at: 'eop',
      from: server.id,
      tenant: null,
      entities: [server.id],
      smtp,
      source: SOURCES.throttling,
      data: { messageId: '' },
    });
  }
  return {
    type: 'load',
    scenarioId: options.scenarioId ?? null,
    asOf: settings.asOf,
    unstable: false,
    result: rejectedTotal > 0 ? 'rejected' : worst ? 'deferred' : 'accepted',
    smtp,
    attribution: null,
    recipients: [],
    events: trace.events,
    transcript: trace.transcript,
    hours,
    coveringConnector: covering?.id ?? null,
  };
}
