/**
 * Simulation actions in the app's one action registry: the Simulation menu (web menubar and the
 * desktop's native menu, which sends these MENU_ACTION_IDS), the buttons and the shortcuts all
 * dispatch the same ids. Space and the arrow keys step only where the focused element does not use
 * them itself (the registry's `keyBelongsToTarget`).
 */
import { registerActions, type Action } from '../actions/registry';
import { useUiStore } from '../store/uiStore';
import { usePresentStore } from './PresentMode';
import { usePlaybackStore } from './playbackStore';

const hasPlan = () => usePlaybackStore.getState().plan !== null;

export function playbackActions(): Action[] {
  const s = () => usePlaybackStore.getState();
  return [
    {
      id: 'simulation.run',
      labelKey: 'playback.actions.run',
      group: 'simulation',
      shortcut: 'Mod+Enter',
      enabled: (c) => c.doc.scenarios.length > 0,
      perform: () => {
        s().run();
        useUiStore.getState().setRightTab('scenarios');
      },
    },
    {
      id: 'simulation.checkAll',
      labelKey: 'playback.actions.checkAll',
      group: 'simulation',
      shortcut: 'Shift+Mod+Enter',
      enabled: (c) => c.doc.scenarios.some((x) => x.expect),
      perform: () => {
        s().checkAll();
        useUiStore.getState().setRightTab('scenarios');
      },
    },
    { id: 'simulation.play', labelKey: 'playback.actions.play', group: 'simulation', enabled: (c) => hasPlan() || c.doc.scenarios.length > 0, perform: () => s().play() },
    { id: 'simulation.pause', labelKey: 'playback.actions.pause', group: 'simulation', enabled: hasPlan, perform: () => s().pause() },
    { id: 'simulation.togglePlay', labelKey: 'commands.simulation.togglePlay', group: 'simulation', shortcut: 'Space', inMenu: false, enabled: hasPlan, perform: () => s().togglePlay() },
    { id: 'simulation.stepForward', labelKey: 'playback.actions.stepForward', group: 'simulation', shortcut: '.', altShortcuts: ['ArrowRight'], enabled: hasPlan, perform: () => s().stepForward() },
    { id: 'simulation.stepBack', labelKey: 'playback.actions.stepBack', group: 'simulation', shortcut: ',', altShortcuts: ['ArrowLeft'], enabled: hasPlan, perform: () => s().stepBack() },
    { id: 'simulation.reset', labelKey: 'playback.actions.reset', group: 'simulation', shortcut: 'Home', enabled: hasPlan, perform: () => s().reset() },
    {
      id: 'view.present',
      labelKey: 'playback.actions.present',
      group: 'view',
      enabled: (c) => usePresentStore.getState().active || c.doc.scenarios.length > 0,
      checked: () => usePresentStore.getState().active,
      perform: () => (usePresentStore.getState().active ? usePresentStore.getState().leave() : usePresentStore.getState().open()),
    },
  ];
}

/** Present mode's keys: next (→, Space, Page Down, Enter), previous (←, Page Up, Backspace), leave (Esc). */
export function presentActions(): Action[] {
  const p = () => usePresentStore.getState();
  const presenting = () => p().active;
  const key = { group: 'view', scope: 'present', inMenu: false, enabled: presenting } as const;
  return [
    { ...key, id: 'present.next', labelKey: 'playback.present.next', shortcut: 'ArrowRight', altShortcuts: ['Space', 'PageDown', 'Enter'], perform: () => p().next() },
    { ...key, id: 'present.previous', labelKey: 'playback.present.previous', shortcut: 'ArrowLeft', altShortcuts: ['PageUp', 'Backspace'], perform: () => p().previous() },
    { ...key, id: 'present.leave', labelKey: 'playback.present.exit', shortcut: 'Escape', perform: () => p().leave() },
  ];
}

let registered = false;

/** Registers the actions once (module import time); their keys go through the registry's handler. */
export function installPlaybackActions(): void {
  if (registered || typeof window === 'undefined') return;
  registered = true;
  registerActions([...playbackActions(), ...presentActions()]);
}
