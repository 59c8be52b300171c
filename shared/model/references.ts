/**
 * Every place a document names another entity by id, walked in one place: a scenario's sending
 * server, its expectation's tenants (attributed tenant, per-recipient tenant and path), and the
 * canvas positions. The integrity check reports references to nothing; delete and rename
 * (shared/model/edit.ts) rewrite them — so a new kind of reference is added here once.
 */
import type { Scenario, TopologyDocument } from './schema';

export type ReferenceSite =
  | { kind: 'scenarioServer'; scenario: number }
  | { kind: 'expectAttributedTenant'; scenario: number }
  | { kind: 'expectRecipientTenant'; scenario: number; address: string }
  | { kind: 'expectRecipientPath'; scenario: number; address: string; index: number }
  | { kind: 'position'; key: string };

export interface Reference {
  /** The id named. */
  id: string;
  /** What it must name. */
  target: 'server' | 'tenant' | 'entity';
  site: ReferenceSite;
  /** The JSON path of the reference (a function, so a large valid document builds no strings). */
  path(): string;
}

const recipientPath = (si: number, address: string) => `scenarios[${si}].expect.recipients[${JSON.stringify(address)}]`;

/** The JSON path of the canvas position of `key`. */
export const positionPath = (key: string) => `view.positions[${JSON.stringify(key)}]`;

/**
 * Visits every reference in document order (the canvas positions last, unless `positions` is
 * false: the integrity check reads those itself, one key per entity, without a Reference each).
 */
export function forEachReference(doc: TopologyDocument, visit: (ref: Reference) => void, options: { positions?: boolean } = {}): void {
  doc.scenarios.forEach((s, si) => {
    // A cloud-mailbox scenario (format 2 `fromMailbox`) names no server.
    if (s.serverId !== undefined) {
      const serverId = s.serverId;
      visit({ id: serverId, target: 'server', site: { kind: 'scenarioServer', scenario: si }, path: () => `scenarios[${si}].serverId` });
    }
    const ex = s.expect;
    if (!ex) return;
    if (ex.attributedTenant) {
      visit({ id: ex.attributedTenant, target: 'tenant', site: { kind: 'expectAttributedTenant', scenario: si }, path: () => `scenarios[${si}].expect.attributedTenant` });
    }
    for (const [address, r] of Object.entries(ex.recipients ?? {})) {
      if (r.tenant) visit({ id: r.tenant, target: 'tenant', site: { kind: 'expectRecipientTenant', scenario: si, address }, path: () => `${recipientPath(si, address)}.tenant` });
      r.path?.forEach((p, index) =>
        visit({ id: p, target: 'tenant', site: { kind: 'expectRecipientPath', scenario: si, address, index }, path: () => `${recipientPath(si, address)}.path[${index}]` }),
      );
    }
  });
  if (options.positions === false) return;
  for (const key of Object.keys(doc.view?.positions ?? {})) {
    visit({ id: key, target: 'entity', site: { kind: 'position', key }, path: () => positionPath(key) });
  }
}

/** Every reference of the document, in document order. */
export function references(doc: TopologyDocument): Reference[] {
  const out: Reference[] = [];
  forEachReference(doc, (ref) => out.push(ref));
  return out;
}

/**
 * A new document in which every reference is what `map` returns for it: the same id (unchanged),
 * another id (renamed), or null (the reference goes: a scenario whose server goes is deleted, an
 * expectation field or position is removed; a path loses as a whole, since a partial path would
 * expect something else). Unchanged parts keep their identity.
 */
export function rewriteReferences(doc: TopologyDocument, map: (ref: Reference) => string | null): TopologyDocument {
  const changes = new Map<Reference['site'], string | null>();
  forEachReference(doc, (ref) => {
    const next = map(ref);
    if (next !== ref.id) changes.set(ref.site, next);
  });
  if (changes.size === 0) return doc;
  const byScenario = new Map<number, Array<[ReferenceSite, string | null]>>();
  const positionChanges = new Map<string, string | null>();
  for (const [site, value] of changes) {
    if (site.kind === 'position') positionChanges.set(site.key, value);
    else byScenario.set(site.scenario, [...(byScenario.get(site.scenario) ?? []), [site, value]]);
  }
  const scenarios: Scenario[] = [];
  doc.scenarios.forEach((s, si) => {
    const edits = byScenario.get(si);
    if (!edits) scenarios.push(s);
    else {
      const edited = rewriteScenario(s, edits);
      if (edited) scenarios.push(edited);
    }
  });
  let next: TopologyDocument = byScenario.size > 0 ? { ...doc, scenarios } : doc;
  if (positionChanges.size > 0 && doc.view) {
    const positions: NonNullable<TopologyDocument['view']>['positions'] = {};
    for (const [key, value] of Object.entries(doc.view.positions)) {
      const renamed = positionChanges.has(key) ? positionChanges.get(key) : key;
      if (renamed != null) positions[renamed] = value;
    }
    next = { ...next, view: { ...doc.view, positions } };
  }
  return next;
}

function rewriteScenario(s: Scenario, edits: Array<[ReferenceSite, string | null]>): Scenario | null {
  let scenario: Scenario = s;
  const ex = s.expect ? { ...s.expect } : undefined;
  const recipients = ex?.recipients ? { ...ex.recipients } : undefined;
  for (const [site, value] of edits) {
    switch (site.kind) {
      case 'scenarioServer':
        if (value === null) return null;
        scenario = { ...scenario, serverId: value };
        break;
      case 'expectAttributedTenant':
        if (!ex) break;
        if (value === null) delete ex.attributedTenant;
        else ex.attributedTenant = value;
        break;
      case 'expectRecipientTenant': {
        const r = recipients?.[site.address];
        if (!recipients || !r) break;
        const copy = { ...r };
        if (value === null) delete copy.tenant;
        else copy.tenant = value;
        recipients[site.address] = copy;
        break;
      }
      case 'expectRecipientPath': {
        const r = recipients?.[site.address];
        if (!recipients || !r?.path) break;
        const copy = { ...r };
        if (value === null) delete copy.path;
        else copy.path = r.path.map((p, i) => (i === site.index ? value : p));
        recipients[site.address] = copy;
        break;
      }
      case 'position':
        break;
    }
  }
  if (!ex) return scenario;
  if (recipients) ex.recipients = recipients;
  return { ...scenario, expect: ex };
}
