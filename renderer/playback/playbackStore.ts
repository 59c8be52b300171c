/**
 * Playback state: the simulation being shown, its plan, the current step, play/pause and speed,
 * the results of "Check all" and the event-list filters. Never part of the undo history; the
 * document is read from the designer's document store and only the engine decides mail flow.
 */
import { create } from 'zustand';
import { checkAll as engineCheckAll, type CheckResult } from '../../shared/check';
import { scenariosTouching } from '../../shared/touching';
import { locateEntity } from '../../shared/model/edit';
import { simulateScenario } from '../../shared/engine';
import type { Lang, MessageSimulation, Simulation } from '../../shared/engine/types';
import type { TopologyDocument } from '../../shared/model/schema';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { getCanvasApi } from '../canvas/canvasApi';
import { buildPlan, stepDuration, type PlaybackPlan } from './plan';
import { branchSimulation, forkTenants } from './fork';

/** Brings the plan's entities into view once the panel below the canvas has taken its place. */
function revealPlan(plan: PlaybackPlan): void {
  if (typeof window === 'undefined') return;
  const ids = plan.ids.filter((id) => !id.startsWith('__zone'));
  setTimeout(() => getCanvasApi()?.fitView(ids), 120);
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export interface PlaybackState {
  /** The scenario chosen in the Scenarios panel (not necessarily run yet). */
  selectedScenario: string | null;
  /** The scenario that was simulated, and its result. */
  scenarioId: string | null;
  simulation: Simulation | null;
  plan: PlaybackPlan | null;
  /** Current step (index into plan.steps); -1 before the first. */
  index: number;
  playing: boolean;
  speed: number;
  error: string | null;
  checks: Record<string, CheckResult> | null;
  /**
   * "Run scenarios that touch this": the component the checks are about and the scenarios whose
   * path touches it (those with an expectation are in `checks`); null after Check all.
   */
  checkScope: { entity: string; ran: string[] } | null;
  kindFilter: string | null;
  tenantFilter: string | null;
  /** The document the simulation was made from (to re-run when it changes). */
  simulatedDoc: TopologyDocument | null;
  simulatedLang: Lang | null;
  /** The run's date the simulation was made with (to re-run when the date control changes). */
  simulatedToday: string | null;
  /**
   * An unstable result (MC1226222): the engine's simulation with every branch, and the branch shown
   * (0 = the tenant the engine chose). Null when the result is stable.
   */
  fork: { base: MessageSimulation; branch: number } | null;
  selectBranch(index: number): void;
  selectScenario(id: string | null): void;
  run(id?: string | null, options?: { play?: boolean; keepView?: boolean }): boolean;
  checkAll(): void;
  /** Runs every scenario whose simulated path touches the entity; returns how many did. */
  checkTouching(entity: string): number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): void;
  stepBack(): void;
  reset(): void;
  goTo(index: number): void;
  setSpeed(speed: number): void;
  setKindFilter(kind: string | null): void;
  setTenantFilter(tenant: string | null): void;
  clear(): void;
}

function lang(): Lang {
  return useUiStore.getState().language === 'ja' ? 'ja' : 'en';
}

/** The run's date of the "Evaluated as of" control: every engine call of the app passes it. */
export function runDate(): string {
  return useUiStore.getState().evaluationDate;
}

export const usePlaybackStore = create<PlaybackState>()((set, get) => ({
  selectedScenario: null,
  scenarioId: null,
  simulation: null,
  plan: null,
  index: -1,
  playing: false,
  speed: 1,
  error: null,
  checks: null,
  checkScope: null,
  kindFilter: null,
  tenantFilter: null,
  simulatedDoc: null,
  simulatedLang: null,
  simulatedToday: null,
  fork: null,
  selectBranch(index) {
    const fork = get().fork;
    if (!fork || !fork.base.alternatives?.[index]) return;
    const simulation = branchSimulation(fork.base, index);
    const plan = buildPlan(simulation, undefined, useDocumentStore.getState().doc);
    set({ fork: { base: fork.base, branch: index }, simulation, plan, index: plan.steps.length ? 0 : -1, playing: plan.steps.length > 1 });
  },
  selectScenario(id) {
    set({ selectedScenario: id });
  },
  run(id, options) {
    const scenarioId = id ?? get().selectedScenario ?? useDocumentStore.getState().doc.scenarios[0]?.id ?? null;
    if (!scenarioId) return false;
    const doc = useDocumentStore.getState().doc;
    const language = lang();
    const today = runDate();
    try {
      const simulation = simulateScenario(doc, scenarioId, { lang: language, today });
      const plan = buildPlan(simulation, undefined, doc);
      set({
        selectedScenario: scenarioId,
        scenarioId,
        simulation,
        plan,
        index: plan.steps.length ? 0 : -1,
        playing: (options?.play ?? true) && plan.steps.length > 1,
        error: null,
        simulatedDoc: doc,
        simulatedLang: language,
        simulatedToday: today,
        fork: forkOf(simulation),
      });
      if (!options?.keepView) revealPlan(plan);
      return true;
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e), simulation: null, plan: null, index: -1, playing: false, scenarioId, fork: null });
      return false;
    }
  },
  checkAll() {
    const results = engineCheckAll(useDocumentStore.getState().doc, lang(), { today: runDate() });
    set({ checks: Object.fromEntries(results.map((r) => [r.scenarioId, r])), checkScope: null });
  },
  checkTouching(entity) {
    const results = scenariosTouching(useDocumentStore.getState().doc, entity, lang(), { today: runDate() });
    set({ checks: Object.fromEntries(results.filter((r) => r.expected).map((r) => [r.scenarioId, r])), checkScope: { entity, ran: results.map((r) => r.scenarioId) } });
    return results.length;
  },
  play() {
    const { plan, index } = get();
    if (!plan) {
      if (get().run()) return;
      return;
    }
    // Playing at the end starts over, like a media player.
    if (index >= plan.steps.length - 1) set({ index: 0, playing: true });
    else set({ playing: true });
  },
  pause() {
    set({ playing: false });
  },
  togglePlay() {
    if (get().playing) get().pause();
    else get().play();
  },
  stepForward() {
    const { plan, index } = get();
    if (!plan) return;
    set({ index: Math.min(plan.steps.length - 1, index + 1), playing: false });
  },
  stepBack() {
    const { plan, index } = get();
    if (!plan) return;
    set({ index: Math.max(0, index - 1), playing: false });
  },
  reset() {
    const { plan } = get();
    set({ index: plan && plan.steps.length ? 0 : -1, playing: false });
  },
  goTo(index) {
    const { plan } = get();
    if (!plan) return;
    set({ index: Math.max(0, Math.min(plan.steps.length - 1, index)) });
  },
  setSpeed(speed) {
    set({ speed });
  },
  setKindFilter(kindFilter) {
    set({ kindFilter });
  },
  setTenantFilter(tenantFilter) {
    set({ tenantFilter });
  },
  clear() {
    set({ scenarioId: null, simulation: null, plan: null, index: -1, playing: false, error: null, fork: null });
  },
}));

/** The fork state of a fresh simulation: its first branch when unstable, else none. */
export function forkOf(simulation: Simulation): PlaybackState['fork'] {
  return simulation.type === 'message' && forkTenants(simulation).length > 1 ? { base: simulation, branch: 0 } : null;
}

/** The step currently shown, or null. */
export function currentStep(s: Pick<PlaybackState, 'plan' | 'index'>) {
  return s.plan && s.index >= 0 ? (s.plan.steps[s.index] ?? null) : null;
}

let started = false;

/**
 * Starts the clock (advances steps while playing; pauses while the page is hidden) and keeps the
 * simulation in step with the document and the language. Idempotent.
 */
export function startPlaybackClock(): () => void {
  if (started || typeof window === 'undefined') return () => undefined;
  started = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const s = usePlaybackStore.getState();
    if (!s.playing || !s.plan || document.hidden) return;
    timer = setTimeout(() => {
      const now = usePlaybackStore.getState();
      if (!now.playing || !now.plan) return;
      if (now.index >= now.plan.steps.length - 1) usePlaybackStore.setState({ playing: false });
      else usePlaybackStore.setState({ index: now.index + 1 });
    }, stepDuration(s.speed));
  };
  const unsubPlayback = usePlaybackStore.subscribe((s, prev) => {
    if (s.playing !== prev.playing || s.index !== prev.index || s.speed !== prev.speed || s.plan !== prev.plan) schedule();
  });
  const onVisibility = () => {
    // A hidden window does not animate; it resumes where it was when shown again.
    schedule();
  };
  document.addEventListener('visibilitychange', onVisibility);
  const rerun = () => {
    const s = usePlaybackStore.getState();
    const doc = useDocumentStore.getState().doc;
    if (!s.scenarioId || !s.simulation) return;
    if (s.simulatedDoc === doc && s.simulatedLang === lang() && s.simulatedToday === runDate()) return;
    if (!doc.scenarios.some((x) => x.id === s.scenarioId)) {
      s.clear();
      return;
    }
    const { index, playing } = s;
    const branch = s.fork?.branch ?? 0;
    if (s.run(s.scenarioId, { play: playing, keepView: true })) {
      // The branch the user was watching stays chosen while it still exists.
      const after = usePlaybackStore.getState();
      if (branch > 0 && after.fork?.base.alternatives?.[branch]) after.selectBranch(branch);
      usePlaybackStore.setState({ playing });
      const plan = usePlaybackStore.getState().plan;
      usePlaybackStore.setState({ index: Math.min(index, (plan?.steps.length ?? 1) - 1) });
    }
  };
  /** Checks shown are run again on the document as it is now (a scope stays while its component exists). */
  const recheck = () => {
    const s = usePlaybackStore.getState();
    if (!s.checks) return;
    const scope = s.checkScope?.entity;
    if (!scope) s.checkAll();
    else if (locateEntity(useDocumentStore.getState().doc, scope)) s.checkTouching(scope);
    else usePlaybackStore.setState({ checks: null, checkScope: null });
  };
  const unsubDoc = useDocumentStore.subscribe((s, prev) => {
    if (s.doc === prev.doc) return;
    if (s.file.draftKey !== prev.file.draftKey) {
      // Another document was opened: nothing of the previous one's playback applies.
      usePlaybackStore.getState().clear();
      usePlaybackStore.setState({ checks: null, checkScope: null, selectedScenario: null, kindFilter: null, tenantFilter: null });
      return;
    }
    rerun();
    // Badges always describe the document on screen.
    recheck();
  });
  const unsubUi = useUiStore.subscribe((s, prev) => {
    if (s.language !== prev.language || s.evaluationDate !== prev.evaluationDate) {
      rerun();
      recheck();
    }
  });
  return () => {
    started = false;
    if (timer) clearTimeout(timer);
    unsubPlayback();
    unsubDoc();
    unsubUi();
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
