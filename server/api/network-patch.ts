// A change to the network answer, sent instead of the whole answer: after a curation the viewer
// gets what moved between the network it holds (`from`, the graph version it stands at) and the
// network as it is now (`to`), and applies it to its own copy. Pure functions over the API's
// shapes, shared by the server (which diffs two answers) and the viewer (which applies the
// result): applying diff(a, b) to a gives b.
import type { Network, NetworkEdge, NetworkNode, NetworkPatch } from './types.ts';

/** The answer's node order: busiest first (events + statements), then by id. */
export const byActivity = (a: NetworkNode, b: NetworkNode) =>
  b.events + b.statements - (a.events + a.statements) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The answer's edge order (and its events'): by id, in plain code-unit order. */
export const byId = (a: { id: string }, b: { id: string }) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** An item of an answer with its JSON text: equal texts are equal items. */
export interface Piece<T> {
  item: T;
  json: string;
}

/** What a diff compares: the answer's items with their texts, and the rest of it. */
export interface NetworkPieces {
  version: string;
  nodes: Piece<NetworkNode>[];
  edges: Piece<NetworkEdge>[];
  rest: Pick<Network, 'truncated' | 'edgesDropped' | 'folded'>;
}

/**
 * What changed between two lists of edges in the answer's order (byId): one walk down both,
 * no map of thousands of ids. A piece kept from one answer to the next is the same object.
 */
function changedInOrder<T extends { id: string }>(
  before: Piece<T>[],
  after: Piece<T>[],
): { put: T[]; remove: string[] } {
  const put: T[] = [];
  const remove: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const b = before[i];
    const a = after[j];
    if (a === undefined || (b !== undefined && b.item.id < a.item.id)) {
      remove.push(b.item.id);
      i++;
    } else if (b === undefined || a.item.id < b.item.id) {
      put.push(a.item);
      j++;
    } else {
      if (a !== b && a.json !== b.json) put.push(a.item);
      i++;
      j++;
    }
  }
  return { put, remove };
}

function changed<T extends { id: string }>(
  before: Piece<T>[],
  after: Piece<T>[],
): { put: T[]; remove: string[] } {
  const old = new Map(before.map((p) => [p.item.id, p.json]));
  const put: T[] = [];
  for (const p of after) {
    // The same text is usually the same string (kept from one answer to the next): cheap.
    if (old.get(p.item.id) !== p.json) put.push(p.item);
    old.delete(p.item.id);
  }
  return { put, remove: [...old.keys()] };
}

/** What turns the answer `before` into `after`. */
export function diffNetwork(before: NetworkPieces, after: NetworkPieces): NetworkPatch {
  const { truncated, edgesDropped, folded } = after.rest;
  return {
    from: before.version,
    to: after.version,
    nodes: changed(before.nodes, after.nodes),
    edges: changedInOrder(before.edges, after.edges),
    truncated,
    ...(edgesDropped ? { edgesDropped } : {}),
    ...(folded ? { folded } : {}),
  };
}

/** The network `patch` makes of `net` (a new object; `net` is left as it was). */
export function applyNetworkPatch(net: Network, patch: NetworkPatch): Network {
  const nodes = new Map(net.nodes.map((n) => [n.id, n]));
  for (const id of patch.nodes.remove) nodes.delete(id);
  for (const n of patch.nodes.put) nodes.set(n.id, n);
  return {
    nodes: [...nodes.values()].sort(byActivity),
    edges: mergeInOrder(net.edges, patch.edges.put, new Set(patch.edges.remove)),
    truncated: patch.truncated,
    ...(patch.edgesDropped ? { edgesDropped: patch.edgesDropped } : {}),
    ...(patch.folded ? { folded: patch.folded } : {}),
    version: patch.to,
  };
}

/** Edges in byId order with `put` (new or changed) merged in and `remove` left out: one walk. */
function mergeInOrder(edges: NetworkEdge[], put: NetworkEdge[], remove: Set<string>) {
  const puts = [...put].sort(byId);
  const out: NetworkEdge[] = [];
  let j = 0;
  for (const e of edges) {
    while (j < puts.length && puts[j].id < e.id) out.push(puts[j++]);
    if (j < puts.length && puts[j].id === e.id) out.push(puts[j++]);
    else if (!remove.has(e.id)) out.push(e);
  }
  while (j < puts.length) out.push(puts[j++]);
  return out;
}
