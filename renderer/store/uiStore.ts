/**
 * UI state: selection, panels, theme, language, toasts, dialogs, palette drag. Never part of the
 * undo history (the document store is the only undoable store).
 */
import { create } from 'zustand';
import type { Diagnostic } from '../diagnostics';
import type { Lang } from '../../shared/i18n/languages';
import type { LoadError } from '../../shared/model/load';
import { isRealDate, patterns } from '../../shared/model/schema';

export type Theme = 'light' | 'dark';
export type Language = Lang;
export type RightTab = 'inspector' | 'diagnostics' | 'scenarios';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
}

/** Modal dialogs; one at a time. `resolve` answers the promise of whoever asked. */
export type DialogRequest =
  | { kind: 'confirm'; title: string; message: string; details?: string[]; confirmLabel: string; danger?: boolean; resolve(ok: boolean): void }
  | { kind: 'choice'; title: string; message: string; choices: Array<{ id: string; label: string; primary?: boolean }>; resolve(choice: string | null): void }
  | { kind: 'loadErrors'; title: string; fileName: string; errors: LoadError[]; resolve(): void }
  | { kind: 'about'; resolve(): void };

export interface UiState {
  selection: string[];
  rightTab: RightTab;
  theme: Theme;
  language: Language;
  showMinimap: boolean;
  /** While a simulation is shown (playback, present mode) the minimap is hidden unless asked for. */
  playbackActive: boolean;
  minimapDuringPlayback: boolean;
  /** A design too big to fit at a readable zoom: pan around it, or show it whole in low detail. */
  bigDesign: 'pan' | 'lowDetail';
  snapToGrid: boolean;
  toasts: Toast[];
  dialog: DialogRequest | null;
  diagnostics: Diagnostic[];
  /** Incremented to ask the canvas to fit these ids into view. */
  reveal: { ids: string[]; nonce: number } | null;
  /** Ids being dragged on the canvas right now (never committed per frame). */
  dragging: string[];
  /**
   * The run's date (`YYYY-MM-DD`, local): the evaluation date of every engine call the app makes when
   * neither the scenario nor the document sets one (the engine never reads a clock). Default: today.
   */
  evaluationDate: string;
  setEvaluationDate(date: string | null): void;
  select(ids: string[]): void;
  setRightTab(tab: RightTab): void;
  setTheme(theme: Theme): void;
  setLanguage(language: Language): void;
  toggleMinimap(): void;
  /** Whether the minimap is on screen now. */
  minimapVisible(): boolean;
  setPlaybackActive(active: boolean): void;
  setBigDesign(mode: 'pan' | 'lowDetail'): void;
  toggleSnap(): void;
  toast(kind: Toast['kind'], text: string): void;
  dismissToast(id: number): void;
  setDialog(dialog: DialogRequest | null): void;
  setDiagnostics(d: Diagnostic[]): void;
  revealIds(ids: string[]): void;
  setDragging(ids: string[]): void;
}

let toastCounter = 0;

/** Today as a local `YYYY-MM-DD` (what the user calls "today", not UTC's). */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}


/** Same ids in any order (React Flow reports selection in its own order). */
function sameIds(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}

export const useUiStore = create<UiState>()((set, get) => ({
  selection: [],
  rightTab: 'inspector',
  theme: 'light',
  language: 'en',
  showMinimap: true,
  playbackActive: false,
  minimapDuringPlayback: false,
  bigDesign: 'pan',
  snapToGrid: true,
  toasts: [],
  dialog: null,
  diagnostics: [],
  reveal: null,
  dragging: [],
  evaluationDate: localToday(),
  setEvaluationDate(date) {
    // null (or an unfinished date from the input) means "today".
    const next = date && patterns.date.test(date) && isRealDate(date) ? date : localToday();
    if (next !== get().evaluationDate) set({ evaluationDate: next });
  },
  select(ids) {
    if (!sameIds(ids, get().selection)) set({ selection: ids });
  },
  setRightTab(rightTab) {
    set({ rightTab });
  },
  setTheme(theme) {
    set({ theme });
  },
  setLanguage(language) {
    set({ language });
  },
  toggleMinimap() {
    if (get().playbackActive) set((s) => ({ minimapDuringPlayback: !s.minimapDuringPlayback }));
    else set((s) => ({ showMinimap: !s.showMinimap }));
  },
  minimapVisible() {
    const s = get();
    return s.playbackActive ? s.minimapDuringPlayback : s.showMinimap;
  },
  setPlaybackActive(playbackActive) {
    if (playbackActive !== get().playbackActive) set({ playbackActive, minimapDuringPlayback: false });
  },
  setBigDesign(bigDesign) {
    set({ bigDesign });
  },
  toggleSnap() {
    set((s) => ({ snapToGrid: !s.snapToGrid }));
  },
  toast(kind, text) {
    const id = ++toastCounter;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text }] }));
    setTimeout(() => get().dismissToast(id), kind === 'error' ? 8000 : 4000);
  },
  dismissToast(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
  setDialog(dialog) {
    set({ dialog });
  },
  setDiagnostics(diagnostics) {
    set({ diagnostics });
  },
  revealIds(ids) {
    set((s) => ({ reveal: { ids, nonce: (s.reveal?.nonce ?? 0) + 1 } }));
  },
  setDragging(dragging) {
    set({ dragging });
  },
}));

/** Ask the user to confirm; resolves true when they do. */
export function askConfirm(request: Omit<Extract<DialogRequest, { kind: 'confirm' }>, 'kind' | 'resolve'>): Promise<boolean> {
  return new Promise((resolve) =>
    useUiStore.getState().setDialog({
      kind: 'confirm',
      ...request,
      resolve: (ok) => {
        useUiStore.getState().setDialog(null);
        resolve(ok);
      },
    }),
  );
}

export function askChoice(request: Omit<Extract<DialogRequest, { kind: 'choice' }>, 'kind' | 'resolve'>): Promise<string | null> {
  return new Promise((resolve) =>
    useUiStore.getState().setDialog({
      kind: 'choice',
      ...request,
      resolve: (choice) => {
        useUiStore.getState().setDialog(null);
        resolve(choice);
      },
    }),
  );
}

export function showLoadErrors(title: string, fileName: string, errors: LoadError[]): Promise<void> {
  return new Promise((resolve) =>
    useUiStore.getState().setDialog({
      kind: 'loadErrors',
      title,
      fileName,
      errors,
      resolve: () => {
        useUiStore.getState().setDialog(null);
        resolve();
      },
    }),
  );
}
