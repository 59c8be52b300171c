/**
 * The Analyze feature: the view, its worker, and the "Analyze" action (Simulation menu). The app
 * shell places `AnalyzeHost` over the canvas; importing this module registers the action.
 */
import { registerActions } from '../actions/registry';
import { analyzeActions } from './actions';
import { useAnalyzeStore, startAnalyzeSync } from './analyzeStore';
import { AnalyzeView } from './AnalyzeView';
import './analyze.css';
import './i18n';

registerActions(analyzeActions());
startAnalyzeSync();

export function AnalyzeHost() {
  const open = useAnalyzeStore((s) => s.open);
  return open ? <AnalyzeView /> : null;
}

export { useAnalyzeStore };
