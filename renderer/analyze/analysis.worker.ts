/**
 * The Analyze view's worker: the whole analysis (and the comparison) runs here, off the UI thread,
 * so the user keeps editing while it runs. Each request carries an id; the view keeps only the
 * answer to its latest request.
 */
import { z } from 'zod';
import { computeView, type AnalyzeRequest, type AnalyzeResponse } from './protocol';

// As in the window: no `new Function` probe under the CSP.
z.config({ jitless: true });

/** A dedicated worker's global scope (the project's TypeScript lib is the window's DOM). */
const workerScope = self as { postMessage(message: AnalyzeResponse): void; onmessage: ((e: MessageEvent<AnalyzeRequest>) => void) | null };

workerScope.onmessage = (e: MessageEvent<AnalyzeRequest>) => {
  const req = e.data;
  let res: AnalyzeResponse;
  try {
    res = { id: req.id, ok: true, view: computeView(req, () => performance.now()) };
  } catch (err) {
    res = { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  workerScope.postMessage(res);
};
