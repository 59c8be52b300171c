/**
 * The last line of defence: a rendering error anywhere in the app would otherwise leave a blank
 * window and the user's unsaved design out of reach. The document lives in its store, not in the
 * components, so it survives: the boundary writes it as a crash draft at once (offered back on the
 * next start) and offers to save a copy and to reload. Saving goes straight to the platform (a
 * save dialog in the desktop app, a download in the browser), not through the app's own dialogs,
 * which may be what broke.
 */
import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import './errorBoundary.css';
import { serializeDocument } from '../../shared/model/load';
import { suggestedFileName } from '../files/fileController';
import { t } from '../i18n';
import { getPlatform } from '../platform';
import { isDirty, useDocumentStore } from '../store/documentStore';

interface State {
  error: Error | null;
  saved: 'no' | 'saving' | 'saved' | 'failed';
}

/** Writes the current document as the crash draft; resolves false when that failed too. */
export async function keepDraftAfterCrash(): Promise<boolean> {
  try {
    const s = useDocumentStore.getState();
    if (!isDirty(s)) return true;
    await getPlatform().writeDraft({ key: s.file.draftKey, title: s.doc.title, text: serializeDocument(s.doc) });
    return true;
  } catch {
    return false;
  }
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, saved: 'no' };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[mailflow] the app stopped after an error', error, info.componentStack);
    void keepDraftAfterCrash();
  }

  private saveCopy = async () => {
    this.setState({ saved: 'saving' });
    try {
      const s = useDocumentStore.getState();
      const result = await getPlatform().saveExport(suggestedFileName(s.doc, s.file.name), 'json', serializeDocument(s.doc));
      this.setState({ saved: result.ok ? 'saved' : 'no' });
    } catch {
      this.setState({ saved: 'failed' });
    }
  };

  override render(): ReactNode {
    const { error, saved } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alertdialog" aria-labelledby="crash-title" aria-describedby="crash-message">
        <h1 id="crash-title">{t('commands.crash.title')}</h1>
        <p id="crash-message">{t('commands.crash.message')}</p>
        <pre className="crash-detail">{error.message}</pre>
        <div className="crash-buttons">
          <button type="button" className="btn btn-primary" onClick={() => void this.saveCopy()} disabled={saved === 'saving'}>
            {t('commands.crash.save')}
          </button>
          <button type="button" className="btn" onClick={() => location.reload()}>
            {t('commands.crash.reload')}
          </button>
        </div>
        <p role="status">{saved === 'saved' ? t('commands.crash.saved') : saved === 'failed' ? t('commands.crash.saveFailed') : ''}</p>
      </div>
    );
  }
}

let crashNow: ((error: Error) => void) | null = null;

/** Test hook (end-to-end tests only): makes the next render below the boundary throw `error`. */
export function crashForTest(error = new Error('Simulated rendering error')): void {
  crashNow?.(error);
}

/** Rendered inside the boundary in test mode only; throws while rendering once `crashForTest` ran. */
export function CrashSwitch(): null {
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    crashNow = setError;
    return () => {
      crashNow = null;
    };
  }, []);
  if (error) throw error;
  return null;
}
