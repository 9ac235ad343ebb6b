// The big-graph picture (issue 16): the top actors drawn as themselves and every other actor
// folded into one node per country, with the relationships between the top and the folds and
// among folds summed up. An analyst sees where the rest of the graph lies and how strongly it
// is tied to the actors on screen, and opens a fold on demand (the network of that country).
import type { FoldedGroup, FoldedEdge, NetworkFold, NetworkNode } from '../api/types.ts';
import { NO_COUNTRY } from './network.ts';

/** More relationships than a viewer draws legibly beside the network: the strongest are kept. */
export const MAX_FOLDED_EDGES = 5_000;
/** Names shown for a fold: its busiest actors. */
const NAMED = 3;

export const foldId = (country: string | null) => `folded:${country ?? NO_COUNTRY}`;

/** A relationship between two actors and its number of events. */
export interface PairCount {
  s: string;
  t: string;
  count: number;
}

/**
 * Folds `rest` (actors under the filter but outside the top, in rank order) by country.
 * `pairs` are every relationship under the filter; those with both ends in `top` are the
 * network's own edges and left out here.
 */
export function foldRest(
  top: Set<string>,
  rest: NetworkNode[],
  pairs: Iterable<PairCount>,
): NetworkFold {
  const groups = new Map<string, FoldedGroup>();
  const groupOf = new Map<string, string>();
  for (const n of rest) {
    const id = foldId(n.country);
    let g = groups.get(id);
    if (!g) {
      groups.set(
        id,
        (g = { id, country: n.country, actors: 0, events: 0, statements: 0, names: [] }),
      );
    }
    g.actors++;
    g.events += n.events;
    g.statements += n.statements;
    if (g.names.length < NAMED) g.names.push(n.name);
    groupOf.set(n.id, id);
  }
  const end = (a: string) => (top.has(a) ? a : groupOf.get(a));
  const edges = new Map<string, FoldedEdge>();
  for (const p of pairs) {
    const s = end(p.s);
    const t = end(p.t);
    // Outside the picture (no current actor under the filter), or within the top or one fold.
    if (!s || !t || s === t || (top.has(s) && top.has(t))) continue;
    // Undirected: a fold has no direction worth reading.
    const [a, b] = s < t ? [s, t] : [t, s];
    const id = `${a}--${b}`;
    const e = edges.get(id);
    if (e) e.count += p.count;
    else edges.set(id, { id, source: a, target: b, count: p.count });
  }
  const all = [...edges.values()];
  const kept = strongest(
    all,
    (e) => e.count,
    MAX_FOLDED_EDGES,
    (e) => e.id,
  );
  return {
    groups: [...groups.values()].sort((x, y) => y.actors - x.actors || (x.id < y.id ? -1 : 1)),
    edges: kept,
    edgesDropped: all.length - kept.length,
  };
}

/** The `max` items with the highest count (ties by id), in id order. */
export function strongest<T>(
  items: T[],
  count: (x: T) => number,
  max: number,
  id: (x: T) => string,
): T[] {
  const byId = (a: T, b: T) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
  if (items.length <= max) return [...items].sort(byId);
  return [...items]
    .sort((a, b) => count(b) - count(a) || byId(a, b))
    .slice(0, max)
    .sort(byId);
}
