/**
 * The desktop's native menu, described from the action registry: labels in the UI language,
 * accelerators from the actions' shortcuts, enabled/checked from the actions' state. Main only
 * draws it (electron/main/menu.ts), so there is no second table of labels or keys to drift.
 */
import type { MenuActionId, MenuModel, MenuModelItem } from '../../shared/ipc/contract';
import { getActionContext, type Action, type ActionContext } from './registry';
import type { ActionId } from './ids';

type Slot = MenuActionId | '-' | 'recent' | { role: Extract<MenuModelItem, { type: 'role' }>['role']; labelKey: string };

/** The menus and their order; `-` is a separator. Roles main shows only where the OS has them. */
export const NATIVE_MENUS: ReadonlyArray<{ id: MenuModel['menus'][number]['id']; labelKey: string; items: readonly Slot[] }> = [
  {
    id: 'file',
    labelKey: 'menu.file',
    items: [
      'file.new', 'file.newFromExample', 'file.open', 'recent', '-',
      'file.save', 'file.saveAs', '-',
      'file.import', 'file.export', 'file.exportPowerShell', '-',
      { role: 'close', labelKey: 'commands.menu.close' }, { role: 'quit', labelKey: 'commands.menu.quit' },
    ],
  },
  {
    id: 'edit',
    labelKey: 'menu.edit',
    items: ['edit.undo', 'edit.redo', '-', 'edit.cut', 'edit.copy', 'edit.paste', 'edit.duplicate', 'edit.delete', '-', 'edit.selectAll'],
  },
  {
    id: 'view',
    labelKey: 'menu.view',
    items: [
      'view.fitView', 'view.zoomIn', 'view.zoomOut', '-',
      'view.autoLayout', 'view.compareExo', '-',
      'view.toggleTheme', 'view.toggleLanguage', 'view.present', { role: 'togglefullscreen', labelKey: 'commands.menu.fullScreen' }, '-',
      { role: 'reload', labelKey: 'commands.menu.reload' }, { role: 'toggleDevTools', labelKey: 'commands.menu.devTools' },
    ],
  },
  {
    id: 'simulation',
    labelKey: 'menu.simulation',
    items: ['simulation.run', 'simulation.checkAll', 'simulation.analyze', '-', 'simulation.play', 'simulation.pause', 'simulation.stepBack', 'simulation.stepForward', 'simulation.reset'],
  },
  { id: 'help', labelKey: 'menu.help', items: ['help.documentation', '-', 'help.about'] },
];

/** Every action id the native menu shows. */
export const NATIVE_MENU_ACTION_IDS: readonly MenuActionId[] = NATIVE_MENUS.flatMap((m) => m.items.filter((i): i is MenuActionId => typeof i === 'string' && i !== '-' && i !== 'recent'));

const MENU_POSITION = new Map<string, number>(NATIVE_MENU_ACTION_IDS.map((id, i) => [id, i]));

/** Orders actions as the native menu does (the web menubar shares it); unlisted ones keep their order, after. */
export function inMenuOrder<T extends { id: string }>(actions: readonly T[]): T[] {
  const at = (a: T, i: number) => MENU_POSITION.get(a.id) ?? NATIVE_MENU_ACTION_IDS.length + i;
  return actions.map((a, i) => [a, at(a, i)] as const).sort((x, y) => x[1] - y[1]).map(([a]) => a);
}

const KEY_NAMES: Record<string, string> = { ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down', '+': 'Plus' };

/** "Shift+Mod+S" → "CmdOrCtrl+Shift+S" (Electron's accelerator syntax). */
export function toAccelerator(shortcut: string): string {
  const parts = shortcut.split('+');
  const key = parts[parts.length - 1];
  const mods = parts.slice(0, -1);
  const out = [
    ...(mods.includes('Mod') ? ['CmdOrCtrl'] : []),
    ...(mods.includes('Shift') ? ['Shift'] : []),
    ...(mods.includes('Alt') ? ['Alt'] : []),
  ];
  return [...out, KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key)].join('+');
}

export function buildMenuModel(actions: ReadonlyMap<ActionId, Action>, translate: (key: string) => string, ctx: ActionContext = getActionContext()): MenuModel {
  const item = (slot: Slot): MenuModelItem | null => {
    if (slot === '-') return { type: 'separator' };
    if (slot === 'recent') return { type: 'recent', label: translate('actions.file.openRecent'), emptyLabel: translate('menu.noRecent'), clearLabel: translate('commands.menu.clearRecent') };
    if (typeof slot === 'object') return { type: 'role', role: slot.role, label: translate(slot.labelKey) };
    const action = actions.get(slot);
    if (!action) return null;
    return {
      type: 'action',
      id: slot,
      label: translate(action.labelKey),
      accelerator: action.shortcut ? toAccelerator(action.shortcut) : null,
      enabled: action.enabled ? action.enabled(ctx) : true,
      checked: action.checked ? action.checked(ctx) : null,
    };
  };
  return {
    menus: NATIVE_MENUS.map((menu) => ({
      id: menu.id,
      label: translate(menu.labelKey),
      items: menu.items.map(item).filter((i): i is MenuModelItem => i !== null),
    })),
    windowLabel: translate('commands.menu.window'),
  };
}

interface Subscribable {
  subscribe(listener: () => void): () => void;
}

/**
 * Sends the menu model to the host whenever it may have changed (any of `stores`), at most every
 * `delayMs`, and only when it differs from the last one sent.
 */
export function startMenuSync(
  send: (model: MenuModel) => void,
  build: () => MenuModel,
  stores: readonly Subscribable[],
  delayMs = 120,
): () => void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    try {
      const model = build();
      const text = JSON.stringify(model);
      if (text === last) return;
      last = text;
      send(model);
    } catch (error) {
      // The native menu is a convenience: a failure to describe or send it never stops the app.
      console.warn('[mailflow] native menu not updated:', error);
    }
  };
  const schedule = () => {
    if (timer === null) timer = setTimeout(flush, delayMs);
  };
  const stops = stores.map((s) => s.subscribe(schedule));
  flush();
  return () => {
    if (timer !== null) clearTimeout(timer);
    for (const stop of stops) stop();
  };
}
