/**
 * What actions need from the mounted canvas (zoom, fit, the viewport centre). The canvas registers
 * it on mount; actions call it without holding React Flow state themselves.
 */
import type { Position } from '../../shared/model/schema';

export interface CanvasApi {
  fitView(ids?: string[]): void;
  zoomIn(): void;
  zoomOut(): void;
  /** The flow coordinates at the centre of the visible canvas. */
  viewportCenter(): Position;
  /** Drawn boxes of the top-level nodes among `ids` (align and distribute move only those). */
  boxesOf?(ids: string[]): Array<{ id: string; x: number; y: number; w: number; h: number }>;
}

let api: CanvasApi | null = null;

export function setCanvasApi(next: CanvasApi | null): void {
  api = next;
}

export function getCanvasApi(): CanvasApi | null {
  return api;
}

/**
 * The playback camera (renderer/playback/CanvasOverlay.tsx) registers how to re-frame the current
 * step, so a window resize during playback re-frames the step instead of fitting the whole design.
 */
let follower: (() => void) | null = null;

export function setCameraFollower(next: (() => void) | null): void {
  follower = next;
}

export function getCameraFollower(): (() => void) | null {
  return follower;
}

/**
 * What the hover card (renderer/inspector/HoverCard.tsx) asks of the simulation on screen, which
 * playback registers: whether cards are hidden (present mode) and lines about an entity in the
 * simulation shown (a rule that acted or was skipped, up to the current step).
 */
export interface HoverExtras {
  hidden(): boolean;
  lines(entityId: string): string[];
}

let hoverExtras: HoverExtras | null = null;

export function setHoverExtras(next: HoverExtras | null): void {
  hoverExtras = next;
}

export function getHoverExtras(): HoverExtras | null {
  return hoverExtras;
}
