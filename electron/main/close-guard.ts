/**
 * Unsaved changes on close. The renderer keeps main informed with `setDocumentState`; main owns the
 * decision to close.
 *
 * Protocol:
 * - Closing a clean window closes it.
 * - Closing a dirty window is held, and main asks Save / Don't Save / Cancel.
 *   - Don't Save: the window closes.
 *   - Cancel: nothing happens (a pending app quit is cancelled too).
 *   - Save: main dispatches the menu action `file.save` and waits. The renderer saves through the
 *     normal `save` request; when it then reports `dirty: false`, main closes the window. If that
 *     save does not succeed (the user cancels Save As, a conflict, an error), the close is dropped
 *     and the renderer shows what happened, as for any save.
 * - `closeWindow` from the renderer closes without asking: the renderer has dealt with its changes.
 */
import type { DocumentState, SaveResult } from '../../shared/ipc/contract';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export interface CloseGuardDeps {
  askAboutUnsavedChanges(title: string): Promise<UnsavedChoice>;
  dispatchSave(): void;
  /** Actually closes the window (after the guard allowed it). */
  closeWindow(): void;
  /** Title bar text and the OS "edited" mark. */
  showDocumentState(state: DocumentState, windowTitle: string): void;
  onCloseCancelled?(): void;
}

export const APP_NAME = 'Mailflow Studio';

/** "• Contoso hybrid — Mailflow Studio": the bullet marks unsaved changes. */
export function windowTitleFor(state: DocumentState): string {
  const title = state.title.trim() || 'Untitled';
  return `${state.dirty ? '• ' : ''}${title} — ${APP_NAME}`;
}

export class CloseGuard {
  private state: DocumentState = { title: 'Untitled', dirty: false, path: null };
  private closeAllowed = false;
  private closeAfterSave = false;
  private asking = false;

  constructor(private readonly deps: CloseGuardDeps) {}

  get documentState(): DocumentState {
    return this.state;
  }

  get waitingForSave(): boolean {
    return this.closeAfterSave;
  }

  /** A new window (macOS re-creates it from the Dock): it starts clean and guarded again. */
  reset(): void {
    this.state = { title: 'Untitled', dirty: false, path: null };
    this.closeAllowed = false;
    this.closeAfterSave = false;
    this.asking = false;
  }

  /** From the window's 'close' event. Returns whether the close may proceed (else it was prevented). */
  onCloseRequested(event: { preventDefault(): void }): boolean {
    if (this.closeAllowed || !this.state.dirty) return true;
    event.preventDefault();
    if (!this.asking) void this.ask();
    return false;
  }

  private async ask(): Promise<void> {
    this.asking = true;
    let choice: UnsavedChoice;
    try {
      choice = await this.deps.askAboutUnsavedChanges(this.state.title);
    } catch {
      choice = 'cancel';
    } finally {
      this.asking = false;
    }
    if (choice === 'discard') {
      this.closeNow();
    } else if (choice === 'save') {
      this.closeAfterSave = true;
      this.deps.dispatchSave();
    } else {
      this.deps.onCloseCancelled?.();
    }
  }

  setDocumentState(state: DocumentState): void {
    this.state = state;
    this.deps.showDocumentState(state, windowTitleFor(state));
    if (this.closeAfterSave && !state.dirty) this.closeNow();
  }

  /** Every save result passes here; a failed save abandons a pending close. */
  onSaveFinished(result: SaveResult): void {
    if (this.closeAfterSave && !result.ok) {
      this.closeAfterSave = false;
      this.deps.onCloseCancelled?.();
    }
  }

  /** The renderer's `closeWindow`. */
  closeRequestedByRenderer(): void {
    this.closeNow();
  }

  private closeNow(): void {
    this.closeAfterSave = false;
    this.closeAllowed = true;
    this.deps.closeWindow();
  }
}
