/**
 * The one command registry: every id has one action, every native-menu item reaches an action (View ▸
 * Present did not), no two actions share a key where both apply, and the keyboard reference and the
 * native menu model are generated from the registry in both languages.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/i18n/languages';
import { MENU_ACTION_IDS, menuModelSchema } from '../../shared/ipc/contract';
import { CONTEXT_MENUS } from '../../renderer/actions/contextActions';
import { ACTION_IDS } from '../../renderer/actions/ids';
import { buildMenuModel, inMenuOrder, NATIVE_MENU_ACTION_IDS, startMenuSync, toAccelerator } from '../../renderer/actions/menuModel';
import {
  findShortcutCollisions,
  formatShortcut,
  getActionContext,
  matchesShortcut,
  performAction,
  registerActions,
  shortcutList,
  type Action,
} from '../../renderer/actions/registry';
import { usePresentStore } from '../../renderer/playback/PresentMode';
import { actionMap, allActions, translatorFor } from './allActions';

describe('action registry', () => {
  it('has exactly one action for every action id', () => {
    const ids = allActions().map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...ACTION_IDS].sort());
  });

  it('has an action for every id the native menu can dispatch, and the menu shows each of them', () => {
    const actions = actionMap();
    for (const id of MENU_ACTION_IDS) expect(actions.has(id), id).toBe(true);
    expect([...NATIVE_MENU_ACTION_IDS].sort()).toEqual([...MENU_ACTION_IDS].sort());
  });

  it('builds every context menu from registered actions, labelled in every language', async () => {
    const actions = actionMap();
    for (const [target, items] of Object.entries(CONTEXT_MENUS)) {
      expect(items[0], target).not.toBe('-');
      for (const id of items) if (id !== '-') expect(actions.has(id), `${target}: ${id}`).toBe(true);
    }
    for (const lang of LANGUAGES) {
      const translate = await translatorFor(lang);
      for (const id of new Set(Object.values(CONTEXT_MENUS).flat())) {
        if (id !== '-') expect(translate(actions.get(id)!.labelKey), `${lang} ${id}`).not.toBe(actions.get(id)!.labelKey);
      }
    }
  });

  it('lists every key of every action in the keyboard reference (the ? dialog renders this list)', () => {
    const list = shortcutList(allActions(), (k) => k, false);
    for (const action of allActions()) {
      for (const key of [action.shortcut, ...(action.altShortcuts ?? [])].filter((k): k is string => !!k)) {
        expect(list.find((e) => e.id === action.id)?.keys, `${action.id} ${key}`).toContain(formatShortcut(key, false));
      }
    }
    expect(list.find((e) => e.id === 'help.shortcuts')?.keys).toEqual(['Shift+?']);
    expect(list.find((e) => e.id === 'canvas.contextMenu')?.keys).toEqual(['Shift+F10', 'ContextMenu']);
  });

  it('gives no two actions the same key where both apply', () => {
    expect(findShortcutCollisions(allActions())).toEqual([]);
  });

  it('reports a collision when two actions share a key (in any spelling) in the same place', () => {
    const a = { id: 'file.save', labelKey: 'x', group: 'file', shortcut: 'Mod+S', perform: () => undefined } satisfies Action;
    const b = { id: 'file.saveAs', labelKey: 'y', group: 'file', altShortcuts: ['Mod+s'], perform: () => undefined } satisfies Action;
    expect(findShortcutCollisions([a, b])).toEqual([{ shortcut: 'Mod+s', actions: ['file.save', 'file.saveAs'] }]);
    // Present mode owns the keyboard: its Escape does not collide with Deselect's.
    const c = { id: 'present.leave', labelKey: 'z', group: 'view', scope: 'present', shortcut: 'Escape', perform: () => undefined } satisfies Action;
    const d = { id: 'edit.deselect', labelKey: 'w', group: 'edit', shortcut: 'Escape', perform: () => undefined } satisfies Action;
    expect(findShortcutCollisions([c, d])).toEqual([]);
  });

  it('matches keys by the modifiers asked for, Space by name, digits by physical key', () => {
    const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...extra });
    expect(matchesShortcut(key('s', { ctrlKey: true }), 'Mod+S', false)).toBe(true);
    expect(matchesShortcut(key('s', { ctrlKey: true, shiftKey: true }), 'Mod+S', false)).toBe(false);
    expect(matchesShortcut(key('s', { metaKey: true }), 'Mod+S', true)).toBe(true);
    expect(matchesShortcut(key(' ', { code: 'Space' }), 'Space', false)).toBe(true);
    expect(matchesShortcut(key('!', { code: 'Digit1', shiftKey: true }), 'Shift+1', false)).toBe(true);
    expect(matchesShortcut(key('ArrowRight', { shiftKey: true }), 'ArrowRight', false)).toBe(false);
  });

  it('generates the keyboard reference from the registry, translated, with every key of an action', async () => {
    for (const lang of LANGUAGES) {
      const translate = await translatorFor(lang);
      const list = shortcutList(allActions(), translate, false);
      for (const entry of list) expect(entry.label, `${lang} ${entry.id}`).not.toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
      const step = list.find((e) => e.id === 'simulation.stepForward');
      expect(step?.keys).toEqual(['.', '→']);
      expect(list.find((e) => e.id === 'edit.redo')?.keys).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
      expect(list.find((e) => e.id === 'canvas.moveToTenant')?.keys).toEqual(['M']);
      // Present mode's keys come after the designer's.
      const lastApp = list.map((e) => e.scope).lastIndexOf('app');
      expect(list.findIndex((e) => e.scope === 'present')).toBeGreaterThan(lastApp);
    }
    expect(shortcutList(allActions(), (k) => k, true).find((e) => e.id === 'file.saveAs')?.keys).toEqual(['⇧⌘S']);
  });
});

describe('native menu model', () => {
  it('is valid for the IPC contract in both languages, labelled from the locale files', async () => {
    for (const lang of LANGUAGES) {
      const model = buildMenuModel(actionMap(), await translatorFor(lang), getActionContext());
      expect(menuModelSchema.safeParse(model).success, lang).toBe(true);
      const labels = model.menus.flatMap((m) => [m.label, ...m.items.map((i) => ('label' in i ? i.label : '-'))]);
      for (const label of labels) expect(label, lang).not.toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
    }
    const ja = buildMenuModel(actionMap(), await translatorFor('ja'), getActionContext());
    expect(ja.menus[0].label).toBe('ファイル');
  });

  it('carries the renderer\'s own shortcuts as accelerators (one table: Run is Mod+Enter everywhere)', async () => {
    const model = buildMenuModel(actionMap(), await translatorFor('en'), getActionContext());
    const items = model.menus.flatMap((m) => m.items);
    const accelerator = (id: string) => items.find((i) => i.type === 'action' && i.id === id && true) as { accelerator: string | null } | undefined;
    expect(accelerator('simulation.run')?.accelerator).toBe('CmdOrCtrl+Enter');
    expect(accelerator('file.saveAs')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(accelerator('view.present')).toMatchObject({ accelerator: null });
    expect(toAccelerator('ArrowRight')).toBe('Right');
  });

  it('reflects enabled state: Undo is disabled with no history, Present with no scenarios', async () => {
    const model = buildMenuModel(actionMap(), await translatorFor('en'), { ...getActionContext(), canUndo: false, doc: { ...getActionContext().doc, scenarios: [] } });
    const items = model.menus.flatMap((m) => m.items);
    expect(items.find((i) => i.type === 'action' && i.id === 'edit.undo')).toMatchObject({ enabled: false });
    expect(items.find((i) => i.type === 'action' && i.id === 'view.present')).toMatchObject({ enabled: false, checked: false });
  });
});

describe('View ▸ Present', () => {
  it('opens the playlist chooser when dispatched by id (as the native menu does)', () => {
    const stop = registerActions(allActions());
    try {
      const doc = getActionContext().doc;
      const ran = performAction('view.present', { ...getActionContext(), doc: { ...doc, scenarios: [{ id: 's', name: 'S', serverId: 'x', mailFrom: 'a@b.c', rcptTo: ['d@e.f'] } as never] } });
      expect(ran).toBe(true);
      expect(usePresentStore.getState().choosing).toBe(true);
    } finally {
      usePresentStore.getState().cancel();
      stop();
    }
  });
});

describe('web menubar order', () => {
  it('lists a group\'s actions in the native menu\'s order, whatever the order they were registered in', () => {
    const view = allActions().filter((a) => a.group === 'view' && a.inMenu !== false).reverse();
    const ordered = inMenuOrder(view).map((a) => a.id);
    expect(ordered.slice(0, 3)).toEqual(['view.fitView', 'view.zoomIn', 'view.zoomOut']);
    expect(ordered.indexOf('view.present')).toBe(ordered.indexOf('view.toggleLanguage') + 1);
  });
});

describe('menu sync', () => {
  it('sends the model once per change, skips unchanged ones, and survives a failing host', async () => {
    const sent: unknown[] = [];
    let label = 'File';
    const listeners = new Set<() => void>();
    const store = { subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)) };
    const build = () => ({ menus: [{ id: 'file' as const, label, items: [] }], windowLabel: 'Window' });
    const stop = startMenuSync((m) => sent.push(m), build, [store], 1);
    expect(sent).toHaveLength(1);
    for (const l of listeners) l();
    await new Promise((r) => setTimeout(r, 5));
    expect(sent).toHaveLength(1);
    label = 'ファイル';
    for (const l of listeners) l();
    await new Promise((r) => setTimeout(r, 5));
    expect(sent).toHaveLength(2);
    stop();
    expect(() => startMenuSync(() => { throw new TypeError('setMenu is not a function'); }, build, [], 1)).not.toThrow();
  });
});
