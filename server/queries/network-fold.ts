// The big-graph picture (issue 16): the top actors drawn as themselves and every other actor
// folded into one node per country, with the relationships between the top and the folds and
// among folds summed up. An analyst sees where the rest of the graph lies and how strongly it
// is tied to the actors on screen, and opens a fold on demand (the network of that country).
import type { FoldedGroup, FoldedEdge, NetworkFold, NetworkNode } from '../api/types.ts';
import { byFoldSize, byId } from '../api/network-patch.ts';
import { NO_COUNTRY } from './network.ts';

/** More relationships than a viewer draws legibly beside the network: the strongest are kept. */
export const MAX_FOLDED_EDGES = 5_000;
/** Names shown for a fold: its busiest actors. */
const NAMED = 3;

/** An opened fold draws at most this many of its actors (busiest first); the rest stay folded. */
export const OPENED_ACTORS = 500;
/** No answer draws more actors than this, top and opened folds together: the most `limit=`
 * asks for, what the viewer draws (50 opened countries of 500 would be 25,000 more). */
export const MAX_DRAWN_ACTORS = 5_000;

/** Decides which actors outside the top are drawn as themselves (see opener). */
export interface Opener {
  /** Asked in rank order: yes to the first OPENED_ACTORS actors of each opened country while
   * the answer has room. */
  take(n: NetworkNode): boolean;
  /** Actors of opened countries left folded for want of room (MAX_DRAWN_ACTORS). */
  capped(): number;
}

/** `room`: how many actors the opened folds may add beside the top. */
export function opener(open: string[] | undefined, room: number): Opener {
  const left = new Map((open ?? []).map((c) => [c, OPENED_ACTORS]));
  let free = Math.max(0, room);
  let capped = 0;
  return {
    take(n) {
      const country = n.country ?? NO_COUNTRY;
      const l = left.get(country);
      if (!l) return false;
      left.set(country, l - 1);
      // The busiest of all opened countries first, as far as the room goes.
      if (!free) return (capped++, false);
      free--;
      return true;
    },
    capped: () => capped,
  };
}

/** The fold saying how many actors of opened countries the cap left folded (when any). */
export const withCapped = (fold: NetworkFold, opened: Opener): NetworkFold =>
  opened.capped() ? { ...fold, openCapped: opened.capped() } : fold;

export const foldId = (country: string | null) => `folded:${country ?? NO_COUNTRY}`;

/** A relationship between two actors and its number of events. */
export interface PairCount {
  s: string;
  t: string;
  count: number;
}

/** The folds of `rest` (actors outside the top, in rank order): one per country. */
export function foldGroups(rest: Iterable<NetworkNode>): Map<string, FoldedGroup> {
  // By country first: a fold's id is made once per country, not once per actor (tens of
  // thousands of them after every patch of a big graph).
  const byCountry = new Map<string | null, FoldedGroup>();
  for (const n of rest) {
    let g = byCountry.get(n.country);
    if (!g) {
      const id = foldId(n.country);
      byCountry.set(
        n.country,
        (g = { id, country: n.country, actors: 0, events: 0, statements: 0, names: [] }),
      );
    }
    g.actors++;
    g.events += n.events;
    g.statements += n.statements;
    if (g.names.length < NAMED) g.names.push(n.name);
  }
  return new Map([...byCountry.values()].map((g) => [g.id, g]));
}

/** A folded relationship: undirected, a fold having no direction worth reading. */
export function foldedEdge(x: string, y: string, count: number): FoldedEdge {
  const [source, target] = x < y ? [x, y] : [y, x];
  return { id: `${source}--${target}`, source, target, count };
}

/** Folded relationships to choose from, as parallel arrays: objects only for those kept. */
export interface FoldCandidates {
  x: string[];
  y: string[];
  count: number[];
}

export const noCandidates = (): FoldCandidates => ({ x: [], y: [], count: [] });

/** The fold as the answer carries it: the biggest folds first, the strongest edges kept. */
export function foldAnswer(groups: Map<string, FoldedGroup>, c: FoldCandidates): NetworkFold {
  const n = c.count.length;
  const edge = (i: number) => foldedEdge(c.x[i], c.y[i], c.count[i]);
  let edges: FoldedEdge[];
  if (n <= MAX_FOLDED_EDGES) edges = c.count.map((_, i) => edge(i));
  else {
    // As strongest() does, without an object for each of tens of thousands of candidates.
    const cut = Float64Array.from(c.count).sort()[n - MAX_FOLDED_EDGES];
    edges = [];
    const at: FoldedEdge[] = [];
    for (let i = 0; i < n; i++) {
      if (c.count[i] > cut) edges.push(edge(i));
      else if (c.count[i] === cut) at.push(edge(i));
    }
    at.sort(byId);
    edges.push(...at.slice(0, MAX_FOLDED_EDGES - edges.length));
  }
  return {
    groups: [...groups.values()].sort(byFoldSize),
    edges: edges.sort(byId),
    edgesDropped: n - edges.length,
  };
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
  const groups = foldGroups(rest);
  // Every end of a folded edge as a number (top actors first, then folds): a large graph has
  // hundreds of thousands of pairs, and numbers key a map far faster than joined strings.
  const ends: string[] = [...top, ...groups.keys()];
  const slot = new Map<string, number>(ends.map((id, i) => [id, i]));
  for (const n of rest) slot.set(n.id, slot.get(foldId(n.country))!);
  const counts = new Map<number, number>();
  for (const p of pairs) {
    const s = slot.get(p.s);
    const t = slot.get(p.t);
    // Outside the picture (no current actor under the filter), or within the top or one fold.
    if (s === undefined || t === undefined || s === t || (s < top.size && t < top.size)) continue;
    const key = s < t ? s * ends.length + t : t * ends.length + s;
    counts.set(key, (counts.get(key) ?? 0) + p.count);
  }
  const edges = noCandidates();
  for (const [key, count] of counts) {
    edges.x.push(ends[Math.floor(key / ends.length)]);
    edges.y.push(ends[key % ends.length]);
    edges.count.push(count);
  }
  return foldAnswer(groups, edges);
}

/** The `max` items with the highest count (ties by id), in id order. */
export function strongest<T>(
  items: T[],
  count: (x: T) => number,
  max: number,
  id: (x: T) => string,
): T[] {
  let kept = items;
  if (items.length > max) {
    // The max-th highest count: everything above it is kept, and of the items at it the first
    // by id. Sorting numbers and then only what is kept beats sorting every item by (count, id).
    const counts = new Float64Array(items.length);
    for (let i = 0; i < items.length; i++) counts[i] = count(items[i]);
    const cut = Float64Array.from(counts).sort()[items.length - max];
    const above: T[] = [];
    const at: T[] = [];
    for (let i = 0; i < items.length; i++) {
      if (counts[i] > cut) above.push(items[i]);
      else if (counts[i] === cut) at.push(items[i]);
    }
    kept = above.concat(inIdOrder(at, id).slice(0, max - above.length));
  }
  return inIdOrder(kept, id);
}

/** Sorted by id, each id read once (tens of thousands of edges after every patch). */
function inIdOrder<T>(items: T[], id: (x: T) => string): T[] {
  const keyed = items.map((x) => ({ k: id(x), x }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((e) => e.x);
}
