/**
 * When the renderer process dies (crash, out of memory, killed), Electron leaves a blank window.
 * Main offers to reload it; the renderer writes drafts as the user edits, and on start it offers
 * the latest draft back, so reloading recovers the work. Closing keeps the draft for the next start.
 */
import type { MenuLanguage } from './menu';

/** Electron's `RenderProcessGoneDetails` (the fields used here). */
export interface RenderProcessGoneDetails {
  reason: string;
  exitCode?: number;
}

export interface RendererCrashDeps {
  language(): Promise<MenuLanguage>;
  /** Shows the message box; resolves to the index of the button pressed. */
  ask(box: { type: 'error'; buttons: string[]; defaultId: number; cancelId: number; noLink: true; message: string; detail: string }): Promise<number>;
  /** Loads our page again (the renderer then offers the draft). */
  reload(): void;
  /** Closes the window without the unsaved-changes prompt (a dead page cannot save). */
  close(): void;
  log(message: string): void;
}

export function rendererCrashMessage(language: MenuLanguage, reason: string) {
  const ja = language === 'ja';
  return {
    type: 'error' as const,
    buttons: ja ? ['再読み込み', '閉じる'] : ['Reload', 'Close'],
    defaultId: 0,
    cancelId: 1,
    noLink: true as const,
    message: ja ? 'ウィンドウが応答しなくなりました。' : 'The window stopped working.',
    detail: ja
      ? `表示プロセスが終了しました (${reason})。再読み込みすると、最後に自動保存された下書きを復元できます。`
      : `Its page process ended (${reason}). Reload to get the last automatically saved draft back.`,
  };
}

/** The `render-process-gone` listener for the main window's webContents. */
export function onRendererGone(deps: RendererCrashDeps): (event: unknown, details: RenderProcessGoneDetails) => Promise<void> {
  return async (_event, details) => {
    // A normal end (the window is closing) is not a crash.
    if (details.reason === 'clean-exit') return;
    deps.log(`renderer process gone: ${details.reason} (exit code ${details.exitCode ?? '?'})`);
    const choice = await deps.ask(rendererCrashMessage(await deps.language(), details.reason));
    if (choice === 0) deps.reload();
    else deps.close();
  };
}
