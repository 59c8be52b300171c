/**
 * The Analyze view's state: the analysis runs in a worker, a newer design ends the worker busy
 * with an older one, and an answer to an older request never replaces the newer one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateDocument } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { computeView, outcomeIn, type AnalyzeRequest, type AnalyzeResponse } from '../../renderer/analyze/protocol';

function example(name: string): TopologyDocument {
  const r = validateDocument(JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8')));
  if (!r.ok) throw new Error(name);
  return r.document;
}

class FakeWorker {
  static all: FakeWorker[] = [];
  posted: AnalyzeRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<AnalyzeResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(req: AnalyzeRequest) {
    this.posted.push(req);
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers a request as the real worker would. */
  answer(req: AnalyzeRequest) {
    this.onmessage?.({ data: { id: req.id, ok: true, view: computeView(req) } } as MessageEvent<AnalyzeResponse>);
  }
}

describe('Analyze view state', () => {
  beforeEach(() => {
    FakeWorker.all = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps only the answer to the latest design, ending the worker busy with an older one', async () => {
    const { useAnalyzeStore } = await import('../../renderer/analyze/analyzeStore');
    const { useDocumentStore } = await import('../../renderer/store/documentStore');
    const point3 = example('point-3-ip-connector-2017.mailflow.json');
    const hybrid = example('hybrid-seed.mailflow.json');
    useDocumentStore.getState().load(point3, { name: 'point-3.mailflow.json' });
    useAnalyzeStore.getState().setOpen(true);
    const first = FakeWorker.all[0];
    expect(first.posted).toHaveLength(1);
    expect(useAnalyzeStore.getState().running).toBe(true);

    // The user edits (here: another design) before the first answer.
    useDocumentStore.getState().load(hybrid, { name: 'hybrid.mailflow.json' });
    useAnalyzeStore.getState().refresh(true);
    expect(first.terminated).toBe(true);
    const second = FakeWorker.all[1];
    expect(second.posted[0].doc).toBe(hybrid);

    // A late answer about the old design is discarded…
    first.answer(first.posted[0]);
    expect(useAnalyzeStore.getState().view).toBeNull();
    // …the answer about the open design is shown.
    second.answer(second.posted[0]);
    const view = useAnalyzeStore.getState().view!;
    // Every server, then each tenant's cloud mailboxes (format 2).
    expect(view.sources.filter((s) => s.kind === 'server').map((s) => s.serverId)).toEqual(hybrid.servers.map((s) => s.id));
    expect(view.sources.filter((s) => s.kind === 'cloudMailbox').map((s) => s.tenantId)).toEqual(hybrid.tenants.map((t) => t.id));
    expect(useAnalyzeStore.getState().running).toBe(false);
    useAnalyzeStore.getState().setOpen(false);
  });

  it('the view the worker sends holds every cell and, with a comparison, only the cells that change', () => {
    const doc = example('point-3-ip-connector-2017.mailflow.json');
    const view = computeView({ id: 1, doc, lang: 'en', compare: { kind: 'preset', preset: 'current' } });
    expect(view.summary.cells).toBe(view.sources.length * view.senders.length * view.recipients.length);
    const pair = view.recipients.findIndex((r) => r.id === 'to:adatum.com+fabrikam.com');
    const external = view.senders.findIndex((s) => s.id === 'from:external');
    expect(outcomeIn(view, 0, external, pair).text).toBe('rejected 550 5.7.64');
    // "Before" is the other side (preset current), "now" is the open design (2017-12).
    expect(view.changes!.cells.map((c) => [c.sender, c.recipient, c.before, c.after])).toEqual([
      ['from:external', 'to:adatum.com+fabrikam.com', 'delivered in Northwind', 'rejected 550 5.7.64'],
      ['from:<>', 'to:adatum.com+fabrikam.com', 'delivered in Northwind', 'rejected 550 5.7.64'],
    ]);
  });
});
