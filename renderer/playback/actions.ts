/**
 * Simulation actions in the app's one action registry: the Simulation menu (web menubar and the
 * desktop's native menu, which sends these MENU_ACTION_IDS), the buttons and the shortcuts all
 * dispatch the same ids.
 */
import { registerActions, type Action } from '../actions/registry';
import { useUiStore } from '../store/uiStore';
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
    { id: 'simulation.stepForward', labelKey: 'playback.actions.stepForward', group: 'simulation', shortcut: '.', enabled: hasPlan, perform: () => s().stepForward() },
    { id: 'simulation.stepBack', labelKey: 'playback.actions.stepBack', group: 'simulation', shortcut: ',', enabled: hasPlan, perform: () => s().stepBack() },
    { id: 'simulation.reset', labelKey: 'playback.actions.reset', group: 'simulation', shortcut: 'Home', enabled: hasPlan, perform: () => s().reset() },
  ];
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [role="slider"], .react-flow__node')) return true;
  return false;
}

/**
 * Space (play/pause) and the arrow keys (step) are handled here rather than as registry shortcuts:
 * they must leave buttons, text fields, the timeline slider and keyboard-moved canvas nodes alone.
 */
export function playbackKeydown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
  if (useUiStore.getState().dialog || isTyping(event.target)) return;
  const s = usePlaybackStore.getState();
  if (!s.plan) return;
  if (event.key === ' ' || event.code === 'Space') {
    if (event.target instanceof HTMLElement && event.target.closest('button, a, [role="button"], [role="tab"], [role="row"]')) return;
    event.preventDefault();
    s.togglePlay();
  } else if (event.key === 'ArrowRight' && !event.shiftKey) {
    event.preventDefault();
    s.stepForward();
  } else if (event.key === 'ArrowLeft' && !event.shiftKey) {
    event.preventDefault();
    s.stepBack();
  }
}

let registered = false;

/** Registers the actions and the key handler once (module import time). */
export function installPlaybackActions(): void {
  if (registered || typeof window === 'undefined') return;
  registered = true;
  registerActions(playbackActions());
  window.addEventListener('keydown', playbackKeydown);
}
