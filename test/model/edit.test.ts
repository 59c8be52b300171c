/**
 * The pure document edits of shared/model/edit.ts on the hybrid example: rename rewrites every
 * reference, delete takes its consequences with it, paste gives fresh ids and domains and refuses
 * a payload that is not one — and every result is a document the loader accepts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allIds,
  copyEntities,
  deleteEntities,
  deletionConsequences,
  locateEntity,
  moveChild,
  parseClipboardPayload,
  pasteEntities,
  copyName,
  renameId,
} from '../../shared/model/edit';
import { uniqueId } from '../../shared/model/ids';
import { checkIntegrity } from '../../shared/model/integrity';
import { validateDocument } from '../../shared/model/load';
import { references } from '../../shared/model/references';
import type { TopologyDocument } from '../../shared/model/schema';

const hybrid: TopologyDocument = (() => {
  const r = validateDocument(JSON.parse(readFileSync(path.join(__dirname, '../../examples/hybrid-seed.mailflow.json'), 'utf8')));
  if (!r.ok) throw new Error('example invalid');
  // Positions too, so rename and delete are seen rewriting them.
  return { ...r.document, view: { positions: { contoso: { x: 0, y: 0 }, fabrikam: { x: 400, y: 0 }, 'contoso-ex01': { x: 0, y: 300 } } } };
})();

function expectLoadable(doc: TopologyDocument): void {
  const r = validateDocument(JSON.parse(JSON.stringify(doc)));
  expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([]);
}

const referencedIds = (doc: TopologyDocument) => references(doc).map((r) => r.id);

describe('rename an id', () => {
  it('rewrites every reference to a tenant: attributed tenant, recipient tenants, paths and its position', () => {
    const before = references(hybrid).filter((r) => r.id === 'contoso').length;
    expect(before).toBeGreaterThan(5);
    const next = renameId(hybrid, 'contoso', 'contoso-eu');
    expect(referencedIds(next)).not.toContain('contoso');
    expect(referencedIds(next).filter((id) => id === 'contoso-eu')).toHaveLength(before);
    expect(next.scenarios.find((s) => s.id === 'point1-handoff')?.expect?.recipients?.['bob@fabrikam.com'].path).toEqual(['contoso-eu', 'fabrikam']);
    expect(next.view?.positions['contoso-eu']).toEqual({ x: 0, y: 0 });
    expect(locateEntity(next, 'contoso-eu')?.kind).toBe('tenant');
    expectLoadable(next);
  });

  it('rewrites the scenarios that send from a renamed server, and leaves other entities untouched', () => {
    const next = renameId(hybrid, 'contoso-ex01', 'ex01');
    expect(next.scenarios.filter((s) => s.serverId === 'ex01').map((s) => s.id)).toEqual(['point1-rule-blocks-handoff', 'point1-handoff']);
    expect(next.tenants).toBe(hybrid.tenants);
    expect(next.view?.positions.ex01).toEqual({ x: 0, y: 300 });
    expectLoadable(next);
  });

  it('does nothing for an unknown id or the same id', () => {
    expect(renameId(hybrid, 'nobody', 'x')).toBe(hybrid);
    expect(renameId(hybrid, 'contoso', 'contoso')).toBe(hybrid);
  });
});

describe('delete', () => {
  it('names the consequences: children of a tenant, and scenarios whose expectations name it', () => {
    const c = deletionConsequences(hybrid, ['fabrikam']);
    const fabrikam = hybrid.tenants.find((t) => t.id === 'fabrikam')!;
    expect(c.entities.map((e) => e.id)).toEqual(['fabrikam', ...fabrikam.inboundConnectors.map((x) => x.id), ...fabrikam.outboundConnectors.map((x) => x.id), ...fabrikam.transportRules.map((x) => x.id)]);
    expect(c.scenariosDeleted).toEqual([]);
    expect(c.expectationsChanged.map((s) => s.id)).toEqual(['point1-handoff', 'point2-sender-fallback', 'point3-two-tenants']);
  });

  it('removes the tenant with its children, the expectations and position naming it, and loads again', () => {
    const next = deleteEntities(hybrid, ['fabrikam']);
    expect(next.tenants.map((t) => t.id)).toEqual(['contoso']);
    expect(referencedIds(next)).not.toContain('fabrikam');
    const handoff = next.scenarios.find((s) => s.id === 'point1-handoff')!.expect!;
    expect(handoff.recipients?.['bob@fabrikam.com']).toEqual({ disposition: 'delivered' });
    expect(next.view?.positions).not.toHaveProperty('fabrikam');
    expectLoadable(next);
  });

  it('deletes the scenarios that send from a deleted server', () => {
    const c = deletionConsequences(hybrid, ['contoso-ex01']);
    expect(c.scenariosDeleted.map((s) => s.id)).toEqual(['point1-rule-blocks-handoff', 'point1-handoff']);
    const next = deleteEntities(hybrid, ['contoso-ex01']);
    expect(next.scenarios.map((s) => s.id)).not.toContain('point1-handoff');
    expect(next.scenarios).toHaveLength(hybrid.scenarios.length - 2);
    expect(checkIntegrity(next)).toEqual([]);
  });

  it('changes nothing for ids that name nothing', () => {
    expect(deleteEntities(hybrid, ['nobody'])).toBe(hybrid);
  });
});

describe('copy and paste', () => {
  it('pastes a tenant with fresh ids for it and its children, and fresh accepted domains', () => {
    const payload = copyEntities(hybrid, ['contoso']);
    const pasted = pasteEntities(hybrid, payload);
    const copy = pasted.doc.tenants[pasted.doc.tenants.length - 1];
    expect(pasted.newIds).toEqual([copy.id]);
    expect(copy.id).toBe('contoso-2');
    const before = allIds(hybrid);
    for (const id of [copy.id, ...copy.inboundConnectors.map((c) => c.id), ...copy.transportRules.map((r) => r.id)]) expect(before.has(id), id).toBe(false);
    expect(copy.acceptedDomains.map((d) => d.domainName)).toEqual(hybrid.tenants[0].acceptedDomains.map((d) => `copy.${d.domainName}`));
    expect(pasted.doc.view?.positions[copy.id]).toEqual({ x: 40, y: 40 });
    expectLoadable(pasted.doc);
  });

  it('pastes a rule into the target tenant, last by priority, and skips children with no tenant to go to', () => {
    const rule = hybrid.tenants[0].transportRules[0];
    const payload = copyEntities(hybrid, [rule.id]);
    const pasted = pasteEntities(hybrid, payload, { targetTenantId: 'fabrikam' });
    const fabrikam = pasted.doc.tenants.find((t) => t.id === 'fabrikam')!;
    const copy = fabrikam.transportRules[fabrikam.transportRules.length - 1];
    expect(copy.name).toBe(`${rule.name} (copy)`);
    expect(copy.priority).toBe(Math.max(-1, ...hybrid.tenants[1].transportRules.map((r) => r.priority)) + 1);
    expectLoadable(pasted.doc);
    const nowhere = pasteEntities(deleteEntities(hybrid, ['contoso']), payload);
    expect(nowhere).toMatchObject({ newIds: [], skipped: 1 });
  });

  it('names pasted copies "… (copy)", then "… (copy 2)", with fresh ids, so a copy never reads as the original', () => {
    const server = hybrid.servers[0];
    const once = pasteEntities(hybrid, copyEntities(hybrid, [server.id, 'contoso']));
    const serverCopy = once.doc.servers[once.doc.servers.length - 1];
    expect(serverCopy.name).toBe(`${server.name} (copy)`);
    expect(serverCopy.id).not.toBe(server.id);
    expect(once.doc.tenants[once.doc.tenants.length - 1].name).toBe(`${hybrid.tenants[0].name} (copy)`);
    const twice = pasteEntities(once.doc, copyEntities(hybrid, [server.id]));
    expect(twice.doc.servers[twice.doc.servers.length - 1].name).toBe(`${server.name} (copy 2)`);
    expect(copyName('EX01 (copy)', ['EX01', 'EX01 (copy)'])).toBe('EX01 (copy 2)');
    expect(copyName('', ['x'])).toBe('');
    expectLoadable(twice.doc);
  });

  it('reads a payload back through its schema and refuses anything else', () => {
    const payload = JSON.parse(JSON.stringify(copyEntities(hybrid, ['contoso', 'contoso-ex01'])));
    expect(parseClipboardPayload(payload)).toEqual(payload);
    expect(parseClipboardPayload({ ...payload, version: 2 })).toBeNull();
    expect(parseClipboardPayload({ format: 'mailflow-clipboard', version: 1, tenants: [{ id: 'x' }], servers: [], children: [], positions: {} })).toBeNull();
    const badIp = { ...payload, servers: [{ ...payload.servers[0], ipAddress: '999.1.1.1' }] };
    expect(parseClipboardPayload(badIp)).toBeNull();
    expect(parseClipboardPayload('{"format":"mailflow-clipboard"}')).toBeNull();
  });
});

describe('move to another tenant and ids', () => {
  it('moves a connector into another tenant and keeps the document loadable', () => {
    const connector = hybrid.tenants[0].inboundConnectors[0];
    const next = moveChild(hybrid, connector.id, 'fabrikam');
    expect(locateEntity(next, connector.id)).toMatchObject({ kind: 'inbound', tenant: { id: 'fabrikam' } });
    expectLoadable(next);
  });

  it('allocates unique readable ids, linearly: 20,000 from one base stay unique', () => {
    const taken = new Set(['server', 'server-2']);
    expect(uniqueId(taken, 'Server')).toBe('server-3');
    expect(uniqueId(taken, '  Ünïcode name!  ')).toBe('unicode-name');
    const many = Array.from({ length: 20_000 }, () => uniqueId(taken, 'server'));
    expect(new Set(many).size).toBe(many.length);
    expect(many[many.length - 1]).toBe('server-20003');
  });
});
