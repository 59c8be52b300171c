/**
 * Align and distribute a multi-selection of servers and tenants (draw.io's Arrange menu): the pure
 * functions of shared/model/align.ts on the drawn boxes, committed as one undo step each.
 */
import { alignBoxes, distributeBoxes, type AlignMode, type DistributeAxis } from '../../shared/model/align';
import { getCanvasApi } from '../canvas/canvasApi';
import { commitPositions } from './editing';
import type { Action, ActionContext, ActionId } from './registry';

const ALIGN: Array<[ActionId, AlignMode]> = [
  ['arrange.alignLeft', 'left'],
  ['arrange.alignCenter', 'center'],
  ['arrange.alignRight', 'right'],
  ['arrange.alignTop', 'top'],
  ['arrange.alignMiddle', 'middle'],
  ['arrange.alignBottom', 'bottom'],
];
const DISTRIBUTE: Array<[ActionId, DistributeAxis]> = [
  ['arrange.distributeHorizontal', 'horizontal'],
  ['arrange.distributeVertical', 'vertical'],
];

/** The align and distribute ids in menu order (the selection's context menu lists them). */
export const ARRANGE_ACTION_IDS: ActionId[] = [...ALIGN, ...DISTRIBUTE].map(([id]) => id);

/** Top-level entities only: connectors and rules are placed by their tenant. */
const topLevel = (ctx: ActionContext) => ctx.selection.filter((id) => ctx.doc.servers.some((s) => s.id === id) || ctx.doc.tenants.some((t) => t.id === id));

export function arrangeActions(): Action[] {
  return [
    ...ALIGN.map(
      ([id, mode]): Action => ({
        id,
        labelKey: `actions.arrange.${mode}`,
        group: 'edit',
        enabled: (ctx) => topLevel(ctx).length >= 2,
        perform: (ctx) => commitPositions(alignBoxes(getCanvasApi()?.boxesOf?.(topLevel(ctx)) ?? [], mode)),
      }),
    ),
    ...DISTRIBUTE.map(
      ([id, axis]): Action => ({
        id,
        labelKey: `actions.arrange.${axis}`,
        group: 'edit',
        enabled: (ctx) => topLevel(ctx).length >= 3,
        perform: (ctx) => commitPositions(distributeBoxes(getCanvasApi()?.boxesOf?.(topLevel(ctx)) ?? [], axis)),
      }),
    ),
  ];
}
