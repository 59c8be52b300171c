/**
 * The Analyze view's state: open or not, the latest answer of the worker, the comparison asked
 * for, the sender filter. The analysis reruns after each edit (debounced); a newer request ends the
 * worker busy with an older one, so a stale answer never shows.
 */
import { create } from 'zustand';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { computeView, type AnalysisView, type AnalyzeRequest, type AnalyzeResponse, type CompareWith } from './protocol';

export interface AnalyzeState {
  open: boolean;
  running: boolean;
  view: AnalysisView | null;
  error: string | null;
  compare: CompareWith | null;
  /** Index of the sender class the matrix shows. */
  sender: number;
  setOpen(open: boolean): void;
  setCompare(compare: CompareWith | null): void;
  setSender(sender: number): void;
  /** Asks for a fresh analysis of the open design (debounced unless `now`). */
  refresh(now?: boolean): void;
}

export const DEBOUNCE_MS = 300;

let worker: Worker | null = null;
let seq = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function startWorker(onAnswer: (res: AnalyzeResponse) => void): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<AnalyzeResponse>) => onAnswer(e.data);
    w.onerror = (e) => onAnswer({ id: seq, ok: false, error: e.message || 'worker error' });
    return w;
  } catch {
    return null;
  }
}

export const useAnalyzeStore = create<AnalyzeState>()((set, get) => {
  const answer = (res: AnalyzeResponse) => {
    if (res.id !== seq) return; // an answer to an older request: the design has changed since
    set(res.ok ? { view: res.view, error: null, running: false } : { error: res.error, running: false });
  };
  const send = () => {
    const state = get();
    if (!state.open) return;
    const req: AnalyzeRequest = {
      id: ++seq,
      doc: useDocumentStore.getState().doc,
      lang: useUiStore.getState().language === 'ja' ? 'ja' : 'en',
      today: useUiStore.getState().evaluationDate,
      compare: state.compare,
    };
    // A worker still busy with an older design is ended: its answer would be discarded anyway.
    if (state.running && worker) {
      worker.terminate();
      worker = null;
    }
    worker ??= startWorker(answer);
    set({ running: true });
    if (worker) worker.postMessage(req);
    else {
      // No Worker (unit tests): the same computation, in place.
      try {
        answer({ id: req.id, ok: true, view: computeView(req) });
      } catch (e) {
        answer({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    }
  };
  return {
    open: false,
    running: false,
    view: null,
    error: null,
    compare: null,
    sender: -1, // every sender class (AnalyzeView's ALL_SENDERS)
    setOpen(open) {
      set({ open });
      if (open) get().refresh(true);
    },
    setCompare(compare) {
      set({ compare });
      get().refresh(true);
    },
    setSender(sender) {
      set({ sender });
    },
    refresh(now) {
      if (timer) clearTimeout(timer);
      timer = null;
      if (now) send();
      else timer = setTimeout(send, DEBOUNCE_MS);
    },
  };
});

/** Reruns after each edit and language change while the view is open. */
export function startAnalyzeSync(): () => void {
  const offDoc = useDocumentStore.subscribe((s, prev) => {
    if (s.doc !== prev.doc) useAnalyzeStore.getState().refresh();
  });
  const offLang = useUiStore.subscribe((s, prev) => {
    if (s.language !== prev.language || s.evaluationDate !== prev.evaluationDate) useAnalyzeStore.getState().refresh();
  });
  return () => {
    offDoc();
    offLang();
  };
}
