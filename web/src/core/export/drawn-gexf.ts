// The network as drawn, as GEXF 1.3 for Gephi: the actors on screen (hidden ones left out) at
// their laid-out positions with their colours and sizes, and the edges with theirs, so the
// file opens in Gephi looking like the view it came from.
import { DirectedGraph } from 'graphology';
import writeGexf from 'graphology-gexf/browser/writer.js';
import type { ActorGraph, EdgeAttrs, NodeAttrs } from '../network/build-graph.ts';

export function drawnGexf(drawn: ActorGraph, hidden: ReadonlySet<string>): string {
  const g = new DirectedGraph<NodeAttrs, EdgeAttrs>();
  drawn.forEachNode((id, a) => {
    if (!hidden.has(id)) g.addNode(id, a);
  });
  drawn.forEachEdge((id, a, s, t) => {
    if (g.hasNode(s) && g.hasNode(t)) g.addDirectedEdgeWithKey(id, s, t, a);
  });
  return writeGexf(g, {
    version: '1.3',
    formatNode: (_id, a) => ({
      label: a.label,
      viz: { x: round(a.x), y: round(a.y), size: round(a.size), color: a.color },
      attributes: {
        kind: a.actor.kind,
        country: a.actor.country ?? '',
        sector: a.actor.sector ?? '',
        events: a.actor.events,
        statements: a.actor.statements,
        mentions: a.actor.mentions,
      },
    }),
    formatEdge: (_id, a) => ({
      weight: a.edge.count,
      viz: { color: a.color, thickness: round(a.size) },
      attributes: {
        dominantType: a.edge.dominantType,
        meanScore: a.edge.meanScore,
        firstDate: a.edge.firstDate ?? '',
        lastDate: a.edge.lastDate ?? '',
      },
    }),
  });
}

const round = (v: number) => Math.round(v * 1000) / 1000;
