// What the first screen says before anything is selected: the most active actors, the
// strongest conflict and cooperation pairs, and the latest activity — each one click away
// from the graph. Pure: computed from the network the viewer drew.
import type { Network, NetworkEdge, NetworkNode } from '../../../../server/api/types.ts';

export interface PairSummary {
  edgeId: string;
  source: string;
  target: string;
  count: number;
  meanScore: number;
  lastDate: string | null;
  types: string[];
}

export interface Overview {
  actors: NetworkNode[];
  conflict: PairSummary[];
  cooperation: PairSummary[];
  recent: PairSummary[];
}

/** Importance: the number of events an actor performed or received (ties: statements, name). */
export function byImportance(a: NetworkNode, b: NetworkNode): number {
  return b.events - a.events || b.statements - a.statements || a.name.localeCompare(b.name);
}

function pair(e: NetworkEdge): PairSummary {
  const types = (Object.entries(e.byType) as [string, number][])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([t]) => t);
  return {
    edgeId: e.id,
    source: e.source,
    target: e.target,
    count: e.count,
    meanScore: e.meanScore,
    lastDate: e.lastDate,
    types,
  };
}

/** Strength of a relationship: how many events, times how far from neutral they score. */
const strength = (e: NetworkEdge) => e.count * Math.abs(e.meanScore);

export function overview(net: Network, k = 6): Overview {
  const ids = new Set(net.nodes.map((n) => n.id));
  const edges = net.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const strongest = (sign: 1 | -1) =>
    edges
      .filter((e) => Math.sign(e.meanScore) === sign)
      .sort((a, b) => strength(b) - strength(a) || (a.id < b.id ? -1 : 1))
      .slice(0, k)
      .map(pair);
  return {
    actors: [...net.nodes]
      .filter((n) => n.events > 0)
      .sort(byImportance)
      .slice(0, k + 2),
    conflict: strongest(-1),
    cooperation: strongest(1),
    recent: edges
      .filter((e) => e.lastDate)
      .sort((a, b) =>
        b.lastDate! < a.lastDate! ? -1 : b.lastDate! > a.lastDate! ? 1 : a.id < b.id ? -1 : 1,
      )
      .slice(0, k)
      .map(pair),
  };
}
