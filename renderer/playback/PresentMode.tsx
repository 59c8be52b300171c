/**
 * Present mode: full screen, editing chrome hidden, a playlist of chosen scenarios walked step by
 * step with a large caption (the scenario, then the current event in plain words). Next: →, Space,
 * a click; previous: ←; Escape leaves. A soft pointer highlight follows the mouse for the
 * presenter. Captions are plain words built from each event's kind and data (captions.ts); the
 * engine's admin text stays in the Events panel. The caption is a band at the bottom whose height
 * is published as `--pb-caption-h` (and `data-caption-height` on <html>) so the canvas, and the
 * camera framing it, end above it.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { create } from 'zustand';
import { useTranslation } from 'react-i18next';
import { namesOf } from '../../shared/engine';
import { CloseIcon, NextIcon, PreviousIcon } from '../ui/uiIcons';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { buildCaption } from './captions';
import { scenarioDisplayDescription, scenarioDisplayName } from './scenarioNames';
import { translator } from './i18n';
import { summarizeOutcome } from './outcome';
import { EvaluatedAsOf, ForkBar } from './Fork';
import { usePlaybackStore } from './playbackStore';

interface PresentState {
  choosing: boolean;
  active: boolean;
  playlist: string[];
  position: number;
  open(): void;
  cancel(): void;
  start(playlist: string[]): void;
  leave(): void;
  next(): void;
  previous(): void;
}

const PRESENTING_CLASS = 'pb-presenting';

export const usePresentStore = create<PresentState>()((set, get) => ({
  choosing: false,
  active: false,
  playlist: [],
  position: 0,
  open() {
    set({ choosing: true });
  },
  cancel() {
    set({ choosing: false });
  },
  start(playlist) {
    if (playlist.length === 0) return;
    set({ choosing: false, active: true, playlist, position: 0 });
    document.documentElement.classList.add(PRESENTING_CLASS);
    // Full screen where the browser allows it (it needs a user gesture; refusal is fine).
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    usePlaybackStore.getState().run(playlist[0], { play: false });
  },
  leave() {
    if (!get().active) return;
    set({ active: false });
    document.documentElement.classList.remove(PRESENTING_CLASS);
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
  },
  next() {
    const { playlist, position } = get();
    const pb = usePlaybackStore.getState();
    const last = (pb.plan?.steps.length ?? 0) - 1;
    if (pb.index < last) {
      pb.stepForward();
    } else if (position < playlist.length - 1) {
      set({ position: position + 1 });
      pb.run(playlist[position + 1], { play: false });
    }
  },
  previous() {
    const { playlist, position } = get();
    const pb = usePlaybackStore.getState();
    if (pb.index > 0) {
      pb.stepBack();
    } else if (position > 0) {
      set({ position: position - 1 });
      if (pb.run(playlist[position - 1], { play: false })) {
        const steps = usePlaybackStore.getState().plan?.steps.length ?? 1;
        usePlaybackStore.getState().goTo(steps - 1);
      }
    }
  },
}));

/** The "Present" toggle of the top bar. */
export function PresentButton() {
  const { t } = useTranslation();
  const active = usePresentStore((s) => s.active);
  const hasScenarios = useDocumentStore((s) => s.doc.scenarios.length > 0);
  return (
    <button
      type="button"
      className="tool-button pb-present-button"
      aria-pressed={active}
      disabled={!hasScenarios}
      title={t('playback.actions.present')}
      onClick={() => (active ? usePresentStore.getState().leave() : usePresentStore.getState().open())}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <rect x="2.5" y="3.5" width="15" height="10" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8.5 6.5v4l3.5-2z" fill="currentColor" />
        <path d="M10 13.5v3M7 17h6" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <span>{t('playback.present.toggle')}</span>
    </button>
  );
}

function PlaylistDialog() {
  const { t } = useTranslation();
  const scenarios = useDocumentStore((s) => s.doc.scenarios);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(scenarios.map((s) => s.id)));
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && usePresentStore.getState().cancel()}>
      <div className="dialog pb-playlist-dialog" role="dialog" aria-modal="true" aria-labelledby="pb-playlist-title">
        <h2 id="pb-playlist-title">{t('playback.present.choose')}</h2>
        <fieldset className="pb-fieldset">
          <legend>{t('playback.present.playlist')}</legend>
          {scenarios.map((s) => (
            <label key={s.id} className="pb-playlist-item">
              <input
                type="checkbox"
                checked={chosen.has(s.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(s.id);
                  else next.delete(s.id);
                  setChosen(next);
                }}
              />
              {s.name}
            </label>
          ))}
        </fieldset>
        <div className="dialog-buttons">
          <button type="button" className="btn" onClick={() => usePresentStore.getState().cancel()}>
            {t('playback.present.cancel')}
          </button>
          <button
            ref={first}
            type="button"
            className="btn btn-primary"
            disabled={chosen.size === 0}
            onClick={() => usePresentStore.getState().start(scenarios.filter((s) => chosen.has(s.id)).map((s) => s.id))}
          >
            {t('playback.present.start')}
          </button>
        </div>
      </div>
    </div>
  );
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('button, a, input, select, textarea, .react-flow__controls, .react-flow__minimap');
}

/** Publishes the caption band's height for the canvas and its camera; removed when presenting ends. */
function useCaptionBand(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    const root = document.documentElement;
    if (!el) return;
    const publish = () => {
      const h = Math.ceil(el.getBoundingClientRect().height);
      root.style.setProperty('--pb-caption-h', `${h}px`);
      root.dataset.captionHeight = String(h);
    };
    publish();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(publish);
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      root.style.removeProperty('--pb-caption-h');
      delete root.dataset.captionHeight;
    };
  }, [ref]);
}

function Presentation() {
  const { t, i18n } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const lang = useUiStore((s) => s.language);
  const simulation = usePlaybackStore((s) => s.simulation);
  const names = useMemo(() => namesOf(doc), [doc]);
  const band = useRef<HTMLElement>(null);
  useCaptionBand(band);
  const playlist = usePresentStore((s) => s.playlist);
  const position = usePresentStore((s) => s.position);
  const plan = usePlaybackStore((s) => s.plan);
  const index = usePlaybackStore((s) => s.index);
  const scenarioId = usePlaybackStore((s) => s.scenarioId);
  const scenario = useDocumentStore((s) => s.doc.scenarios.find((x) => x.id === scenarioId));
  const pointer = useRef<HTMLDivElement>(null);
  const step = plan && index >= 0 ? plan.steps[index] : null;
  const atEnd = position === playlist.length - 1 && plan !== null && index >= plan.steps.length - 1;
  const lastStep = plan !== null && index >= plan.steps.length - 1;
  const caption = step ? buildCaption(step.event, translator(t), names, lang) : null;
  // At the last step of a scenario, the outcome in words (the same one the playback header shows).
  const outcome = lastStep && simulation ? summarizeOutcome(simulation, translator(t), names, doc.tenants.map((x) => x.id)) : null;

  useEffect(() => {
    // Keys: present.next / previous / leave in the action registry (renderer/playback/actions.ts).
    const click = (e: MouseEvent) => {
      if (e.button !== 0 || isControl(e.target)) return;
      usePresentStore.getState().next();
    };
    const move = (e: MouseEvent) => {
      if (pointer.current) pointer.current.style.transform = `translate(${e.clientX}px, ${e.clientY}px)`;
    };
    const fullscreen = () => {
      // Leaving full screen with the browser's own Escape leaves present mode too.
      if (!document.fullscreenElement) usePresentStore.getState().leave();
    };
    window.addEventListener('click', click);
    window.addEventListener('pointermove', move, { passive: true });
    document.addEventListener('fullscreenchange', fullscreen);
    return () => {
      window.removeEventListener('click', click);
      window.removeEventListener('pointermove', move);
      document.removeEventListener('fullscreenchange', fullscreen);
    };
  }, []);

  return (
    <>
      <div className="pb-pointer" ref={pointer} aria-hidden="true" />
      <section ref={band} className="pb-caption" aria-label={t('playback.present.label')} aria-live="polite" data-testid="present-caption" data-panel="caption">
        <div className="pb-caption-head">
          <span>{t('playback.present.intro', { n: position + 1, total: playlist.length })}</span>
          <h1 className="pb-caption-scenario">{scenario && scenarioDisplayName(scenario, i18n.language)}</h1>
          {plan && <span>{t('playback.present.stepOf', { current: index + 1, total: plan.steps.length })}</span>}
          {simulation && <EvaluatedAsOf date={simulation.asOf} scenarioId={scenarioId} />}
        </div>
        <ForkBar name={names} />
        {scenario?.description && <p className="pb-caption-description">{scenarioDisplayDescription(scenario, i18n.language)}</p>}
        {caption && (
          <p className="pb-caption-event">
            {caption.text}
            {caption.code && <span className="pb-caption-code"> {caption.code}</span>}
          </p>
        )}
        {outcome && (
          <p className={`pb-caption-outcome tone-${outcome.tone}`} data-testid="present-outcome">
            {outcome.headline}
          </p>
        )}
        {atEnd && <p className="pb-caption-end">{t('playback.present.end')}</p>}
        <div className="pb-caption-nav">
          <button type="button" className="pb-btn" onClick={() => usePresentStore.getState().previous()}>
            <PreviousIcon /> {t('playback.present.previous')}
          </button>
          <span className="pb-caption-hint">{t('playback.present.hint')}</span>
          <button type="button" className="pb-btn pb-btn-primary" onClick={() => usePresentStore.getState().next()} disabled={atEnd}>
            {t('playback.present.next')} <NextIcon />
          </button>
          <button type="button" className="pb-btn" onClick={() => usePresentStore.getState().leave()} aria-label={t('playback.present.exit')} title={t('playback.present.exit')}>
            <CloseIcon />
          </button>
        </div>
      </section>
    </>
  );
}

/** Mounted once by the toolbar slot: the playlist dialog and, while presenting, the captions. */
export function PresentHost() {
  const choosing = usePresentStore((s) => s.choosing);
  const active = usePresentStore((s) => s.active);
  // Portalled to <body>: the top bar that hosts this component is hidden while presenting.
  return createPortal(
    <>
      {choosing && <PlaylistDialog />}
      {active && <Presentation />}
    </>,
    document.body,
  );
}
