// A drawn graph brought to a patched network in place (a curation's patch, server/api/
// network-patch.ts): actors and edges gone are dropped, those changed take their new data, new
// ones are added beside their drawn neighbours, and the styles are computed again. Everything
// else stays where the analyst sees it: positions, pins, the camera. The result draws like
// buildGraph(net) of the same network, positions aside (patch-graph.spec.ts).
import type { Network, NetworkNode } from '../../../../server/api/types.ts';
import type { Coloring } from '../colors/palette.ts';
import { importance, isFaint, mergeNetwork, restyle, type ActorGraph } from './build-graph.ts';
import { drawnNetwork } from './isolates.ts';

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
  g.mergeNodeAttributes(id, { x: cx + Math.cos(i) * 10, y: cy + Math.sin(i) * 10 });
}

/**
 * Brings `g` (drawn from an earlier network) to `net`; `line` draws every edge as a plain line
 * (big networks). Returns the actors and edges added.
 */
export function patchGraph(
  g: ActorGraph,
  net: Network,
  coloring: Coloring,
  showIsolates: boolean,
  line: boolean,
): { nodes: string[]; edges: string[] } {
  const drawn = drawnNetwork(net, showIsolates);
  const nodes = new Map<string, NetworkNode>(drawn.nodes.map((n) => [n.id, n]));
  const edges = new Map(
    drawn.edges
      .filter((e) => e.source !== e.target && nodes.has(e.source) && nodes.has(e.target))
      .map((e) => [e.id, e]),
  );
  g.forEachEdge((id, a) => {
    const e = edges.get(id);
    if (!e) g.dropEdge(id);
    else if (a.edge !== e) a.edge = e;
  });
  g.forEachNode((id, a) => {
    const n = nodes.get(id);
    if (!n) g.dropNode(id);
    else if (a.actor !== n) {
      a.actor = n;
      a.label = n.name;
      a.importance = importance(n);
      a.faint = isFaint(n);
    }
  });
  const fresh = {
    nodes: drawn.nodes.filter((n) => !g.hasNode(n.id)),
    edges: [...edges.values()].filter((e) => !g.hasEdge(e.id)),
    truncated: net.truncated,
  };
  // Adds and restyles every actor and edge (sizes, colours, ranks, labels and curves).
  const added = mergeNetwork(g, fresh, coloring);
  const news = new Set(added.nodes);
  added.nodes.forEach((id, i) => placeNew(g, id, i, news));
  if (line) for (const id of added.edges) g.setEdgeAttribute(id, 'type', 'line');
  if (!added.nodes.length && !added.edges.length) restyle(g, coloring);
  return added;
}
