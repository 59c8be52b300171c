/**
 * Opens the message of a cell in playback: the cell's message becomes a composed scenario that is
 * simulated and played, without adding it to the document.
 */
import { simulateScenario } from '../../shared/engine';
import type { CellMessage } from '../../shared/analysis';
import type { Scenario } from '../../shared/model/schema';
import { buildPlan } from '../playback/plan';
import { forkOf, usePlaybackStore } from '../playback/playbackStore';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';

export const CELL_SCENARIO_ID = 'analyze-cell';

export function cellScenario(message: CellMessage, name: string): Scenario {
  return {
    id: CELL_SCENARIO_ID,
    name,
    ...(message.fromMailbox ? { fromMailbox: message.fromMailbox } : { serverId: message.serverId }),
    mailFrom: message.mailFrom,
    rcptTo: message.rcptTo,
    ...(message.headerFrom ? { headerFrom: message.headerFrom } : {}),
  };
}

export function openInPlayback(message: CellMessage, name: string): boolean {
  const scenario = cellScenario(message, name);
  const doc = useDocumentStore.getState().doc;
  const lang = useUiStore.getState().language === 'ja' ? 'ja' : 'en';
  try {
    const today = useUiStore.getState().evaluationDate;
    const simulation = simulateScenario(doc, scenario, { lang, today });
    const plan = buildPlan(simulation, undefined, doc);
    usePlaybackStore.setState({
      scenarioId: CELL_SCENARIO_ID,
      simulation,
      plan,
      index: plan.steps.length ? 0 : -1,
      playing: plan.steps.length > 1,
      error: null,
      simulatedDoc: doc,
      simulatedLang: lang,
      simulatedToday: today,
      fork: forkOf(simulation),
    });
    return true;
  } catch (e) {
    usePlaybackStore.setState({ error: e instanceof Error ? e.message : String(e), simulation: null, plan: null, index: -1, playing: false, fork: null });
    return false;
  }
}
