/**
 * Commands of the "Evaluated as of" control (issue 14): go back to today, and open the timeline of
 * Exchange Online's dated changes. The control itself is `AsOfControl.tsx` in the top bar.
 */
import { create } from 'zustand';
import { localToday, useUiStore } from '../store/uiStore';
import type { Action } from '../actions/registry';

/** Whether the timeline popover of the date control is open. */
export const useTimelineOpen = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

export function asOfActions(): Action[] {
  return [
    {
      id: 'simulation.evaluateToday',
      labelKey: 'asOf.actions.today',
      group: 'simulation',
      perform: () => useUiStore.getState().setEvaluationDate(null),
      enabled: () => useUiStore.getState().evaluationDate !== localToday(),
    },
    {
      id: 'view.timeline',
      labelKey: 'asOf.actions.timeline',
      group: 'view',
      shortcut: 'Alt+Y',
      perform: () => useTimelineOpen.getState().setOpen(!useTimelineOpen.getState().open),
      checked: () => useTimelineOpen.getState().open,
    },
  ];
}
