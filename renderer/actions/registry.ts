/**
 * One action registry for the whole app (as in Excalidraw): menus (the web menubar and, in the
 * desktop app, the native menu through `onMenuAction`), toolbar buttons and keyboard shortcuts all
 * dispatch the same ids. Ids of `MENU_ACTION_IDS` (shared/ipc/contract.ts) are used where they apply.
 * Other features (playback, export) register their own actions here.
 */
import { create } from 'zustand';
import type { TopologyDocument } from '../../shared/model/schema';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';

export type ActionGroup = 'file' | 'edit' | 'insert' | 'view' | 'simulation' | 'help';

export interface ActionContext {
  doc: TopologyDocument;
  selection: string[];
  canUndo: boolean;
  canRedo: boolean;
  dirty: boolean;
}

export interface Action {
  id: string;
  /** i18n key of the label. */
  labelKey: string;
  group: ActionGroup;
  /** e.g. "Mod+S", "Shift+Mod+Z", "Delete"; Mod is ⌘ on macOS, Ctrl elsewhere. */
  shortcut?: string;
  /** More shortcuts for the same action (not shown in menus). */
  altShortcuts?: string[];
  /** Allowed while typing in a text field (file actions are; edit actions leave text editing alone). */
  worksInTextFields?: boolean;
  perform(ctx: ActionContext): void | Promise<void>;
  enabled?(ctx: ActionContext): boolean;
  checked?(ctx: ActionContext): boolean;
}

interface RegistryState {
  actions: Map<string, Action>;
}

export const useActionRegistry = create<RegistryState>()(() => ({ actions: new Map() }));

export function registerActions(actions: Action[]): () => void {
  const next = new Map(useActionRegistry.getState().actions);
  for (const a of actions) next.set(a.id, a);
  useActionRegistry.setState({ actions: next });
  return () => {
    const after = new Map(useActionRegistry.getState().actions);
    for (const a of actions) if (after.get(a.id) === a) after.delete(a.id);
    useActionRegistry.setState({ actions: after });
  };
}

export function getAction(id: string): Action | undefined {
  return useActionRegistry.getState().actions.get(id);
}

export function getActionContext(): ActionContext {
  const d = useDocumentStore.getState();
  const temporal = useDocumentStore.temporal.getState();
  return {
    doc: d.doc,
    selection: useUiStore.getState().selection,
    canUndo: temporal.pastStates.length > 0,
    canRedo: temporal.futureStates.length > 0,
    dirty: d.doc !== d.savedDoc,
  };
}

export function isActionEnabled(action: Action, ctx = getActionContext()): boolean {
  return action.enabled ? action.enabled(ctx) : true;
}

/** Runs an action by id if it exists and is enabled; returns whether it ran. */
export function performAction(id: string): boolean {
  const action = getAction(id);
  if (!action) return false;
  const ctx = getActionContext();
  if (!isActionEnabled(action, ctx)) return false;
  void Promise.resolve(action.perform(ctx)).catch((e: unknown) => {
    useUiStore.getState().toast('error', e instanceof Error ? e.message : String(e));
  });
  return true;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod+Shift+Z" → "Ctrl+Shift+Z" / "⌘⇧Z". */
export function formatShortcut(shortcut: string): string {
  const parts = shortcut.split('+');
  if (isMac) {
    const map: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃', Delete: '⌫' };
    return parts.map((p) => map[p] ?? p.toUpperCase()).join('');
  }
  // Windows/Linux order: Ctrl+Shift+Alt+key.
  const order = (p: string) => ['Mod', 'Ctrl', 'Shift', 'Alt'].indexOf(p);
  const modifiers = parts.slice(0, -1).sort((a, b) => order(a) - order(b));
  const key = parts[parts.length - 1];
  return [...modifiers.map((p) => (p === 'Mod' ? 'Ctrl' : p)), key.length === 1 ? key.toUpperCase() : key].join('+');
}

/** Whether a keyboard event is this shortcut. */
export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts[parts.length - 1];
  const wantMod = parts.includes('Mod');
  const wantShift = parts.includes('Shift');
  const wantAlt = parts.includes('Alt');
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (mod !== wantMod || event.shiftKey !== wantShift || event.altKey !== wantAlt) return false;
  if (!isMac && event.metaKey) return false;
  const pressed = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const wanted = key.length === 1 ? key.toLowerCase() : key;
  if (pressed === wanted) return true;
  // Shift changes the character ("+" vs "="); compare by physical key for digits and symbols.
  if (key === '=' && event.code === 'Equal') return true;
  if (key === '-' && event.code === 'Minus') return true;
  if (key.length === 1 && /[a-z0-9]/i.test(key) && event.code === (/\d/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`)) return true;
  return false;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'file'].includes(target.type);
  return false;
}

/** The global keyboard handler: finds the action bound to the key and performs it. */
export function handleShortcut(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  if (useUiStore.getState().dialog) return;
  const inText = isTextField(event.target);
  for (const action of useActionRegistry.getState().actions.values()) {
    const shortcuts = [action.shortcut, ...(action.altShortcuts ?? [])].filter((s): s is string => !!s);
    if (!shortcuts.some((s) => matchesShortcut(event, s))) continue;
    if (inText && !action.worksInTextFields) return;
    event.preventDefault();
    performAction(action.id);
    return;
  }
}
