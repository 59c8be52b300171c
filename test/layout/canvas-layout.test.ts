/**
 * The one layout (shared/layout/canvas.ts) keeps its invariant whatever the user does: random
 * sequences of palette drops, drags, pastes, deletes, imports and undo/redo, driven through the same
 * document edits the designer uses, must leave no two zones, tenants or nodes overlapping, every node
 * inside its zone or tenant, and nothing outside the design's bounds.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSpot, layoutCanvas, layoutProblems } from '../../shared/layout/canvas';
import { parseDocumentText } from '../../shared/model/load';
import type { Position, TopologyDocument } from '../../shared/model/schema';
import {
  addChild,
  addServer,
  addTenant,
  allIds,
  copyEntities,
  createChild,
  createServer,
  createTenant,
  deleteEntities,
  emptyDocument,
  pasteEntities,
  setPositions,
  type ChildKind,
} from '../../renderer/model/entities';

const point = fc.record({ x: fc.integer({ min: -800, max: 3200 }), y: fc.integer({ min: -800, max: 3200 }) });
const pick = fc.nat({ max: 1000 });

type Op =
  | { op: 'dropTenant'; at: Position }
  | { op: 'dropServer'; role: 'onPremises' | 'external'; at: Position }
  | { op: 'dropChild'; kind: ChildKind; tenant: number }
  | { op: 'drag'; which: number; at: Position }
  | { op: 'paste'; which: number[]; offset: Position }
  | { op: 'delete'; which: number }
  | { op: 'import'; id: string; children: number; at: Position | null }
  | { op: 'undo' }
  | { op: 'redo' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('dropTenant' as const), at: point }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('dropServer' as const), role: fc.constantFrom('onPremises' as const, 'external' as const), at: point }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('dropChild' as const), kind: fc.constantFrom<ChildKind>('inbound', 'outbound', 'rule'), tenant: pick }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('drag' as const), which: pick, at: point }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('paste' as const), which: fc.array(pick, { minLength: 1, maxLength: 3 }), offset: fc.record({ x: fc.integer({ min: -60, max: 60 }), y: fc.integer({ min: -60, max: 60 }) }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), which: pick }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('import' as const), id: fc.constantFrom('constructor', 'toString', 'imported'), children: fc.nat({ max: 6 }), at: fc.option(point, { nil: null }) }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'redo' as const }) },
);

function topLevelIds(doc: TopologyDocument): string[] {
  return [...doc.servers.map((s) => s.id), ...doc.tenants.map((t) => t.id)];
}

/** Applies one edit the way the designer does (the same pure document functions). */
function apply(doc: TopologyDocument, op: Exclude<Op, { op: 'undo' } | { op: 'redo' }>): TopologyDocument {
  switch (op.op) {
    case 'dropTenant':
      return addTenant(doc, createTenant(doc), op.at);
    case 'dropServer':
      return addServer(doc, createServer(doc, op.role), op.at);
    case 'dropChild': {
      const tenant = doc.tenants[op.tenant % Math.max(1, doc.tenants.length)];
      return tenant ? addChild(doc, tenant.id, op.kind, createChild(doc, op.kind, tenant)) : doc;
    }
    case 'drag': {
      const ids = topLevelIds(doc);
      return ids.length ? setPositions(doc, { [ids[op.which % ids.length]]: op.at }) : doc;
    }
    case 'paste': {
      const ids = [...allIds(doc)];
      if (!ids.length) return doc;
      return pasteEntities(doc, copyEntities(doc, op.which.map((i) => ids[i % ids.length])), { offset: op.offset }).doc;
    }
    case 'delete': {
      const ids = [...allIds(doc)];
      return ids.length ? deleteEntities(doc, [ids[op.which % ids.length]]) : doc;
    }
    case 'import': {
      // An imported tenant arrives with its connectors and rules, at a stored place or none.
      const taken = allIds(doc);
      const base = createTenant(doc, taken);
      let tenant = taken.has(op.id) ? base : { ...base, id: op.id };
      taken.add(tenant.id);
      let next = addTenant(doc, tenant, op.at ?? undefined);
      for (let i = 0; i < op.children; i++) {
        const kind: ChildKind = (['inbound', 'rule', 'outbound'] as const)[i % 3];
        tenant = next.tenants.find((t) => t.id === tenant.id) ?? tenant;
        next = addChild(next, tenant.id, kind, createChild(next, kind, tenant));
      }
      return next;
    }
  }
}

function load(path: string): TopologyDocument {
  const r = parseDocumentText(readFileSync(resolve(import.meta.dirname, '../..', path), 'utf8'));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.document;
}

describe('the one canvas layout', () => {
  it('keeps the invariant over 1,000 random edit sequences (drops, drags, pastes, deletes, imports, undo/redo)', () => {
    const start = fc.constantFrom(emptyDocument(), load('examples/hybrid-seed.mailflow.json'), load('examples/point-1-first-receipt.mailflow.json'));
    fc.assert(
      fc.property(start, fc.array(opArb, { minLength: 1, maxLength: 30 }), (initial, ops) => {
        const past: TopologyDocument[] = [];
        const future: TopologyDocument[] = [];
        let doc = initial;
        expect(layoutProblems(doc)).toEqual([]);
        for (const op of ops) {
          if (op.op === 'undo') {
            const prev = past.pop();
            if (prev) {
              future.push(doc);
              doc = prev;
            }
          } else if (op.op === 'redo') {
            const next = future.pop();
            if (next) {
              past.push(doc);
              doc = next;
            }
          } else {
            const next = apply(doc, op);
            if (next !== doc) {
              past.push(doc);
              future.length = 0;
              doc = next;
            }
          }
          expect(layoutProblems(doc), JSON.stringify(op)).toEqual([]);
        }
      }),
      { numRuns: 1000, seed: 1212 },
    );
  });

  it('the empty design shows the front door beside the "drop a tenant here" hint, not on it', () => {
    const layout = layoutCanvas(emptyDocument());
    expect(layout.hint).not.toBeNull();
    expect(layout.hint!.x).toBeGreaterThanOrEqual(layout.frontDoor.x + layout.frontDoor.w);
  });

  it('a tenant dropped on the On-premises zone moves the Exchange Online lane right, never the other zone off the left edge', () => {
    let doc = emptyDocument();
    doc = addServer(doc, createServer(doc, 'onPremises'), { x: 40, y: 120 });
    doc = addTenant(doc, createTenant(doc), { x: 60, y: 140 });
    const layout = layoutCanvas(doc);
    expect(layoutProblems(doc, layout)).toEqual([]);
    expect(layout.zones.onPremises.x).toBeGreaterThanOrEqual(0);
    expect(layout.zones.exchangeOnline.x).toBeGreaterThan(layout.zones.onPremises.x + layout.zones.onPremises.w);
  });

  it('respects where the user put things when nothing collides', () => {
    const doc = load('examples/hybrid-seed.mailflow.json');
    const layout = layoutCanvas(doc);
    for (const [id, p] of Object.entries(doc.view?.positions ?? {})) {
      const placed = layout.tenants.get(id) ?? layout.servers.get(id);
      if (placed) expect({ id, x: placed.x, y: placed.y }).toEqual({ id, x: p.x, y: p.y });
    }
  });

  it('a new tenant without a drop point goes to free space below the others', () => {
    let doc = load('examples/hybrid-seed.mailflow.json');
    doc = addTenant(doc, createTenant(doc), freeSpot(doc, 'tenant'));
    expect(layoutProblems(doc)).toEqual([]);
    const before = layoutCanvas(load('examples/hybrid-seed.mailflow.json'));
    const after = layoutCanvas(doc);
    for (const [id, b] of before.tenants) expect(after.tenants.get(id)).toMatchObject({ x: b.x, y: b.y });
  });
});
