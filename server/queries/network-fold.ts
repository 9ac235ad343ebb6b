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
  // Every end of a folded edge as a number (top actors first, then folds): a large graph has
  // hundreds of thousands of pairs, and numbers key a map far faster than joined strings.
  const ends: string[] = [...top];
  const slot = new Map<string, number>(ends.map((id, i) => [id, i]));
  for (const n of rest) {
    const id = foldId(n.country);
    let g = groups.get(id);
    if (!g) {
      groups.set(
        id,
        (g = { id, country: n.country, actors: 0, events: 0, statements: 0, names: [] }),
      );
      slot.set(id, ends.length);
      ends.push(id);
    }
    g.actors++;
    g.events += n.events;
    g.statements += n.statements;
    if (g.names.length < NAMED) g.names.push(n.name);
    slot.set(n.id, slot.get(id)!);
  }
  const counts = new Map<number, number>();
  for (const p of pairs) {
    const s = slot.get(p.s);
    const t = slot.get(p.t);
    // Outside the picture (no current actor under the filter), or within the top or one fold.
    if (s === undefined || t === undefined || s === t || (s < top.size && t < top.size)) continue;
    // Undirected: a fold has no direction worth reading.
    const key = s < t ? s * ends.length + t : t * ends.length + s;
    counts.set(key, (counts.get(key) ?? 0) + p.count);
  }
  const edges: FoldedEdge[] = [];
  for (const [key, count] of counts) {
    const x = ends[Math.floor(key / ends.length)];
    const y = ends[key % ends.length];
    const [source, target] = x < y ? [x, y] : [y, x];
    edges.push({ id: `${source}--${target}`, source, target, count });
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
    edgesDropped: edges.length - kept.length,
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
