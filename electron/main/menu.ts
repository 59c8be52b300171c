/**
 * The native menu (File, Edit, View, Simulation, Help), as a template built from plain data so it
 * can be tested without Electron. Every item dispatches one of MENU_ACTION_IDS to the renderer,
 * which runs the same action as its buttons and shortcuts.
 *
 * Keyboard shortcuts: Electron offers a key to the page first and only triggers a menu
 * accelerator when the page did not handle it (did not call preventDefault). The renderer handles
 * its shortcuts itself, so the accelerators here are what the menu shows and a fallback; see
 * `menuInvocation` for the edit keys in text fields.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuActionId, RecentFile } from '../../shared/ipc/contract';

export type MenuLanguage = 'en' | 'ja';

const LABELS = {
  en: {
    file: '&File', edit: '&Edit', view: '&View', simulation: '&Simulation', help: '&Help', window: 'Window',
    'file.new': 'New', 'file.open': 'Open…', openRecent: 'Open Recent', clearRecent: 'Clear Recently Opened', noRecent: 'No Recent Files',
    'file.save': 'Save', 'file.saveAs': 'Save As…', 'file.import': 'Import from Exchange Online…', 'file.export': 'Export…', 'file.exportPowerShell': 'Export as PowerShell…', 'file.newFromExample': 'New from Example…', quit: 'Exit', close: 'Close Window',
    'edit.undo': 'Undo', 'edit.redo': 'Redo', 'edit.cut': 'Cut', 'edit.copy': 'Copy', 'edit.paste': 'Paste',
    'edit.duplicate': 'Duplicate', 'edit.delete': 'Delete', 'edit.selectAll': 'Select All',
    'view.fitView': 'Fit to Window', 'view.zoomIn': 'Zoom In', 'view.zoomOut': 'Zoom Out', 'view.autoLayout': 'Auto Layout', 'view.compareExo': 'Compare with Exchange Online…',
    'view.toggleTheme': 'Toggle Light/Dark Theme', 'view.toggleLanguage': 'Switch Language (English/日本語)', 'view.present': 'Presentation Mode',
    fullScreen: 'Toggle Full Screen', devTools: 'Toggle Developer Tools', reload: 'Reload',
    'simulation.run': 'Run Scenario', 'simulation.checkAll': 'Check All Scenarios', 'simulation.play': 'Play',
    'simulation.pause': 'Pause', 'simulation.stepForward': 'Step Forward', 'simulation.stepBack': 'Step Back', 'simulation.reset': 'Reset',
    'help.documentation': 'Documentation', 'help.about': 'About Mailflow Studio',
  },
  ja: {
    file: 'ファイル(&F)', edit: '編集(&E)', view: '表示(&V)', simulation: 'シミュレーション(&S)', help: 'ヘルプ(&H)', window: 'ウインドウ',
    'file.new': '新規', 'file.open': '開く…', openRecent: '最近使ったファイル', clearRecent: '履歴を消去', noRecent: '最近使ったファイルはありません',
    'file.save': '保存', 'file.saveAs': '名前を付けて保存…', 'file.import': 'Exchange Online からインポート…', 'file.export': 'エクスポート…', 'file.exportPowerShell': 'PowerShell としてエクスポート…', 'file.newFromExample': 'サンプルから新規作成…', quit: '終了', close: 'ウインドウを閉じる',
    'edit.undo': '元に戻す', 'edit.redo': 'やり直し', 'edit.cut': '切り取り', 'edit.copy': 'コピー', 'edit.paste': '貼り付け',
    'edit.duplicate': '複製', 'edit.delete': '削除', 'edit.selectAll': 'すべて選択',
    'view.fitView': 'ウインドウに合わせる', 'view.zoomIn': '拡大', 'view.zoomOut': '縮小', 'view.autoLayout': '自動レイアウト', 'view.compareExo': 'Exchange Online と比較…',
    'view.toggleTheme': 'ライト/ダークテーマ切り替え', 'view.toggleLanguage': '言語の切り替え (English/日本語)', 'view.present': 'プレゼンテーションモード',
    fullScreen: '全画面表示の切り替え', devTools: '開発者ツールの切り替え', reload: '再読み込み',
    'simulation.run': 'シナリオを実行', 'simulation.checkAll': 'すべてのシナリオを検証', 'simulation.play': '再生',
    'simulation.pause': '一時停止', 'simulation.stepForward': '次のステップ', 'simulation.stepBack': '前のステップ', 'simulation.reset': 'リセット',
    'help.documentation': 'ドキュメント', 'help.about': 'Mailflow Studio について',
  },
} as const;

type LabelKey = keyof (typeof LABELS)['en'];

/**
 * Accelerators, matching the renderer's shortcuts (renderer/actions, renderer/playback).
 * `shownOnly`: a key that types or edits text (Delete, Space, Shift+1 = "!", ".", ",", Home) is the
 * renderer's alone — it handles it outside text fields — so the menu displays it without registering
 * it, and typing in a field can never trigger the menu item.
 * File > New is Ctrl/Cmd+N here; the web build uses Alt+N (browsers reserve Ctrl+N). Both work.
 */
export function acceleratorFor(id: MenuActionId, platform: NodeJS.Platform): { accelerator: string; shownOnly?: boolean } | null {
  switch (id) {
    case 'file.new': return { accelerator: 'CmdOrCtrl+N' };
    case 'file.open': return { accelerator: 'CmdOrCtrl+O' };
    case 'file.save': return { accelerator: 'CmdOrCtrl+S' };
    case 'file.saveAs': return { accelerator: 'CmdOrCtrl+Shift+S' };
    case 'file.export': return { accelerator: 'CmdOrCtrl+E' };
    case 'edit.undo': return { accelerator: 'CmdOrCtrl+Z' };
    // Redo is Shift+Cmd+Z on macOS and Ctrl+Y on Windows/Linux; the renderer accepts both everywhere.
    case 'edit.redo': return { accelerator: platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y' };
    case 'edit.cut': return { accelerator: 'CmdOrCtrl+X' };
    case 'edit.copy': return { accelerator: 'CmdOrCtrl+C' };
    case 'edit.paste': return { accelerator: 'CmdOrCtrl+V' };
    case 'edit.duplicate': return { accelerator: 'CmdOrCtrl+D' };
    case 'edit.delete': return { accelerator: 'Delete', shownOnly: true };
    case 'edit.selectAll': return { accelerator: 'CmdOrCtrl+A' };
    case 'view.fitView': return { accelerator: 'Shift+1', shownOnly: true };
    case 'view.zoomIn': return { accelerator: 'CmdOrCtrl+=' };
    case 'view.zoomOut': return { accelerator: 'CmdOrCtrl+-' };
    case 'view.autoLayout': return { accelerator: 'CmdOrCtrl+Shift+L' };
    case 'simulation.run': return { accelerator: 'F5' };
    case 'simulation.checkAll': return { accelerator: 'Shift+F5' };
    case 'simulation.play': return { accelerator: 'Space', shownOnly: true };
    case 'simulation.stepForward': return { accelerator: '.', shownOnly: true };
    case 'simulation.stepBack': return { accelerator: ',', shownOnly: true };
    case 'simulation.reset': return { accelerator: 'Home', shownOnly: true };
    case 'help.documentation': return { accelerator: 'F1' };
    default: return null;
  }
}

const NATIVE_EDIT_ACTIONS = new Set<MenuActionId>(['edit.undo', 'edit.redo', 'edit.cut', 'edit.copy', 'edit.paste', 'edit.selectAll']);
export type NativeEditCommand = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll';

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
  language: MenuLanguage;
  isDevelopment: boolean;
  recentFiles: readonly RecentFile[];
  onAction(id: MenuActionId, triggeredByAccelerator: boolean): void;
  onOpenRecent(path: string): void;
  onClearRecent(): void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const text = LABELS[options.language];
  const mac = options.platform === 'darwin';
  // Access keys ("&File", "ファイル(&F)") are a Windows/Linux convention; macOS shows no mnemonics.
  const label = (key: LabelKey): string => (mac ? text[key].replace(/\(&.\)|&/g, '') : text[key]);
  const action = (id: MenuActionId): MenuItemConstructorOptions => {
    const keys = acceleratorFor(id, options.platform);
    return {
      id,
      label: label(id),
      ...(keys ? { accelerator: keys.accelerator, registerAccelerator: !keys.shownOnly } : {}),
      click: (_item, _window, event) => options.onAction(id, Boolean(event?.triggeredByAccelerator)),
    };
  };
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const recent: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ id: 'recent.none', label: label('noRecent'), enabled: false }]
      : options.recentFiles.map((file, index) => ({
          id: `recent.${index}`,
          // "&&" keeps an ampersand in a file name from becoming a Windows access key.
          label: mac ? file.name : file.name.replace(/&/g, '&&'),
          toolTip: file.path,
          click: () => options.onOpenRecent(file.path),
        }));

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Mailflow Studio',
      submenu: [
        action('help.about'),
        separator,
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
  template.push(
    {
      id: 'menu.file',
      label: label('file'),
      submenu: [
        action('file.new'),
        action('file.newFromExample'),
        action('file.open'),
        {
          id: 'menu.openRecent',
          label: label('openRecent'),
          submenu: [...recent, separator, { id: 'recent.clear', label: label('clearRecent'), enabled: options.recentFiles.length > 0, click: () => options.onClearRecent() }],
        },
        separator,
        action('file.save'),
        action('file.saveAs'),
        separator,
        action('file.import'),
        action('file.export'),
        action('file.exportPowerShell'),
        separator,
        mac ? { role: 'close', label: label('close') } : { role: 'quit', label: label('quit') },
      ],
    },
    {
      id: 'menu.edit',
      label: label('edit'),
      submenu: [
        action('edit.undo'),
        action('edit.redo'),
        separator,
        action('edit.cut'),
        action('edit.copy'),
        action('edit.paste'),
        action('edit.duplicate'),
        action('edit.delete'),
        separator,
        action('edit.selectAll'),
      ],
    },
    {
      id: 'menu.view',
      label: label('view'),
      submenu: [
        action('view.fitView'),
        action('view.zoomIn'),
        action('view.zoomOut'),
        separator,
        action('view.autoLayout'),
        action('view.compareExo'),
        separator,
        action('view.toggleTheme'),
        action('view.toggleLanguage'),
        action('view.present'),
        { role: 'togglefullscreen', label: label('fullScreen') },
        ...(options.isDevelopment
          ? [separator, { role: 'reload', label: label('reload') } as const, { role: 'toggleDevTools', label: label('devTools') } as const]
          : []),
      ],
    },
    {
      id: 'menu.simulation',
      label: label('simulation'),
      submenu: [
        action('simulation.run'),
        action('simulation.checkAll'),
        separator,
        action('simulation.play'),
        action('simulation.pause'),
        action('simulation.stepBack'),
        action('simulation.stepForward'),
        action('simulation.reset'),
      ],
    },
  );
  if (mac) template.push({ role: 'windowMenu', label: label('window') });
  template.push({
    id: 'menu.help',
    role: 'help',
    label: label('help'),
    submenu: [action('help.documentation'), ...(mac ? [] : [separator, action('help.about')])],
  });
  return template;
}

/** Menu language: the explicit setting, else the OS language (Japanese for ja-*, English otherwise). */
export function menuLanguageFor(setting: 'system' | 'en' | 'ja', osLocale: string): MenuLanguage {
  if (setting !== 'system') return setting;
  return osLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
