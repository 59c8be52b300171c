/**
 * Simulation playback: importing this module registers its strings, its actions (Simulation menu,
 * shortcuts) and starts its clock. The shell places its components through renderer/app/slots.tsx.
 */
import './i18n';
import './playback.css';
import { installPlaybackActions } from './actions';
import { startPlaybackClock } from './playbackStore';
import { installPlaybackHoverExtras } from './hoverExtras';

installPlaybackActions();
installPlaybackHoverExtras();
if (typeof window !== 'undefined') startPlaybackClock();

export { ScenarioPanel } from './ScenarioPanel';
export { PlaybackPanel } from './PlaybackPanel';
export { PlaybackOverlay } from './CanvasOverlay';
export { PlaybackToolbar } from './Toolbar';
export { usePlaybackStore } from './playbackStore';
