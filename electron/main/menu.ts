/**
 * The native menu, drawn from the renderer's menu model (shared/ipc/contract.ts `MenuModel`): the
 * renderer's action registry owns every label, accelerator and enabled/checked state, so main keeps
 * no second table of them. Main adds only what the OS owns: the macOS app menu and Window menu,
 * Open Recent's files, access keys on Windows/Linux, and which accelerators may be registered.
 * Before the renderer has sent its model, the menu holds only the OS's own edit and window roles.
 *
 * Keyboard shortcuts: Electron offers a key to the page first and only triggers a menu
 * accelerator when the page did not handle it (did not call preventDefault). The renderer handles
 * its shortcuts itself, so the accelerators here are what the menu shows and a fallback; see
 * `menuInvocation` for the edit keys in text fields.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { langFromLocale, type Lang, type LanguageSetting } from '../../shared/i18n/languages';
import type { MenuActionId, MenuModel, MenuModelItem, RecentFile } from '../../shared/ipc/contract';

const NATIVE_EDIT_ACTIONS = new Set<MenuActionId>(['edit.undo', 'edit.redo', 'edit.cut', 'edit.copy', 'edit.paste', 'edit.selectAll']);
export type NativeEditCommand = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll';

/**
 * Whether main registers an accelerator or only shows it. A key that types or edits text (Delete,
 * Space, Shift+1 = "!", ".", ",", Home, arrows) is the renderer's alone — it handles it outside text
 * fields — so typing in a field can never trigger the menu item. Keys with Ctrl/Cmd or Alt, and
 * function keys, are registered.
 */
export function registersAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+');
  const key = parts[parts.length - 1];
  if (parts.includes('CmdOrCtrl') || parts.includes('Alt')) return true;
  return /^F\d{1,2}$/.test(key);
}

/**
 * What a menu item does when chosen.
 * - Chosen with the mouse: dispatch the action to the renderer.
 * - Triggered by its accelerator: the page did not handle the key, i.e. a text field has focus.
 *   On macOS, text fields rely on the menu for Cmd+Z/X/C/V/A, so main runs the native edit command
 *   (what `role: 'copy'` would do). On Windows/Linux the field already acted on the key, and the
 *   Delete key in a field is typing everywhere, so nothing more happens. Other actions (Save, Run…)
 *   are dispatched: Ctrl+S in a text field still saves.
 */
export function menuInvocation(
  id: MenuActionId,
  triggeredByAccelerator: boolean,
  platform: NodeJS.Platform,
): { kind: 'dispatch' } | { kind: 'native'; command: NativeEditCommand } | { kind: 'ignore' } {
  if (!triggeredByAccelerator) return { kind: 'dispatch' };
  if (id === 'edit.delete') return { kind: 'ignore' };
  if (NATIVE_EDIT_ACTIONS.has(id)) {
    return platform === 'darwin' ? { kind: 'native', command: id.slice('edit.'.length) as NativeEditCommand } : { kind: 'ignore' };
  }
  return { kind: 'dispatch' };
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** null until the renderer has sent its model. */
  model: MenuModel | null;
  isDevelopment: boolean;
  recentFiles: readonly RecentFile[];
  onAction(id: MenuActionId, triggeredByAccelerator: boolean): void;
  onOpenRecent(path: string): void;
  onClearRecent(): void;
}

const ACCESS_KEYS: Record<MenuModel['menus'][number]['id'], string> = { file: 'F', edit: 'E', view: 'V', simulation: 'S', help: 'H' };

/** "File" → "&File"; "ファイル" → "ファイル(&F)" (the Japanese Windows convention). */
export function withAccessKey(label: string, key: string): string {
  const escaped = label.replace(/&/g, '&&');
  const at = escaped.toUpperCase().indexOf(key);
  return /^[\x20-\x7e]*$/.test(label) && at >= 0 ? `${escaped.slice(0, at)}&${escaped.slice(at)}` : `${escaped}(&${key})`;
}

/** Drops separators at the start, at the end and next to each other (left by items main leaves out). */
function tidySeparators(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const out: MenuItemConstructorOptions[] = [];
  for (const item of items) {
    if (item.type === 'separator' && (out.length === 0 || out[out.length - 1].type === 'separator')) continue;
    out.push(item);
  }
  while (out.length > 0 && out[out.length - 1].type === 'separator') out.pop();
  return out;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  // Windows/Linux read "&" in a label as an access key: a literal one is doubled.
  const text = (label: string) => (mac ? label : label.replace(/&/g, '&&'));
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const recent = (item: Extract<MenuModelItem, { type: 'recent' }>): MenuItemConstructorOptions => ({
    id: 'menu.openRecent',
    label: text(item.label),
    submenu: [
      ...(options.recentFiles.length === 0
        ? [{ id: 'recent.none', label: text(item.emptyLabel), enabled: false }]
        : options.recentFiles.map((file, index) => ({
            id: `recent.${index}`,
            label: text(file.name),
            toolTip: file.path,
            click: () => options.onOpenRecent(file.path),
          }))),
      separator,
      { id: 'recent.clear', label: text(item.clearLabel), enabled: options.recentFiles.length > 0, click: () => options.onClearRecent() },
    ],
  });

  const item = (entry: MenuModelItem): MenuItemConstructorOptions | null => {
    switch (entry.type) {
      case 'separator':
        return separator;
      case 'recent':
        return recent(entry);
      case 'role':
        if (entry.role === 'quit' && mac) return null; // in the app menu
        if (entry.role === 'close' && !mac) return null; // closing the only window quits
        if ((entry.role === 'reload' || entry.role === 'toggleDevTools') && !options.isDevelopment) return null;
        return { role: entry.role, label: text(entry.label) };
      case 'action': {
        if (mac && entry.id === 'help.about') return null; // in the app menu
        const id = entry.id;
        return {
          id,
          label: text(entry.label),
          ...(entry.accelerator ? { accelerator: entry.accelerator, registerAccelerator: registersAccelerator(entry.accelerator) } : {}),
          // The edit keys stay enabled: on macOS a text field's Cmd+C only works through them.
          enabled: entry.enabled || NATIVE_EDIT_ACTIONS.has(id),
          ...(entry.checked === null ? {} : { type: 'checkbox' as const, checked: entry.checked }),
          click: (_item, _window, event) => options.onAction(id, Boolean(event?.triggeredByAccelerator)),
        };
      }
    }
  };

  const model = options.model;
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    const about = model?.menus.flatMap((m) => m.items).find((i) => i.type === 'action' && i.id === 'help.about');
    template.push({
      label: 'Mailflow Studio',
      submenu: [
        ...(about && about.type === 'action'
          ? [{ id: 'help.about', label: about.label, click: () => options.onAction('help.about', false) }, separator]
          : []),
        { role: 'services' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    });
  }
  if (!model) {
    // Until the renderer describes its menu: the OS's own edit commands, so text fields work.
    template.push({ role: 'editMenu' });
  } else {
    for (const menu of model.menus) {
      const submenu = tidySeparators(menu.items.map(item).filter((i): i is MenuItemConstructorOptions => i !== null));
      if (submenu.length === 0) continue;
      template.push({
        id: `menu.${menu.id}`,
        label: mac ? menu.label : withAccessKey(menu.label, ACCESS_KEYS[menu.id]),
        ...(menu.id === 'help' ? { role: 'help' as const } : {}),
        submenu,
      });
    }
  }
  if (mac) {
    const help = template.findIndex((m) => m.id === 'menu.help');
    const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu', ...(model ? { label: model.windowLabel } : {}) };
    if (help >= 0) template.splice(help, 0, windowMenu);
    else template.push(windowMenu);
  }
  return template;
}

export type MenuLanguage = Lang;

/** Language of main's own dialogs: the explicit setting, else the OS language (Japanese for ja-*, English otherwise). */
export function menuLanguageFor(setting: LanguageSetting, osLocale: string): MenuLanguage {
  return setting === 'system' ? langFromLocale(osLocale) : setting;
}
