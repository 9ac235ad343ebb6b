// Sigma 3.0.3 answers every node or edge dropped from its graph with a re-index of the whole
// graph (its graph listeners call refresh() without a partial graph), and every attribute event
// with a re-index at the next frame. A curation's patch changes a few items of thousands, some
// of them dropped: the graph is changed while sigma's graph listeners are unbound, and sigma
// then redraws only the items changed, re-indexing once when items came, went or changed type.
// The listeners are sigma's own (private, pinned version): without them, sigma redraws all.
import type Sigma from 'sigma';
import type { EdgeAttrs, NodeAttrs } from '../core/network/build-graph.ts';
import type { GraphPatch } from '../core/network/patch-graph.ts';

interface SigmaInternals {
  unbindGraphHandlers(): void;
  bindGraphHandlers(): void;
  removeNode(key: string): void;
  removeEdge(key: string): void;
}

function internals(renderer: Sigma<NodeAttrs, EdgeAttrs>): SigmaInternals | null {
  const s = renderer as unknown as Partial<SigmaInternals>;
  const ok = [s.unbindGraphHandlers, s.bindGraphHandlers, s.removeNode, s.removeEdge].every(
    (f) => typeof f === 'function',
  );
  return ok ? (s as SigmaInternals) : null;
}

/** Runs `change` (a patch of the renderer's graph) and draws what it changed, in one frame. */
export function drawPatch(
  renderer: Sigma<NodeAttrs, EdgeAttrs>,
  change: () => GraphPatch,
): GraphPatch {
  const s = internals(renderer);
  if (!s) {
    const p = change();
    renderer.refresh();
    return p;
  }
  s.unbindGraphHandlers();
  let p: GraphPatch;
  try {
    p = change();
  } finally {
    s.bindGraphHandlers();
  }
  for (const e of p.dropped.edges) s.removeEdge(e);
  for (const n of p.dropped.nodes) s.removeNode(n);
  renderer.refresh({ partialGraph: p.redraw, skipIndexation: !p.structural });
  return p;
}
