/**
 * Undo/redo as a property: for any sequence of edits, undoing every step returns the original
 * document, redoing every step returns the edited one, and each edit is exactly one undo step.
 * Drives the real document store (zustand + zundo) with the model edits the canvas and inspector use.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { commitValidated, redo, undo, useDocumentStore } from '../../renderer/store/documentStore';
import {
  addChild,
  addServer,
  addTenant,
  allIds,
  createChild,
  createServer,
  createTenant,
  deleteEntities,
  moveChild,
  setPositions,
} from '../../renderer/model/entities';
import type { TopologyDocument } from '../../shared/model/schema';
import { validateDocument } from '../../shared/model/load';
import { readFileSync } from 'node:fs';
import { specExample } from '../specExamples';

const example = (() => {
  const r = validateDocument(JSON.parse(readFileSync(specExample('point-1-first-receipt.mailflow.json'), 'utf8')));
  if (!r.ok) throw new Error('example invalid');
  return r.document;
})();

type Op =
  | { kind: 'addTenant' }
  | { kind: 'addServer'; external: boolean }
  | { kind: 'addChild'; tenant: number; child: 'inbound' | 'outbound' | 'rule' }
  | { kind: 'move'; pick: number; tenant: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'position'; pick: number; x: number; y: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'addTenant' as const }),
  fc.boolean().map((external) => ({ kind: 'addServer' as const, external })),
  fc.record({ kind: fc.constant('addChild' as const), tenant: fc.nat(), child: fc.constantFrom('inbound' as const, 'outbound' as const, 'rule' as const) }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), tenant: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('position' as const), pick: fc.nat(), x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) }),
);

function apply(doc: TopologyDocument, op: Op): TopologyDocument | null {
  const ids = [...allIds(doc)];
  const children = doc.tenants.flatMap((t) => [...t.inboundConnectors, ...t.outboundConnectors, ...t.transportRules].map((c) => c.id));
  switch (op.kind) {
    case 'addTenant':
      return addTenant(doc, createTenant(doc), { x: 400, y: 100 });
    case 'addServer':
      return addServer(doc, createServer(doc, op.external ? 'external' : 'onPremises'), { x: 0, y: 0 });
    case 'addChild': {
      if (doc.tenants.length === 0) return null;
      const tenant = doc.tenants[op.tenant % doc.tenants.length];
      return addChild(doc, tenant.id, op.child, createChild(doc, op.child, tenant));
    }
    case 'move': {
      if (children.length === 0 || doc.tenants.length < 2) return null;
      return moveChild(doc, children[op.pick % children.length], doc.tenants[op.tenant % doc.tenants.length].id);
    }
    case 'delete':
      return ids.length ? deleteEntities(doc, [ids[op.pick % ids.length]]) : null;
    case 'position':
      return ids.length ? setPositions(doc, { [ids[op.pick % ids.length]]: { x: op.x, y: op.y } }) : null;
  }
}

describe('undo and redo', () => {
  beforeEach(() => {
    useDocumentStore.getState().load(example, { path: null });
  });

  it('undoing every edit returns the original document; redoing returns the edited one', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        useDocumentStore.getState().load(example, { path: null });
        let steps = 0;
        for (const op of ops) {
          const before = useDocumentStore.getState().doc;
          const next = apply(before, op);
          if (!next || next === before) continue;
          const r = commitValidated(next);
          if (r.ok && useDocumentStore.getState().doc !== before) steps++;
        }
        const edited = useDocumentStore.getState().doc;
        expect(useDocumentStore.temporal.getState().pastStates.length).toBe(steps);
        for (let i = 0; i < steps; i++) undo();
        expect(useDocumentStore.getState().doc).toEqual(example);
        for (let i = 0; i < steps; i++) redo();
        expect(useDocumentStore.getState().doc).toEqual(edited);
      }),
      { numRuns: 150 },
    );
  });
});
