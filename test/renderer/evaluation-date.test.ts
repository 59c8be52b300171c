/**
 * The run's date ("Evaluated as of" in the top bar) reaches every engine call of the app: a design
 * without its own date is evaluated as of the date the user chose (default today), and changing the
 * date re-runs the open scenario, Check all and the Analyze view with it (issue 14).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateDocument } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import type { AnalyzeRequest } from '../../renderer/analyze/protocol';

function example(name: string): TopologyDocument {
  const r = validateDocument(JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8')));
  if (!r.ok) throw new Error(name);
  return r.document;
}

/** The app-relay example with its scenarios' own dates removed, so the run's date decides. */
function undatedAppRelay(): TopologyDocument {
  const doc = example('app-relay-header-from.mailflow.json');
  return {
    ...doc,
    scenarios: doc.scenarios.map(({ asOf: _asOf, ...s }) => s),
  };
}

class FakeWorker {
  static all: FakeWorker[] = [];
  posted: AnalyzeRequest[] = [];
  onmessage: unknown = null;
  onerror: unknown = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(req: AnalyzeRequest) {
    this.posted.push(req);
  }
  terminate() {}
}

describe('the run date of the "Evaluated as of" control', () => {
  let stop: () => void = () => undefined;
  beforeAll(() => {
    // startPlaybackClock needs a window and a document to listen to; nothing is drawn.
    vi.stubGlobal('window', { setTimeout, clearTimeout });
    vi.stubGlobal('document', { hidden: true, addEventListener() {}, removeEventListener() {} });
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterAll(() => {
    stop();
    vi.unstubAllGlobals();
  });

  it('defaults to the local date of today', async () => {
    const { localToday, useUiStore } = await import('../../renderer/store/uiStore');
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(useUiStore.getState().evaluationDate).toBe(localToday());
    useUiStore.getState().setEvaluationDate('2024-02-30x');
    expect(useUiStore.getState().evaluationDate).toBe(localToday());
  });

  it('re-runs the open scenario and Check all when the date changes across 2023-11-01', async () => {
    const { useUiStore } = await import('../../renderer/store/uiStore');
    const { useDocumentStore } = await import('../../renderer/store/documentStore');
    const { usePlaybackStore, startPlaybackClock } = await import('../../renderer/playback/playbackStore');
    stop = startPlaybackClock();
    useDocumentStore.getState().load(undatedAppRelay(), { name: 'app-relay.mailflow.json' });
    useUiStore.getState().setEvaluationDate('2023-10-31');
    expect(usePlaybackStore.getState().run('after-2023-11', { play: false, keepView: true })).toBe(true);
    expect(usePlaybackStore.getState().simulation!.asOf).toBe('2023-10-31');
    expect(usePlaybackStore.getState().simulation!.result).toBe('accepted');
    usePlaybackStore.getState().checkAll();
    expect(usePlaybackStore.getState().checks!['after-2023-11'].pass).toBe(false);

    useUiStore.getState().setEvaluationDate('2023-11-01');
    const s = usePlaybackStore.getState();
    expect(s.simulation!.asOf).toBe('2023-11-01');
    expect(s.simulation!.result).toBe('rejected');
    expect(s.checks!['after-2023-11'].pass).toBe(true);
    expect(s.checks!['after-2023-11'].simulation.asOf).toBe('2023-11-01');

    // "Today" goes back to the local date.
    useUiStore.getState().setEvaluationDate(null);
    expect(usePlaybackStore.getState().simulation!.asOf).toBe(useUiStore.getState().evaluationDate);
  });

  it('sends the date to the Analyze worker and asks again when it changes', async () => {
    const { useUiStore } = await import('../../renderer/store/uiStore');
    const { useDocumentStore } = await import('../../renderer/store/documentStore');
    const { useAnalyzeStore, startAnalyzeSync } = await import('../../renderer/analyze/analyzeStore');
    const { computeView } = await import('../../renderer/analyze/protocol');
    const off = startAnalyzeSync();
    useDocumentStore.getState().load(undatedAppRelay(), { name: 'app-relay.mailflow.json' });
    useUiStore.getState().setEvaluationDate('2023-10-31');
    useAnalyzeStore.getState().setOpen(true);
    const last = () => FakeWorker.all.flatMap((w) => w.posted).at(-1)!;
    expect(last().today).toBe('2023-10-31');
    useUiStore.getState().setEvaluationDate('2023-11-01');
    // The view asks again after its usual debounce (as after an edit).
    await vi.waitFor(() => expect(last().today).toBe('2023-11-01'), { timeout: 3000 });
    expect(computeView(last()).asOf).toBe('2023-11-01');
    useAnalyzeStore.getState().setOpen(false);
    off();
  });
});
