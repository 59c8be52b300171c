/**
 * Context menus (draw.io, Visio, Packet Tracer: right-click is where the hand goes first), built
 * from the one action registry: each target kind lists action ids, so a context menu shows the
 * same labels and shortcuts as the menubar and performs the same commands. Right-click on a node
 * selects it first (as draw.io does), so the selection commands act on what was clicked.
 */
import { create } from 'zustand';
import { getCanvasApi } from '../canvas/canvasApi';
import { ARRANGE_ACTION_IDS } from './arrangeActions';
import { createNote } from '../canvas/NoteNode';
import { t } from '../i18n';
import { locateEntity, type EntityKind } from '../model/entities';
import { useUiStore } from '../store/uiStore';
import type { Action, ActionContext, ActionId } from './registry';
import { useShortcutsDialog } from './ShortcutsDialog';

export type ContextTarget = 'pane' | EntityKind | 'selection' | 'step';

/** `-` separates; the first entry of each list is the menu's first command (the e2e test performs it). */
export type ContextItem = ActionId | '-';

/** "Add here" items: the palette's kinds, placed at the pointer (pane) or into the tenant (tenant). */
const ADD_TOP: ContextItem[] = ['insert.server', 'insert.tenant', 'insert.external'];
const ADD_CHILD: ContextItem[] = ['insert.inbound', 'insert.outbound', 'insert.rule'];
const ENTITY_REST: ContextItem[] = ['edit.duplicate', 'edit.delete', '-', 'edit.copyId', 'view.showInEvents'];
const ENTITY: ContextItem[] = ['view.zoomToSelection', 'simulation.runTouching', ...ENTITY_REST];

export const CONTEXT_MENUS: Record<ContextTarget, ContextItem[]> = {
  pane: [...ADD_TOP, 'insert.note', '-', 'edit.paste', 'edit.selectAll', 'view.fitView'],
  tenant: [...ADD_CHILD, '-', ...ENTITY],
  server: ['simulation.sendFromHere', 'simulation.runTouching', '-', 'view.zoomToSelection', ...ENTITY_REST],
  external: ['simulation.sendFromHere', 'simulation.runTouching', '-', 'view.zoomToSelection', ...ENTITY_REST],
  inbound: ENTITY,
  outbound: ENTITY,
  rule: ENTITY,
  selection: [
    'view.zoomToSelection',
    'edit.duplicate',
    'edit.delete',
    '-',
    ...ARRANGE_ACTION_IDS,
    '-',
    'edit.copy',
    'edit.cut',
  ],
  step: ['view.zoomToSelection', 'edit.copyId', 'view.showInEvents'],
};

/** Heading shown above the "add here" items of a menu. */
export function addHereHeading(target: ContextTarget): string | null {
  return target === 'pane' || target === 'tenant' ? 'contextMenu.addHere' : null;
}

export interface OpenContextMenu {
  target: ContextTarget;
  /** Screen position of the menu. */
  x: number;
  y: number;
  at: ActionContext['at'];
}

interface ContextMenuState {
  open: OpenContextMenu | null;
  show(menu: OpenContextMenu): void;
  close(): void;
}

export const useContextMenu = create<ContextMenuState>()((set) => ({
  open: null,
  show: (open) => set({ open }),
  close: () => set({ open: null }),
}));

/** The context-menu target of a node id (its entity kind), or null when it is no entity. */
export function targetOfId(ctx: Pick<ActionContext, 'doc'>, id: string): ContextTarget | null {
  return locateEntity(ctx.doc, id)?.kind ?? null;
}

/** A request to open the scenario form prefilled with a sending server (the Scenarios tab takes it). */
export const useScenarioRequest = create<{ serverId: string | null; nonce: number }>()(() => ({ serverId: null, nonce: 0 }));

/** The one selected entity's id, or null (commands about a single component). */
export const oneEntity = (ctx: ActionContext) => (ctx.selection.length === 1 && locateEntity(ctx.doc, ctx.selection[0]) ? ctx.selection[0] : null);

export function contextActions(): Action[] {
  return [
    {
      id: 'canvas.contextMenu',
      labelKey: 'commands.canvas.contextMenu',
      group: 'edit',
      scope: 'canvasNode',
      shortcut: 'Shift+F10',
      altShortcuts: ['ContextMenu'],
      inMenu: false,
      enabled: (ctx) => ctx.focusedNodeId !== null && locateEntity(ctx.doc, ctx.focusedNodeId) !== null,
      perform: (ctx) => {
        const id = ctx.focusedNodeId;
        if (!id) return;
        const target = targetOfId(ctx, id);
        if (!target) return;
        useUiStore.getState().select([id]);
        const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        const rect = el?.getBoundingClientRect();
        useContextMenu.getState().show({ target, x: rect ? rect.left + 12 : 100, y: rect ? rect.bottom - 4 : 100, at: null });
      },
    },
    {
      id: 'edit.copyId',
      labelKey: 'actions.edit.copyId',
      group: 'edit',
      inMenu: false,
      enabled: (ctx) => oneEntity(ctx) !== null,
      perform: async (ctx) => {
        const id = oneEntity(ctx);
        if (!id) return;
        await navigator.clipboard?.writeText(id).catch(() => undefined);
        useUiStore.getState().toast('info', t('contextMenu.copiedId', { id }));
      },
    },
    {
      id: 'view.zoomToSelection',
      labelKey: 'actions.view.zoomToSelection',
      group: 'view',
      shortcut: 'Shift+2',
      enabled: (ctx) => ctx.selection.length > 0,
      perform: (ctx) => getCanvasApi()?.fitView(ctx.selection),
    },
    {
      id: 'help.shortcuts',
      labelKey: 'actions.help.shortcuts',
      group: 'help',
      shortcut: 'Shift+?',
      perform: () => useShortcutsDialog.setState({ open: true }),
    },
    {
      id: 'insert.note',
      labelKey: 'notes.kind',
      group: 'insert',
      perform: (ctx) => {
        createNote(ctx.at ?? getCanvasApi()?.viewportCenter() ?? { x: 0, y: 0 }, t('notes.new'));
      },
    },
    {
      id: 'edit.find',
      labelKey: 'actions.edit.find',
      group: 'edit',
      shortcut: 'Mod+F',
      worksInTextFields: true,
      perform: () => useFind.setState((s) => ({ open: true, nonce: s.nonce + 1 })),
    },
    {
      id: 'view.toggleLegend',
      labelKey: 'actions.view.toggleLegend',
      group: 'view',
      checked: () => useLegend.getState().open,
      perform: () => useLegend.setState((s) => ({ open: !s.open })),
    },
  ];
}

/** The find bar's state; `nonce` re-focuses its field when Ctrl+F is pressed again. */
export const useFind = create<{ open: boolean; nonce: number }>()(() => ({ open: false, nonce: 0 }));

/** The on-canvas legend's open state (collapsed by default: the canvas is for the design). */
export const useLegend = create<{ open: boolean }>()(() => ({ open: false }));
