/**
 * Slots filled by the playback feature (renderer/playback/); the shell places them:
 * - `ScenarioPanelSlot`: content of the right panel's "Scenarios" tab (shown when `scenarioTab` is set).
 * - `BottomPanelSlot`: a panel below the canvas (controls, events, step details, load chart).
 * - `CanvasOverlaySlot`: drawn over the canvas inside React Flow's provider (the travelling message).
 * - `ToolbarSlot`: extra buttons in the top bar (Present).
 */
import { PlaybackOverlay, PlaybackPanel, PlaybackToolbar, ScenarioPanel } from '../playback';

export const scenarioTab: { labelKey: string } | null = { labelKey: 'playback.tab' };

export const ScenarioPanelSlot = ScenarioPanel;
export const BottomPanelSlot = PlaybackPanel;
export const CanvasOverlaySlot = PlaybackOverlay;
export const ToolbarSlot = PlaybackToolbar;
