/**
 * The simulation drawn over the canvas, in flow coordinates (React Flow's ViewportPortal): the path
 * travelled so far, the current step's highlights, the first-receipt tenant, hand-off crossings,
 * stop and waiting marks with their SMTP reply, and one token per active hop. Tokens are moved by
 * requestAnimationFrame writing SVG attributes directly (no React render per frame), and only
 * while a hop is active; nothing animates on idle edges.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { usePlaybackStore } from './playbackStore';
import { stepDuration, type PlanHop, type PlanMark, type PlanStep, type PlaybackPlan } from './plan';
import { useReducedMotion } from './useReducedMotion';
import { translator, type Translate } from './i18n';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
type Point = { x: number; y: number };

const TENANT_ANCHOR_Y = 46;

/** Absolute rectangles of the plan's nodes; recomputed only when React Flow's nodes change. */
function useRects(plan: PlaybackPlan | null): Map<string, Rect> {
  const lookup = useStore((s: ReactFlowState) => s.nodeLookup);
  return useMemo(() => {
    const out = new Map<string, Rect>();
    if (!plan) return out;
    for (const id of plan.ids) {
      const n = lookup.get(id);
      if (!n) continue;
      const p = n.internals.positionAbsolute;
      out.set(id, { x: p.x, y: p.y, w: n.measured?.width ?? n.width ?? 0, h: n.measured?.height ?? n.height ?? 0 });
    }
    return out;
  }, [plan, lookup]);
}

function anchor(id: string, rects: Map<string, Rect>, tenants: ReadonlySet<string>): Point | null {
  const r = rects.get(id);
  if (!r) return null;
  return tenants.has(id) ? { x: r.x + r.w / 2, y: r.y + TENANT_ANCHOR_Y } : { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/** Where the segment from inside `r` towards `to` leaves `r` (or the start when `to` is inside). */
function clipToBorder(from: Point, to: Point, r: Rect): Point {
  const inside = (p: Point) => p.x > r.x && p.x < r.x + r.w && p.y > r.y && p.y < r.y + r.h;
  if (inside(to) || !inside(from)) return from;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  let t = 1;
  if (dx > 0) t = Math.min(t, (r.x + r.w - from.x) / dx);
  if (dx < 0) t = Math.min(t, (r.x - from.x) / dx);
  if (dy > 0) t = Math.min(t, (r.y + r.h - from.y) / dy);
  if (dy < 0) t = Math.min(t, (r.y - from.y) / dy);
  return { x: from.x + dx * t, y: from.y + dy * t };
}

export interface HopGeometry {
  p0: Point;
  c: Point;
  p1: Point;
}

export function hopGeometry(hop: PlanHop, rects: Map<string, Rect>, tenants: ReadonlySet<string>): HopGeometry | null {
  if (hop.kind === 'handoff') {
    // A hand-off is drawn as an arc leaving one tenant's side and entering the other's, so it reads
    // as a crossing between tenants even when they sit next to each other.
    const ra = rects.get(hop.from);
    const rb = rects.get(hop.to);
    if (!ra || !rb) return null;
    const p0 = { x: ra.x + ra.w, y: ra.y + Math.min(ra.h / 2, 70) };
    const p1 = { x: rb.x + rb.w, y: rb.y + Math.min(rb.h / 2, 70) };
    const reach = Math.max(90, Math.abs(p1.y - p0.y) * 0.45);
    return { p0, c: { x: Math.max(p0.x, p1.x) + reach, y: (p0.y + p1.y) / 2 }, p1 };
  }
  const a = anchor(hop.from, rects, tenants);
  const b = anchor(hop.to, rects, tenants);
  if (!a || !b) return null;
  const p0 = clipToBorder(a, b, rects.get(hop.from)!);
  const p1 = clipToBorder(b, a, rects.get(hop.to)!);
  const mx = (p0.x + p1.x) / 2;
  const my = (p0.y + p1.y) / 2;
  const dx = p1.x - p0.x;
  const dy = p1.y - p0.y;
  // A gentle bend keeps the path off the designer's straight edges; NDRs bend the other way.
  const bend = hop.kind === 'ndr' ? -0.18 : 0.12;
  return { p0, c: { x: mx - dy * bend, y: my + dx * bend }, p1 };
}

export function pointOn(g: HopGeometry, t: number): Point {
  const u = 1 - t;
  return { x: u * u * g.p0.x + 2 * u * t * g.c.x + t * t * g.p1.x, y: u * u * g.p0.y + 2 * u * t * g.c.y + t * t * g.p1.y };
}

const pathOf = (g: HopGeometry) => `M${g.p0.x},${g.p0.y} Q${g.c.x},${g.c.y} ${g.p1.x},${g.p1.y}`;

function useZoom(): number {
  return useStore((s: ReactFlowState) => s.transform[2]);
}

/** Moves this step's tokens along their hops; returns whether an animation is running. */
function useTokenAnimation(step: PlanStep | null, geometries: Array<HopGeometry | null>, animateRef: { current: boolean }, speed: number) {
  const tokenRefs = useRef<Array<HTMLDivElement | null>>([]);
  useEffect(() => {
    if (!step || !step.hops.length) return;
    const place = (progress: number) => {
      const orders = Math.max(...step.hops.map((h) => h.order)) + 1;
      step.hops.forEach((hop, i) => {
        const el = tokenRefs.current[i];
        const g = geometries[i];
        if (!el || !g) return;
        const local = Math.max(0, Math.min(1, progress * orders - hop.order));
        // Later hops of a step appear only when their turn comes.
        el.style.opacity = progress * orders >= hop.order ? '1' : '0';
        const eased = local < 0.5 ? 2 * local * local : 1 - (-2 * local + 2) ** 2 / 2;
        const p = pointOn(g, eased);
        // A transform on its own layer: the compositor moves it, nothing is repainted.
        el.style.transform = `translate(${p.x}px, ${p.y}px)`;
      });
    };
    if (!animateRef.current) {
      place(1);
      return;
    }
    const duration = stepDuration(speed) * 0.7;
    let frame = 0;
    const start = performance.now();
    const tick = (now: number) => {
      const progress = Math.min(1, (now - start) / duration);
      place(progress);
      if (progress < 1) frame = requestAnimationFrame(tick);
      else animateRef.current = false;
    };
    place(0);
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [step, geometries, animateRef, speed]);
  return tokenRefs;
}

function markLabel(t: Translate, m: PlanMark): string {
  return t(`playback.canvas.${m.kind}`, { detail: m.detail });
}

export function PlaybackOverlay() {
  const { t } = useTranslation();
  const plan = usePlaybackStore((s) => s.plan);
  const index = usePlaybackStore((s) => s.index);
  const speed = usePlaybackStore((s) => s.speed);
  const simulation = usePlaybackStore((s) => s.simulation);
  const reducedMotion = useReducedMotion();
  const rects = useRects(plan);
  const zoom = useZoom();
  const step = plan && index >= 0 ? plan.steps[index] : null;
  const tenants = useMemo(() => {
    const set = new Set<string>();
    for (const s of plan?.steps ?? []) {
      if (s.event.tenant) set.add(s.event.tenant);
      for (const f of s.firstReceipt) set.add(f);
      for (const h of s.handoffs) set.add(h.from).add(h.to);
    }
    return set;
  }, [plan]);

  // Animate only when moving one step forward (play or Step forward); jumps show the result.
  const lastIndex = useRef(index);
  const animateRef = useRef(false);
  if (lastIndex.current !== index) {
    animateRef.current = !reducedMotion && index === lastIndex.current + 1;
    lastIndex.current = index;
  }
  const animate = animateRef.current;

  const geometries = useMemo(() => (step ? step.hops.map((h) => hopGeometry(h, rects, tenants)) : []), [step, rects, tenants]);
  const tokenRefs = useTokenAnimation(step, geometries, animateRef, speed);

  if (!plan || !step) return null;

  // The trail of earlier steps; this step's hops are drawn with their token.
  const earlier = step.trail.slice(0, step.trail.length - step.hops.length);
  // Labels stay readable when zoomed out, without growing over the whole diagram.
  const labelScale = Math.min(1.5, Math.max(1, 0.85 / zoom));
  const rectOf = (id: string) => rects.get(id);
  const movingTo = new Set(step.hops.map((h) => h.to));
  const restTokens = step.tokensAt.filter((id) => !movingTo.has(id));
  const marksByNode = new Map<string, PlanMark[]>();
  for (const m of step.marks) marksByNode.set(m.at, [...(marksByNode.get(m.at) ?? []), m]);
  const isLoad = simulation?.type === 'load';
  const queue = isLoad && simulation ? queueSummary(simulation.hours) : null;

  return (
    <ViewportPortal>
      <div className="pb-overlay" aria-hidden="true" style={{ ['--pb-scale' as string]: labelScale }} data-testid="playback-overlay">
        <svg className="pb-svg" width="1" height="1" overflow="visible">
          <defs>
            <marker id="pb-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="pb-arrowhead" />
            </marker>
          </defs>
          {step.firstReceipt.map((id) => {
            const r = rectOf(id);
            return r ? <rect key={`fr-${id}`} className="pb-first-receipt" x={r.x - 6} y={r.y - 6} width={r.w + 12} height={r.h + 12} rx={14} /> : null;
          })}
          {step.actedRules.map((id) => {
            const r = rectOf(id);
            return r ? <rect key={`rule-${id}`} className="pb-rule-acted" x={r.x - 4} y={r.y - 4} width={r.w + 8} height={r.h + 8} rx={10} /> : null;
          })}
          {step.highlights.map((id) => {
            const r = rectOf(id);
            return r ? (
              <g key={`hl-${id}`}>
                <rect className="pb-highlight-halo" x={r.x - 5} y={r.y - 5} width={r.w + 10} height={r.h + 10} rx={12} />
                <rect className="pb-highlight" x={r.x - 3} y={r.y - 3} width={r.w + 6} height={r.h + 6} rx={10} data-entity={id} />
              </g>
            ) : null;
          })}
          {earlier.map((h, i) => {
            const g = hopGeometry(h, rects, tenants);
            return g ? <path key={`tr-${i}`} className={`pb-trail pb-hop-${h.kind}`} d={pathOf(g)} markerEnd="url(#pb-arrow)" /> : null;
          })}
          {step.hops.map((h, i) => {
            const g = geometries[i];
            return g ? <path key={`cur-${i}`} className={`pb-trail pb-current pb-hop-${h.kind}`} d={pathOf(g)} markerEnd="url(#pb-arrow)" /> : null;
          })}
          {restTokens.map((id) => {
            // A token rests where its last hop ended (on the node's border), not over the node's text.
            const arrived = [...step.trail].reverse().find((h) => h.to === id);
            const g = arrived ? hopGeometry(arrived, rects, tenants) : null;
            const p = g ? g.p1 : anchor(id, rects, tenants);
            return p ? <circle key={`rest-${id}`} className="pb-token" cx={p.x} cy={p.y} r={9} /> : null;
          })}
        </svg>
        {step.hops.map((h, i) => {
          const g = geometries[i];
          const p = g ? pointOn(g, animate ? 0 : 1) : null;
          return p ? (
            <div
              key={`tok-${step.index}-${i}`}
              ref={(el) => {
                tokenRefs.current[i] = el;
              }}
              className={`pb-token-dot pb-token-${h.kind}`}
              style={{ transform: `translate(${p.x}px, ${p.y}px)` }}
              data-testid="moving-token"
            />
          ) : null;
        })}
        {step.firstReceipt.map((id) => {
          const r = rectOf(id);
          return r ? (
            <div key={`frl-${id}`} className="pb-label pb-label-first" style={{ left: r.x, top: r.y - 10 }} data-testid={`first-receipt-${id}`}>
              ★ {t('playback.canvas.firstReceipt')}
            </div>
          ) : null;
        })}
        {step.actedRules.map((id) => {
          const r = rectOf(id);
          return r ? (
            <div key={`rl-${id}`} className="pb-label pb-label-rule" style={{ left: r.x + r.w, top: r.y + 4 }} data-testid={`rule-acted-${id}`}>
              {t('playback.canvas.ruleActed')}
            </div>
          ) : null;
        })}
        {step.handoffs.map((h, i) => {
          const g = hopGeometry({ from: h.from, to: h.to, kind: 'handoff', order: 0 }, rects, tenants);
          if (!g) return null;
          const p = pointOn(g, 0.5);
          return (
            <div key={`ho-${i}`} className="pb-label pb-label-handoff pb-centered" style={{ left: p.x, top: p.y }} data-testid="handoff-label">
              ⇄ {t('playback.canvas.handoff')}
            </div>
          );
        })}
        {[...marksByNode.entries()].map(([id, marks]) => {
          const r = rectOf(id);
          if (!r) return null;
          return (
            <div key={`mk-${id}`} className="pb-marks" style={{ left: r.x, top: r.y + r.h + 6 }}>
              {marks.slice(-4).map((m, i) => (
                <div key={i} className={`pb-chip pb-chip-${m.kind}`}>
                  {markLabel(translator(t), m)}
                </div>
              ))}
              {marks.length > 4 && <div className="pb-chip">+{marks.length - 4}</div>}
            </div>
          );
        })}
        {step.stop && rectOf(step.stop.at) && (
          <div
            className={`pb-stop${step.stop.partial ? ' is-partial' : ''}`}
            style={{ left: rectOf(step.stop.at)!.x + rectOf(step.stop.at)!.w / 2, top: rectOf(step.stop.at)!.y + rectOf(step.stop.at)!.h + 10 }}
            data-testid="stop-mark"
          >
            <span className="pb-stop-sign">✕</span>
            <span>
              <strong>{t(step.stop.partial ? 'playback.canvas.recipientRefused' : 'playback.canvas.refusedAt', { stage: t(`playback.stages.${step.stop.stage}`) })}</strong>
              <code>{step.stop.reply}</code>
            </span>
          </div>
        )}
        {step.waiting && rectOf(step.waiting.at) && (
          <div className="pb-waiting" style={{ left: rectOf(step.waiting.at)!.x + rectOf(step.waiting.at)!.w / 2, top: rectOf(step.waiting.at)!.y + rectOf(step.waiting.at)!.h + 10 }} data-testid="waiting-mark">
            <svg className="pb-wait-sign" viewBox="0 0 20 20" width="20" height="20">
              <path d="M5 2h10M5 18h10M6 2c0 5 8 5 8 8s-8 3-8 8M14 2c0 5-8 5-8 8s8 3 8 8" />
            </svg>
            <span>
              <strong>{t('playback.canvas.waiting')}</strong>
              <code>{step.waiting.reply}</code>
              {queue && <span className="pb-queue-note">{t('playback.canvas.queue', queue)}</span>}
            </span>
          </div>
        )}
      </div>
    </ViewportPortal>
  );
}

/** Peak queue and the hours during which a queue exists (for the note at the front door). */
export function queueSummary(hours: ReadonlyArray<{ hour: number; queued: number; expired: number }>) {
  const queued = hours.filter((h) => h.queued > 0);
  if (!queued.length) return null;
  return {
    peak: Math.max(...queued.map((h) => h.queued)).toLocaleString(),
    from: queued[0].hour,
    to: queued[queued.length - 1].hour,
    expired: hours.reduce((n, h) => n + h.expired, 0).toLocaleString(),
  };
}
