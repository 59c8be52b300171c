/** The "Analyze" command (Simulation menu, Shift+Mod+A): opens or closes the Analyze view. */
import type { Action } from '../actions/registry';
import { useAnalyzeStore } from './analyzeStore';

export function analyzeActions(): Action[] {
  return [
    {
      id: 'simulation.analyze',
      labelKey: 'analyze.action',
      group: 'simulation',
      shortcut: 'Shift+Mod+A',
      checked: () => useAnalyzeStore.getState().open,
      perform: () => useAnalyzeStore.getState().setOpen(!useAnalyzeStore.getState().open),
    },
  ];
}
