/** Runs the engine's `lint` as the user edits (debounced), in the UI language. */
import { useEffect } from 'react';
import { lint } from '../diagnostics';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';

const DEBOUNCE_MS = 250;

export function useLiveDiagnostics(): void {
  const doc = useDocumentStore((s) => s.doc);
  const language = useUiStore((s) => s.language);
  const today = useUiStore((s) => s.evaluationDate);
  useEffect(() => {
    const timer = setTimeout(() => {
      try {
        useUiStore.getState().setDiagnostics(lint(doc, { lang: language, today }));
      } catch (e) {
        console.error('lint failed', e);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [doc, language, today]);
}
