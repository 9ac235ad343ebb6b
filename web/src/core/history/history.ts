// Undo for the analyst's edits to the drawn network: hiding actors, pinning them, expanding
// an actor's neighbours. Each entry records what to reverse; the graph controller applies it.

export type GraphOp =
  | { kind: 'hide'; nodes: string[] }
  | { kind: 'pin'; node: string; pinned: boolean }
  | { kind: 'expand'; node: string; nodes: string[]; edges: string[] };

export interface History {
  done: GraphOp[];
}

export const EMPTY_HISTORY: History = { done: [] };
export const HISTORY_LIMIT = 100;

export function record(h: History, op: GraphOp): History {
  // An expand that added nothing is not worth an undo step.
  if (op.kind === 'expand' && op.nodes.length === 0 && op.edges.length === 0) return h;
  if (op.kind === 'hide' && op.nodes.length === 0) return h;
  return { done: [...h.done, op].slice(-HISTORY_LIMIT) };
}

export function undo(h: History): { history: History; op: GraphOp | null } {
  if (h.done.length === 0) return { history: h, op: null };
  return { history: { done: h.done.slice(0, -1) }, op: h.done[h.done.length - 1] };
}

export function canUndo(h: History): boolean {
  return h.done.length > 0;
}

export function describeOp(op: GraphOp): string {
  switch (op.kind) {
    case 'hide':
      return op.nodes.length === 1 ? 'hide actor' : `hide ${op.nodes.length} actors`;
    case 'pin':
      return op.pinned ? 'pin actor' : 'unpin actor';
    case 'expand':
      return `expand (${op.nodes.length} actors)`;
  }
}

/**
 * The actors whose neighbours were expanded, in order, after an op is recorded or reversed. Kept
 * beside the history, which forgets its oldest ops: a saved investigation needs them all.
 */
export function applyExpanded(
  expanded: readonly string[],
  op: GraphOp,
  reverse: boolean,
): readonly string[] {
  if (op.kind !== 'expand') return expanded;
  if (!reverse) return [...expanded, op.node];
  // Undo reverses the latest op, so the latest expand of this actor.
  const i = expanded.lastIndexOf(op.node);
  return i < 0 ? expanded : expanded.filter((_, k) => k !== i);
}

/**
 * The actors an undone expansion takes off the drawing: those it added, but for those that
 * belong on it since — in the network answer now (one that entered the top through a curation,
 * or came with an opened fold), the selected one, or a neighbour of an actor still expanded
 * (`expanded`, after the undo).
 */
export function undoneActors(
  op: Extract<GraphOp, { kind: 'expand' }>,
  now: {
    answer: ReadonlySet<string>;
    expanded: readonly string[];
    neighbours: (id: string) => readonly string[];
    selected: string | null;
  },
): string[] {
  const expanded = new Set(now.expanded);
  return op.nodes.filter(
    (id) =>
      id !== now.selected &&
      !now.answer.has(id) &&
      !now.neighbours(id).some((n) => expanded.has(n)),
  );
}

/** The hidden set after applying or reversing an op. */
export function applyHidden(
  hidden: ReadonlySet<string>,
  op: GraphOp,
  reverse: boolean,
): Set<string> {
  const next = new Set(hidden);
  if (op.kind === 'hide')
    for (const n of op.nodes)
      if (reverse) next.delete(n);
      else next.add(n);
  return next;
}
