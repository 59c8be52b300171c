/** Window placement, settings, recent files, the menu, the close protocol and command-line files. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_ACTION_IDS, type MenuActionId } from '../../shared/ipc/contract';
import { CloseGuard, windowTitleFor, type UnsavedChoice } from '../../electron/main/close-guard';
import { DraftStore } from '../../electron/main/drafts';
import { buildMenuTemplate, menuInvocation, menuLanguageFor, registersAccelerator, withAccessKey, type MenuOptions } from '../../electron/main/menu';
import { buildMenuModel } from '../../renderer/actions/menuModel';
import { getActionContext } from '../../renderer/actions/registry';
import { actionMap, translatorFor } from '../renderer/allActions';
import { documentPathFromArgv } from '../../electron/main/open-args';
import { MAX_RECENT_FILES, RecentFiles, SettingsStore } from '../../electron/main/settings';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, WindowStateStore, placeWindow } from '../../electron/main/window-state';
import { tempDir } from './helpers';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const secondary = { x: 1920, y: 0, width: 1280, height: 984 };

describe('window placement', () => {
  it('opens centred at the default size the first time', () => {
    expect(placeWindow(null, [primary])).toEqual({ x: 320, y: 120, ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('keeps a saved position that is on screen', () => {
    const saved = { x: 2000, y: 50, width: 1000, height: 700, maximized: true };
    expect(placeWindow(saved, [primary, secondary])).toEqual(saved);
  });

  it('brings back a window saved on a monitor that is gone', () => {
    const onGoneMonitor = { x: 3500, y: 200, width: 1000, height: 700, maximized: false };
    const placed = placeWindow(onGoneMonitor, [primary]);
    expect(placed).toEqual({ x: 460, y: 170, width: 1000, height: 700, maximized: false });
  });

  it('moves a window hanging off the edge fully onto the display it mostly covers', () => {
    const hanging = { x: 1700, y: -100, width: 1000, height: 700, maximized: false };
    // 780 of its 1000 px width are on the secondary display: it moves fully onto that one.
    expect(placeWindow(hanging, [primary, secondary])).toEqual({ x: 1920, y: 0, width: 1000, height: 700, maximized: false });
    const mostlyPrimary = { x: 1200, y: 900, width: 1000, height: 700, maximized: false };
    expect(placeWindow(mostlyPrimary, [primary, secondary])).toEqual({ x: 920, y: 340, width: 1000, height: 700, maximized: false });
  });

  it('shrinks a window larger than the display, but not below the minimum size', () => {
    const small = { x: 0, y: 0, width: 1024, height: 600 };
    expect(placeWindow({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [small])).toEqual({ x: 0, y: 0, width: 1024, height: 600, maximized: false });
    expect(placeWindow({ x: 10, y: 10, width: 100, height: 100, maximized: false }, [primary])).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('remembers the state across runs, and ignores a corrupt file', async () => {
    const dir = await tempDir();
    const store = new WindowStateStore(dir);
    expect(await store.read()).toBeNull();
    await store.write({ x: 5, y: 6, width: 900, height: 700, maximized: false });
    expect(await new WindowStateStore(dir).read()).toEqual({ x: 5, y: 6, width: 900, height: 700, maximized: false });
    await writeFile(path.join(dir, 'window-state.json'), '{"x": "left"');
    expect(await new WindowStateStore(dir).read()).toBeNull();
  });
});

describe('settings and recent files', () => {
  it('defaults to following the system, persists changes, and survives a corrupt value', async () => {
    const dir = await tempDir();
    expect(await new SettingsStore(dir).get()).toEqual({ language: 'system', theme: 'system' });
    await new SettingsStore(dir).update({ language: 'ja' });
    expect(await new SettingsStore(dir).get()).toEqual({ language: 'ja', theme: 'system' });
    await writeFile(path.join(dir, 'settings.json'), '{"language":"ja","theme":"purple"}');
    expect(await new SettingsStore(dir).get()).toEqual({ language: 'ja', theme: 'system' });
  });

  it('keeps the most recent files first, without duplicates, at most ten', async () => {
    const dir = await tempDir();
    let clock = 0;
    const recent = new RecentFiles(dir, undefined, () => ++clock);
    for (let index = 0; index < 12; index += 1) await recent.add(`/docs/d${index}.mailflow.json`);
    await recent.add('/docs/d5.mailflow.json');
    const list = await recent.list();
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]).toEqual({ path: '/docs/d5.mailflow.json', name: 'd5.mailflow.json', openedAt: 13 });
    expect(list.filter((item) => item.path === '/docs/d5.mailflow.json')).toHaveLength(1);
    expect(list.map((item) => item.path)).not.toContain('/docs/d0.mailflow.json');
    await recent.clear();
    expect(await recent.list()).toEqual([]);
  });
});

describe('drafts', () => {
  it('writes one draft per key (replacing the previous one), lists newest first, discards', async () => {
    const dir = path.join(await tempDir(), 'drafts');
    let clock = 100;
    const drafts = new DraftStore(dir, undefined, () => (clock += 1));
    await drafts.write({ key: 'untitled-1', title: 'A', text: 'one' });
    await drafts.write({ key: '/x/b.mailflow.json', title: 'B', text: 'two' });
    await drafts.write({ key: 'untitled-1', title: 'A', text: 'one, edited' });
    const listed = await drafts.list();
    expect(listed.map((draft) => [draft.key, draft.text])).toEqual([
      ['untitled-1', 'one, edited'],
      ['/x/b.mailflow.json', 'two'],
    ]);
    await drafts.discard('untitled-1');
    await drafts.discard('never-existed');
    expect((await drafts.list()).map((draft) => draft.key)).toEqual(['/x/b.mailflow.json']);
  });

  it('lists nothing when there is no drafts folder, and skips a torn draft file', async () => {
    const dir = path.join(await tempDir(), 'drafts');
    const drafts = new DraftStore(dir);
    expect(await drafts.list()).toEqual([]);
    await drafts.write({ key: 'k', title: 't', text: 'ok' });
    await writeFile(path.join(dir, `${'a'.repeat(40)}.json`), '{"key":"torn","tit');
    expect((await drafts.list()).map((draft) => draft.key)).toEqual(['k']);
  });
});

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

/** The model the renderer sends: built from its real action registry, in the language asked for. */
const models = {
  en: buildMenuModel(actionMap(), await translatorFor('en'), getActionContext()),
  ja: buildMenuModel(actionMap(), await translatorFor('ja'), getActionContext()),
};

function menu(overrides: Partial<MenuOptions> & { language?: 'en' | 'ja' } = {}) {
  const onAction = vi.fn<(id: MenuActionId, byAccelerator: boolean) => void>();
  const onOpenRecent = vi.fn();
  const { language = 'en', ...rest } = overrides;
  const template = buildMenuTemplate({
    platform: 'win32',
    model: models[language],
    isDevelopment: false,
    recentFiles: [{ path: 'C:\\docs\\R&D.mailflow.json', name: 'R&D.mailflow.json', openedAt: 1 }],
    onAction,
    onOpenRecent,
    onClearRecent: vi.fn(),
    ...rest,
  });
  const items = flatten(template);
  const item = (id: string) => items.find((candidate) => candidate.id === id);
  const click = (id: string, triggeredByAccelerator = false) =>
    (item(id)!.click as (...args: unknown[]) => void)({}, undefined, { triggeredByAccelerator });
  return { template, items, item, click, onAction, onOpenRecent };
}

describe('native menu (drawn from the renderer\'s model)', () => {
  it('has File, Edit, View, Simulation and Help', () => {
    expect(menu().template.map((entry) => entry.label)).toEqual(['&File', '&Edit', '&View', '&Simulation', '&Help']);
    const mac = menu({ platform: 'darwin' }).template.map((entry) => entry.label ?? entry.role);
    expect(mac).toEqual(['Mailflow Studio', 'File', 'Edit', 'View', 'Simulation', 'Window', 'Help']);
  });

  it('offers every menu action id once, and a click dispatches that id', () => {
    const { items, click, onAction } = menu();
    const offered = items.map((entry) => entry.id).filter((id): id is MenuActionId => (MENU_ACTION_IDS as readonly string[]).includes(id ?? ''));
    expect(new Set(offered).size).toBe(offered.length);
    expect([...offered].sort()).toEqual([...MENU_ACTION_IDS].sort());
    for (const id of offered) click(id);
    expect(onAction.mock.calls.map(([id]) => id)).toEqual(offered);
  });

  it('shows the renderer\'s labels and shortcuts, not a table of its own', () => {
    const { item } = menu();
    const expected: Record<string, string> = {
      'file.open': 'CmdOrCtrl+O', 'file.save': 'CmdOrCtrl+S', 'file.saveAs': 'CmdOrCtrl+Shift+S',
      'edit.undo': 'CmdOrCtrl+Z', 'edit.redo': 'CmdOrCtrl+Shift+Z', 'edit.copy': 'CmdOrCtrl+C', 'edit.paste': 'CmdOrCtrl+V',
      'edit.cut': 'CmdOrCtrl+X', 'edit.duplicate': 'CmdOrCtrl+D', 'edit.delete': 'Delete', 'edit.selectAll': 'CmdOrCtrl+A',
      'simulation.run': 'CmdOrCtrl+Enter', 'view.autoLayout': 'CmdOrCtrl+Shift+L',
    };
    for (const [id, accelerator] of Object.entries(expected)) expect(item(id)?.accelerator, id).toBe(accelerator);
    expect(item('view.autoLayout')?.label).toBe('Auto-layout');
    // "." is the renderer's (step forward): shown, not registered, so text fields keep their full stops.
    expect(item('simulation.stepForward')).toMatchObject({ accelerator: '.', registerAccelerator: false });
    expect(item('file.save')?.registerAccelerator).toBe(true);
  });

  it('registers no accelerator that is plain typing or editing in a text field', () => {
    expect(registersAccelerator('Space')).toBe(false);
    expect(registersAccelerator('Shift+1')).toBe(false);
    expect(registersAccelerator('F5')).toBe(true);
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      for (const entry of menu({ platform }).items) {
        if (!entry.accelerator || entry.registerAccelerator === false) continue;
        const accelerator = String(entry.accelerator);
        const withModifier = /(Cmd|Ctrl|CmdOrCtrl|Command|Control|Alt|Option)\+/.test(accelerator);
        const functionKey = /^(Shift\+)?F\d+$/.test(accelerator);
        expect(withModifier || functionKey, `${platform} ${entry.id}: ${accelerator}`).toBe(true);
      }
    }
  });

  it('keeps the edit items enabled so a text field\'s Cmd+C still reaches the native copy on macOS', () => {
    expect(models.en.menus[1].items.find((i) => i.type === 'action' && i.id === 'edit.copy')).toMatchObject({ enabled: false });
    expect(menu({ platform: 'darwin' }).item('edit.copy')?.enabled).toBe(true);
    expect(menu().item('edit.duplicate')?.enabled).toBe(false);
  });

  it('edit keys reaching the menu from a text field do the native edit on macOS and nothing more elsewhere', () => {
    expect(menuInvocation('edit.copy', false, 'win32')).toEqual({ kind: 'dispatch' });
    expect(menuInvocation('edit.copy', true, 'darwin')).toEqual({ kind: 'native', command: 'copy' });
    expect(menuInvocation('edit.paste', true, 'win32')).toEqual({ kind: 'ignore' });
    expect(menuInvocation('edit.delete', true, 'darwin')).toEqual({ kind: 'ignore' });
    expect(menuInvocation('file.save', true, 'linux')).toEqual({ kind: 'dispatch' });
  });

  it('lists recent files (an & in a name stays literal) and opens the clicked one', () => {
    const { item, click, onOpenRecent } = menu();
    expect(item('recent.0')?.label).toBe('R&&D.mailflow.json');
    click('recent.0');
    expect(onOpenRecent).toHaveBeenCalledWith('C:\\docs\\R&D.mailflow.json');
    expect(menu({ recentFiles: [] }).item('recent.none')?.enabled).toBe(false);
  });

  it('speaks the renderer\'s language, with Windows access keys', () => {
    expect(menuLanguageFor('system', 'ja-JP')).toBe('ja');
    expect(menuLanguageFor('system', 'en-GB')).toBe('en');
    expect(menuLanguageFor('en', 'ja-JP')).toBe('en');
    const { template, item } = menu({ language: 'ja' });
    expect(template[0].label).toBe('ファイル(&F)');
    expect(item('file.save')?.label).toBe('保存');
    expect(menu({ language: 'ja', platform: 'darwin' }).template[1].label).toBe('ファイル');
    expect(withAccessKey('Simulation', 'S')).toBe('&Simulation');
    expect(withAccessKey('R&D', 'D')).toBe('R&&&D');
  });

  it('has developer tools only in development', () => {
    expect(menu().items.some((entry) => entry.role === 'toggleDevTools')).toBe(false);
    expect(menu({ isDevelopment: true }).items.some((entry) => entry.role === 'toggleDevTools')).toBe(true);
  });

  it('holds only the OS\'s edit commands until the renderer has sent its model', () => {
    expect(menu({ model: null }).template).toEqual([{ role: 'editMenu' }]);
  });
});

describe('close with unsaved changes', () => {
  function guard(choice: UnsavedChoice) {
    const deps = {
      askAboutUnsavedChanges: vi.fn(async () => choice),
      dispatchSave: vi.fn(),
      closeWindow: vi.fn(),
      showDocumentState: vi.fn(),
      onCloseCancelled: vi.fn(),
    };
    return { guard: new CloseGuard(deps), deps };
  }
  const closeEvent = () => ({ preventDefault: vi.fn() });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('marks unsaved changes in the title', () => {
    const { guard: closeGuard, deps } = guard('cancel');
    closeGuard.setDocumentState({ title: 'Contoso hybrid', dirty: true, path: '/d/c.mailflow.json' });
    expect(deps.showDocumentState).toHaveBeenLastCalledWith(expect.objectContaining({ dirty: true }), '• Contoso hybrid — Mailflow Studio');
    expect(windowTitleFor({ title: 'Contoso hybrid', dirty: false, path: null })).toBe('Contoso hybrid — Mailflow Studio');
  });

  it('closes a clean window without asking', () => {
    const { guard: closeGuard, deps } = guard('cancel');
    const event = closeEvent();
    expect(closeGuard.onCloseRequested(event)).toBe(true);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(deps.askAboutUnsavedChanges).not.toHaveBeenCalled();
  });

  it("Don't Save closes; Cancel keeps the window", async () => {
    const discard = guard('discard');
    discard.guard.setDocumentState({ title: 'x', dirty: true, path: null });
    const event = closeEvent();
    expect(discard.guard.onCloseRequested(event)).toBe(false);
    expect(event.preventDefault).toHaveBeenCalled();
    await settle();
    expect(discard.deps.closeWindow).toHaveBeenCalledOnce();
    expect(discard.guard.onCloseRequested(closeEvent())).toBe(true);

    const cancel = guard('cancel');
    cancel.guard.setDocumentState({ title: 'x', dirty: true, path: null });
    cancel.guard.onCloseRequested(closeEvent());
    await settle();
    expect(cancel.deps.closeWindow).not.toHaveBeenCalled();
    expect(cancel.deps.onCloseCancelled).toHaveBeenCalled();
  });

  it('Save dispatches file.save and closes once the renderer reports the document clean', async () => {
    const { guard: closeGuard, deps } = guard('save');
    closeGuard.setDocumentState({ title: 'x', dirty: true, path: null });
    closeGuard.onCloseRequested(closeEvent());
    await settle();
    expect(deps.dispatchSave).toHaveBeenCalledOnce();
    expect(deps.closeWindow).not.toHaveBeenCalled();
    closeGuard.onSaveFinished({ ok: true, path: '/d/x.mailflow.json', stamp: { mtimeMs: 1, size: 1, sha256: 'a'.repeat(64) }, backupPath: null });
    closeGuard.setDocumentState({ title: 'x', dirty: false, path: '/d/x.mailflow.json' });
    expect(deps.closeWindow).toHaveBeenCalledOnce();
  });

  it('a cancelled or failed save abandons the close', async () => {
    const { guard: closeGuard, deps } = guard('save');
    closeGuard.setDocumentState({ title: 'x', dirty: true, path: null });
    closeGuard.onCloseRequested(closeEvent());
    await settle();
    closeGuard.onSaveFinished({ ok: false, reason: 'cancelled' });
    closeGuard.setDocumentState({ title: 'x', dirty: false, path: null });
    expect(deps.closeWindow).not.toHaveBeenCalled();
  });

  it('asks only once while the question is open', () => {
    const { guard: closeGuard, deps } = guard('cancel');
    closeGuard.setDocumentState({ title: 'x', dirty: true, path: null });
    closeGuard.onCloseRequested(closeEvent());
    closeGuard.onCloseRequested(closeEvent());
    expect(deps.askAboutUnsavedChanges).toHaveBeenCalledOnce();
  });

  it('a re-created window (macOS Dock) is guarded again after the previous one closed', async () => {
    const { guard: closeGuard, deps } = guard('discard');
    closeGuard.setDocumentState({ title: 'x', dirty: true, path: null });
    closeGuard.onCloseRequested(closeEvent());
    await settle();
    expect(deps.closeWindow).toHaveBeenCalledOnce();
    closeGuard.reset();
    closeGuard.setDocumentState({ title: 'y', dirty: true, path: null });
    expect(closeGuard.onCloseRequested(closeEvent())).toBe(false);
  });

  it('closeWindow from the renderer closes without asking', () => {
    const { guard: closeGuard, deps } = guard('cancel');
    closeGuard.setDocumentState({ title: 'x', dirty: true, path: null });
    closeGuard.closeRequestedByRenderer();
    expect(deps.closeWindow).toHaveBeenCalledOnce();
    expect(closeGuard.onCloseRequested(closeEvent())).toBe(true);
  });
});

describe('document on the command line', () => {
  it('finds the document among switches, relative to the working directory', () => {
    expect(documentPathFromArgv(['/opt/Mailflow Studio/mailflow-studio', '--no-sandbox', 'designs/contoso.mailflow.json'], '/home/ada')).toBe(
      '/home/ada/designs/contoso.mailflow.json',
    );
    expect(documentPathFromArgv(['electron', '.', '/tmp/a.MAILFLOW.JSON'], '/w')).toBe('/tmp/a.MAILFLOW.JSON');
    expect(documentPathFromArgv(['electron', '.', '--inspect=9229'], '/w')).toBeNull();
    expect(documentPathFromArgv(['mailflow-studio'], '/w')).toBeNull();
    expect(documentPathFromArgv(['mailflow-studio', 'notes.txt'], '/w')).toBeNull();
  });
});
