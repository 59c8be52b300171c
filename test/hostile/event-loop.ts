/**
 * How responsive this thread's event loop stays while `work` runs: a 1 ms timer counts its turns
 * and the longest gap between them (used by test/electron/picture-worker.test.ts and
 * bench/hostile-inputs.mjs to show that a hostile picture does not stop Electron main).
 */
export async function watchEventLoop<T>(work: () => Promise<T>): Promise<{ result: T; ticks: number; longestGapMs: number }> {
  let ticks = 0;
  let last = performance.now();
  let longestGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks++;
  }, 1);
  try {
    const result = await work();
    return { result, ticks, longestGapMs };
  } finally {
    clearInterval(timer);
  }
}
