/**
 * Hour-by-hour chart of a load simulation (inline SVG, no chart library): offered, accepted,
 * deferred, queued and expired, with the throttling threshold dashed. A logarithmic axis keeps a
 * 200-per-hour threshold readable next to a queue of tens of thousands. Accessible as an image
 * with a summary, plus a data table on demand.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadHour } from '../../shared/engine/types';

export const SERIES = ['offered', 'accepted', 'deferred', 'queued', 'expired'] as const;
type Series = (typeof SERIES)[number];

const W = 640;
const H = 220;
const M = { left: 52, right: 12, top: 12, bottom: 28 };

/** log10(1 + v): zero stays on the axis. */
const scaleValue = (v: number) => Math.log10(1 + Math.max(0, v));

export function chartSummary(hours: readonly LoadHour[]) {
  const worst = hours.reduce<LoadHour | null>((w, h) => (!w || h.deferred > w.deferred ? h : w), null);
  const thresholds = hours.map((h) => h.threshold).filter((x): x is number => x !== null);
  return {
    hours: hours.length,
    offered: hours.reduce((n, h) => n + (h.offered - (hours[h.hour - 2]?.queued ?? 0)), 0),
    accepted: hours.reduce((n, h) => n + h.accepted, 0),
    deferred: worst?.deferred ?? 0,
    worst: worst?.hour ?? 0,
    expired: hours.reduce((n, h) => n + h.expired, 0),
    t0: thresholds.length ? Math.round(thresholds[0]) : null,
    t1: thresholds.length ? Math.round(thresholds[thresholds.length - 1]) : null,
  };
}

export function LoadChart({ hours }: { hours: readonly LoadHour[] }) {
  const { t } = useTranslation();
  const [table, setTable] = useState(false);
  if (hours.length === 0) return null;
  const max = Math.max(10, ...hours.flatMap((h) => [h.offered, h.accepted, h.deferred, h.queued, h.expired, h.threshold ?? 0]));
  const top = Math.ceil(scaleValue(max));
  const x = (i: number) => M.left + (hours.length === 1 ? 0 : (i / (hours.length - 1)) * (W - M.left - M.right));
  const y = (v: number) => M.top + (1 - scaleValue(v) / top) * (H - M.top - M.bottom);
  const line = (get: (h: LoadHour) => number) => hours.map((h, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(get(h)).toFixed(1)}`).join(' ');
  const s = chartSummary(hours);
  const covered = hours.every((h) => h.threshold === null);
  const label = covered
    ? t('playback.chart.ariaCovered', { hours: s.hours })
    : t('playback.chart.aria', {
        hours: s.hours,
        offered: s.offered.toLocaleString(),
        accepted: s.accepted.toLocaleString(),
        deferred: s.deferred.toLocaleString(),
        worst: s.worst,
        expired: s.expired.toLocaleString(),
        t0: s.t0?.toLocaleString() ?? '—',
        t1: s.t1?.toLocaleString() ?? '—',
      });
  const ticks = Array.from({ length: top + 1 }, (_, i) => 10 ** i);
  const everyHour = Math.max(1, Math.ceil(hours.length / 12));
  return (
    <figure className="pb-chart">
      <figcaption className="pb-chart-head">
        <strong>{t('playback.chart.title')}</strong>
        <span className="pb-legend" aria-hidden="true">
          {SERIES.map((k) => (
            <span key={k} className={`pb-legend-item series-${k}`}>
              <i /> {t(`playback.chart.${k}`)}
            </span>
          ))}
          {!covered && (
            <span className="pb-legend-item series-threshold">
              <i /> {t('playback.chart.threshold')}
            </span>
          )}
        </span>
        <button type="button" className="btn btn-small" onClick={() => setTable(!table)} aria-expanded={table}>
          {t(table ? 'playback.chart.hideTable' : 'playback.chart.showTable')}
        </button>
      </figcaption>
      <svg className="pb-chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="load-chart">
        {ticks.map((v) => (
          <g key={v}>
            <line className="pb-grid" x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
            <text className="pb-axis" x={M.left - 6} y={y(v) + 4} textAnchor="end">
              {v >= 1000 ? `${v / 1000}k` : v}
            </text>
          </g>
        ))}
        {hours.map((h, i) =>
          i % everyHour === 0 || i === hours.length - 1 ? (
            <text key={h.hour} className="pb-axis" x={x(i)} y={H - 8} textAnchor="middle">
              {h.hour}
            </text>
          ) : null,
        )}
        {hours.map((h, i) =>
          h.deferred > 0 ? <rect key={`d${h.hour}`} className="pb-deferred-bar" x={x(i) - 2} width={4} y={y(h.deferred)} height={H - M.bottom - y(h.deferred)} /> : null,
        )}
        {SERIES.map((k: Series) => (
          <path key={k} className={`pb-series series-${k}`} d={line((h) => h[k])} data-series={k} />
        ))}
        {!covered && <path className="pb-series series-threshold" d={line((h) => h.threshold ?? 0)} data-series="threshold" />}
      </svg>
      {table && (
        <div className="pb-chart-table" tabIndex={0} role="region" aria-label={t('playback.chart.title')}>
          <table>
            <caption className="visually-hidden">{t('playback.chart.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('playback.chart.hour')}</th>
                {SERIES.map((k) => (
                  <th scope="col" key={k}>
                    {t(`playback.chart.${k}`)}
                  </th>
                ))}
                <th scope="col">{t('playback.chart.threshold')}</th>
              </tr>
            </thead>
            <tbody>
              {hours.map((h) => (
                <tr key={h.hour}>
                  <th scope="row">{h.hour}</th>
                  {SERIES.map((k) => (
                    <td key={k}>{h[k].toLocaleString()}</td>
                  ))}
                  <td>{h.threshold === null ? t('playback.chart.unlimited') : Math.round(h.threshold).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
