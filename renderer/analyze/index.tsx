/**
 * The Analyze feature: the view, its worker, and the "Analyze" action (Simulation menu). Importing
 * this module registers its strings only; main.tsx calls `installAnalyze()` at start-up (the action
 * and the refresh that follows the document, language and evaluation date); the app shell places
 * `AnalyzeHost` over the canvas.
 */
import { registerActions } from '../actions/registry';
import { analyzeActions } from './actions';
import { useAnalyzeStore, startAnalyzeSync } from './analyzeStore';
import { AnalyzeView } from './AnalyzeView';
import './analyze.css';
import './i18n';

let installed = false;

/** Registers the Analyze action and starts its sync; once (a second call does nothing). */
export function installAnalyze(): void {
  if (installed) return;
  installed = true;
  registerActions(analyzeActions());
  startAnalyzeSync();
}

export function AnalyzeHost() {
  const open = useAnalyzeStore((s) => s.open);
  return open ? <AnalyzeView /> : null;
}

export { useAnalyzeStore };
