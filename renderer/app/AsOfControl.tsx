/**
 * "Evaluated as of" in the top bar: the run's date of every engine call (default today), with the
 * timeline of Exchange Online's dated changes (shared/model/timeline.ts) marked on it. A design
 * that sets `service.asOf` wins over the control (mailflow-model.md, "Time: the evaluation date"),
 * and the control says so.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { changeDateLabel, TIMELINE, type TimelineChange } from '../../shared/model/timeline';
import { getPlatform } from '../platform';
import { useDocumentStore } from '../store/documentStore';
import { localToday, useUiStore } from '../store/uiStore';
import { useTimelineOpen } from './asOfActions';
import './asOf.css';

/** The timeline's changes in force at `date` and the ones still to come (for the marks). */
export function splitTimeline(date: string, timeline: readonly TimelineChange[] = TIMELINE): { past: TimelineChange[]; future: TimelineChange[] } {
  const sorted = [...timeline].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { past: sorted.filter((c) => c.date <= date), future: sorted.filter((c) => c.date > date) };
}

function valueText(v: string | boolean, t: (k: string) => string): string {
  return typeof v === 'boolean' ? t(v ? 'common.yes' : 'common.no') : v;
}

function ChangeRow({ change, lang, onPick }: { change: TimelineChange; lang: 'en' | 'ja'; onPick(date: string): void }) {
  const { t } = useTranslation();
  return (
    <li className="asof-change" data-setting={change.setting} data-date={change.date}>
      <button type="button" className="asof-change-date" onClick={() => onPick(change.date)} title={t('asOf.pick', { date: change.date })}>
        {changeDateLabel(change, lang)}
      </button>
      <span className={`asof-exact${change.exact ? '' : ' is-bounded'}`}>{t(change.exact ? 'asOf.exact' : 'asOf.bounded')}</span>
      <span className="asof-change-title">{change.title[lang]}</span>
      <span className="asof-change-values">
        <code>{change.setting}</code>: {valueText(change.before, t)} → {valueText(change.after, t)}
      </span>
      <a
        className="asof-source"
        href={change.source.url}
        title={change.source.title}
        onClick={(e) => {
          // Links open in the system browser (Electron) or a new tab, never inside the app.
          e.preventDefault();
          getPlatform().openExternal(change.source.url);
        }}
      >
        {t('asOf.source')}
      </a>
    </li>
  );
}

function TimelinePopover({ date, onClose }: { date: string; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => (s.language === 'ja' ? 'ja' : 'en'));
  const ref = useRef<HTMLDivElement>(null);
  const { past, future } = splitTimeline(date);
  const pick = (d: string) => useUiStore.getState().setEvaluationDate(d);
  const runDate = useUiStore((s) => s.evaluationDate);
  useEffect(() => {
    const down = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (ref.current && target && !ref.current.contains(target) && !(target instanceof Element && target.closest('.asof-control'))) onClose();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('pointerdown', down);
    window.addEventListener('keydown', key);
    return () => {
      window.removeEventListener('pointerdown', down);
      window.removeEventListener('keydown', key);
    };
  }, [onClose]);
  return (
    <div className="asof-popover" ref={ref} role="dialog" aria-label={t('asOf.timelineTitle')} data-testid="timeline-popover">
      <div className="asof-popover-head">
        <h2 className="asof-popover-title">{t('asOf.timelineTitle')}</h2>
        <input
          type="date"
          className="asof-popover-date"
          value={runDate}
          aria-label={t('asOf.label')}
          onChange={(e) => {
            if (e.target.value) pick(e.target.value);
          }}
        />
        {/* "Today" is here too: on narrow windows the top bar keeps only the date and this list. */}
        <button type="button" className="asof-button" disabled={date === localToday()} onClick={() => useUiStore.getState().setEvaluationDate(null)}>
          {t('asOf.actions.today')}
        </button>
      </div>
      <p className="muted small">{t('asOf.timelineNote')}</p>
      <ol className="asof-changes">
        {past.map((c) => (
          <ChangeRow key={`${c.setting}-${c.date}`} change={c} lang={lang} onPick={pick} />
        ))}
        <li className="asof-now" data-testid="timeline-now">
          {t('asOf.nowMark', { date })}
        </li>
        {future.map((c) => (
          <ChangeRow key={`${c.setting}-${c.date}`} change={c} lang={lang} onPick={pick} />
        ))}
      </ol>
    </div>
  );
}

export function AsOfControl() {
  const { t } = useTranslation();
  const date = useUiStore((s) => s.evaluationDate);
  const documentDate = useDocumentStore((s) => s.doc.service?.asOf ?? null);
  const open = useTimelineOpen((s) => s.open);
  const today = localToday();
  const { past } = splitTimeline(date);
  return (
    <div className={`asof-control${documentDate ? ' is-overridden' : ''}`} data-testid="asof-control">
      {/* Narrow windows: the date alone, as a button that opens the timeline (with the date input). */}
      <button
        type="button"
        className="asof-button asof-compact"
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={`${t('asOf.label')} ${documentDate ?? date}`}
        title={`${t('asOf.label')} ${documentDate ?? date}`}
        data-testid="asof-compact"
        onClick={() => useTimelineOpen.getState().setOpen(!open)}
      >
        {/* A calendar: below 1100 px the menubar needs the room; the date is in the tooltip and the popover. */}
        <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" aria-hidden="true">
          <path d="M4 6a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v13a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6ZM4 10h16M8 2v4M16 2v4" />
        </svg>
      </button>
      <label className="asof-label">
        <span>{t('asOf.label')}</span>
        <input
          type="date"
          value={date}
          max="2099-12-31"
          min="2000-01-01"
          data-testid="asof-date"
          title={t('asOf.label')}
          aria-describedby={documentDate ? 'asof-wins' : undefined}
          onChange={(e) => {
            if (e.target.value) useUiStore.getState().setEvaluationDate(e.target.value);
          }}
        />
      </label>
      <button type="button" className="asof-button asof-today" disabled={date === today} onClick={() => useUiStore.getState().setEvaluationDate(null)} title={t('asOf.actions.today')}>
        {t('asOf.today')}
      </button>
      <button
        type="button"
        className={`asof-button asof-marks${open ? ' is-open' : ''}`}
        aria-expanded={open}
        aria-haspopup="dialog"
        data-testid="asof-timeline"
        title={`${t('asOf.actions.timeline')} (${t('asOf.changes', { done: past.length, total: TIMELINE.length })})`}
        aria-label={`${t('asOf.actions.timeline')} (${t('asOf.changes', { done: past.length, total: TIMELINE.length })})`}
        onClick={() => useTimelineOpen.getState().setOpen(!open)}
      >
        {/* One tick per change: filled when in force at the date, hollow when still to come. */}
        <span className="asof-ticks" aria-hidden="true">
          {TIMELINE.map((c) => (
            <span key={`${c.setting}-${c.date}`} className={`asof-tick${c.date <= date ? ' is-past' : ''}`} />
          ))}
        </span>
      </button>
      {documentDate && (
        <span className="asof-wins" id="asof-wins" data-testid="asof-wins" title={t('asOf.winsHint')}>
          {t('asOf.wins', { date: documentDate })}
        </span>
      )}
      {open && <TimelinePopover date={documentDate ?? date} onClose={() => useTimelineOpen.getState().setOpen(false)} />}
    </div>
  );
}
