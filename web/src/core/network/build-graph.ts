// Network (API JSON) → graphology graph with the visual attributes sigma draws:
// size by activity, colour by kind or country, edge colour by mean score, width by event count.
import { DirectedGraph } from 'graphology';
import type { Network, NetworkEdge, NetworkNode } from '../../../../server/api/types.ts';
import { scoreColor } from '../../../../domain/index.ts';
import { nodeColor, type ColorBy } from '../colors/palette.ts';

export interface NodeAttrs {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  forceLabel: boolean;
  actor: NetworkNode;
  activity: number;
  pinned?: boolean;
  fixed?: boolean;
}

export interface EdgeAttrs {
  size: number;
  color: string;
  type: 'arrow' | 'line';
  edge: NetworkEdge;
}

export type ActorGraph = DirectedGraph<NodeAttrs, EdgeAttrs>;

/** How many of the most active actors always carry a label. */
export const ALWAYS_LABELLED = 12;

export function activity(n: NetworkNode): number {
  return n.events * 2 + n.statements + n.mentions * 0.5;
}

export function nodeSize(act: number, maxAct: number): number {
  if (maxAct <= 0) return 6;
  return 4 + 14 * Math.sqrt(act / maxAct);
}

export function edgeSize(count: number, maxCount: number): number {
  if (maxCount <= 1) return 2;
  return 1.5 + 5 * Math.sqrt((count - 1) / (maxCount - 1));
}

/** A stable pseudo-random start position from the id, so the same network starts the same way. */
export function seedPosition(id: string, i: number, n: number): { x: number; y: number } {
  let h = 2166136261;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 16777619) >>> 0;
  const angle = (2 * Math.PI * i) / Math.max(1, n) + ((h % 1000) / 1000) * 0.5;
  const r = 50 + ((h >>> 10) % 1000) / 20;
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
}

/** Builds a fresh graph; actors that are missing an endpoint's node are dropped with their edges. */
export function buildGraph(net: Network, colorBy: ColorBy): ActorGraph {
  const g: ActorGraph = new DirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: false });
  mergeNetwork(g, net, colorBy);
  return g;
}

/** Adds the nodes and edges of a network to a graph (for expanding neighbours); returns what was new. */
export function mergeNetwork(
  g: ActorGraph,
  net: Network,
  colorBy: ColorBy,
  near?: { x: number; y: number },
): { nodes: string[]; edges: string[] } {
  const added = { nodes: [] as string[], edges: [] as string[] };
  const nodes = net.nodes;
  nodes.forEach((n, i) => {
    if (g.hasNode(n.id)) return;
    const p = near
      ? { x: near.x + Math.cos(i) * 10, y: near.y + Math.sin(i) * 10 }
      : seedPosition(n.id, i, nodes.length);
    g.addNode(n.id, {
      label: n.name,
      x: p.x,
      y: p.y,
      size: 6,
      color: nodeColor(colorBy, n.kind, n.country),
      forceLabel: false,
      actor: n,
      activity: activity(n),
    });
    added.nodes.push(n.id);
  });
  // Few distinct mean scores in practice: colour each once (50k edges in a big network).
  const colors = new Map<number, string>();
  for (const e of net.edges) {
    if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    // The id is `${source}->${target}`: one edge per ordered pair.
    if (g.hasDirectedEdge(e.source, e.target) || g.hasEdge(e.id)) continue;
    let color = colors.get(e.meanScore);
    if (color === undefined) colors.set(e.meanScore, (color = scoreColor(e.meanScore)));
    g.addDirectedEdgeWithKey(e.id, e.source, e.target, { size: 2, color, type: 'arrow', edge: e });
    added.edges.push(e.id);
  }
  restyle(g, colorBy);
  return added;
}

/** Recomputes sizes, colours and which labels are forced, after any change to the graph. */
export function restyle(g: ActorGraph, colorBy: ColorBy): void {
  let maxAct = 0;
  g.forEachNode((_, a) => (maxAct = Math.max(maxAct, a.activity)));
  const top = new Set(
    g
      .mapNodes((id, a) => ({ id, act: a.activity }))
      .sort((a, b) => b.act - a.act || a.id.localeCompare(b.id))
      .slice(0, ALWAYS_LABELLED)
      .map((x) => x.id),
  );
  // In place: allocation-free for big networks; graphology still emits one update event.
  g.updateEachNodeAttributes(
    (id, a) => {
      a.size = nodeSize(a.activity, maxAct);
      a.color = nodeColor(colorBy, a.actor.kind, a.actor.country);
      a.forceLabel = top.has(id);
      return a;
    },
    { attributes: ['size', 'color', 'forceLabel'] },
  );
  let maxCount = 1;
  g.forEachEdge((_, a) => (maxCount = Math.max(maxCount, a.edge.count)));
  g.updateEachEdgeAttributes(
    (_, a) => {
      a.size = edgeSize(a.edge.count, maxCount);
      return a;
    },
    { attributes: ['size'] },
  );
}
