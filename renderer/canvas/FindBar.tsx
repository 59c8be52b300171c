/**
 * Find (Ctrl/Cmd+F) over the design (shared/model/find.ts): the hits are listed; Enter selects
 * and zooms to the next one (Shift+Enter the previous), a click on a hit goes to it, Escape closes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findInDocument, type FindHit } from '../../shared/model/find';
import { useFind } from '../actions/contextActions';
import { locateEntity } from '../model/entities';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { getCanvasApi } from './canvasApi';
import './legend.css';

const MAX_LISTED = 50;

export function FindBar() {
  const { t } = useTranslation();
  const open = useFind((s) => s.open);
  const nonce = useFind((s) => s.nonce);
  const doc = useDocumentStore((s) => s.doc);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => findInDocument(doc, query), [doc, query]);
  useEffect(() => {
    if (open) input.current?.select();
  }, [open, nonce]);
  useEffect(() => setCurrent(-1), [query]);
  if (!open) return null;

  const go = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    setCurrent(index);
    if (locateEntity(doc, hit.id)) useUiStore.getState().select([hit.id]);
    getCanvasApi()?.fitView([hit.id]);
  };
  const nameOf = (hit: FindHit) => locateEntity(doc, hit.id)?.entity.name || hit.id;
  const kindOf = (hit: FindHit) => {
    const kind = locateEntity(doc, hit.id)?.kind;
    return kind ? t(`kinds.${kind}`) : t('find.note');
  };

  return (
    <div className="find-bar" role="search" aria-label={t('find.title')}>
      <input
        ref={input}
        type="search"
        value={query}
        placeholder={t('find.placeholder')}
        aria-label={t('find.title')}
        aria-controls="mf-find-results"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') {
            useFind.setState({ open: false });
          } else if (e.key === 'Enter' && hits.length) {
            e.preventDefault();
            go(e.shiftKey ? (current <= 0 ? hits.length - 1 : current - 1) : (current + 1) % hits.length);
          }
        }}
      />
      {query.trim() && (
        <p className="find-count" role="status">
          {hits.length ? t('find.count', { count: hits.length, current: current + 1 }) : t('find.none')}
        </p>
      )}
      {hits.length > 0 && (
        <ul id="mf-find-results" className="find-results" aria-label={t('find.results')}>
          {hits.slice(0, MAX_LISTED).map((hit, i) => (
            <li key={`${hit.id}:${hit.field}`}>
              <button type="button" className={`find-hit${i === current ? ' is-current' : ''}`} aria-current={i === current ? 'true' : undefined} onClick={() => go(i)}>
                <span className="find-hit-name">{nameOf(hit)}</span>
                <span className="find-hit-meta">
                  {kindOf(hit)} · {t(`find.field.${hit.field}`)}: {hit.text}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
