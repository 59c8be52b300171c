/**
 * One action registry for the whole app (Excalidraw's action manager, VS Code's menubar): the web
 * menubar, the desktop's native menu (built from `menuModel.ts` and sent to main), toolbar buttons
 * and every keyboard shortcut — the canvas's Enter and M, playback's Space and arrows, present
 * mode's keys — dispatch the same ids (`ids.ts`). One check (`keyBelongsToTarget`) decides when a
 * key is the user's typing or the focused control's own key rather than a command.
 */
import { create } from 'zustand';
import type { TopologyDocument } from '../../shared/model/schema';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import type { ActionId } from './ids';

export type { ActionId } from './ids';

export type ActionGroup = 'file' | 'edit' | 'insert' | 'view' | 'simulation' | 'help';
export const ACTION_GROUPS: readonly ActionGroup[] = ['file', 'edit', 'insert', 'view', 'simulation', 'help'];

/**
 * Where an action's keys work.
 * - `app` (default): anywhere, unless the focused element owns the key (see `keyBelongsToTarget`).
 * - `canvas`: only while focus is inside the canvas.
 * - `canvasNode`: only on a focused canvas node (the node's own Enter).
 * - `present`: only in present mode, which then owns the keyboard (handled before anything else).
 */
export type ActionScope = 'app' | 'canvas' | 'canvasNode' | 'present';

export interface ActionContext {
  doc: TopologyDocument;
  selection: string[];
  canUndo: boolean;
  canRedo: boolean;
  dirty: boolean;
  /** The canvas node the key was pressed on (keyboard shortcuts only). */
  focusedNodeId: string | null;
  /** Where a context menu was opened (flow coordinates) and the tenant under it: "add here" places there. */
  at?: { x: number; y: number; tenantId: string | null } | null;
}

export interface Action {
  id: ActionId;
  /** i18n key of the label. */
  labelKey: string;
  group: ActionGroup;
  /** e.g. "Mod+S", "Shift+Mod+Z", "Delete", "Space"; Mod is ⌘ on macOS, Ctrl elsewhere. */
  shortcut?: string;
  /** More shortcuts for the same action (not shown in menus). */
  altShortcuts?: string[];
  scope?: ActionScope;
  /** Allowed while typing in a text field (file actions are; edit actions leave text editing alone). */
  worksInTextFields?: boolean;
  /** false: reached by keys and buttons only, not listed in menus. */
  inMenu?: boolean;
  perform(ctx: ActionContext): void | Promise<void>;
  enabled?(ctx: ActionContext): boolean;
  checked?(ctx: ActionContext): boolean;
}

interface RegistryState {
  actions: Map<ActionId, Action>;
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

export function getAction(id: ActionId): Action | undefined {
  return useActionRegistry.getState().actions.get(id);
}

export function getActionContext(focusedNodeId: string | null = null): ActionContext {
  const d = useDocumentStore.getState();
  const temporal = useDocumentStore.temporal.getState();
  return {
    doc: d.doc,
    selection: useUiStore.getState().selection,
    canUndo: temporal.pastStates.length > 0,
    canRedo: temporal.futureStates.length > 0,
    dirty: d.doc !== d.savedDoc,
    focusedNodeId,
  };
}

export function isActionEnabled(action: Action, ctx = getActionContext()): boolean {
  return action.enabled ? action.enabled(ctx) : true;
}

/** Runs an action by id if it exists and is enabled; returns whether it ran. */
export function performAction(id: ActionId, ctx = getActionContext()): boolean {
  const action = getAction(id);
  if (!action) return false;
  if (!isActionEnabled(action, ctx)) return false;
  void Promise.resolve(action.perform(ctx)).catch((e: unknown) => {
    useUiStore.getState().toast('error', e instanceof Error ? e.message : String(e));
  });
  return true;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod+Shift+Z" → "Ctrl+Shift+Z" / "⌘⇧Z". */
export function formatShortcut(shortcut: string, mac = isMac): string {
  const parts = shortcut.split('+');
  if (mac) {
    const map: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃', Delete: '⌫', Enter: '↩', ArrowLeft: '←', ArrowRight: '→' };
    return parts.map((p) => map[p] ?? (p.length === 1 ? p.toUpperCase() : p)).join('');
  }
  const names: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→' };
  const modifiers = parts.slice(0, -1).sort((a, b) => MODIFIER_ORDER.indexOf(a) - MODIFIER_ORDER.indexOf(b));
  const key = parts[parts.length - 1];
  return [...modifiers.map((p) => (p === 'Mod' ? 'Ctrl' : p)), names[key] ?? (key.length === 1 ? key.toUpperCase() : key)].join('+');
}

/** Windows/Linux order: Ctrl+Shift+Alt+key. */
const MODIFIER_ORDER = ['Mod', 'Ctrl', 'Shift', 'Alt'];

/** One spelling per key combination ("Shift+Mod+Z" and "Mod+Shift+z" are the same), for collisions. */
export function normalizeShortcut(shortcut: string): string {
  const parts = shortcut.split('+');
  const key = parts[parts.length - 1];
  const modifiers = [...new Set(parts.slice(0, -1))].sort((a, b) => MODIFIER_ORDER.indexOf(a) - MODIFIER_ORDER.indexOf(b));
  return [...modifiers, key.length === 1 ? key.toLowerCase() : key].join('+');
}

/** Whether a keyboard event is this shortcut (the action's `keyTest`). */
export function matchesShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, shortcut: string, mac = isMac): boolean {
  const parts = shortcut.split('+');
  const key = parts[parts.length - 1];
  const wantMod = parts.includes('Mod');
  const wantShift = parts.includes('Shift');
  const wantAlt = parts.includes('Alt');
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (mod !== wantMod || event.shiftKey !== wantShift || event.altKey !== wantAlt) return false;
  if (!mac && event.metaKey) return false;
  if (key === 'Space') return event.key === ' ' || event.code === 'Space';
  const pressed = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const wanted = key.length === 1 ? key.toLowerCase() : key;
  if (pressed === wanted) return true;
  // Shift changes the character ("+" vs "="); compare by physical key for digits and symbols.
  if (key === '=' && event.code === 'Equal') return true;
  if (key === '-' && event.code === 'Minus') return true;
  if (key.length === 1 && /[a-z0-9]/i.test(key) && event.code === (/\d/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`)) return true;
  return false;
}

const NOT_TEXT_INPUTS = ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'image'];

/** The one "is the user typing" check: text fields, selects, sliders and editable content take keys as input. */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NOT_TEXT_INPUTS.includes(target.type);
  return target.closest('[role="slider"], [role="textbox"]') !== null;
}

/**
 * Whether the focused element uses this key itself, so it is no command: typing; Space/Enter on a
 * button, link, tab, row or checkbox (activation); arrows, Home/End and Page keys on a list, grid
 * or tab list; arrows and Space on a canvas node (React Flow moves and selects nodes with them).
 */
export function keyBelongsToTarget(target: EventTarget | null, key: string): boolean {
  if (isTyping(target)) return true;
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if ((key === ' ' || key === 'Enter') && target.closest('button, a[href], summary, input, [role="button"], [role="tab"], [role="row"], [role="menuitem"], [role="menuitemcheckbox"], [role="checkbox"], [role="option"]')) return true;
  const navigation = /^(Arrow|Page)/.test(key) || key === 'Home' || key === 'End';
  if (navigation && target.closest('[role="listbox"], [role="grid"], [role="tablist"], [role="menu"], [role="tree"]')) return true;
  if ((navigation || key === ' ') && target.closest('.react-flow__node')) return true;
  return false;
}

function shortcutsOf(action: Action): string[] {
  return [action.shortcut, ...(action.altShortcuts ?? [])].filter((s): s is string => !!s);
}

/** Scopes that are active at the same time (present mode owns the keyboard, so it shares with none). */
function scopesOverlap(a: ActionScope, b: ActionScope): boolean {
  if (a === 'present' || b === 'present') return a === b;
  return true;
}

export interface ShortcutCollision {
  shortcut: string;
  actions: [ActionId, ActionId];
}

/** Pairs of actions that one key combination would trigger in the same place. */
export function findShortcutCollisions(actions: Iterable<Action>): ShortcutCollision[] {
  const seen: Array<{ key: string; id: ActionId; scope: ActionScope }> = [];
  const collisions: ShortcutCollision[] = [];
  for (const action of actions) {
    const scope = action.scope ?? 'app';
    for (const shortcut of new Set(shortcutsOf(action).map(normalizeShortcut))) {
      for (const other of seen) {
        if (other.key === shortcut && other.id !== action.id && scopesOverlap(other.scope, scope)) collisions.push({ shortcut, actions: [other.id, action.id] });
      }
      seen.push({ key: shortcut, id: action.id, scope });
    }
  }
  return collisions;
}

export interface ShortcutListEntry {
  id: ActionId;
  group: ActionGroup;
  scope: ActionScope;
  label: string;
  /** Formatted for the platform, the menu's shortcut first. */
  keys: string[];
}

/** The keyboard reference (the `?` list): every action with a key, by menu group, from the registry. */
export function shortcutList(actions: Iterable<Action>, translate: (key: string) => string, mac = isMac): ShortcutListEntry[] {
  const scopeOrder: ActionScope[] = ['app', 'canvas', 'canvasNode', 'present'];
  return [...actions]
    .filter((a) => shortcutsOf(a).length > 0)
    .map((a) => ({ id: a.id, group: a.group, scope: a.scope ?? 'app', label: translate(a.labelKey), keys: shortcutsOf(a).map((s) => formatShortcut(s, mac)) }))
    .sort((a, b) => scopeOrder.indexOf(a.scope) - scopeOrder.indexOf(b.scope) || ACTION_GROUPS.indexOf(a.group) - ACTION_GROUPS.indexOf(b.group));
}

function focusedNodeOf(target: EventTarget | null): string | null {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return null;
  const node = target.closest<HTMLElement>('.react-flow__node');
  return node?.dataset.id ?? null;
}

function inCanvas(target: EventTarget | null): boolean {
  return typeof Element !== 'undefined' && target instanceof Element && target.closest('[data-testid="canvas"]') !== null;
}

/** Finds the enabled action bound to the key in these scopes and performs it; returns whether one ran. */
function dispatchKey(event: KeyboardEvent, scopes: readonly ActionScope[]): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  const nodeId = focusedNodeOf(event.target);
  const ctx = getActionContext(nodeId);
  const typing = isTyping(event.target);
  for (const scope of scopes) {
    if (scope === 'canvasNode' && nodeId === null) continue;
    if (scope === 'canvas' && !inCanvas(event.target)) continue;
    for (const action of useActionRegistry.getState().actions.values()) {
      if ((action.scope ?? 'app') !== scope) continue;
      if (!shortcutsOf(action).some((s) => matchesShortcut(event, s))) continue;
      if (typing && !action.worksInTextFields) return false;
      if (scope !== 'canvasNode' && !action.worksInTextFields && keyBelongsToTarget(event.target, event.key)) return false;
      // A disabled action leaves the key alone (Space without a simulation, arrows with nothing to step).
      if (!isActionEnabled(action, ctx)) continue;
      event.preventDefault();
      performAction(action.id, ctx);
      return true;
    }
  }
  return false;
}

/** The global key handler (bubbling): app, canvas and canvas-node actions, not while a dialog is open. */
export function handleShortcut(event: KeyboardEvent): void {
  if (useUiStore.getState().dialog) return;
  dispatchKey(event, ['canvasNode', 'canvas', 'app']);
}

/** Present mode owns the keyboard: its keys are taken before any element or other shortcut sees them. */
export function handlePresentShortcut(event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (dispatchKey(event, ['present'])) event.stopPropagation();
}

/** Installs both key handlers on the window; returns the uninstaller. */
export function installShortcuts(target: Window): () => void {
  target.addEventListener('keydown', handlePresentShortcut, true);
  target.addEventListener('keydown', handleShortcut);
  return () => {
    target.removeEventListener('keydown', handlePresentShortcut, true);
    target.removeEventListener('keydown', handleShortcut);
  };
}
