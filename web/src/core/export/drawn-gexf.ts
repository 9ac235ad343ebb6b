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
    // A fold is a country's other actors: kind `fold`, its actors' sums.
    formatNode: (_id, a) => ({
      label: a.label,
      viz: { x: round(a.x), y: round(a.y), size: round(a.size), color: a.color },
      attributes: a.fold
        ? {
            kind: 'fold',
            country: a.fold.country ?? '',
            sector: '',
            events: a.fold.events,
            statements: a.fold.statements,
            mentions: 0,
            actors: a.fold.actors,
          }
        : {
            kind: a.actor?.kind ?? '',
            country: a.actor?.country ?? '',
            sector: a.actor?.sector ?? '',
            events: a.actor?.events ?? 0,
            statements: a.actor?.statements ?? 0,
            mentions: a.actor?.mentions ?? 0,
          },
    }),
    formatEdge: (_id, a) => ({
      weight: a.edge?.count ?? a.fold?.count ?? 1,
      viz: { color: a.color, thickness: round(a.size) },
      attributes: {
        dominantType: a.edge?.dominantType ?? 'fold',
        meanScore: a.edge?.meanScore ?? 0,
        firstDate: a.edge?.firstDate ?? '',
        lastDate: a.edge?.lastDate ?? '',
      },
    }),
  });
}

const round = (v: number) => Math.round(v * 1000) / 1000;
