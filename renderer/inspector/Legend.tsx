/**
 * The on-canvas legend (draw.io's and Visio's key): node kinds from the entity-kind descriptors,
 * the derived edges, the diagnostic badges and the simulation's marks, in the UI language.
 * Collapsed to one button by default so it never covers the design unasked.
 */
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
          <h3>{t('legend.nodes')}</h3>
          <ul>
            {KIND_LIST.map((k) => (
              <li key={k.kind} data-kind={k.kind}>
                <span className="legend-swatch" style={{ color: `var(${k.color})` }} aria-hidden="true">
                  <k.icon size={14} />
                </span>
                {t(k.labelKey)}
              </li>
            ))}
          </ul>
          <h3>{t('legend.edges')}</h3>
          <ul>
            {LEGEND_EDGES.map((e) => (
              <li key={e.key}>
                <svg className="legend-swatch" width="28" height="10" aria-hidden="true">
                  <line x1="1" y1="5" x2="27" y2="5" stroke={e.stroke} strokeWidth="2" strokeDasharray={e.dash} opacity={e.opacity} />
                </svg>
                {t(`legend.edge.${e.key}`)}
              </li>
            ))}
          </ul>
          <p className="legend-note">{t('legend.derived')}</p>
          <h3>{t('legend.badges')}</h3>
          <ul>
            {LEGEND_BADGES.map((b) => (
              <li key={b}>
                <span className={`legend-badge severity-${b}`} aria-hidden="true">1</span>
                {t(`legend.badge.${b}`)}
              </li>
            ))}
          </ul>
          <h3>{t('legend.marks')}</h3>
          <ul>
            {LEGEND_MARKS.map((m) => (
              <li key={m.key}>
                <span className="legend-dot" style={{ background: m.color }} aria-hidden="true" />
                {t(`legend.mark.${m.key}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
