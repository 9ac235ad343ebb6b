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
    edges: changed(before.edges, after.edges),
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
  const edges = new Map(net.edges.map((e) => [e.id, e]));
  for (const id of patch.edges.remove) edges.delete(id);
  for (const e of patch.edges.put) edges.set(e.id, e);
  return {
    nodes: [...nodes.values()].sort(byActivity),
    edges: [...edges.values()].sort(byId),
    truncated: patch.truncated,
    ...(patch.edgesDropped ? { edgesDropped: patch.edgesDropped } : {}),
    ...(patch.folded ? { folded: patch.folded } : {}),
    version: patch.to,
  };
}
