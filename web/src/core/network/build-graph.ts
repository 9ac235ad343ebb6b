// Network (API JSON) → graphology graph with the visual attributes sigma draws: size by the
// number of events, colour by kind, country or community, faint when an actor is weakly
// attested, edge colour by mean score, width and opacity by event count, curves for pairs
// that act on each other both ways.
import { DirectedGraph } from 'graphology';
import type {
  FoldedEdge,
  FoldedGroup,
  Network,
  NetworkEdge,
  NetworkNode,
} from '../../../../server/api/types.ts';
import { scoreColor } from '../../../../domain/index.ts';
import { nodeColor, DEFAULT_COLORING, type ColorBy, type Coloring } from '../colors/palette.ts';
import { curveOf } from './curves.ts';
import { foldLabel } from '../fold/folds.ts';

export interface NodeAttrs {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** One of the actors whose label is always drawn. */
  forceLabel: boolean;
  /** The actor drawn; a fold node has `fold` instead (core/fold/folds.ts). */
  actor?: NetworkNode;
  /** The actors of one country folded into this node. */
  fold?: FoldedGroup;
  /** What node size shows: the number of events the actor performed or received. */
  importance: number;
  /** Rank by importance (0 = most important): the label layer's priority. */
  rank: number;
  /** Mentioned in one report only, with no event: drawn smaller and fainter. */
  faint: boolean;
  pinned?: boolean;
  fixed?: boolean;
}

export interface EdgeAttrs {
  size: number;
  color: string;
  type: 'arrow' | 'line' | 'curved';
  curvature?: number;
  /** The relationship drawn; an edge to or between folds has `fold` instead. */
  edge?: NetworkEdge;
  fold?: FoldedEdge;
}

export type ActorGraph = DirectedGraph<NodeAttrs, EdgeAttrs>;

/** Labels always drawn: the most connected and the most active actors. */
export const MOST_CONNECTED_LABELLED = 50;
export const MOST_ACTIVE_LABELLED = 20;
/** Folds whose labels are always drawn: the biggest. */
export const BIGGEST_FOLDS_LABELLED = 12;
/** Fold nodes and their edges: a neutral slate, apart from the kinds' and scores' colours. */
export const FOLD_COLOR = '#8792a2';

export function importance(n: NetworkNode): number {
  return n.events;
}

export function isFaint(n: NetworkNode): boolean {
  return n.events === 0 && (n.reports ?? 0) <= 1;
}

export function nodeSize(value: number, max: number, faint = false): number {
  if (faint) return 2.5;
  if (max <= 0) return 5;
  return 4 + 14 * Math.sqrt(value / max);
}

/** A fold's size, by the actors it holds: on the actors' scale, the biggest as big as the
 * busiest actor, so a fold reads as a place where more is, not as the centre of the picture. */
export function foldSize(actors: number, max: number): number {
  return 5 + 13 * Math.sqrt(actors / Math.max(1, max));
}

/** Edge thickness in pixels: at least 2, so that a single-event edge can still be clicked. */
export function edgeSize(count: number, maxCount: number): number {
  if (maxCount <= 1) return 2;
  return 2 + 4.5 * Math.sqrt((count - 1) / (maxCount - 1));
}

/** Edge opacity: single-event edges recede, repeated relationships stand out; more so when many. */
export function edgeAlpha(count: number, maxCount: number, edges: number): number {
  const base = edges > 300 ? 0.3 : edges > 100 ? 0.45 : 0.6;
  const t = maxCount <= 1 ? 0 : Math.sqrt((count - 1) / (maxCount - 1));
  return Math.min(1, base + (1 - base) * t);
}

const hexAlpha = (a: number) =>
  Math.round(Math.max(0, Math.min(1, a)) * 255)
    .toString(16)
    .padStart(2, '0');

function toColoring(c: Coloring | ColorBy): Coloring {
  return typeof c === 'string' ? { ...DEFAULT_COLORING, by: c } : c;
}

/** Builds a fresh graph; edges with an endpoint missing from the network are dropped. */
export function buildGraph(net: Network, coloring: Coloring | ColorBy): ActorGraph {
  const g: ActorGraph = new DirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: false });
  mergeNetwork(g, net, coloring);
  return g;
}

/** A new actor node at `at`; its size, colour and rank are set by the next restyle. */
export const actorNode = (
  n: NetworkNode,
  c: Coloring,
  at: { x: number; y: number },
): NodeAttrs => ({
  label: n.name,
  x: at.x,
  y: at.y,
  size: 5,
  color: nodeColor(c, n),
  forceLabel: false,
  actor: n,
  importance: importance(n),
  rank: 0,
  faint: isFaint(n),
});

/** A new fold node at `at` (styled by the next restyle, as actors are). */
export const foldNode = (f: FoldedGroup, at: { x: number; y: number }): NodeAttrs => ({
  label: foldLabel(f),
  x: at.x,
  y: at.y,
  size: 8,
  color: FOLD_COLOR,
  forceLabel: false,
  fold: f,
  importance: 0,
  rank: 0,
  faint: false,
});

/** A fold's tie: it has no direction worth reading, a plain line. */
export const foldTie = (e: FoldedEdge): EdgeAttrs => ({
  size: 1,
  color: FOLD_COLOR,
  type: 'line',
  fold: e,
});

/** A relationship, drawn as an arrow (or a plain line on big networks). */
export const relationshipEdge = (e: NetworkEdge, type: 'arrow' | 'line' = 'arrow'): EdgeAttrs => ({
  size: 2,
  color: scoreColor(e.meanScore),
  type,
  edge: e,
});

/** Adds the nodes and edges of a network to a graph (for expanding neighbours); returns what was new. */
export function mergeNetwork(
  g: ActorGraph,
  net: Network,
  coloring: Coloring | ColorBy,
  near?: { x: number; y: number },
): { nodes: string[]; edges: string[] } {
  const c = toColoring(coloring);
  const added = { nodes: [] as string[], edges: [] as string[] };
  net.nodes.forEach((n, i) => {
    if (g.hasNode(n.id)) return;
    // Positions are seeded by the layout; `near` puts expanded neighbours beside their actor.
    const p = near
      ? { x: near.x + Math.cos(i) * 10, y: near.y + Math.sin(i) * 10 }
      : { x: 0, y: 0 };
    g.addNode(n.id, actorNode(n, c, p));
    added.nodes.push(n.id);
  });
  for (const f of net.folded?.groups ?? []) {
    if (g.hasNode(f.id)) continue;
    g.addNode(f.id, foldNode(f, { x: near?.x ?? 0, y: near?.y ?? 0 }));
    added.nodes.push(f.id);
  }
  for (const e of net.folded?.edges ?? []) {
    if (!g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.id)) continue;
    g.addDirectedEdgeWithKey(e.id, e.source, e.target, foldTie(e));
    added.edges.push(e.id);
  }
  for (const e of net.edges) {
    if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    // The id is `${source}->${target}`: one edge per ordered pair.
    if (g.hasDirectedEdge(e.source, e.target) || g.hasEdge(e.id)) continue;
    g.addDirectedEdgeWithKey(e.id, e.source, e.target, relationshipEdge(e));
    added.edges.push(e.id);
  }
  restyle(g, c);
  return added;
}

/** The attributes restyle sets: what listeners (sigma) are told changed. */
const NODE_STYLE: (keyof NodeAttrs)[] = ['size', 'color', 'forceLabel', 'rank'];
const EDGE_STYLE: (keyof EdgeAttrs)[] = ['size', 'color', 'type', 'curvature'];

/** Recomputes sizes, colours, ranks, forced labels and curves after any change to the graph. */
export function restyle(g: ActorGraph, coloring: Coloring | ColorBy): void {
  restyleQuietly(g, coloring);
  // One event each, however many changed: sigma then redraws everything once.
  g.updateEachNodeAttributes((_, a) => a, { attributes: NODE_STYLE });
  g.updateEachEdgeAttributes((_, a) => a, { attributes: EDGE_STYLE });
}

/** An edge's size and colour, with what they were computed from (see restyleQuietly). */
const edgeLooks = new WeakMap<
  NetworkEdge | FoldedEdge,
  { maxCount: number; base: number; size: number; color: string }
>();

/** What restyleQuietly changed: the actors and edges drawn otherwise now. */
export interface Restyled {
  nodes: string[];
  edges: string[];
  /** Some edge changed its type (straight, curved): sigma draws it with another program. */
  retyped: boolean;
}

/**
 * restyle without telling the graph's listeners: the attributes are set in place and the
 * actors and edges whose drawing changed are returned, so that a caller holding a renderer
 * redraws only those (a curation's patch changes a few of thousands).
 */
export function restyleQuietly(g: ActorGraph, coloring: Coloring | ColorBy): Restyled {
  const c = toColoring(coloring);
  const out: Restyled = { nodes: [], edges: [], retyped: false };
  let max = 0;
  let maxFold = 0;
  g.forEachNode((_, a) => {
    max = Math.max(max, a.importance);
    if (a.fold) maxFold = Math.max(maxFold, a.fold.actors);
  });
  const ranked = g
    .filterNodes((_, a) => !a.fold)
    .map((id) => {
      const a = g.getNodeAttributes(id);
      return { id, imp: a.importance, deg: g.degree(id), st: a.actor?.statements ?? 0 };
    })
    .sort((a, b) => b.imp - a.imp || b.deg - a.deg || b.st - a.st || (a.id < b.id ? -1 : 1));
  const rank = new Map(ranked.map((x, i) => [x.id, i]));
  const forced = new Set(ranked.slice(0, MOST_ACTIVE_LABELLED).map((x) => x.id));
  [...ranked]
    .sort((a, b) => b.deg - a.deg || rank.get(a.id)! - rank.get(b.id)!)
    .slice(0, MOST_CONNECTED_LABELLED)
    .forEach((x) => x.deg > 0 && forced.add(x.id));
  // Folds rank after the actors, biggest first; the biggest are always labelled.
  g.filterNodes((_, a) => Boolean(a.fold))
    .map((id) => ({ id, n: g.getNodeAttribute(id, 'fold')!.actors }))
    .sort((a, b) => b.n - a.n || (a.id < b.id ? -1 : 1))
    .forEach((x, i) => {
      rank.set(x.id, ranked.length + i);
      if (i < BIGGEST_FOLDS_LABELLED) forced.add(x.id);
    });
  g.forEachNode((id, a) => {
    let [size, color] = [foldSize(a.fold?.actors ?? 0, maxFold), FOLD_COLOR];
    if (a.actor) {
      size = nodeSize(a.importance, max, a.faint);
      const base = nodeColor(c, a.actor);
      color = a.faint ? base + '70' : base;
    }
    const forceLabel = forced.has(id);
    const r = rank.get(id) ?? 0;
    if (a.size === size && a.color === color && a.forceLabel === forceLabel && a.rank === r) return;
    Object.assign(a, { size, color, forceLabel, rank: r });
    out.nodes.push(id);
  });
  let maxCount = 1;
  let maxFoldCount = 1;
  g.forEachEdge((_, a) => {
    if (a.edge) maxCount = Math.max(maxCount, a.edge.count);
    if (a.fold) maxFoldCount = Math.max(maxFoldCount, a.fold.count);
  });
  const edges = g.size;
  const base = edgeAlpha(1, 1, edges);
  g.forEachEdge((id, a, s, t) => {
    // An edge's size and colour depend on its data, the largest count and the alpha base:
    // kept per edge data, a patch computes only those of the edges it changed.
    const data = a.edge ?? a.fold;
    if (!data) return;
    let look = edgeLooks.get(data);
    const max = a.edge ? maxCount : maxFoldCount;
    if (look?.maxCount !== max || look.base !== base) {
      look = a.edge
        ? {
            maxCount,
            base,
            size: edgeSize(a.edge.count, maxCount),
            color:
              scoreColor(a.edge.meanScore) + hexAlpha(edgeAlpha(a.edge.count, maxCount, edges)),
          }
        : {
            // A fold's tie: thinner and fainter than relationships, a sum, not events to read.
            maxCount: maxFoldCount,
            base,
            size: Math.max(1, edgeSize(data.count, maxFoldCount) - 1),
            color: FOLD_COLOR + hexAlpha(edgeAlpha(data.count, maxFoldCount, edges) * 0.7),
          };
      edgeLooks.set(data, look);
    }
    const { size, color } = look;
    const curve = curveOf(g, a.type, s, t);
    if (
      a.size === size &&
      a.color === color &&
      a.type === curve.type &&
      a.curvature === curve.curvature
    )
      return;
    if (a.type !== curve.type) out.retyped = true;
    a.size = size;
    a.color = color;
    a.type = curve.type;
    // A pair no longer reciprocal (its other edge gone) is straight again, midpoint included.
    if (curve.curvature === undefined) delete a.curvature;
    else a.curvature = curve.curvature;
    out.edges.push(id);
  });
  return out;
}
