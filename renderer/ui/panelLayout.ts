/**
 * Side and bottom panel sizes: collapsible, resizable, remembered. Kept in localStorage (a view
 * preference of this machine, like the window placement; never in the document or the undo
 * history). Widths are clamped on read so a value remembered on a large screen never pushes the
 * canvas off a small one.
 */
import { create } from 'zustand';

export interface PanelLayout {
  paletteWidth: number;
  paletteCollapsed: boolean;
  /** null until the user resizes it: then it follows the window (autoRightWidth). */
  rightWidth: number | null;
  rightCollapsed: boolean;
  /** Height of the playback panel in CSS px. */
  playbackHeight: number;
  /** True once the user chose; before that the palette follows the window width. */
  paletteChosen: boolean;
}

export const PANEL_LIMITS = {
  palette: { min: 160, max: 360, default: 200 },
  right: { min: 260, max: 560, default: 320 },
  playback: { min: 120, max: 0.7, default: 240 },
} as const;

const KEY = 'mailflow.panels.v1';

const DEFAULTS: PanelLayout = {
  paletteWidth: PANEL_LIMITS.palette.default,
  paletteCollapsed: false,
  rightWidth: null,
  rightCollapsed: false,
  playbackHeight: PANEL_LIMITS.playback.default,
  paletteChosen: false,
};

const clamp = (v: unknown, min: number, max: number, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback);

function read(): PanelLayout {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
    if (!raw) return DEFAULTS;
    const v = JSON.parse(raw) as Partial<Record<keyof PanelLayout, unknown>>;
    return {
      paletteWidth: clamp(v.paletteWidth, PANEL_LIMITS.palette.min, PANEL_LIMITS.palette.max, DEFAULTS.paletteWidth),
      paletteCollapsed: v.paletteCollapsed === true,
      rightWidth: v.rightWidth === null ? null : clamp(v.rightWidth, PANEL_LIMITS.right.min, PANEL_LIMITS.right.max, PANEL_LIMITS.right.default),
      rightCollapsed: v.rightCollapsed === true,
      playbackHeight: clamp(v.playbackHeight, PANEL_LIMITS.playback.min, 4000, DEFAULTS.playbackHeight),
      paletteChosen: v.paletteChosen === true,
    };
  } catch {
    return DEFAULTS;
  }
}

function write(layout: PanelLayout): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(layout));
  } catch {
    // Private mode or storage full: the layout simply is not remembered.
  }
}

interface PanelLayoutStore extends PanelLayout {
  set(patch: Partial<PanelLayout>): void;
}

export const usePanelLayout = create<PanelLayoutStore>()((set, get) => ({
  ...read(),
  set(patch) {
    set(patch);
    const { set: _omit, ...layout } = { ...get() };
    void _omit;
    write(layout);
  },
}));

/** The right panel's width before the user chose one: wider on a large screen (long setting names). */
export function autoRightWidth(windowWidth: number): number {
  return Math.round(Math.min(420, Math.max(300, windowWidth * 0.22)));
}

/** The palette shows as an icon rail when collapsed, or by default on a narrow window. */
export function paletteIsRail(layout: Pick<PanelLayout, 'paletteCollapsed' | 'paletteChosen'>, windowWidth: number): boolean {
  return layout.paletteChosen ? layout.paletteCollapsed : windowWidth < 1200;
}
