/**
 * The cross-reference rules of document-format.md, "Rules a loader enforces", that a schema cannot
 * express: unique ids, references that name an existing entity, a domain in at most one tenant.
 *
 * The loader refuses a document that breaks one; the diagnostics module reports the same findings
 * as errors, so a design in the app and a file on disk are judged by one set of rules.
 */
import type { TopologyDocument } from './schema';
import { isLoadScenario } from './schema';
import { forEachReference, positionPath, type Reference } from './references';

export interface IntegrityIssue {
  /** A rule name, stable for scripts (`duplicate-id`, `missing-server`, ...). */
  rule: 'duplicate-id' | 'missing-server' | 'missing-entity' | 'duplicate-domain' | 'match-subdomains' | 'missing-tenant' | 'too-many';
  /** The JSON path of the offending value. */
  path: string;
  /** The id of the entity the issue concerns, when there is one. */
  entityId: string | null;
  /** What was found, and what was expected instead. */
  found: string;
  expected: string;
  /** The other place involved (the first use of a duplicate id, say). */
  otherPath?: string;
}

/** Every entity id of the document (no paths: cheap for a document of 100,000 entities). */
export function entityIds(doc: TopologyDocument): Set<string> {
  const ids = new Set<string>();
  forEachEntityId(doc, (id) => ids.add(id));
  return ids;
}

/**
 * Where an entity id is, in the order forEachEntityId visits them; spelled out as a JSON path only
 * for an issue, so a large valid document builds no strings and no closures.
 */
type IdSite = 'tenant' | 'inboundConnector' | 'outboundConnector' | 'transportRule' | 'server' | 'scenario' | 'note';

function idPath(site: IdSite, i: number, ti: number): string {
  switch (site) {
    case 'tenant':
      return `tenants[${i}].id`;
    case 'inboundConnector':
      return `tenants[${ti}].inboundConnectors[${i}].id`;
    case 'outboundConnector':
      return `tenants[${ti}].outboundConnectors[${i}].id`;
    case 'transportRule':
      return `tenants[${ti}].transportRules[${i}].id`;
    case 'server':
      return `servers[${i}].id`;
    case 'scenario':
      return `scenarios[${i}].id`;
    case 'note':
      return `view.notes[${i}].id`;
  }
}

/** Visits every entity id with its place (index, and the tenant's index for a tenant's parts). */
function forEachEntityId(doc: TopologyDocument, visit: (id: string, site: IdSite, i: number, ti: number) => void): void {
  for (let ti = 0; ti < doc.tenants.length; ti++) {
    const t = doc.tenants[ti];
    visit(t.id, 'tenant', ti, ti);
    for (let i = 0; i < t.inboundConnectors.length; i++) visit(t.inboundConnectors[i].id, 'inboundConnector', i, ti);
    for (let i = 0; i < t.outboundConnectors.length; i++) visit(t.outboundConnectors[i].id, 'outboundConnector', i, ti);
    for (let i = 0; i < t.transportRules.length; i++) visit(t.transportRules[i].id, 'transportRule', i, ti);
  }
  for (let i = 0; i < doc.servers.length; i++) visit(doc.servers[i].id, 'server', i, -1);
  for (let i = 0; i < doc.scenarios.length; i++) visit(doc.scenarios[i].id, 'scenario', i, -1);
  // Version 2: canvas notes share the id space ("note ids are unique with the rest").
  const notes = doc.view?.notes ?? [];
  for (let i = 0; i < notes.length; i++) visit(notes[i].id, 'note', i, -1);
}

export function checkIntegrity(doc: TopologyDocument): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];

  // Ids are unique across the document. Each id maps to its visit number; the paths of all visits
  // are listed once, at the first duplicate (a valid document never lists them).
  const firstVisit = new Map<string, number>();
  let visits = 0;
  let paths: string[] | null = null;
  forEachEntityId(doc, (id, site, i, ti) => {
    const first = firstVisit.get(id);
    if (first === undefined) firstVisit.set(id, visits);
    else {
      if (!paths) {
        const all: string[] = [];
        forEachEntityId(doc, (_, s, n, t) => all.push(idPath(s, n, t)));
        paths = all;
      }
      issues.push({
        rule: 'duplicate-id',
        path: idPath(site, i, ti),
        entityId: id,
        found: `"${id}", already the id at ${paths[first]}`,
        expected: 'an id unique across tenants, connectors, rules, servers and scenarios',
        otherPath: paths[first],
      });
    }
    visits++;
  });

  // A domain is an accepted domain of at most one tenant (compared case-insensitively).
  const domainAt = new Map<string, { ti: number; di: number; tenantId: string }>();
  const domainPath = (ti: number, di: number) => `tenants[${ti}].acceptedDomains[${di}].domainName`;
  doc.tenants.forEach((t, ti) => {
    t.acceptedDomains.forEach((d, di) => {
      const key = d.domainName.toLowerCase();
      const first = domainAt.get(key);
      if (first) {
        issues.push({
          rule: 'duplicate-domain',
          path: domainPath(ti, di),
          entityId: t.id,
          found: `"${d.domainName}", already accepted at ${domainPath(first.ti, first.di)} (tenant "${first.tenantId}")`,
          expected: 'a domain accepted by at most one tenant',
          otherPath: domainPath(first.ti, first.di),
        });
      } else {
        domainAt.set(key, { ti, di, tenantId: t.id });
      }
      // Set-AcceptedDomain: "You can only use the MatchSubDomains switch on InternalRelay domains".
      if (d.matchSubDomains && d.domainType !== 'InternalRelay') {
        issues.push({
          rule: 'match-subdomains',
          path: `tenants[${ti}].acceptedDomains[${di}].matchSubDomains`,
          entityId: t.id,
          found: `matchSubDomains on an ${d.domainType} domain`,
          expected: 'matchSubDomains only on an InternalRelay domain',
        });
      }
    });
  });

  // matchSubDomains makes every subdomain count as the tenant's too, so another tenant may not
  // accept one of them ("A domain belongs to at most one tenant"). Each domain looks up its own
  // parent domains (at most one per label) instead of comparing every pair of domains.
  issues.push(...subdomainConflicts(doc));

  // Every reference names an existing entity of the kind it must name (one walker: references.ts).
  // Built at the first reference (a document of 100,000 servers and no scenario needs neither).
  let servers: Set<string> | null = null;
  let tenants: Set<string> | null = null;
  const serverIds = () => (servers ??= new Set(doc.servers.map((s) => s.id)));
  const tenantIds = () => (tenants ??= new Set(doc.tenants.map((t) => t.id)));
  // Named once, not once per issue: a document of many scenarios and servers stays linear.
  let serverList: string | null = null;
  const serversNamed = () => {
    if (serverList === null) {
      const some: string[] = [];
      for (const id of serverIds()) {
        if (some.length === 10) break;
        some.push(id);
      }
      serverList = listSome(some, 10, serverIds().size) || 'there are none';
    }
    return serverList;
  };
  let redirectTargets: Set<string> | null = null;
  const isRedirectTarget = (address: string) => (redirectTargets ??= redirectTargetSet(doc)).has(address.toLowerCase());
  forEachReference(doc, (ref) => {
    if (ref.target === 'server' && !serverIds().has(ref.id)) {
      issues.push({
        rule: 'missing-server',
        path: ref.path(),
        entityId: doc.scenarios[scenarioOf(ref)].id,
        found: `"${ref.id}", which names no server`,
        expected: `the id of one of the document's servers (${serversNamed()})`,
      });
    } else if (ref.target === 'tenant' && !tenantIds().has(ref.id)) {
      issues.push({
        rule: 'missing-tenant',
        path: ref.path(),
        entityId: doc.scenarios[scenarioOf(ref)].id,
        found: `"${ref.id}", which names no tenant`,
        expected: 'the id of one of the document\'s tenants',
      });
    } else if (ref.target === 'entity' && !firstVisit.has(ref.id)) {
      issues.push(missingEntity(ref.id, ref.path()));
    }
  }, { positions: false });
  // The canvas positions (references to entities, the last forEachReference visits), one per
  // entity: read here without a Reference object each.
  for (const key of Object.keys(doc.view?.positions ?? {})) {
    if (!firstVisit.has(key)) issues.push(missingEntity(key, positionPath(key)));
  }


  // Version 2: a cloud-mailbox scenario sends from a mailbox some tenant owns.
  doc.scenarios.forEach((s, si) => {
    if (s.fromMailbox === undefined || mailboxOwner(doc, s.fromMailbox)) return;
    issues.push({
      rule: 'missing-entity',
      path: `scenarios[${si}].fromMailbox`,
      entityId: s.id,
      found: `"${s.fromMailbox}", which no tenant owns`,
      expected: 'an address listed in a tenant\'s recipients or in one of its Authoritative domains',
    });
  });

  // Version 2: a rule routes only through an outbound connector of its own tenant.
  doc.tenants.forEach((t, ti) => {
    t.transportRules.forEach((r, ri) => {
      const target = r.actions.routeMessageOutboundConnector;
      if (target && !t.outboundConnectors.some((c) => c.id === target)) {
        issues.push({
          rule: 'missing-entity',
          path: `tenants[${ti}].transportRules[${ri}].actions.routeMessageOutboundConnector`,
          entityId: r.id,
          found: `"${target}", which names no outbound connector of tenant "${t.id}"`,
          expected: `the id of one of ${t.id}'s outbound connectors (${t.outboundConnectors.map((c) => c.id).join(', ') || 'it has none'})`,
        });
      }
    });
  });

  issues.push(...tooManyExpectedRecipients(doc));
  doc.scenarios.forEach((s, si) => {
    const ex = s.expect;
    if (!ex || !ex.recipients) return;
    const expected = Object.keys(ex.recipients);
    // Over the cap: reported above, and not compared address by address.
    if (expected.length > MAX_EXPECTED_RECIPIENTS || isLoadScenario(s)) return;
    const sent = new Set((s.rcptTo ?? []).map((a) => a.toLowerCase()));
    for (const address of expected) {
      if (!sent.has(address.toLowerCase()) && !isRedirectTarget(address)) {
        issues.push({
          rule: 'missing-entity',
          path: `scenarios[${si}].expect.recipients[${JSON.stringify(address)}]`,
          entityId: s.id,
          found: `"${address}", which is neither in rcptTo nor a redirect target of any rule`,
          expected: 'an address of the scenario\'s rcptTo (or one a rule redirects to)',
        });
      }
    }
  });
  return issues;
}

function missingEntity(id: string, path: string): IntegrityIssue {
  return {
    rule: 'missing-entity',
    path,
    entityId: null,
    found: `"${id}", which names no entity`,
    expected: 'the id of a tenant, connector, rule, server or scenario of this document',
  };
}

function scenarioOf(ref: Reference): number {
  return ref.site.kind === 'position' ? -1 : ref.site.scenario;
}

/** The tenant that owns a mailbox address: listed as a recipient, or in an Authoritative domain. */
export function mailboxOwner(doc: TopologyDocument, address: string): TopologyDocument['tenants'][number] | null {
  const a = address.toLowerCase();
  const domain = a.slice(a.lastIndexOf('@') + 1);
  for (const t of doc.tenants) if (t.recipients.some((r) => r.toLowerCase() === a)) return t;
  for (const t of doc.tenants) {
    if (t.acceptedDomains.some((d) => d.domainType === 'Authoritative' && d.domainName.toLowerCase() === domain)) return t;
  }
  return null;
}

/** More entries than this in one scenario's `expect.recipients` are refused before they are checked. */
export const MAX_EXPECTED_RECIPIENTS = 2000;

const expectedRecipientsPath = (si: number) => `scenarios[${si}].expect.recipients`;
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Scenarios expecting more than MAX_EXPECTED_RECIPIENTS recipients. Reads any value (not only a
 * validated document), so the loader refuses such a file before the schema validates 100,000
 * entries it would refuse anyway (issue 11: 5.6 MB took seconds).
 */
export function tooManyExpectedRecipients(doc: unknown): IntegrityIssue[] {
  const scenarios = isRecord(doc) && Array.isArray(doc.scenarios) ? doc.scenarios : [];
  const issues: IntegrityIssue[] = [];
  scenarios.forEach((s: unknown, si) => {
    const recipients = isRecord(s) && isRecord(s.expect) ? s.expect.recipients : undefined;
    if (!isRecord(recipients)) return;
    const count = Object.keys(recipients).length;
    if (count <= MAX_EXPECTED_RECIPIENTS) return;
    issues.push({
      rule: 'too-many',
      path: expectedRecipientsPath(si),
      entityId: isRecord(s) && typeof s.id === 'string' ? s.id : null,
      found: `${count} expected recipients`,
      expected: `at most ${MAX_EXPECTED_RECIPIENTS} (a message has at most 1000 recipients and each rule redirects to at most 100)`,
    });
  });
  return issues;
}

/** Every address some rule redirects to, lower-cased. */
function redirectTargetSet(doc: TopologyDocument): Set<string> {
  const targets = new Set<string>();
  for (const t of doc.tenants) for (const r of t.transportRules) for (const x of r.actions.redirectMessageTo ?? []) targets.add(x.toLowerCase());
  return targets;
}

/** The first few items of a list of `total` items, for a message ("a, b, c and 97 more"). */
function listSome(items: readonly string[], max = 10, total = items.length): string {
  if (total <= max) return items.slice(0, max).join(', ');
  return `${items.slice(0, max).join(', ')} and ${total - max} more`;
}

/** Domains accepted by one tenant that are subdomains of a matchSubDomains domain of another. */
function subdomainConflicts(doc: TopologyDocument): IntegrityIssue[] {
  const domainPath = (ti: number, di: number) => `tenants[${ti}].acceptedDomains[${di}].domainName`;
  // Parent domains with matchSubDomains, by lower-cased name, in document order.
  const parents = new Map<string, Array<{ ti: number; di: number }>>();
  doc.tenants.forEach((t, ti) =>
    t.acceptedDomains.forEach((d, di) => {
      if (!d.matchSubDomains) return;
      const key = d.domainName.toLowerCase();
      const list = parents.get(key);
      if (list) list.push({ ti, di });
      else parents.set(key, [{ ti, di }]);
    }),
  );
  if (parents.size === 0) return [];
  const found: Array<{ order: [number, number, number, number]; issue: IntegrityIssue }> = [];
  doc.tenants.forEach((other, oi) =>
    other.acceptedDomains.forEach((od, odi) => {
      const name = od.domainName.toLowerCase();
      for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
        for (const p of parents.get(name.slice(dot + 1)) ?? []) {
          if (p.ti === oi) continue;
          const t = doc.tenants[p.ti];
          const d = t.acceptedDomains[p.di];
          found.push({
            order: [p.ti, p.di, oi, odi],
            issue: {
              rule: 'duplicate-domain',
              path: domainPath(oi, odi),
              entityId: other.id,
              found: `"${od.domainName}", a subdomain of ${domainPath(p.ti, p.di)} ("${d.domainName}", matchSubDomains) of tenant "${t.id}"`,
              expected: 'a domain accepted by at most one tenant',
              otherPath: domainPath(p.ti, p.di),
            },
          });
        }
      }
    }),
  );
  // The order the pairwise comparison reported them in: by parent domain, then by subdomain.
  found.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2] || a.order[3] - b.order[3]);
  return found.map((f) => f.issue);
}
