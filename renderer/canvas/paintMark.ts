/**
 * `performance.mark('mailflow:canvas-painted')` once the first entities of a newly opened document
 * are on screen: the end of "first paint" as `bench/canvas-bench.mjs` measures it (from the
 * `mailflow:document-read` mark of the file controller). Costs one DOM query per frame until then.
 */
import { useEffect, useRef } from 'react';
import type { TopologyDocument } from '../../shared/model/schema';

export const CANVAS_PAINTED_MARK = 'mailflow:canvas-painted';
/** Give up after this many frames (a document whose first entity never becomes visible). */
const MAX_FRAMES = 600;

export function useCanvasPaintMark(doc: TopologyDocument): void {
  const marked = useRef<TopologyDocument | null>(null);
  useEffect(() => {
    const first = doc.servers[0]?.id ?? doc.tenants[0]?.id;
    const previous = marked.current;
    // Only a document replaced as a whole (opened, new, recovered) counts, not each edit of it.
    if (!first || previous === doc || (previous && sameEntities(previous, doc))) {
      marked.current = doc;
      return;
    }
    let frame = 0;
    let handle = 0;
    let done = false;
    const selector = `.react-flow__node[data-id="${CSS.escape(first)}"]`;
    const check = () => {
      if (document.querySelector(selector)) {
        done = true;
        marked.current = doc;
        // A task queued from a frame callback runs after that frame has been painted.
        setTimeout(() => performance.mark(CANVAS_PAINTED_MARK, { detail: { nodes: document.querySelectorAll('.react-flow__node').length } }), 0);
        return;
      }
      if (frame++ < MAX_FRAMES) handle = requestAnimationFrame(check);
    };
    handle = requestAnimationFrame(check);
    return () => {
      if (!done) cancelAnimationFrame(handle);
    };
  }, [doc]);
}

/** An edit keeps most entity arrays; an opened document shares none with the previous one. */
function sameEntities(a: TopologyDocument, b: TopologyDocument): boolean {
  return a.tenants === b.tenants || a.servers === b.servers || (a.tenants[0] !== undefined && a.tenants[0] === b.tenants[0]);
}
