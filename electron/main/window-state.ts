/**
 * Window size and position, remembered between runs and brought back onto a visible display: a
 * window saved on a monitor that is gone (or on a larger screen) must not open off screen.
 */
import path from 'node:path';
import { z } from 'zod';
import { defaultFs, type Fs } from './atomic-write';
import { JsonFile } from './json-store';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 640, height: 480 } as const;

const windowStateSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
  maximized: z.boolean(),
});

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clampSize(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: Math.round(Math.max(Math.min(size.width, area.width), Math.min(MIN_WINDOW_SIZE.width, area.width))),
    height: Math.round(Math.max(Math.min(size.height, area.height), Math.min(MIN_WINDOW_SIZE.height, area.height))),
  };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const clamped = clampSize(size, area);
  return {
    ...clamped,
    x: Math.round(area.x + (area.width - clamped.width) / 2),
    y: Math.round(area.y + (area.height - clamped.height) / 2),
  };
}

/**
 * Where to open the window. `workAreas` are the displays' work areas, the primary first. The saved
 * bounds are kept when they overlap a display; they are then shrunk to fit it and moved fully onto
 * it. Without saved bounds, or when they overlap no display, the window opens centred on the
 * primary display.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (!saved) return { ...centred(DEFAULT_WINDOW_SIZE, primary), maximized: false };
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (!best) return { ...centred(saved, primary), maximized: saved.maximized };
  const size = clampSize(saved, best);
  const x = Math.round(Math.min(Math.max(saved.x, best.x), best.x + best.width - size.width));
  const y = Math.round(Math.min(Math.max(saved.y, best.y), best.y + best.height - size.height));
  return { x, y, ...size, maximized: saved.maximized };
}

export class WindowStateStore {
  private readonly file: JsonFile<WindowState | null>;

  constructor(userDataDir: string, fs: Fs = defaultFs) {
    this.file = new JsonFile(path.join(userDataDir, 'window-state.json'), windowStateSchema.nullable(), () => null, fs);
  }

  read(): Promise<WindowState | null> {
    return this.file.read();
  }

  write(state: WindowState): Promise<void> {
    return this.file.write(state);
  }
}
