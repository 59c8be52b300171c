/**
 * The Analyze view: a matrix of every source (rows) × recipient class (columns) for the chosen
 * sender class, coloured by outcome, with the summary line, a legend, the guards, and "Compare
 * with…" listing only the cells that change. A click opens that cell's message in playback.
 */
import { memo, startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type CellMessage } from '../../shared/analysis';
import { parseDocumentText } from '../../shared/model/load';
import { PRESETS } from '../../shared/model/schema';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { translator, type Translate } from '../playback/i18n';
import { useAnalyzeStore } from './analyzeStore';
import { openInPlayback } from './openInPlayback';
import { outcomeIn, type AnalysisView, type CompareWith } from './protocol';

/** Beyond this the matrix shows the first rows and columns (the summary and comparison stay whole). */
export const MAX_ROWS = 60;
export const MAX_COLS = 80;

function useNumber(): (n: number) => string {
  const lang = useUiStore((s) => s.language);
  return useMemo(() => {
    const f = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US');
    return (n: number) => f.format(n);
  }, [lang]);
}

function Summary({ view }: { view: AnalysisView }) {
  const { t } = useTranslation();
  const num = useNumber();
  const parts = CATEGORIES.filter((c) => view.summary.byCategory[c] > 0).map((c) => t(`analyze.part.${c}`, { n: num(view.summary.byCategory[c]) }));
  if (view.summary.unstable > 0) parts.push(t('analyze.part.unstable', { n: num(view.summary.unstable) }));
  return (
    <p className="az-summary" data-testid="analyze-summary">
      <strong>{t('analyze.summary', { count: view.summary.cells, n: num(view.summary.cells), parts: parts.join(', ') })}</strong>
      <span className="az-muted">
        {' · '}
        {t('analyze.classes', { count: view.classCount, n: num(view.classCount) })}
        {' · '}
        {view.asOf ? t('analyze.asOf', { date: view.asOf }) : t('analyze.asOfToday')}
      </span>
    </p>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="az-legend" aria-label={t('analyze.legend')}>
      {CATEGORIES.map((c) => (
        <li key={c}>
          <span className={`az-swatch az-cat-${c}`} aria-hidden="true" />
          {t(`analyze.category.${c}`)}
        </li>
      ))}
      <li>
        <span className="az-swatch az-unstable-swatch" aria-hidden="true">
          ≈
        </span>
        {t('analyze.category.unstable')}
      </li>
    </ul>
  );
}

function open(message: CellMessage | null, name: string) {
  if (!message) return;
  if (openInPlayback(message, name)) useAnalyzeStore.getState().setOpen(false);
}

/** Value of the sender filter that shows every sender class as sub-rows of each source. */
export const ALL_SENDERS = -1;

const Matrix = memo(function Matrix({ view, sender, changed }: { view: AnalysisView; sender: number; changed: Set<string> }) {
  const { t } = useTranslation();
  // While comparing, what did not change steps back so the changed cells stand out.
  const comparing = view.changes !== null;
  const senders = sender === ALL_SENDERS ? view.senders.map((_, i) => i) : [sender];
  const sourceCount = Math.max(1, Math.min(view.sources.length, Math.floor(MAX_ROWS / senders.length)));
  const cols = Math.min(view.recipients.length, MAX_COLS);
  const limited = sourceCount < view.sources.length || cols < view.recipients.length;
  const all = senders.length > 1;
  return (
    <>
      {limited && <p className="az-note">{t('analyze.limited', { rows: sourceCount, allRows: view.sources.length, cols, allCols: view.recipients.length })}</p>}
      <div className="az-matrix-scroll">
        <table className={`az-matrix${all ? ' is-all' : ''}${comparing ? ' is-comparing' : ''}`} aria-label={t('analyze.matrixLabel')} data-testid="analyze-matrix">
          <thead>
            <tr>
              <th scope="col" className="az-corner">
                {t('analyze.source')}
              </th>
              {all && (
                <th scope="col" className="az-corner az-sender-col">
                  MAIL FROM
                </th>
              )}
              {view.recipientLabels.slice(0, cols).map((label, r) => (
                <th scope="col" key={view.recipients[r].id} title={label}>
                  <span className="az-col-label">{label}</span>
                </th>
              ))}
            </tr>
          </thead>
          {view.sourceLabels.slice(0, sourceCount).map((label, s) => (
            <tbody key={view.sources[s].id}>
              {senders.map((f, i) => (
                <tr key={view.senders[f].id}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={senders.length} title={label} className="az-source">
                      <span className="az-row-label">{label}</span>
                    </th>
                  )}
                  {all && (
                    <th scope="row" className="az-sender-col" title={view.senderLabels[f]}>
                      <span className="az-row-label">{view.senderShortLabels[f]}</span>
                    </th>
                  )}
                  {view.recipients.slice(0, cols).map((rc, r) => {
                    const o = outcomeIn(view, s, f, r);
                    const key = `${view.sources[s].id}|${view.senders[f].id}|${rc.id}`;
                    const name = `${label}, ${view.senderLabels[f]} → ${view.recipientLabels[r]}`;
                    return (
                      <td key={rc.id} className={`az-cat-${o.category}${o.unstable ? ' is-unstable' : ''}${changed.has(key) ? ' is-changed' : ''}`}>
                        <button
                          type="button"
                          className="az-cell"
                          data-category={o.category}
                          title={`${name}: ${o.text} — ${t('analyze.cellHint')}`}
                          // The visible (short) words start the accessible name; the full outcome follows.
                          aria-label={`${name}: ${o.short}${o.short === o.text ? '' : ` — ${o.text}`}`}
                          onClick={() => {
                            const src = view.sources[s];
                            const common = { mailFrom: view.senders[f].mailFrom, rcptTo: rc.addresses, headerFrom: view.senders[f].headerFrom };
                            open(src.kind === 'cloudMailbox' && src.mailbox ? { fromMailbox: src.mailbox, ...common } : { serverId: src.serverId ?? '', ...common }, name);
                          }}
                        >
                          {o.unstable && <span className="az-unstable">≈</span>}
                          {o.short}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
});

function CompareControl() {
  const { t } = useTranslation();
  const compare = useAnalyzeStore((s) => s.compare);
  const [mode, setMode] = useState<string>('none');
  const [date, setDate] = useState('2023-10-31');
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const store = useAnalyzeStore.getState;
  const choose = (value: string) => {
    setMode(value);
    setFileError(null);
    if (value === 'none') store().setCompare(null);
    else if (value === 'saved') store().setCompare({ kind: 'saved', doc: useDocumentStore.getState().savedDoc });
    else if (value === 'file') fileInput.current?.click();
    else if (value === 'date') store().setCompare({ kind: 'asOf', asOf: date });
    else if (value.startsWith('preset:')) store().setCompare({ kind: 'preset', preset: value.slice(7) as (typeof PRESETS)[number] });
  };
  return (
    <div className="az-compare">
      <label>
        {t('analyze.compare.label')}{' '}
        <select value={compare ? mode : 'none'} onChange={(e) => choose(e.target.value)} data-testid="analyze-compare">
          <option value="none">{t('analyze.compare.none')}</option>
          <option value="saved">{t('analyze.compare.saved')}</option>
          <option value="file">{t('analyze.compare.file')}</option>
          <option value="date">{t('analyze.compare.date')}</option>
          {PRESETS.map((p) => (
            <option key={p} value={`preset:${p}`}>
              {t('analyze.compare.preset', { preset: p })}
            </option>
          ))}
        </select>
      </label>
      {mode === 'date' && compare?.kind === 'asOf' && (
        <label>
          {t('analyze.compare.dateLabel')}{' '}
          <input
            type="date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) store().setCompare({ kind: 'asOf', asOf: e.target.value });
            }}
          />
        </label>
      )}
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          const loaded = parseDocumentText(await file.text());
          if (!loaded.ok) {
            setFileError(loaded.errors[0]?.message ?? '');
            return;
          }
          store().setCompare({ kind: 'file', doc: loaded.document, name: file.name });
        }}
      />
      {fileError && (
        <p className="az-error" role="alert">
          {t('analyze.compare.fileError', { message: fileError })}
        </p>
      )}
    </div>
  );
}

function compareLabel(compare: CompareWith | null, t: Translate): string {
  if (!compare) return '';
  if (compare.kind === 'saved') return t('analyze.compare.saved');
  if (compare.kind === 'file') return compare.name;
  if (compare.kind === 'asOf') return compare.asOf;
  return t('analyze.compare.preset', { preset: compare.preset });
}

function Changes({ view }: { view: AnalysisView }) {
  const { t } = useTranslation();
  const num = useNumber();
  const compare = useAnalyzeStore((s) => s.compare);
  const c = view.changes;
  if (!c) return null;
  return (
    <section className="az-changes" aria-label={t('analyze.compare.title')} data-testid="analyze-changes">
      <h3>
        {t('analyze.compare.title')}: {t('analyze.compare.changed', { count: c.count, n: num(c.count) })}
      </h3>
      <p className="az-note">{t('analyze.compare.sides', { before: compareLabel(compare, translator(t)) })}</p>
      {c.count === 0 && <p className="az-muted">{t('analyze.compare.noChange')}</p>}
      {c.cells.length < c.count && <p className="az-note">{t('analyze.compare.shown', { shown: num(c.cells.length) })}</p>}
      <ul>
        {c.cells.map((x) => (
          <li key={`${x.source}|${x.sender}|${x.recipient}`}>
            <button type="button" className="az-change" onClick={() => open(x.message, x.label)} title={t('analyze.cellHint')}>
              <span className="az-change-label">{x.label}</span>
              <span className="az-change-outcome">
                <span className="az-before">{x.before}</span> → <span className={`az-after az-text-${x.afterCategory ?? 'none'}`}>{x.after}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Guards({ view }: { view: AnalysisView }) {
  const { t } = useTranslation();
  if (view.guards.length === 0) return null;
  return (
    <section className="az-guards" aria-label={t('analyze.guards.title')}>
      <h3>{t('analyze.guards.title')}</h3>
      <ul>
        {view.guards.map((g) => (
          <li key={g.id} className={g.pass ? 'is-pass' : 'is-fail'}>
            <span className="az-guard-mark">{g.pass ? t('analyze.guards.pass') : t('analyze.guards.fail')}</span> {g.name}
            {!g.pass && (
              <>
                <ul className="az-guard-lines">
                  {g.differences.slice(0, 3).map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
                {g.message && (
                  <button type="button" className="az-link" onClick={() => open(g.message, g.name)}>
                    {t('analyze.guards.open')}
                  </button>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AnalyzeView() {
  const { t } = useTranslation();
  // A new answer is rendered as a transition: a large matrix never blocks typing in the inspector.
  const latest = useAnalyzeStore((s) => s.view);
  const [view, setView] = useState(latest);
  useEffect(() => startTransition(() => setView(latest)), [latest]);
  const running = useAnalyzeStore((s) => s.running);
  const error = useAnalyzeStore((s) => s.error);
  const senderIndex = useAnalyzeStore((s) => s.sender);
  // Every sender as sub-rows while that stays readable; else one sender class at a time.
  const sender = !view ? 0 : senderIndex === ALL_SENDERS ? (view.senders.length * view.sources.length <= MAX_ROWS ? ALL_SENDERS : 0) : Math.min(senderIndex, view.senders.length - 1);
  const changed = useMemo(() => new Set(view?.changes?.cells.map((c) => `${c.source}|${c.sender}|${c.recipient}`) ?? []), [view]);
  return (
    <section className="az-view" aria-label={t('analyze.title')} data-testid="analyze-view">
      <header className="az-head">
        <h2>{t('analyze.title')}</h2>
        <span className="az-status" role="status" aria-live="polite">
          {running ? (view ? t('analyze.stale') : t('analyze.running')) : ''}
        </span>
        <button type="button" className="az-close" aria-label={t('analyze.close')} title={t('analyze.close')} onClick={() => useAnalyzeStore.getState().setOpen(false)}>
          ×
        </button>
      </header>
      {error && (
        <p className="az-error" role="alert">
          {t('analyze.error', { message: error })}
        </p>
      )}
      {view && (
        <div className="az-body">
          <Summary view={view} />
          <div className="az-toolbar">
            {view.senders.length > 0 && (
              <label>
                {t('analyze.sender')}{' '}
                <select value={sender} onChange={(e) => useAnalyzeStore.getState().setSender(Number(e.target.value))} data-testid="analyze-sender">
                  <option value={ALL_SENDERS}>{t('analyze.allSenders')}</option>
                  {view.senderLabels.map((label, i) => (
                    <option key={view.senders[i].id} value={i}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <CompareControl />
          </div>
          <Legend />
          {view.pairsLimited && <p className="az-note">{t('analyze.pairsLimited')}</p>}
          <div className="az-main">
            {view.senders.length > 0 && view.sources.length > 0 && <Matrix view={view} sender={sender} changed={changed} />}
            <aside className="az-side">
              <Changes view={view} />
              <Guards view={view} />
            </aside>
          </div>
        </div>
      )}
    </section>
  );
}
