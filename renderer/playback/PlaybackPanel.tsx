/**
 * The panel below the canvas while a simulation is shown: the outcome first (what happened to the
 * message and to each recipient), then the controls, events, step details and load chart. Its
 * height is the user's (drag the top edge; remembered).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { namesOf } from '../../shared/engine';
import { PANEL_LIMITS, usePanelLayout } from '../ui/panelLayout';
import { PanelSplitter } from '../ui/Splitter';
import { CloseIcon } from '../ui/uiIcons';
import { useWindowSize } from '../ui/useWindowSize';
import { useDocumentStore } from '../store/documentStore';
import { PlaybackControls } from './Controls';
import { chooseStep, EventList } from './EventList';
import { scenarioDisplayName } from './scenarioNames';
import { translator } from './i18n';
import { LoadChart } from './LoadChart';
import { summarizeOutcome, type OutcomeSummary } from './outcome';
import { usePlaybackStore } from './playbackStore';
import { StepDetail } from './StepDetail';
import { EvaluatedAsOf, ForkBar } from './Fork';

/** One button per recipient: disposition, tenant, code; choosing it moves playback to the deciding step. */
function RecipientStrip({ summary, name }: { summary: OutcomeSummary; name: (id: string) => string }) {
  const { t } = useTranslation();
  const plan = usePlaybackStore((s) => s.plan);
  if (summary.rows.length === 0 && summary.notReached.length === 0) return null;
  return (
    <div className="pb-recipients" data-testid="recipient-strip" data-not-reached={summary.notReached.join(' ')}>
      {summary.rows.length > 0 && (
        <ul className="pb-recipient-list" aria-label={t('playback.outcome.recipients')}>
          {summary.rows.map((row, i) => {
            const step = row.step !== null ? plan?.steps[row.step] : undefined;
            const disposition = t(`playback.outcome.disposition.${row.disposition}`);
            const tenant = row.tenant ? name(row.tenant) : null;
            return (
              <li key={`${row.address}-${i}`}>
                <button
                  type="button"
                  className={`pb-recipient tone-${row.tone}`}
                  disabled={!step}
                  onClick={() => step && chooseStep(step)}
                  title={t('playback.outcome.goToStep', { address: row.address, disposition, tenant: tenant ? `, ${tenant}` : '', code: row.code })}
                  data-disposition={row.disposition}
                >
                  <span className="pb-disposition">{disposition}</span>
                  <span className="pb-recipient-address">{row.address}</span>
                  {tenant && <span className="pb-recipient-tenant">{tenant}</span>}
                  <code className="pb-recipient-code">{row.code}</code>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {summary.notReached.length > 0 && (
        <p className="pb-not-reached" aria-label={t('playback.outcome.notReachedLabel')}>
          {t('playback.outcome.notReached', { tenants: summary.notReached.map(name).join(', ') })}
        </p>
      )}
    </div>
  );
}

export function PlaybackPanel() {
  const { t, i18n } = useTranslation();
  const simulation = usePlaybackStore((s) => s.simulation);
  const scenarioId = usePlaybackStore((s) => s.scenarioId);
  const error = usePlaybackStore((s) => s.error);
  const doc = useDocumentStore((s) => s.doc);
  const scenario = doc.scenarios.find((x) => x.id === scenarioId);
  const height = usePanelLayout((s) => s.playbackHeight);
  const windowHeight = useWindowSize().height;
  const names = useMemo(() => namesOf(doc), [doc]);
  const summary = useMemo(
    () => (simulation ? summarizeOutcome(simulation, translator(t), names, doc.tenants.map((x) => x.id)) : null),
    [simulation, t, names, doc.tenants],
  );
  if (!simulation && !error) return null;
  // The canvas keeps at least 30 % of the window.
  const max = Math.max(PANEL_LIMITS.playback.min, Math.round(windowHeight * PANEL_LIMITS.playback.max) - 74);
  const shown = Math.min(height, max);
  return (
    <section className="pb-panel" aria-label={t('playback.controls.label')} data-testid="playback-panel" data-panel="playback" style={{ height: shown }}>
      <PanelSplitter panel="playback" value={shown} max={max} />
      <header className="pb-panel-head">
        <span className="pb-scenario-name" title={scenario ? scenarioDisplayName(scenario, i18n.language) : undefined}>
          {scenario ? scenarioDisplayName(scenario, i18n.language) : scenarioId}
        </span>
        <PlaybackControls />
        <button type="button" className="pb-close" aria-label={t('playback.controls.close')} title={t('playback.controls.close')} onClick={() => usePlaybackStore.getState().clear()}>
          <CloseIcon />
        </button>
      </header>
      {simulation && summary && (
        <div className="pb-outcome">
          <p className={`pb-result tone-${summary.tone} result-${simulation.result}`} data-testid="playback-result" data-tone={summary.tone}>
            <span className="pb-result-mark" aria-hidden="true" />
            <span>{summary.headline}</span>
          </p>
          <EvaluatedAsOf date={simulation.asOf} scenarioId={scenarioId} />
          <ForkBar name={names} />
          <RecipientStrip summary={summary} name={names} />
        </div>
      )}
      {error && (
        <p className="pb-error" role="alert">
          {error}
        </p>
      )}
      {simulation && (
        <div className={`pb-body${simulation.type === 'load' ? ' is-load' : ''}`}>
          <div className="pb-left">
            {simulation.type === 'load' && <LoadChart hours={simulation.hours} />}
            <EventList />
          </div>
          <StepDetail />
        </div>
      )}
    </section>
  );
}
