/** The panel below the canvas while a simulation is shown: controls, events, step details, load chart. */
import { useTranslation } from 'react-i18next';
import { useDocumentStore } from '../store/documentStore';
import { PlaybackControls } from './Controls';
import { EventList } from './EventList';
import { LoadChart } from './LoadChart';
import { usePlaybackStore } from './playbackStore';
import { StepDetail } from './StepDetail';

export function PlaybackPanel() {
  const { t } = useTranslation();
  const simulation = usePlaybackStore((s) => s.simulation);
  const scenarioId = usePlaybackStore((s) => s.scenarioId);
  const error = usePlaybackStore((s) => s.error);
  const scenario = useDocumentStore((s) => s.doc.scenarios.find((x) => x.id === scenarioId));
  if (!simulation && !error) return null;
  return (
    <section className="pb-panel" aria-label={t('playback.controls.label')} data-testid="playback-panel">
      <header className="pb-panel-head">
        <span className="pb-scenario-name" title={scenario?.name}>
          {scenario?.name ?? scenarioId}
        </span>
        {simulation && (
          <span className={`pb-result result-${simulation.result}`} data-testid="playback-result">
            {t('playback.controls.result')}: {t(`playback.results.${simulation.result}`)} · {simulation.smtp.code} {simulation.smtp.enhanced}
          </span>
        )}
        <PlaybackControls />
        <button type="button" className="pb-close" aria-label={t('playback.controls.close')} title={t('playback.controls.close')} onClick={() => usePlaybackStore.getState().clear()}>
          ×
        </button>
      </header>
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
