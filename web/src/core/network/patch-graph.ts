// A drawn graph brought in place from the network it was drawn from to a patched one (a
// curation's patch, server/api/network-patch.ts): actors and edges that leave the drawing are
// dropped, those changed take their new data, new ones are added beside their drawn neighbours,
// and the styles are computed again. Everything else stays where the analyst sees it:
// positions, pins, the camera, and the neighbours an expansion added (they were never in the
// network, so the patch does not take them away, unless merged into another actor). Changed
// data and styles are set in place without graph events; the caller gets what to redraw (a
// renderer then redraws a few items of thousands). The result draws like buildGraph(to) of the same network, positions and
// expansions aside (patch-graph.spec.ts).
import type {
  FoldedEdge,
  FoldedGroup,
  Network,
  NetworkEdge,
  NetworkNode,
} from '../../../../server/api/types.ts';
import type { Coloring } from '../colors/palette.ts';
import {
  actorNode,
  foldNode,
  foldTie,
  importance,
  isFaint,
  relationshipEdge,
  restyleQuietly,
  type ActorGraph,
} from './build-graph.ts';
import { drawnNetwork } from './isolates.ts';
import { foldLabel } from '../fold/folds.ts';

/** What a patch did to the drawing. */
export interface GraphPatch {
  /** Actors and edges added (new actors are placed beside their neighbours). */
  added: { nodes: string[]; edges: string[] };
  dropped: { nodes: string[]; edges: string[] };
  /** Every actor and edge drawn otherwise now (added ones included): what to redraw. */
  redraw: { nodes: string[]; edges: string[] };
  /** Whether the renderer must index the graph again (items added, dropped or retyped). */
  structural: boolean;
}

/** The actors, folds and edges of a network as drawn (without isolates unless shown), by id. */
function drawnItems(net: Network, showIsolates: boolean) {
  const drawn = drawnNetwork(net, showIsolates);
  const nodes = new Map<string, NetworkNode>(drawn.nodes.map((n) => [n.id, n]));
  const edges = new Map<string, NetworkEdge>();
  for (const e of drawn.edges)
    if (e.source !== e.target && nodes.has(e.source) && nodes.has(e.target)) edges.set(e.id, e);
  const folds = new Map<string, FoldedGroup>((net.folded?.groups ?? []).map((f) => [f.id, f]));
  const ties = new Map<string, FoldedEdge>();
  const drawnEnd = (id: string) => nodes.has(id) || folds.has(id);
  for (const e of net.folded?.edges ?? [])
    if (drawnEnd(e.source) && drawnEnd(e.target)) ties.set(e.id, e);
  return { nodes, edges, folds, ties };
}

/** Where a new actor goes: among its drawn neighbours, or in the middle of the drawing. */
function placeNew(g: ActorGraph, id: string, i: number, added: Set<string>): void {
  let [x, y, n] = [0, 0, 0];
  const add = (other: string, a: { x: number; y: number }) => {
    if (added.has(other)) return;
    x += a.x;
    y += a.y;
    n++;
  };
  g.forEachNeighbor(id, add);
  if (!n) g.forEachNode(add);
  const [cx, cy] = n ? [x / n, y / n] : [0, 0];
  const a = g.getNodeAttributes(id);
  a.x = cx + Math.cos(i) * 10;
  a.y = cy + Math.sin(i) * 10;
}

/**
 * Brings `g`, drawn from `from`, to `to`; `line` draws new edges as plain lines (big networks).
 * Only what was drawn from `from` and is not drawn from `to` is dropped, and the actors in
 * `gone` (merged into another: no longer actors of their own), wherever they were drawn from.
 */
export function patchGraph(
  g: ActorGraph,
  from: Network,
  to: Network,
  coloring: Coloring,
  showIsolates: boolean,
  line: boolean,
  gone: Iterable<string> = [],
): GraphPatch {
  const before = drawnItems(from, showIsolates);
  const after = drawnItems(to, showIsolates);
  const out: GraphPatch = {
    added: { nodes: [], edges: [] },
    dropped: { nodes: [], edges: [] },
    redraw: { nodes: [], edges: [] },
    structural: false,
  };
  const ends = new Set<string>();
  for (const id of [...before.edges.keys(), ...before.ties.keys()]) {
    if (after.edges.has(id) || after.ties.has(id) || !g.hasEdge(id)) continue;
    for (const end of g.extremities(id)) ends.add(end);
    g.dropEdge(id);
    out.dropped.edges.push(id);
  }
  // An expansion's neighbours were never in the network, so only `gone` can take one away.
  for (const id of [...before.nodes.keys(), ...before.folds.keys(), ...gone]) {
    if (after.nodes.has(id) || after.folds.has(id) || !g.hasNode(id)) continue;
    g.forEachNeighbor(id, (n) => ends.add(n));
    g.forEachEdge(id, (e) => out.dropped.edges.push(e));
    g.dropNode(id);
    out.dropped.nodes.push(id);
  }
  for (const [id, n] of after.nodes) {
    if (g.hasNode(id)) {
      const a = g.getNodeAttributes(id);
      if (a.actor === n) continue;
      a.actor = n;
      a.label = n.name;
      a.importance = importance(n);
      a.faint = isFaint(n);
      ends.add(id);
    } else if (!before.nodes.has(id)) {
      g.addNode(id, actorNode(n, coloring, { x: 0, y: 0 }));
      out.added.nodes.push(id);
    }
  }
  for (const [id, f] of after.folds) {
    if (g.hasNode(id)) {
      const a = g.getNodeAttributes(id);
      if (a.fold === f) continue;
      a.fold = f;
      a.label = foldLabel(f);
      ends.add(id);
    } else if (!before.folds.has(id)) {
      g.addNode(id, foldNode(f, { x: 0, y: 0 }));
      out.added.nodes.push(id);
    }
  }
  const changedEdges = new Set<string>();
  for (const [id, e] of after.ties) {
    if (g.hasEdge(id)) {
      const a = g.getEdgeAttributes(id);
      if (a.fold !== e) {
        a.fold = e;
        changedEdges.add(id);
      }
    } else if (!before.ties.has(id) && g.hasNode(e.source) && g.hasNode(e.target)) {
      g.addDirectedEdgeWithKey(id, e.source, e.target, foldTie(e));
      out.added.edges.push(id);
    }
  }
  for (const [id, e] of after.edges) {
    if (g.hasEdge(id)) {
      const a = g.getEdgeAttributes(id);
      if (a.edge !== e) {
        a.edge = e;
        changedEdges.add(id);
      }
    } else if (!before.edges.has(id) && g.hasNode(e.source) && g.hasNode(e.target)) {
      g.addDirectedEdgeWithKey(
        id,
        e.source,
        e.target,
        relationshipEdge(e, line ? 'line' : 'arrow'),
      );
      out.added.edges.push(id);
    }
  }
  const fresh = new Set(out.added.nodes);
  out.added.nodes.forEach((id, i) => placeNew(g, id, i, fresh));
  for (const id of out.added.edges) for (const end of g.extremities(id)) ends.add(end);
  const restyled = restyleQuietly(g, coloring);
  // An actor is drawn otherwise when its own data or style changed, or an edge of it came or
  // went (the reducers light up a focused actor's neighbours).
  for (const id of restyled.nodes) ends.add(id);
  for (const id of out.added.nodes) ends.add(id);
  for (const id of restyled.edges) changedEdges.add(id);
  for (const id of out.added.edges) changedEdges.add(id);
  out.redraw = {
    nodes: [...ends].filter((id) => g.hasNode(id)),
    edges: [...changedEdges],
  };
  out.structural =
    restyled.retyped ||
    out.added.nodes.length + out.added.edges.length + out.dropped.nodes.length > 0 ||
    out.dropped.edges.length > 0;
  return out;
}
