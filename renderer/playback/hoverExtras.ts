/**
 * What the canvas's hover cards learn from the simulation on screen (renderer/canvas/canvasApi.ts
 * `HoverExtras`): no cards in present mode, and for a rule, whether it acted or was skipped (and
 * why) up to the current step, in the engine's own words.
 */
import { setHoverExtras } from '../canvas/canvasApi';
import { usePresentStore } from './PresentMode';
import { usePlaybackStore } from './playbackStore';

export function installPlaybackHoverExtras(): void {
  setHoverExtras({
    hidden: () => usePresentStore.getState().active,
    lines: (id) => {
      const { plan, index } = usePlaybackStore.getState();
      if (!plan || index < 0) return [];
      return plan.steps
        .slice(0, index + 1)
        .filter((s) => (s.event.kind === 'rule' || s.event.kind === 'ruleSkipped') && s.event.data.rule === id)
        .map((s) => s.event.text)
        .slice(-3);
    },
  });
}
