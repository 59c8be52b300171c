/** Play, Pause, Step forward/back, Reset, Speed and the Timeline: every button performs a registry action. */
import { useTranslation } from 'react-i18next';
import { performAction } from '../actions/registry';
import { PauseIcon, PlayIcon, ResetIcon, StepBackIcon, StepForwardIcon } from '../ui/uiIcons';
import { SPEEDS, usePlaybackStore } from './playbackStore';

export function PlaybackControls() {
  const { t } = useTranslation();
  const plan = usePlaybackStore((s) => s.plan);
  const index = usePlaybackStore((s) => s.index);
  const playing = usePlaybackStore((s) => s.playing);
  const speed = usePlaybackStore((s) => s.speed);
  const total = plan?.steps.length ?? 0;
  const disabled = total === 0;
  return (
    <div className="pb-controls" role="toolbar" aria-label={t('playback.controls.label')}>
      <button type="button" className="pb-btn" onClick={() => performAction('simulation.reset')} disabled={disabled} title={`${t('playback.controls.reset')} (Home)`} aria-label={t('playback.controls.reset')}>
        <ResetIcon />
        <span className="pb-btn-text" aria-hidden="true">{t('playback.controls.reset')}</span>
      </button>
      <button type="button" className="pb-btn" onClick={() => performAction('simulation.stepBack')} disabled={disabled || index <= 0} title={`${t('playback.controls.stepBack')} (←, ,)`} aria-label={t('playback.controls.stepBack')}>
        <StepBackIcon />
        <span className="pb-btn-text" aria-hidden="true">{t('playback.controls.stepBack')}</span>
      </button>
      {playing ? (
        <button type="button" className="pb-btn pb-btn-primary" onClick={() => performAction('simulation.pause')} title={`${t('playback.controls.pause')} (Space)`} aria-label={t('playback.controls.pause')}>
          <PauseIcon />
          <span className="pb-btn-text" aria-hidden="true">{t('playback.controls.pause')}</span>
        </button>
      ) : (
        <button type="button" className="pb-btn pb-btn-primary" onClick={() => performAction('simulation.play')} disabled={disabled} title={`${t('playback.controls.play')} (Space)`} aria-label={t('playback.controls.play')}>
          <PlayIcon />
          <span className="pb-btn-text" aria-hidden="true">{t('playback.controls.play')}</span>
        </button>
      )}
      <button
        type="button"
        className="pb-btn"
        onClick={() => performAction('simulation.stepForward')}
        disabled={disabled || index >= total - 1}
        title={`${t('playback.controls.stepForward')} (→, .)`}
        aria-label={t('playback.controls.stepForward')}
      >
        <StepForwardIcon />
        <span className="pb-btn-text" aria-hidden="true">{t('playback.controls.stepForward')}</span>
      </button>
      <label className="pb-timeline">
        <span className="visually-hidden">{t('playback.controls.timeline')}</span>
        <input
          type="range"
          aria-label={t('playback.controls.timeline')}
          min={1}
          max={Math.max(1, total)}
          step={1}
          value={Math.max(1, index + 1)}
          disabled={disabled}
          aria-valuetext={t('playback.controls.stepOf', { current: index + 1, total })}
          onChange={(e) => {
            usePlaybackStore.getState().pause();
            usePlaybackStore.getState().goTo(Number(e.target.value) - 1);
          }}
        />
      </label>
      <span className="pb-step-count" aria-live="polite">
        {total ? t('playback.controls.stepOf', { current: index + 1, total }) : ''}
      </span>
      <label className="pb-speed">
        <span>{t('playback.controls.speed')}</span>
        <select aria-label={t('playback.controls.speed')} value={speed} onChange={(e) => usePlaybackStore.getState().setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
