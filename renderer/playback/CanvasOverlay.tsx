/**
 * The simulation drawn over the canvas, in flow coordinates (React Flow's ViewportPortal): the path
 * travelled so far, the current step's highlights, the first-receipt tenant, hand-off crossings,
 * stop and waiting marks with their SMTP reply, and one token per active hop. Tokens are moved by
 * requestAnimationFrame writing SVG attributes directly (no React render per frame), and only
 * while a hop is active; nothing animates on idle edges.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useReactFlow, useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { textWidth } from '../../shared/diagram/text';
import { TENANT_HEADER } from '../../shared/layout/geometry';
import { setCameraFollower } from '../canvas/canvasApi';
import { placeLabels, routeAround, type LabelRequest, type Rect as Box } from '../../shared/layout/placer';
import { CONTROLS_W, fitBox, followBox, READABLE_ZOOM, showsWhole, uncutViewport, withRoomAbove } from '../canvas/viewport';
import { noteBoxes } from '../../shared/diagram/notes';
import type { NoteNodeData } from '../canvas/NoteNode';
import { useUiStore } from '../store/uiStore';
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
const IDLE_TRANSFORM: [number, number, number] = [0, 0, 1];

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

export function hopGeometry(hop: PlanHop, rects: Map<string, Rect>, tenants: ReadonlySet<string>, obstacles: readonly NodeBox[] = []): HopGeometry | null {
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
  const ra = rects.get(hop.from);
  const rb = rects.get(hop.to);
  if (!ra || !rb) return null;
  const p0 = clipToBorder(a, b, ra);
  const p1 = clipToBorder(b, a, rb);
  // A gentle bend keeps the path off the designer's straight edges; NDRs bend the other way. Where
  // that would cross a node, the curve bends around it (placer.ts).
  const bend = hop.kind === 'ndr' ? -0.18 : 0.12;
  const others = obstacles.filter((o) => o.id !== hop.from && o.id !== hop.to);
  return routeAround(p0, p1, bend, others);
}

/** A node's box with its id (obstacles for curves and labels). */
export interface NodeBox extends Box {
  id: string;
}

export function pointOn(g: HopGeometry, t: number): Point {
  const u = 1 - t;
  return { x: u * u * g.p0.x + 2 * u * t * g.c.x + t * t * g.p1.x, y: u * u * g.p0.y + 2 * u * t * g.c.y + t * t * g.p1.y };
}

const pathOf = (g: HopGeometry) => `M${g.p0.x},${g.p0.y} Q${g.c.x},${g.c.y} ${g.p1.x},${g.p1.y}`;

/**
 * Boxes the overlay must keep clear, in flow coordinates: every card (connector, rule, server, the
 * front door, the Internet) whole, and each tenant's header with its name.
 */
function useObstacles(active: boolean): { cards: NodeBox[]; titles: NodeBox[]; zoneTitles: NodeBox[]; tenantNames: NodeBox[]; notes: NodeBox[] } {
  const lookup = useStore((s: ReactFlowState) => s.nodeLookup);
  return useMemo(() => {
    const cards: NodeBox[] = [];
    const titles: NodeBox[] = [];
    const zoneTitles: NodeBox[] = [];
    const notes: NodeBox[] = [];
    const tenantNames: NodeBox[] = [];
    if (!active) return { cards, titles, zoneTitles, tenantNames, notes };
    for (const n of lookup.values()) {
      const p = n.internals.positionAbsolute;
      const w = n.measured?.width ?? n.width ?? 0;
      if (n.type === 'zone') {
        // The zone's name (top-left, .mf-zone-label): its drawn width when on screen, else an estimate.
        const label = typeof document !== 'undefined' ? document.querySelector(`.react-flow__node[data-id="${CSS.escape(n.id)}"] .mf-zone-label`) : null;
        const zoom = label ? label.getBoundingClientRect().height / Math.max(1, (label as HTMLElement).offsetHeight) : 1;
        const lw = label && zoom > 0 ? label.getBoundingClientRect().width / zoom : 220;
        zoneTitles.push({ id: n.id, x: p.x + 10, y: p.y + 6, w: Math.min(w, lw + 8), h: 28 });
        continue;
      }
      // A note not drawn yet has no measured height: the shared note box gives it (shared/diagram/notes.ts).
      const noteData = n.type === 'note' ? (n.data as Partial<NoteNodeData>).note ?? null : null;
      const h = n.measured?.height ?? n.height ?? (noteData ? noteBoxes([noteData])[0].h : 0);
      if (n.type === 'tenant') {
        titles.push({ id: n.id, x: p.x, y: p.y, w, h: Math.min(h, TENANT_HEADER - 10) });
        // The tenant's name (icon, kind and name, top-left of its header; estimated on the wide side):
        // a tenant wider than the screen can still have its name whole on screen or wholly off it.
        const name = (n.data as { entity?: { name?: string } }).entity?.name ?? '';
        tenantNames.push({ id: n.id, x: p.x, y: p.y, w: Math.min(w, 64 + Math.min(w, textWidth(name, 14, true))), h: Math.min(h, 64) });
      } else {
        cards.push({ id: n.id, x: p.x, y: p.y, w, h });
        titles.push({ id: n.id, x: p.x, y: p.y, w, h });
        if (noteData) notes.push({ id: n.id, x: p.x, y: p.y, w, h });
      }
    }
    return { cards, titles, zoneTitles, tenantNames, notes };
  }, [lookup, active]);
}

/** Estimated size of a label in flow units (before the overlay's scale). */
function labelSize(text: string, fontSize: number, padX: number, height: number): { w: number; h: number } {
  return { w: Math.ceil(textWidth(text, fontSize, true) + padX * 2 + 4), h: height };
}

/** The canvas height the camera may use: above the present-mode caption when it covers the canvas. */
function visibleHeight(paneHeight: number, gap = 8): number {
  if (typeof document === 'undefined') return paneHeight;
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const caption = document.querySelector('[data-testid="present-caption"]')?.getBoundingClientRect();
  if (!pane || !caption || caption.height === 0 || caption.top >= pane.bottom) return paneHeight;
  return Math.max(120, Math.min(paneHeight, caption.top - pane.top - gap));
}

/** What may cover the canvas: the minimap, the zoom controls, the present-mode caption, anything marked. */
const SCREEN_OBSTACLES = '.mf-minimap, .react-flow__controls, [data-testid="present-caption"], [data-canvas-obstacle]';

/** Screen boxes the labels must not go under (minimap, canvas controls, anything marked as an obstacle), in flow coordinates. */
function screenObstacles(transform: [number, number, number]): { boxes: Box[]; visible: Box | null } {
  if (typeof document === 'undefined') return { boxes: [], visible: null };
  const pane = document.querySelector('.react-flow');
  if (!pane) return { boxes: [], visible: null };
  const pr = pane.getBoundingClientRect();
  const [tx, ty, zoom] = transform;
  const toFlow = (r: DOMRect): Box => ({ x: (r.left - pr.left - tx) / zoom, y: (r.top - pr.top - ty) / zoom, w: r.width / zoom, h: r.height / zoom });
  const boxes = [...document.querySelectorAll(SCREEN_OBSTACLES)]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map(toFlow);
  // The canvas area minus what panels cover of it.
  const visible = toFlow(new DOMRect(pr.left + 4, pr.top + 4, pr.width - 8, pr.height - 8));
  return { boxes, visible };
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
  // The viewport matters only while a simulation is shown: without one, a pan re-renders nothing here.
  const transform = useStore((s: ReactFlowState) => (plan ? s.transform : IDLE_TRANSFORM));
  const zoom = transform[2];
  const paneWidth = useStore((s: ReactFlowState) => s.width);
  const paneHeight = useStore((s: ReactFlowState) => s.height);
  const flow = useReactFlow();
  const { cards, titles, zoneTitles, tenantNames, notes } = useObstacles(!!plan);
  const step = plan && index >= 0 ? plan.steps[index] : null;

  // The minimap hides while a simulation is on screen (playback and present mode).
  useEffect(() => {
    useUiStore.getState().setPlaybackActive(!!plan);
    return () => useUiStore.getState().setPlaybackActive(false);
  }, [plan]);

  // The camera follows the message: the current step's hops framed at a readable size.
  const cameraMove = useRef<{ to: { x: number; y: number; zoom: number }; until: number } | null>(null);
  const follow = useCallback(
    (animate: boolean) => {
      if (!step || paneWidth < 10 || paneHeight < 10) return;
      const ids = step.hops.length ? step.hops.flatMap((h) => [h.from, h.to]) : [step.focus, ...(step.stop ? [step.stop.at] : [])];
      // A zone is as big as its lane: framing it would zoom out of the step.
      const boxOf = (list: string[]) => {
        const boxes = list.filter((id) => !id.startsWith('__zone')).map((id) => rects.get(id)).filter((r): r is Rect => !!r);
        if (!boxes.length) return null;
        const x1 = Math.min(...boxes.map((b) => b.x));
        const y1 = Math.min(...boxes.map((b) => b.y));
        return { x: x1, y: y1, w: Math.max(...boxes.map((b) => b.x + b.w)) - x1, h: Math.max(...boxes.map((b) => b.y + b.h)) - y1 };
      };
      let box = boxOf(ids);
      // Hops too long to show whole at a readable size: show where the message arrives.
      if (box && (box.w * READABLE_ZOOM > paneWidth - 96 || box.h * READABLE_ZOOM > paneHeight - 96)) box = boxOf(step.hops.map((h) => h.to)) ?? box;
      if (!box) return;
      // The first-receipt label goes above its tenant: the frame takes that strip in (viewport.ts).
      box = withRoomAbove(box, step.firstReceipt.map((id) => rects.get(id)).filter((r): r is Rect => !!r));
      const height = visibleHeight(paneHeight);
      // Presenting, the first frame takes the design's notes in too when they fit readably.
      if (index === 0 && notes.length && typeof document !== 'undefined' && document.documentElement.classList.contains('pb-presenting')) {
        const all = [box, ...notes];
        const x1 = Math.min(...all.map((b) => b.x));
        const y1 = Math.min(...all.map((b) => b.y));
        const withNotes = { x: x1, y: y1, w: Math.max(...all.map((b) => b.x + b.w)) - x1, h: Math.max(...all.map((b) => b.y + b.h)) - y1 };
        if (withNotes.w * READABLE_ZOOM <= paneWidth - 96 && withNotes.h * READABLE_ZOOM <= height - 96) box = withNotes;
      }
      // Mid-move, the camera's destination is where the view is going (not where it is this frame).
      const moving = cameraMove.current && performance.now() < cameraMove.current.until;
      const current = moving && cameraMove.current ? cameraMove.current.to : flow.getViewport();
      let next = followBox(current, box, paneWidth, height, 48, READABLE_ZOOM);
      // When the whole design fits at a readable size, show it whole rather than a part of it.
      const design = titles.length ? titles.reduce((u, b) => ({ x: Math.min(u.x, b.x), y: Math.min(u.y, b.y), r: Math.max(u.r, b.x + b.w), b: Math.max(u.b, b.y + b.h) }), { x: Infinity, y: Infinity, r: -Infinity, b: -Infinity }) : null;
      if (next && design) {
        const bounds = { x: design.x, y: design.y, w: design.r - design.x, h: design.b - design.y };
        const whole = fitBox(bounds, paneWidth, height, 24, READABLE_ZOOM, undefined, CONTROLS_W);
        if (showsWhole(whole, bounds, paneWidth, height, 20)) next = whole;
      }
      // Never cut a node, a tenant's name, a zone's name or a note at the canvas's edge (or at the
      // present-mode caption): the nodes beside the frame come in whole, or go out whole.
      const start = next ?? current;
      const uncut = uncutViewport(start, box, [...cards, ...tenantNames, ...zoneTitles], { x: 0, y: 0, w: paneWidth, h: visibleHeight(paneHeight, 0) }, READABLE_ZOOM);
      if (uncut !== start) next = uncut;
      if (next) {
        const duration = animate && !reducedMotion ? 450 : 0;
        cameraMove.current = { to: next, until: performance.now() + duration + 50 };
        void flow.setViewport(next, { duration });
      }
    },
    [step, rects, flow, paneWidth, paneHeight, reducedMotion, titles, cards, zoneTitles, tenantNames, notes, index],
  );
  useEffect(() => {
    // After the plan's first reveal has settled.
    const timer = setTimeout(() => follow(true), index === 0 ? 450 : 0);
    return () => clearTimeout(timer);
  }, [follow, index]);
  useEffect(() => {
    setCameraFollower(() => follow(false));
    return () => setCameraFollower(null);
  }, [follow]);
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

  const geometries = useMemo(() => (step ? step.hops.map((h) => hopGeometry(h, rects, tenants, cards)) : []), [step, rects, tenants, cards]);
  const tokenRefs = useTokenAnimation(step, geometries, animateRef, speed);

  // Labels are placed with their real sizes once drawn (the first placement uses estimates).
  const rootRef = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<ReadonlyMap<string, { w: number; h: number }>>(() => new Map());
  // What covers the canvas (the minimap shown or hidden, the present caption) is read from the DOM:
  // a change there re-places the labels too.
  const [, setScreenSignature] = useState('');
  // Runs after every render on purpose; it only sets state when a size or a cover really changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (!plan) return;
    if (typeof document !== 'undefined') {
      const signature = [...document.querySelectorAll(SCREEN_OBSTACLES)]
        .map((el) => {
          const r = el.getBoundingClientRect();
          return `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)},${Math.round(r.height)}`;
        })
        .join(';');
      setScreenSignature((old) => (old === signature ? old : signature));
    }
    const root = rootRef.current;
    if (!root) return;
    let next: Map<string, { w: number; h: number }> | null = null;
    for (const el of root.querySelectorAll<HTMLElement>('[data-place-key]')) {
      const key = el.dataset.placeKey ?? '';
      const size = { w: el.offsetWidth, h: el.offsetHeight };
      const old = (next ?? measured).get(key);
      if (!old || Math.abs(old.w - size.w) > 1 || Math.abs(old.h - size.h) > 1) (next ??= new Map(measured)).set(key, size);
    }
    if (next) setMeasured(next);
  });

  if (!plan || !step) return null;

  // The trail of earlier steps; this step's hops are drawn with their token.
  const earlier = step.trail.slice(0, step.trail.length - step.hops.length);
  // Labels keep at least their CSS size on screen whatever the zoom (the rule label's 12 px too).
  const labelScale = Math.max(1, 1 / zoom);
  const rectOf = (id: string) => rects.get(id);
  const movingTo = new Set(step.hops.map((h) => h.to));
  const restTokens = step.tokensAt.filter((id) => !movingTo.has(id));
  const marksByNode = new Map<string, PlanMark[]>();
  for (const m of step.marks) marksByNode.set(m.at, [...(marksByNode.get(m.at) ?? []), m]);
  const isLoad = simulation?.type === 'load';
  const queue = isLoad && simulation ? queueSummary(simulation.hours) : null;

  // Every label gets a place that covers no node title, no other label, and nothing the minimap,
  // the controls or a panel hides.
  const firstText = `★ ${t('playback.canvas.firstReceipt')}`;
  const ruleText = t('playback.canvas.ruleActed');
  const handoffText = `⇄ ${t('playback.canvas.handoff')}`;
  const requests: LabelRequest[] = [];
  const sized = (key: string, estimate: { w: number; h: number }) => {
    const size = measured.get(key) ?? estimate;
    return { w: size.w * labelScale, h: size.h * labelScale };
  };
  const stopAnchor = step.stop ? rectOf(step.stop.at) : undefined;
  const stopTitle = step.stop ? t(step.stop.partial ? 'playback.canvas.recipientRefused' : 'playback.canvas.refusedAt', { stage: t(`playback.stages.${step.stop.stage}`) }) : '';
  if (step.stop && stopAnchor) {
    const long = Math.max(textWidth(stopTitle, 13, true), textWidth(step.stop.reply, 12, false));
    const w = Math.min(300, long + 54);
    requests.push({ key: 'stop', anchor: stopAnchor, ...sized('stop', { w, h: long + 54 > 300 ? 74 : 56 }), sides: ['belowCenter', 'below', 'belowRight', 'right', 'aboveCenter', 'left'] });
  }
  const waitAnchor = step.waiting ? rectOf(step.waiting.at) : undefined;
  if (step.waiting && waitAnchor) {
    requests.push({ key: 'waiting', anchor: waitAnchor, ...sized('waiting', { w: 300, h: queue ? 92 : 56 }), sides: ['belowCenter', 'below', 'right', 'aboveCenter'] });
  }
  for (const [id, marks] of marksByNode) {
    const r = rectOf(id);
    if (!r) continue;
    const shown = marks.slice(-4);
    const longest = Math.max(...shown.map((m) => textWidth(markLabel(translator(t), m), 13, false)));
    const lines = shown.length + (marks.length > 4 ? 1 : 0);
    requests.push({ key: `mk-${id}`, anchor: r, ...sized(`mk-${id}`, { w: longest + 24, h: lines * 25 }), sides: ['below', 'belowRight', 'right', 'above', 'left'] });
  }
  for (const id of step.firstReceipt) {
    const r = rectOf(id);
    if (r) requests.push({ key: `frl-${id}`, anchor: r, ...sized(`frl-${id}`, labelSize(firstText, 13, 9, 24)), sides: ['above', 'aboveRight', 'aboveCenter', 'below', 'left'] });
  }
  for (const id of step.actedRules) {
    const r = rectOf(id);
    if (r) requests.push({ key: `rl-${id}`, anchor: r, ...sized(`rl-${id}`, labelSize(ruleText, 12, 8, 22)), sides: ['aboveRight', 'above', 'belowRight', 'below', 'right'] });
  }
  const handoffPoints = step.handoffs.map((h) => {
    const g = hopGeometry({ from: h.from, to: h.to, kind: 'handoff', order: 0 }, rects, tenants);
    return g ? pointOn(g, 0.5) : null;
  });
  handoffPoints.forEach((p, i) => {
    if (p) requests.push({ key: `ho-${i}`, anchor: { x: p.x - 4, y: p.y - 4, w: 8, h: 8 }, ...sized(`ho-${i}`, labelSize(handoffText, 13, 9, 24)), sides: ['right', 'aboveCenter', 'belowCenter', 'left'] });
  });
  const screen = screenObstacles(transform);
  // The token rests on the border of the node it reached: keep labels off it too.
  const tokenBoxes = step.tokensAt.map((id) => rectOf(id)).filter((r): r is Rect => !!r).map((r) => ({ x: r.x - 12, y: r.y + r.h / 2 - 12, w: 24, h: 24 }));
  const placed = placeLabels(requests, [...titles, ...tokenBoxes, ...screen.boxes], screen.visible);
  const at = (key: string) => placed.get(key);

  return (
    <ViewportPortal>
      <div className="pb-overlay" aria-hidden="true" style={{ ['--pb-scale' as string]: labelScale }} data-testid="playback-overlay" ref={rootRef}>
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
            const g = hopGeometry(h, rects, tenants, cards);
            return g ? <path key={`tr-${i}`} className={`pb-trail pb-hop-${h.kind}`} d={pathOf(g)} markerEnd="url(#pb-arrow)" data-from={h.from} data-to={h.to} /> : null;
          })}
          {step.hops.map((h, i) => {
            const g = geometries[i];
            return g ? <path key={`cur-${i}`} className={`pb-trail pb-current pb-hop-${h.kind}`} d={pathOf(g)} markerEnd="url(#pb-arrow)" data-from={h.from} data-to={h.to} /> : null;
          })}
          {restTokens.map((id) => {
            // A token rests where its last hop ended (on the node's border), not over the node's text.
            const arrived = [...step.trail].reverse().find((h) => h.to === id);
            const g = arrived ? hopGeometry(arrived, rects, tenants, cards) : null;
            const p = g ? g.p1 : anchor(id, rects, tenants);
            return p ? <circle key={`rest-${id}`} className="pb-token" cx={p.x} cy={p.y} r={9} data-at={id} /> : null;
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
          const p = at(`frl-${id}`);
          return p ? (
            <div key={`frl-${id}`} className="pb-label pb-label-first pb-placed" style={{ left: p.x, top: p.y }} data-testid={`first-receipt-${id}`} data-overlay-label="" data-place-key={`frl-${id}`} data-explain="firstReceipt" data-explain-at={id}>
              {firstText}
            </div>
          ) : null;
        })}
        {step.actedRules.map((id) => {
          const p = at(`rl-${id}`);
          return p ? (
            <div key={`rl-${id}`} className="pb-label pb-label-rule pb-placed" style={{ left: p.x, top: p.y }} data-testid={`rule-acted-${id}`} data-overlay-label="" data-place-key={`rl-${id}`} data-explain="ruleActed" data-explain-at={id}>
              {ruleText}
            </div>
          ) : null;
        })}
        {step.handoffs.map((h, i) => {
          const p = at(`ho-${i}`);
          return p ? (
            <div key={`ho-${i}`} className="pb-label pb-label-handoff pb-placed" style={{ left: p.x, top: p.y }} data-testid="handoff-label" data-overlay-label="" data-place-key={`ho-${i}`} data-explain="handoff" data-explain-at={h.to}>
              {handoffText}
            </div>
          ) : null;
        })}
        {[...marksByNode.entries()].map(([id, marks]) => {
          const p = at(`mk-${id}`);
          if (!p) return null;
          return (
            <div key={`mk-${id}`} className="pb-marks pb-placed" style={{ left: p.x, top: p.y }} data-overlay-label="" data-place-key={`mk-${id}`}>
              {marks.slice(-4).map((m, i) => (
                <div key={i} className={`pb-chip pb-chip-${m.kind}`} data-explain={m.kind} data-explain-at={m.at} data-explain-detail={m.detail}>
                  {markLabel(translator(t), m)}
                </div>
              ))}
              {marks.length > 4 && <div className="pb-chip">+{marks.length - 4}</div>}
            </div>
          );
        })}
        {step.stop && at('stop') && (
          <div
            className={`pb-stop pb-placed${step.stop.partial ? ' is-partial' : ''}`}
            style={{ left: at('stop')!.x, top: at('stop')!.y, maxWidth: at('stop')!.w / labelScale }}
            data-testid="stop-mark"
            data-overlay-label=""
            data-place-key="stop"
            data-explain={step.stop.partial ? 'recipientRefused' : 'refused'}
            data-explain-title={stopTitle}
            data-explain-detail={step.stop.reply}
          >
            <span className="pb-stop-sign">✕</span>
            <span>
              <strong>{stopTitle}</strong>
              <code>{step.stop.reply}</code>
            </span>
          </div>
        )}
        {step.waiting && at('waiting') && (
          <div className="pb-waiting pb-placed" style={{ left: at('waiting')!.x, top: at('waiting')!.y }} data-testid="waiting-mark" data-overlay-label="" data-place-key="waiting" data-explain="waiting" data-explain-title={t('playback.canvas.waiting')} data-explain-detail={step.waiting.reply}>
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
