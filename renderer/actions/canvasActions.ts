/**
 * The canvas's own keys as registry actions: Enter on a focused node selects it and shows the
 * inspector; M moves the selected connector or rule to another tenant (React Flow itself handles
 * Tab, Space selection and arrow moves). The canvas registers them while it is mounted, giving the
 * two things only it knows: how a node is announced, and how to open the move dialog.
 */
import { announce } from '../canvas/announcer';
import type { MoveToTenantRequest } from '../canvas/MoveToTenantDialog';
import { t } from '../i18n';
import { isLocatedChild, locateEntity } from '../model/entities';
import { useUiStore } from '../store/uiStore';
import type { Action, ActionContext } from './registry';

export interface CanvasActionDeps {
  /** The node's accessible name, or null when there is no such (selectable) node. */
  describe(id: string): string | null;
  requestMove(request: MoveToTenantRequest): void;
}

function selectedChild(ctx: ActionContext) {
  const found = ctx.selection.length === 1 ? locateEntity(ctx.doc, ctx.selection[0]) : null;
  return isLocatedChild(found) ? found : null;
}

export function canvasActions(deps: CanvasActionDeps): Action[] {
  return [
    {
      id: 'canvas.selectFocused',
      labelKey: 'commands.canvas.select',
      group: 'edit',
      scope: 'canvasNode',
      shortcut: 'Enter',
      inMenu: false,
      enabled: (ctx) => ctx.focusedNodeId !== null && deps.describe(ctx.focusedNodeId) !== null,
      perform: (ctx) => {
        const id = ctx.focusedNodeId;
        if (id === null) return;
        useUiStore.getState().select([id]);
        useUiStore.getState().setRightTab('inspector');
        announce(t('canvas.announce.selected', { what: deps.describe(id) ?? id }));
      },
    },
    {
      id: 'canvas.moveToTenant',
      labelKey: 'commands.canvas.moveToTenant',
      group: 'edit',
      scope: 'canvas',
      shortcut: 'M',
      inMenu: false,
      enabled: (ctx) => selectedChild(ctx) !== null,
      perform: (ctx) => {
        const found = selectedChild(ctx);
        if (!found) return;
        const what = deps.describe(found.id) ?? found.entity.name;
        if (ctx.doc.tenants.length < 2) {
          announce(t('canvas.announce.noOtherTenant', { what }));
          return;
        }
        deps.requestMove({ childId: found.id, what, currentTenantId: found.tenant.id });
      },
    },
  ];
}
