// A change to the network answer, sent instead of the whole answer: after a curation the viewer
// gets what moved between the network it holds (`from`, the graph version it stands at) and the
// network as it is now (`to`), and applies it to its own copy. Pure functions over the API's
// shapes, shared by the server (which diffs two answers) and the viewer (which applies the
// result): applying diff(a, b) to a gives b.
import type {
  FoldedGroup,
  Network,
  NetworkFold,
  NetworkFoldPatch,
  NetworkEdge,
  NetworkNode,
  NetworkPatch,
} from './types.ts';

/** The answer's node order: busiest first (events + statements), then by id. */
export const byActivity = (a: NetworkNode, b: NetworkNode) =>
  b.events + b.statements - (a.events + a.statements) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The answer's edge order (and its events' and its fold ties'): by id, in plain code-unit
 * order. */
export const byId = (a: { id: string }, b: { id: string }) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The fold's order: the folds holding most actors first, then by id. */
export const byFoldSize = (a: FoldedGroup, b: FoldedGroup) => b.actors - a.actors || byId(a, b);

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
 * What changed between two lists in byId order: one walk down both, no map of thousands of ids.
 * `same` says whether an item kept from one answer to the next is unchanged.
 */
function changedInOrder<T, I extends { id: string }>(
  before: T[],
  after: T[],
  item: (x: T) => I,
  same: (b: T, a: T) => boolean,
): { put: I[]; remove: string[] } {
  const put: I[] = [];
  const remove: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const b = before[i];
    const a = after[j];
    if (a === undefined || (b !== undefined && item(b).id < item(a).id)) {
      remove.push(item(b).id);
      i++;
    } else if (b === undefined || item(a).id < item(b).id) {
      put.push(item(a));
      j++;
    } else {
      if (!same(b, a)) put.push(item(a));
      i++;
      j++;
    }
  }
  return { put, remove };
}

/** What changed between two lists in any order, by id (`same` as above). */
function changed<T, I extends { id: string }>(
  before: T[],
  after: T[],
  item: (x: T) => I,
  same: (b: T, a: T) => boolean,
): { put: I[]; remove: string[] } {
  const old = new Map(before.map((x) => [item(x).id, x]));
  const put: I[] = [];
  for (const x of after) {
    const b = old.get(item(x).id);
    if (b === undefined || !same(b, x)) put.push(item(x));
    old.delete(item(x).id);
  }
  return { put, remove: [...old.keys()] };
}

const pieceItem = <T>(p: Piece<T>) => p.item;
// A piece kept from one answer to the next is the same object, and the same text is usually
// the same string: cheap.
const samePiece = <T>(b: Piece<T>, a: Piece<T>) => b === a || b.json === a.json;
const sameGroup = (b: FoldedGroup, a: FoldedGroup) =>
  b === a ||
  (b.actors === a.actors &&
    b.events === a.events &&
    b.statements === a.statements &&
    b.country === a.country &&
    b.names.join('\n') === a.names.join('\n'));

const noFold: NetworkFold = { groups: [], edges: [], edgesDropped: 0 };

/** What turns the fold `before` into `after`: a fold tie is its two ends and its count. */
function diffFold(before: NetworkFold = noFold, after: NetworkFold): NetworkFoldPatch {
  // The same lists (a fold kept from one answer to the next): nothing to walk.
  const same = before.groups === after.groups && before.edges === after.edges;
  return {
    groups: same
      ? { put: [], remove: [] }
      : changed(before.groups, after.groups, (g) => g, sameGroup),
    edges: same
      ? { put: [], remove: [] }
      : changedInOrder(
          before.edges,
          after.edges,
          (e) => e,
          (b, a) => b.count === a.count,
        ),
    edgesDropped: after.edgesDropped,
    ...(after.openCapped ? { openCapped: after.openCapped } : {}),
  };
}

/** Items in any order with a change (`changed`'s) applied, sorted by `order`. */
function withChange<T extends { id: string }>(
  items: T[],
  change: { put: T[]; remove: string[] },
  order: (a: T, b: T) => number,
): T[] {
  const byKey = new Map(items.map((x) => [x.id, x]));
  for (const id of change.remove) byKey.delete(id);
  for (const x of change.put) byKey.set(x.id, x);
  return [...byKey.values()].sort(order);
}

/** The fold `patch` makes of `fold` (a new object). */
function applyFoldPatch(fold: NetworkFold = noFold, patch: NetworkFoldPatch): NetworkFold {
  return {
    groups: withChange(fold.groups, patch.groups, byFoldSize),
    edges: mergeInOrder(fold.edges, patch.edges.put, new Set(patch.edges.remove)),
    edgesDropped: patch.edgesDropped,
    ...(patch.openCapped ? { openCapped: patch.openCapped } : {}),
  };
}

/** What turns the answer `before` into `after`. */
export function diffNetwork(before: NetworkPieces, after: NetworkPieces): NetworkPatch {
  const { truncated, edgesDropped, folded } = after.rest;
  return {
    from: before.version,
    to: after.version,
    nodes: changed(before.nodes, after.nodes, pieceItem, samePiece),
    edges: changedInOrder(before.edges, after.edges, pieceItem, samePiece),
    truncated,
    ...(edgesDropped ? { edgesDropped } : {}),
    ...(folded ? { fold: diffFold(before.rest.folded, folded) } : {}),
  };
}

/** The network `patch` makes of `net` (a new object; `net` is left as it was). */
export function applyNetworkPatch(net: Network, patch: NetworkPatch): Network {
  return {
    nodes: withChange(net.nodes, patch.nodes, byActivity),
    edges: mergeInOrder(net.edges, patch.edges.put, new Set(patch.edges.remove)),
    truncated: patch.truncated,
    ...(patch.edgesDropped ? { edgesDropped: patch.edgesDropped } : {}),
    ...(patch.fold ? { folded: applyFoldPatch(net.folded, patch.fold) } : {}),
    version: patch.to,
  };
}

/** Items in byId order with `put` (new or changed) merged in and `remove` left out: one walk. */
function mergeInOrder<T extends { id: string }>(items: T[], put: T[], remove: Set<string>): T[] {
  const puts = [...put].sort(byId);
  const out: T[] = [];
  let j = 0;
  for (const e of items) {
    while (j < puts.length && puts[j].id < e.id) out.push(puts[j++]);
    if (j < puts.length && puts[j].id === e.id) out.push(puts[j++]);
    else if (!remove.has(e.id)) out.push(e);
  }
  while (j < puts.length) out.push(puts[j++]);
  return out;
}
