/**
 * The on-canvas legend (draw.io's and Visio's key): node kinds from the entity-kind descriptors,
 * the derived edges, the diagnostic badges and the simulation's marks, in the UI language.
 * Collapsed to one button by default so it never covers the design unasked.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLegend } from '../actions/contextActions';
import { KIND_LIST } from './kinds';
import '../canvas/legend.css';

/** Edge classes of renderer/canvas/documentToFlow.ts with their stroke, as the canvas draws them. */
export const LEGEND_EDGES = [
  { key: 'server', stroke: 'var(--mf-server)', dash: undefined, opacity: 1 },
  { key: 'external', stroke: 'var(--mf-external)', dash: undefined, opacity: 1 },
  { key: 'outboundOnprem', stroke: 'var(--mf-server)', dash: '6 4', opacity: 1 },
  { key: 'outboundInternet', stroke: 'var(--mf-outbound)', dash: '6 4', opacity: 1 },
  { key: 'disabled', stroke: 'var(--mf-edge)', dash: undefined, opacity: 0.35 },
] as const;

export const LEGEND_BADGES = ['error', 'warning', 'info'] as const;

/** The playback overlay's marks (renderer/playback/CanvasOverlay.tsx) with their colour. */
export const LEGEND_MARKS = [
  { key: 'firstReceipt', color: 'var(--pb-first)' },
  { key: 'handoff', color: 'var(--pb-handoff)' },
  { key: 'delivered', color: 'var(--pb-path)' },
  { key: 'internet', color: 'var(--pb-outbound)' },
  { key: 'onPremises', color: 'var(--pb-outbound)' },
  { key: 'ndr', color: 'var(--pb-ndr)' },
  { key: 'refused', color: 'var(--pb-ndr)' },
] as const;

export function Legend() {
  const { t } = useTranslation();
  const open = useLegend((s) => s.open);
  return (
    <div className={`canvas-legend${open ? ' is-open' : ''}`} data-testid="canvas-legend">
      <button
        type="button"
        className="btn btn-small canvas-legend-toggle"
        aria-expanded={open}
        aria-controls="mf-legend-body"
        onClick={() => useLegend.setState({ open: !open })}
        title={t(open ? 'legend.hide' : 'legend.show')}
      >
        {t('legend.title')}
      </button>
      {open && (
        <div id="mf-legend-body" className="canvas-legend-body" role="region" aria-label={t('legend.title')}>
          <LegendList title={t('legend.nodes')} items={KIND_LIST.map((k) => ({ key: k.kind, kind: k.kind, label: t(k.labelKey), swatch: nodeSwatch(k) }))} />
          <LegendList title={t('legend.edges')} items={LEGEND_EDGES.map((e) => ({ key: e.key, label: t(`legend.edge.${e.key}`), swatch: edgeSwatch(e) }))} />
          <p className="legend-note">{t('legend.derived')}</p>
          <LegendList title={t('legend.badges')} items={LEGEND_BADGES.map((b) => ({ key: b, label: t(`legend.badge.${b}`), swatch: badgeSwatch(b) }))} />
          <LegendList title={t('legend.marks')} items={LEGEND_MARKS.map((m) => ({ key: m.key, label: t(`legend.mark.${m.key}`), swatch: markSwatch(m) }))} />
        </div>
      )}
    </div>
  );
}

const nodeSwatch = (k: (typeof KIND_LIST)[number]) => (
  <span className="legend-swatch" style={{ color: `var(${k.color})` }} aria-hidden="true">
    <k.icon size={14} />
  </span>
);

const edgeSwatch = (e: (typeof LEGEND_EDGES)[number]) => (
  <svg className="legend-swatch" width="28" height="10" aria-hidden="true">
    <line x1="1" y1="5" x2="27" y2="5" stroke={e.stroke} strokeWidth="2" strokeDasharray={e.dash} opacity={e.opacity} />
  </svg>
);

const badgeSwatch = (b: (typeof LEGEND_BADGES)[number]) => (
  <span className={`legend-badge severity-${b}`} aria-hidden="true">
    1
  </span>
);

const markSwatch = (m: (typeof LEGEND_MARKS)[number]) => <span className="legend-dot" style={{ background: m.color }} aria-hidden="true" />;

/** One part of the legend: its heading, then a swatch and a label per entry (`data-kind` on node kinds). */
function LegendList({ title, items }: { title: string; items: Array<{ key: string; kind?: string; label: string; swatch: ReactNode }> }) {
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item.key} data-kind={item.kind}>
            {item.swatch}
            {item.label}
          </li>
        ))}
      </ul>
    </>
  );
}
