/**
 * Editing operations behind the palette, the canvas and the Edit menu. Each one is a single
 * `commit`, hence a single undo step.
 */
import type { Position } from '../../shared/model/schema';
import { t } from '../i18n';
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
  deletionConsequences,
  duplicateEntities,
  parseClipboardPayload,
  isLocatedChild,
  locateEntity,
  moveChild,
  pasteEntities,
  setPositions,
  type ClipboardPayload,
  type PaletteKind,
} from '../model/entities';
import { commitValidated, useDocumentStore } from '../store/documentStore';
import { askConfirm, useUiStore } from '../store/uiStore';
import { GRID } from '../canvas/geometry';
import { freeSpot } from '../../shared/layout/canvas';
import { announce } from '../canvas/announcer';

const snap = (p: Position): Position => ({ x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID });

function refuse(messageKey: string, values?: Record<string, unknown>): void {
  useUiStore.getState().toast('error', t(messageKey, values));
}

/** The tenant the user is working in: the selected tenant, or the tenant of a selected connector/rule. */
export function selectedTenantId(): string | null {
  const doc = useDocumentStore.getState().doc;
  for (const id of useUiStore.getState().selection) {
    const found = locateEntity(doc, id);
    if (!found) continue;
    if (found.kind === 'tenant') return found.id;
    if (isLocatedChild(found)) return found.tenant.id;
  }
  return null;
}

/**
 * Adds a new entity. `position` is where it was dropped (flow coordinates); for a connector or rule,
 * `tenantId` is the tenant under the drop (null: dropped outside any tenant → refused).
 * Without a position (a click on the palette) it goes to a sensible place: top-level entities to the
 * default layout, connectors and rules into the selected tenant (or the only/first tenant).
 */
export function addEntity(kind: PaletteKind, options: { position?: Position; tenantId?: string | null; dropped?: boolean } = {}): string | null {
  const doc = useDocumentStore.getState().doc;
  const taken = allIds(doc);
  let next: typeof doc;
  let newId: string;
  if (kind === 'tenant') {
    const tenant = createTenant(doc, taken);
    newId = tenant.id;
    next = addTenant(doc, tenant, snap(options.position ?? freeSpot(doc, 'tenant')));
  } else if (kind === 'server' || kind === 'external') {
    const server = createServer(doc, kind === 'server' ? 'onPremises' : 'external', taken);
    newId = server.id;
    next = addServer(doc, server, snap(options.position ?? freeSpot(doc, kind)));
  } else {
    let tenantId = options.tenantId ?? null;
    if (options.dropped && !tenantId) {
      refuse('messages.dropOutsideTenant', { kind: t(`kinds.${kind}`), context: kind });
      return null;
    }
    if (!tenantId) tenantId = selectedTenantId() ?? doc.tenants[0]?.id ?? null;
    const tenant = doc.tenants.find((x) => x.id === tenantId);
    if (!tenant) {
      refuse('messages.needTenant');
      return null;
    }
    const child = createChild(doc, kind, tenant, taken);
    newId = child.id;
    next = addChild(doc, tenant.id, kind, child);
  }
  const result = commitValidated(next);
  if (!result.ok) {
    refuse('messages.editRefused', { message: result.errors[0]?.message ?? '' });
    return null;
  }
  useUiStore.getState().select([newId]);
  return newId;
}

/** Commits the final places of dragged top-level nodes (one undo step for the whole drag). */
/**
 * Stores positions, on the grid — except along an axis `exact` names: a node dropped on an
 * alignment guide (renderer/canvas/guides.tsx) keeps the other node's coordinate exactly.
 */
export function commitPositions(positions: Record<string, Position>, exact: { x?: boolean; y?: boolean } = {}): void {
  if (Object.keys(positions).length === 0) return;
  const doc = useDocumentStore.getState().doc;
  const stored = doc.view?.positions ?? {};
  const changed = Object.entries(positions).filter(([id, p]) => stored[id]?.x !== p.x || stored[id]?.y !== p.y);
  if (changed.length === 0) return;
  const place = (p: Position): Position => {
    const g = snap(p);
    return { x: exact.x ? p.x : g.x, y: exact.y ? p.y : g.y };
  };
  useDocumentStore.getState().commit(setPositions(doc, Object.fromEntries(changed.map(([id, p]) => [id, place(p)]))));
}

/** A connector or rule dropped on another tenant moves there in the model. */
export function moveChildToTenant(childId: string, tenantId: string): boolean {
  const doc = useDocumentStore.getState().doc;
  const next = moveChild(doc, childId, tenantId);
  if (next === doc) return false;
  const result = commitValidated(next);
  if (!result.ok) {
    refuse('messages.editRefused', { message: result.errors[0]?.message ?? '' });
    return false;
  }
  const tenant = next.tenants.find((x) => x.id === tenantId);
  useUiStore.getState().toast('info', t('messages.moved', { name: locateEntity(next, childId)?.entity.name ?? childId, tenant: tenant?.name ?? tenantId }));
  return true;
}

export function refuseDropOutsideTenant(kind: string): void {
  refuse('messages.dropOutsideTenant', { kind: t(`kinds.${kind}`), context: kind });
}

function entitySelection(): string[] {
  const doc = useDocumentStore.getState().doc;
  return useUiStore.getState().selection.filter((id) => locateEntity(doc, id) !== null);
}

export async function deleteSelection(): Promise<void> {
  const ids = entitySelection();
  if (ids.length === 0) return;
  const doc = useDocumentStore.getState().doc;
  const c = deletionConsequences(doc, ids);
  const extra = c.entities.length > ids.length || c.scenariosDeleted.length > 0 || c.expectationsChanged.length > 0;
  if (extra) {
    const details = [
      ...c.entities.map((e) => `${t(`kinds.${e.kind}`)}: ${e.name}`),
      ...c.scenariosDeleted.map((s) => t('dialog.delete.scenarioDeleted', { name: s.name })),
      ...c.expectationsChanged.map((s) => t('dialog.delete.expectationChanged', { name: s.name })),
    ];
    const ok = await askConfirm({
      title: t('dialog.delete.title'),
      message: t('dialog.delete.message', { count: c.entities.length }),
      details,
      confirmLabel: t('dialog.delete.confirm'),
      danger: true,
    });
    if (!ok) return;
  }
  const result = commitValidated(deleteEntities(useDocumentStore.getState().doc, ids));
  if (!result.ok) {
    refuse('messages.editRefused', { message: result.errors[0]?.message ?? '' });
    return;
  }
  useUiStore.getState().select([]);
  // Said to screen readers (the canvas live region), e.g. after the Delete key on a focused node.
  const only = c.entities.length === 1 ? c.entities[0] : null;
  announce(only ? t('canvas.announce.deleted', { what: `${t(`kinds.${only.kind}`)} ${only.name}` }) : t('canvas.announce.deletedMany', { count: c.entities.length }));
}

export function duplicateSelection(): void {
  const ids = entitySelection();
  if (ids.length === 0) return;
  const pasted = duplicateEntities(useDocumentStore.getState().doc, ids);
  const result = commitValidated(pasted.doc);
  if (!result.ok) {
    refuse('messages.editRefused', { message: result.errors[0]?.message ?? '' });
    return;
  }
  useUiStore.getState().select(pasted.newIds);
}

let memoryClipboard: ClipboardPayload | null = null;

export async function copySelection(): Promise<boolean> {
  const ids = entitySelection();
  if (ids.length === 0) return false;
  const payload = copyEntities(useDocumentStore.getState().doc, ids);
  memoryClipboard = payload;
  try {
    await navigator.clipboard?.writeText(JSON.stringify(payload, null, 2));
  } catch {
    // No clipboard permission (some browsers): the in-app clipboard still pastes.
  }
  useUiStore.getState().toast('info', t('messages.copied', { count: ids.length }));
  return true;
}

export async function cutSelection(): Promise<void> {
  if (await copySelection()) {
    const doc = useDocumentStore.getState().doc;
    const result = commitValidated(deleteEntities(doc, entitySelection()));
    if (result.ok) useUiStore.getState().select([]);
  }
}

async function readClipboard(): Promise<ClipboardPayload | null> {
  try {
    const text = await navigator.clipboard?.readText();
    if (text) {
      const parsed = parseClipboardPayload(JSON.parse(text));
      if (parsed) return parsed;
    }
  } catch {
    // Not ours, not JSON, or no permission: fall back to the in-app clipboard.
  }
  return memoryClipboard;
}

export async function pasteClipboard(): Promise<void> {
  const payload = await readClipboard();
  if (!payload) {
    refuse('messages.nothingToPaste');
    return;
  }
  const doc = useDocumentStore.getState().doc;
  const pasted = pasteEntities(doc, payload, { targetTenantId: payload.children.length > 0 ? selectedTenantId() : null });
  if (pasted.newIds.length === 0) {
    refuse('messages.needTenant');
    return;
  }
  const result = commitValidated(pasted.doc);
  if (!result.ok) {
    refuse('messages.editRefused', { message: result.errors[0]?.message ?? '' });
    return;
  }
  useUiStore.getState().select(pasted.newIds);
}

export function selectAll(): void {
  const doc = useDocumentStore.getState().doc;
  useUiStore.getState().select([...doc.servers.map((s) => s.id), ...doc.tenants.map((x) => x.id)]);
}
