/**
 * A resize handle between two panels (WAI-ARIA window splitter): drag with the pointer, or focus
 * it and use the arrow keys (Shift for larger steps), Home/End for the limits.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PANEL_LIMITS, usePanelLayout, type PanelLayout } from './panelLayout';

export function Splitter({
  label,
  orientation,
  value,
  min,
  max,
  onChange,
  invert = false,
  className = '',
}: {
  label: string;
  /** `vertical`: a vertical bar that changes a width; `horizontal`: a bar that changes a height. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
  /** True when moving right/down makes the panel smaller (a panel on the right, or below). */
  invert?: boolean;
  className?: string;
}) {
  const start = useRef<{ pos: number; value: number } | null>(null);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { pos: orientation === 'vertical' ? e.clientX : e.clientY, value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const delta = (orientation === 'vertical' ? e.clientX : e.clientY) - start.current.pos;
    onChange(clamp(start.current.value + (invert ? -delta : delta)));
  };
  const end = () => {
    start.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 48 : 12;
    const grow = orientation === 'vertical' ? (invert ? 'ArrowLeft' : 'ArrowRight') : invert ? 'ArrowUp' : 'ArrowDown';
    const shrink = orientation === 'vertical' ? (invert ? 'ArrowRight' : 'ArrowLeft') : invert ? 'ArrowDown' : 'ArrowUp';
    let next: number | null = null;
    if (e.key === grow) next = value + step;
    else if (e.key === shrink) next = value - step;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    onChange(clamp(next));
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      className={`splitter splitter-${orientation} ${className}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
    />
  );
}

/** The three remembered panel edges: which words, which way, which preference. */
const PANELS = {
  palette: { label: 'panels.resizePalette', orientation: 'vertical', invert: false, min: PANEL_LIMITS.palette.min, key: 'paletteWidth' },
  right: { label: 'panels.resizeRight', orientation: 'vertical', invert: true, min: PANEL_LIMITS.right.min, key: 'rightWidth' },
  playback: { label: 'playback.panel.resize', orientation: 'horizontal', invert: true, min: PANEL_LIMITS.playback.min, key: 'playbackHeight' },
} as const satisfies Record<string, { label: string; orientation: 'vertical' | 'horizontal'; invert: boolean; min: number; key: keyof PanelLayout }>;

/** The resize handle of a side or bottom panel; the size it sets is remembered (panelLayout.ts). */
export function PanelSplitter({ panel, value, max }: { panel: keyof typeof PANELS; value: number; max: number }) {
  const { t } = useTranslation();
  const p = PANELS[panel];
  return (
    <Splitter
      label={t(p.label)}
      orientation={p.orientation}
      value={value}
      min={p.min}
      max={max}
      invert={p.invert}
      onChange={(v) => usePanelLayout.getState().set({ [p.key]: v })}
      className={`splitter-${panel}`}
    />
  );
}
