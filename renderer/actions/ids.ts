/**
 * Every command of the app, by id. The native menu can dispatch the ids of `MENU_ACTION_IDS`
 * (shared/ipc/contract.ts); the others are reached from the web menubar, buttons and keys only.
 * `test/renderer/actions.test.ts` checks that each id has exactly one registered action.
 */
import { MENU_ACTION_IDS } from '../../shared/ipc/contract';

export const ACTION_IDS = [
  ...MENU_ACTION_IDS,
  'edit.deselect',
  'insert.server',
  'insert.tenant',
  'insert.inbound',
  'insert.outbound',
  'insert.rule',
  'insert.external',
  'view.toggleMinimap',
  'view.toggleSnap',
  'view.diagnostics',
  'view.timeline',
  'simulation.evaluateToday',
  'simulation.togglePlay',
  'canvas.selectFocused',
  'canvas.moveToTenant',
  'canvas.contextMenu',
  'edit.copyId',
  'view.zoomToSelection',
  'view.showInEvents',
  'simulation.sendFromHere',
  'simulation.runTouching',
  'help.shortcuts',
  'view.toggleLegend',
  'edit.find',
  'insert.note',
  'arrange.alignLeft',
  'arrange.alignCenter',
  'arrange.alignRight',
  'arrange.alignTop',
  'arrange.alignMiddle',
  'arrange.alignBottom',
  'arrange.distributeHorizontal',
  'arrange.distributeVertical',
  'present.next',
  'present.previous',
  'present.leave',
] as const;

export type ActionId = (typeof ACTION_IDS)[number];

export function isActionId(id: string): id is ActionId {
  return (ACTION_IDS as readonly string[]).includes(id);
}
