/**
 * The playback clock: steps advance while playing, at the chosen speed, stop at the end, and pause
 * while the window is hidden (document.hidden), resuming where they were.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDocumentText } from '../../shared/model/load';

// A minimal window/document for the clock (the unit tests run in Node).
const listeners = new Map<string, Array<() => void>>();
const fakeDocument = {
  hidden: false,
  addEventListener: (type: string, fn: () => void) => listeners.set(type, [...(listeners.get(type) ?? []), fn]),
  removeEventListener: () => undefined,
};
function setHidden(hidden: boolean) {
  fakeDocument.hidden = hidden;
  for (const fn of listeners.get('visibilitychange') ?? []) fn();
}

let stop: () => void = () => undefined;
let store: typeof import('../../renderer/playback/playbackStore');
let docs: typeof import('../../renderer/store/documentStore');

beforeAll(async () => {
  vi.stubGlobal('window', {});
  vi.stubGlobal('document', fakeDocument);
  store = await import('../../renderer/playback/playbackStore');
  docs = await import('../../renderer/store/documentStore');
  const loaded = parseDocumentText(readFileSync(resolve(import.meta.dirname, '../../examples/point-1-first-receipt.mailflow.json'), 'utf8'));
  if (!loaded.ok) throw new Error('example does not load');
  docs.useDocumentStore.getState().load(loaded.document, { name: 'point-1' });
  stop = store.startPlaybackClock();
});

afterAll(() => {
  stop();
  vi.unstubAllGlobals();
});

beforeEach(() => {
  vi.useFakeTimers();
  fakeDocument.hidden = false;
});

describe('playback clock', () => {
  it('advances one step per step duration while playing and stops at the end', () => {
    const s = store.usePlaybackStore;
    expect(s.getState().run('to-other-tenant-blocked')).toBe(true);
    const total = s.getState().plan!.steps.length;
    expect(s.getState()).toMatchObject({ index: 0, playing: true });
    vi.advanceTimersByTime(1400);
    expect(s.getState().index).toBe(1);
    s.getState().setSpeed(2);
    vi.advanceTimersByTime(700);
    expect(s.getState().index).toBe(2);
    vi.advanceTimersByTime(700 * total);
    expect(s.getState()).toMatchObject({ index: total - 1, playing: false });
    vi.useRealTimers();
  });

  it('pauses while the document is hidden and resumes where it was', () => {
    const s = store.usePlaybackStore;
    s.getState().setSpeed(1);
    s.getState().run('to-other-tenant-blocked');
    vi.advanceTimersByTime(1400);
    expect(s.getState().index).toBe(1);
    setHidden(true);
    vi.advanceTimersByTime(10_000);
    expect(s.getState().index).toBe(1);
    setHidden(false);
    vi.advanceTimersByTime(1400);
    expect(s.getState().index).toBe(2);
    s.getState().pause();
    vi.useRealTimers();
  });

  it('re-simulates when the document changes, keeping the step', () => {
    const s = store.usePlaybackStore;
    s.getState().run('to-other-tenant-blocked', { play: false });
    s.getState().goTo(3);
    const before = s.getState().simulation;
    const doc = docs.useDocumentStore.getState().doc;
    docs.useDocumentStore.getState().commit({ ...doc, title: `${doc.title} (edited)` });
    expect(s.getState().simulation).not.toBe(before);
    expect(s.getState().index).toBe(3);
    // Deleting the scenario closes the playback.
    const next = docs.useDocumentStore.getState().doc;
    docs.useDocumentStore.getState().commit({ ...next, scenarios: next.scenarios.filter((x) => x.id !== 'to-other-tenant-blocked') });
    expect(s.getState().simulation).toBeNull();
    vi.useRealTimers();
  });
});
