/**
 * Design diagnostics (cli.md "Diagnostics"): findings about a design that will surprise its owner in
 * production, each with a severity, the entity it concerns, and a message that says what will
 * happen and how to fix it, in English and Japanese.
 *
 * The rules form one registry (`DIAGNOSTICS`: id, default severity, check); each message takes its
 * rule's own typed arguments (`ArgsByRule`). Findings are derived from the same engine functions the
 * simulation uses, at the same evaluation date, so a diagnostic never disagrees with a simulated
 * message.
 */
import type { InboundConnector, Scenario, Server, Tenant, TopologyDocument } from '../model/schema';
import { isLoadScenario } from '../model/schema';
import { checkIntegrity } from '../model/integrity';
import { domainOf, parseIpv4Range, patternCovers, rangesOverlap, type Ipv4Range } from '../model/net';
import { resolveService, type ServiceSettings } from '../model/service';
import { daysBetween } from '../model/timeline';
import { certificateStateAt, checkCertificateDomain, connectionAt, coveringConnector, findCandidates, presentedNames, usableCertificateNames } from '../engine/attribution';
import { outOfDateReason, pauseInEffect, simulateMessage } from '../engine/simulate';
import { ruleMatches } from '../engine/transportRules';
import { indexTopology, ownerOfDomain, type TopologyIndex } from '../engine/topologyIndex';
import { namesOf } from '../engine/trace';
import type { Lang } from '../engine/types';
import { scenarioDisplayName } from '../i18n/gallery';
import { MESSAGES, type ArgsByRule, type DiagnosticRule } from './messages';

export type { DiagnosticRule, ArgsByRule } from './messages';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  rule: DiagnosticRule;
  severity: Severity;
  /** The id of the entity it concerns (a connector, a tenant, a server, a scenario), or null. */
  entity: string | null;
  /** JSON path of the concerned value, when there is one. */
  path: string | null;
  /** What will happen, and how to fix it, in the requested language. */
  message: string;
  /** Other entities involved (the overlapping connector, the captured server...). */
  related: string[];
}

export interface LintOptions {
  lang?: Lang;
  /** The run's date: the evaluation date when the document gives none (the engine reads no clock). */
  today?: string | null;
}

interface Context {
  doc: TopologyDocument;
  index: TopologyIndex;
  settings: ServiceSettings;
  lang: Lang;
  name: (id: string) => string;
  out: Diagnostic[];
}

/** One diagnostic rule: its id, its usual severity (a finding may say otherwise), and its check. */
export interface DiagnosticDefinition {
  id: DiagnosticRule | readonly DiagnosticRule[];
  severity: Severity;
  check: (ctx: Context) => void;
}

/** Every diagnostic, in the order they run. */
export const DIAGNOSTICS: readonly DiagnosticDefinition[] = [
  { id: ['duplicate-accepted-domain', 'scenario-missing-server', 'broken-reference'], severity: 'error', check: structuralErrors },
  { id: 'certificate-domain-not-accepted', severity: 'warning', check: certificateDomainNotAccepted },
  { id: 'ip-connector-overlap', severity: 'warning', check: overlappingIpConnectors },
  { id: 'multiple-recipient-domains-ip-connector', severity: 'error', check: multipleRecipientDomainsOverIpConnector },
  { id: 'outside-rule-blocks-other-tenants', severity: 'warning', check: outsideRecipientRuleBlocksOtherTenants },
  { id: 'wildcard-captures-other-server', severity: 'warning', check: wildcardCapturesOtherServer },
  { id: 'server-without-connector', severity: 'warning', check: serverWithoutConnector },
  { id: 'internal-relay-without-connector', severity: 'warning', check: internalRelayWithoutOutboundConnector },
  { id: ['certificate-expired', 'certificate-expiring'], severity: 'error', check: certificateValidity },
  { id: 'tls-below-minimum', severity: 'error', check: tlsBelowMinimum },
  { id: 'out-of-date-server', severity: 'warning', check: outOfDateServers },
  { id: 'enforcement-pause-too-long', severity: 'warning', check: pauseTooLong },
  { id: 'sender-ip-range-too-wide', severity: 'error', check: senderIpRangeTooWide },
  { id: 'rule-not-evaluated', severity: 'info', check: rulesNotEvaluated },
  { id: 'certificate-matches-several-tenants', severity: 'warning', check: certificateMatchesSeveralTenants },
];

export function lint(doc: TopologyDocument, options: LintOptions = {}): Diagnostic[] {
  const ctx: Context = {
    doc,
    index: indexTopology(doc),
    settings: resolveService(doc.service, { today: options.today }),
    lang: options.lang ?? 'en',
    name: namesOf(doc),
    out: [],
  };
  for (const d of DIAGNOSTICS) d.check(ctx);
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return ctx.out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

function report<R extends DiagnosticRule>(
  ctx: Context,
  rule: R,
  severity: Severity,
  entity: string | null,
  path: string | null,
  args: ArgsByRule[R],
  related: string[] = [],
): void {
  ctx.out.push({ rule, severity, entity, path, message: MESSAGES[rule][ctx.lang](args), related });
}

/** Structural errors: the loader's cross-reference rules (duplicate domains, missing servers, ...). */
function structuralErrors(ctx: Context): void {
  for (const issue of checkIntegrity(ctx.doc)) {
    const rule = issue.rule === 'duplicate-domain' ? 'duplicate-accepted-domain' : issue.rule === 'missing-server' ? 'scenario-missing-server' : 'broken-reference';
    report(ctx, rule, 'error', issue.entityId, issue.path, { path: issue.path, found: issue.found, expected: issue.expected });
  }
}

/** A server as Exchange Online sees it on the evaluation date (TLS negotiated, certificate valid). */
function seen(ctx: Context, server: Server): Server {
  return connectionAt(server, ctx.settings).server;
}

/** Certificate connectors (enabled, OnPremises) whose name covers one of the server's names. */
function connectorsNaming(ctx: Context, server: Server): Array<{ tenant: Tenant; connector: InboundConnector }> {
  const names = presentedNames(server);
  return onPremisesConnectors(ctx).filter(({ connector }) => {
    const pattern = connector.tlsSenderCertificateName;
    return !!pattern && names.some((n) => patternCovers(pattern, n));
  });
}

/**
 * Certificate validity (mailflow-model.md, version 2): expired (or not yet valid) at the evaluation
 * date is an error; expiring within 60 days of it a warning (Exchange HealthChecker's threshold).
 */
function certificateValidity(ctx: Context): void {
  const asOf = ctx.settings.asOf;
  ctx.doc.servers.forEach((server, i) => {
    const c = server.certificate;
    if (!c) return;
    const state = certificateStateAt(c, asOf);
    const path = `servers[${i}].certificate`;
    if (state) {
      const connectors = connectorsNaming(ctx, server);
      report(ctx, 'certificate-expired', 'error', server.id, `${path}.${state === 'expired' ? 'notAfter' : 'notBefore'}`, {
        server: ctx.name(server.id),
        subject: c.subject,
        date: (state === 'expired' ? c.notAfter : c.notBefore) ?? '',
        asOf,
        connectors: connectors.map((x) => `"${ctx.name(x.connector.id)}"`).join(', '),
        state,
      }, connectors.map((x) => x.connector.id));
      return;
    }
    if (c.notAfter) {
      const days = daysBetween(asOf, c.notAfter);
      if (days <= 60) {
        report(ctx, 'certificate-expiring', 'warning', server.id, `${path}.notAfter`, { server: ctx.name(server.id), subject: c.subject, date: c.notAfter, asOf, days });
      }
    }
  });
}

/** A server below `minimumInboundTlsVersion` while a certificate connector names its certificate. */
function tlsBelowMinimum(ctx: Context): void {
  ctx.doc.servers.forEach((server, i) => {
    const connection = connectionAt(server, ctx.settings);
    if (!server.tls || connection.negotiated) return;
    const named = connectorsNaming(ctx, server);
    if (named.length === 0) return;
    report(ctx, 'tls-below-minimum', 'error', server.id, `servers[${i}].tlsVersion`, {
      server: ctx.name(server.id),
      version: connection.offered ?? '',
      minimum: ctx.settings.minimumInboundTlsVersion,
      connector: ctx.name(named[0].connector.id),
      tenant: ctx.name(named[0].tenant.id),
    }, named.map((x) => x.connector.id));
  });
}

/**
 * Out-of-date on-premises Exchange servers (version 2): one finding per affected server, i.e. one
 * that is out of date and matches an OnPremises connector while the stage is not `off`.
 */
function outOfDateServers(ctx: Context): void {
  const { asOf, outOfDateServerEnforcement: e } = ctx.settings;
  if (e.stage === 'off') return;
  ctx.doc.servers.forEach((server, i) => {
    const why = outOfDateReason(server, asOf);
    if (!why) return;
    const { certificate, ip } = findCandidates(ctx.index, seen(ctx, server));
    const hit = [...certificate, ...ip].sort((a, b) => a.entry.order - b.entry.order)[0];
    if (!hit) return;
    const pausedUntil = pauseInEffect(hit.entry.tenant, asOf);
    const severity: Severity = pausedUntil || e.stage === 'report' ? 'warning' : 'error';
    report(ctx, 'out-of-date-server', severity, server.id, `servers[${i}].exchange`, {
      server: ctx.name(server.id),
      version: server.exchange!.version,
      why,
      tenant: ctx.name(hit.entry.tenant.id),
      stage: e.stage as 'report' | 'throttle' | 'block',
      minutes: e.minutesPerHour,
      asOf,
      pausedUntil,
    }, [hit.entry.connector.id, hit.entry.tenant.id]);
  });
}

/** Microsoft allows at most 90 days of enforcement pause per calendar year. */
function pauseTooLong(ctx: Context): void {
  const asOf = ctx.settings.asOf;
  ctx.doc.tenants.forEach((tenant, ti) => {
    const until = tenant.enforcementPausedUntil;
    if (!until) return;
    const days = daysBetween(asOf, until);
    if (days <= 90) return;
    report(ctx, 'enforcement-pause-too-long', 'warning', tenant.id, `tenants[${ti}].enforcementPausedUntil`, { tenant: ctx.name(tenant.id), until, asOf, days });
  });
}

/** New-InboundConnector accepts only /24 to /32 in SenderIPAddresses (mailflow-model.md, version 2). */
function senderIpRangeTooWide(ctx: Context): void {
  ctx.doc.tenants.forEach((tenant, ti) => {
    tenant.inboundConnectors.forEach((connector, ci) => {
      connector.senderIPAddresses.forEach((range, ri) => {
        const slash = range.indexOf('/');
        if (slash < 0 || Number(range.slice(slash + 1)) >= 24) return;
        report(ctx, 'sender-ip-range-too-wide', 'error', connector.id, `tenants[${ti}].inboundConnectors[${ci}].senderIPAddresses[${ri}]`, {
          connector: ctx.name(connector.id),
          tenant: ctx.name(tenant.id),
          range,
        });
      });
    });
  });
}

/**
 * MC1226222: a server whose usable certificate matches OnPremises certificate connectors of several
 * tenants. Whether a given message is ambiguous depends on its domains; the design is at risk.
 */
function certificateMatchesSeveralTenants(ctx: Context): void {
  ctx.doc.servers.forEach((server, i) => {
    const matched = findCandidates(ctx.index, seen(ctx, server)).certificate;
    const tenants = [...new Set(matched.map((c) => c.entry.tenant.id))];
    if (tenants.length < 2) return;
    report(ctx, 'certificate-matches-several-tenants', ctx.settings.ambiguousTenantPolicy === 'unstable' ? 'warning' : 'info', server.id, `servers[${i}].certificate`, {
      server: ctx.name(server.id),
      tenants: tenants.map(ctx.name).join(', '),
      connectors: matched.map((c) => `"${ctx.name(c.entry.connector.id)}" (${ctx.name(c.entry.tenant.id)})`).join(', '),
      policy: ctx.settings.ambiguousTenantPolicy,
    }, [...matched.map((c) => c.entry.connector.id), ...tenants]);
  });
}

/** Rules with conditions the model cannot evaluate: simulations skip them (and say so). */
function rulesNotEvaluated(ctx: Context): void {
  ctx.doc.tenants.forEach((tenant, ti) => {
    tenant.transportRules.forEach((rule, ri) => {
      if (!rule.enabled || !rule.unmodelledConditions?.length) return;
      report(ctx, 'rule-not-evaluated', 'info', rule.id, `tenants[${ti}].transportRules[${ri}].unmodelledConditions`, {
        rule: ctx.name(rule.id),
        tenant: ctx.name(tenant.id),
        conditions: rule.unmodelledConditions.map((c) => c.name).join(', '),
      });
    });
  });
}

function tenantPath(ctx: Context, tenant: Tenant): number {
  return ctx.index.tenantOrder.get(tenant.id) ?? 0;
}

function connectorPath(ctx: Context, tenant: Tenant, connector: InboundConnector): string {
  return `tenants[${tenantPath(ctx, tenant)}].inboundConnectors[${tenant.inboundConnectors.indexOf(connector)}]`;
}

function onPremisesConnectors(ctx: Context): Array<{ tenant: Tenant; connector: InboundConnector }> {
  return ctx.doc.tenants.flatMap((tenant) =>
    tenant.inboundConnectors.filter((c) => c.enabled && c.connectorType === 'OnPremises').map((connector) => ({ tenant, connector })),
  );
}

function serversMatchingCertificate(ctx: Context, connector: InboundConnector): Array<{ server: Server; name: string }> {
  const pattern = connector.tlsSenderCertificateName;
  if (!pattern) return [];
  return ctx.doc.servers.flatMap((server) => {
    const name = usableCertificateNames(seen(ctx, server)).find((n) => patternCovers(pattern, n));
    return name ? [{ server, name }] : [];
  });
}

/**
 * Point 2 (MC1226222): an OnPremises certificate connector whose certificate domain is not an
 * accepted domain of its tenant is used only when the sender or recipient domain is accepted;
 * null-sender mail (NDRs) to the Internet is rejected with 5.7.64 ATTR36.
 */
function certificateDomainNotAccepted(ctx: Context): void {
  for (const { tenant, connector } of onPremisesConnectors(ctx)) {
    const pattern = connector.tlsSenderCertificateName;
    if (!pattern) continue;
    const matching = serversMatchingCertificate(ctx, connector);
    // Without a server in the design, judge the name a server would present under the connector.
    const names = matching.length > 0 ? matching.map((m) => m.name) : [pattern.startsWith('*.') ? `mail.${pattern.slice(2)}` : pattern];
    const failing = names.filter((n) => checkCertificateDomain(ctx.index, ctx.settings.certDomainMatch, tenant, pattern, n).acceptedDomain === null);
    if (failing.length === 0) continue;
    const check = checkCertificateDomain(ctx.index, ctx.settings.certDomainMatch, tenant, pattern, failing[0]);
    report(ctx, 'certificate-domain-not-accepted', 'warning', connector.id, `${connectorPath(ctx, tenant, connector)}.tlsSenderCertificateName`, {
      connector: ctx.name(connector.id),
      tenant: ctx.name(tenant.id),
      certificate: failing[0],
      checked: check.checkedDomains.join(', '),
      mode: ctx.settings.certDomainMatch,
    }, matching.map((m) => m.server.id));
  }
}

/**
 * MC1226222: an IP shared with other tenants' servers. When two tenants' OnPremises connectors
 * cover the same addresses, the sender and recipient domains decide, and mail that neither accepts
 * is refused. Sweep over ranges sorted by start: O(n log n).
 */
function overlappingIpConnectors(ctx: Context): void {
  const ranges: Array<{ tenant: Tenant; connector: InboundConnector; text: string; range: Ipv4Range }> = [];
  for (const { tenant, connector } of onPremisesConnectors(ctx)) {
    for (const text of connector.senderIPAddresses) {
      const range = parseIpv4Range(text);
      if (range) ranges.push({ tenant, connector, text, range });
    }
  }
  ranges.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const reported = new Set<string>();
  const open: typeof ranges = [];
  for (const r of ranges) {
    for (let i = open.length - 1; i >= 0; i--) if (open[i].range.end < r.range.start) open.splice(i, 1);
    for (const o of open) {
      if (o.tenant === r.tenant || !rangesOverlap(o.range, r.range)) continue;
      const key = [o.connector.id, r.connector.id].sort().join('|');
      if (reported.has(key)) continue;
      reported.add(key);
      report(ctx, 'ip-connector-overlap', 'warning', r.connector.id, `${connectorPath(ctx, r.tenant, r.connector)}.senderIPAddresses`, {
        connector: ctx.name(r.connector.id),
        tenant: ctx.name(r.tenant.id),
        range: r.text,
        otherConnector: ctx.name(o.connector.id),
        otherTenant: ctx.name(o.tenant.id),
        otherRange: o.text,
      }, [o.connector.id]);
    }
    open.push(r);
  }
}

function messageScenariosFrom(ctx: Context, server: Server): Array<Scenario & { rcptTo: string[] }> {
  return ctx.doc.scenarios.filter((s): s is Scenario & { rcptTo: string[] } => !isLoadScenario(s) && s.serverId === server.id && !!s.rcptTo);
}

/** Connectors that match a server by IP (OnPremises, enabled): the engine's own candidate lookup. */
function ipConnectorsOf(ctx: Context, server: Server): Array<{ tenant: Tenant; connector: InboundConnector }> {
  return findCandidates(ctx.index, seen(ctx, server)).ip.map((c) => ({ tenant: c.entry.tenant, connector: c.entry.connector }));
}

/**
 * Point 3: an IP connector used by a server that sends to several recipient domains in one session
 * while its senders' domains are not accepted. The scenario is simulated, so the finding says what
 * the engine does: refused with 5.7.64 (an error), or accepted only because every domain belongs to
 * the connector's tenant (a warning: the 2017 behaviour refused it).
 */
function multipleRecipientDomainsOverIpConnector(ctx: Context): void {
  for (const server of ctx.doc.servers) {
    const connectors = ipConnectorsOf(ctx, server);
    if (connectors.length === 0) continue;
    for (const scenario of messageScenariosFrom(ctx, server)) {
      const domains = [...new Set(scenario.rcptTo.map((r) => domainOf(r)!))];
      if (domains.length < 2) continue;
      const sim = simulateMessage(
        ctx.doc,
        { serverId: server.id, mailFrom: scenario.mailFrom ?? '<>', rcptTo: scenario.rcptTo, headerFrom: scenario.headerFrom ?? null },
        { today: ctx.settings.asOfSource === 'run' ? ctx.settings.asOf : null, scenarioAsOf: scenario.asOf ?? null },
      );
      const reject = sim.events.find((e) => e.kind === 'reject');
      const refused = reject?.kind === 'reject' && reject.data.reason === 'multipleRecipientDomains';
      const byRecipient = sim.attribution?.key === 'rcptTo';
      if (!refused && !byRecipient) continue;
      const tenantId = byRecipient ? sim.attribution!.tenant : connectors[0].tenant.id;
      const { connector } = connectors.find((c) => c.tenant.id === tenantId) ?? connectors[0];
      report(ctx, 'multiple-recipient-domains-ip-connector', refused ? 'error' : 'warning', connector.id, `scenarios[${ctx.doc.scenarios.indexOf(scenario)}]`, {
        connector: ctx.name(connector.id),
        tenant: ctx.name(tenantId),
        server: ctx.name(server.id),
        scenario: scenarioDisplayName(scenario, ctx.lang),
        domains: domains.join(', '),
        sender: domainOf(scenario.mailFrom ?? '<>') ?? '<>',
        outcome: refused ? 'rejected' : 'accepted',
      }, [server.id, scenario.id]);
    }
  }
}

/**
 * Point 1: a tenant with an OnPremises connector and a rule that rejects or deletes mail to
 * recipients outside the organization, while its server also sends to other tenants: that mail is
 * first received in this tenant and the rule blocks it before the hand-off. The rule is evaluated
 * as the engine evaluates it (exceptions and other conditions included), for the scenarios'
 * recipients in other tenants, or, without scenarios, an address in each other tenant's domain.
 */
function outsideRecipientRuleBlocksOtherTenants(ctx: Context): void {
  for (const tenant of ctx.doc.tenants) {
    const blocking = tenant.transportRules.filter(
      (r) =>
        r.enabled &&
        r.conditions.sentToScope === 'NotInOrganization' &&
        ((r.actions.rejectMessageReasonText ?? null) !== null || (r.actions.rejectMessageEnhancedStatusCode ?? null) !== null || r.actions.deleteMessage === true),
    );
    if (blocking.length === 0) continue;
    // The servers this tenant's OnPremises connectors match (the engine's step 2 candidates).
    const servers = ctx.doc.servers.filter((s) => {
      const { certificate, ip } = findCandidates(ctx.index, seen(ctx, s));
      return [...certificate, ...ip].some((c) => c.entry.tenant === tenant);
    });
    for (const server of servers) {
      // With scenarios, the engine says which rule blocked which recipient of another tenant; without
      // them, the rule is evaluated for an address of each other tenant sent from this tenant's domain.
      const scenarios = messageScenariosFrom(ctx, server);
      const blockedBy = new Map<string, Set<string>>();
      const fromScenarios = scenarios.length > 0;
      if (fromScenarios) {
        for (const s of scenarios) {
          const sim = simulateMessage(
            ctx.doc,
            { serverId: server.id, mailFrom: s.mailFrom ?? '<>', rcptTo: s.rcptTo, headerFrom: s.headerFrom ?? null },
            { today: ctx.settings.asOfSource === 'run' ? ctx.settings.asOf : null, scenarioAsOf: s.asOf ?? null },
          );
          for (const e of sim.events) {
            if (e.kind !== 'rule' || e.data.tenant !== tenant.id || (e.data.action !== 'reject' && e.data.action !== 'delete')) continue;
            for (const r of e.data.recipients) {
              const owner = ownerOfDomain(ctx.index, domainOf(r));
              if (!owner || owner.tenant === tenant) continue;
              if (!blockedBy.has(e.data.rule)) blockedBy.set(e.data.rule, new Set());
              blockedBy.get(e.data.rule)!.add(owner.tenant.id);
            }
          }
        }
      } else {
        const own = tenant.acceptedDomains[0]?.domainName;
        for (const rule of blocking) {
          for (const other of ctx.doc.tenants) {
            const d = other.acceptedDomains[0]?.domainName;
            if (other === tenant || !d || !own) continue;
            const ruleCtx = { index: ctx.index, tenant, originatingHere: true, mailFrom: `user@${own}`, headerFrom: null };
            if (!ruleMatches(rule, `user@${d}`, ruleCtx)) continue;
            if (!blockedBy.has(rule.id)) blockedBy.set(rule.id, new Set());
            blockedBy.get(rule.id)!.add(other.id);
          }
        }
      }
      for (const rule of blocking) {
        const blocked = blockedBy.get(rule.id) ?? new Set<string>();
        if (blocked.size === 0) continue;
        report(ctx, 'outside-rule-blocks-other-tenants', fromScenarios ? 'warning' : 'info', rule.id, `tenants[${tenantPath(ctx, tenant)}].transportRules[${tenant.transportRules.indexOf(rule)}]`, {
          rule: ctx.name(rule.id),
          tenant: ctx.name(tenant.id),
          server: ctx.name(server.id),
          others: [...blocked].map(ctx.name).join(', '),
        }, [server.id, ...blocked]);
      }
    }
  }
}

/**
 * A wildcard certificate connector that also captures another server of the organization: every
 * server presenting a name under `*.x.com` is attributed to this tenant, with its rules.
 */
function wildcardCapturesOtherServer(ctx: Context): void {
  for (const { tenant, connector } of onPremisesConnectors(ctx)) {
    if (!connector.tlsSenderCertificateName?.startsWith('*.')) continue;
    const matching = serversMatchingCertificate(ctx, connector);
    if (matching.length < 2) continue;
    report(ctx, 'wildcard-captures-other-server', 'warning', connector.id, `${connectorPath(ctx, tenant, connector)}.tlsSenderCertificateName`, {
      connector: ctx.name(connector.id),
      tenant: ctx.name(tenant.id),
      pattern: connector.tlsSenderCertificateName,
      servers: matching.map((m) => `${ctx.name(m.server.id)} (${m.name})`).join(', '),
    }, matching.map((m) => m.server.id));
  }
}

/**
 * Throttling risk (seed; "Fix error code 451 4.7.500-699"): a server with no connector at all that
 * sends to Exchange Online is throttled when its volume surges.
 */
function serverWithoutConnector(ctx: Context): void {
  ctx.doc.servers.forEach((server, i) => {
    const sends = server.role === 'onPremises' || ctx.doc.scenarios.some((s) => s.serverId === server.id);
    if (!sends || coveringConnector(ctx.index, seen(ctx, server))) return;
    report(ctx, 'server-without-connector', server.role === 'onPremises' ? 'warning' : 'info', server.id, `servers[${i}]`, {
      server: ctx.name(server.id),
      ip: server.ipAddress,
    });
  });
}

/**
 * An InternalRelay domain with no OnPremises outbound connector for it: unknown recipients come
 * back as 550 5.4.14 (routing loop), since the domain's MX points at Exchange Online.
 */
function internalRelayWithoutOutboundConnector(ctx: Context): void {
  ctx.doc.tenants.forEach((tenant, ti) => {
    tenant.acceptedDomains.forEach((d, di) => {
      if (d.domainType !== 'InternalRelay') return;
      const covered = tenant.outboundConnectors.some(
        (c) => c.enabled && c.connectorType === 'OnPremises' && (c.allAcceptedDomains || c.recipientDomains.some((p) => patternCovers(p, d.domainName))),
      );
      if (covered) return;
      report(ctx, 'internal-relay-without-connector', 'warning', tenant.id, `tenants[${ti}].acceptedDomains[${di}]`, {
        tenant: ctx.name(tenant.id),
        domain: d.domainName,
      });
    });
  });
}
