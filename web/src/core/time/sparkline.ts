// Sparklines of events over time for an actor or a relationship, from the event days the
// network's edges carry (NetworkEdge.days): over the corpus's whole span, so two sparklines
// side by side read on the same time axis.
import type { NetworkEdge } from '../../../../server/api/types.ts';

/** The corpus's span of days (window.ts dayExtent). */
export interface DaySpan {
  first: number;
  last: number;
}

/** The event days of the edges an actor is an end of (each event is on one edge). */
export function actorDays(
  edges: readonly Pick<NetworkEdge, 'source' | 'target' | 'days'>[],
  id: string,
): number[] {
  return edges
    .filter((e) => e.source === id || e.target === id)
    .flatMap((e) => e.days)
    .sort((a, b) => a - b);
}

/** The event days between two actors, both ways. */
export function pairDays(
  edges: readonly Pick<NetworkEdge, 'source' | 'target' | 'days'>[],
  a: string,
  b: string,
): number[] {
  return edges
    .filter((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a))
    .flatMap((e) => e.days)
    .sort((x, y) => x - y);
}

/** How many of `days` fall in each of `bins` equal spans of the corpus's span. */
export function sparkBins(days: readonly number[], span: DaySpan, bins = 24): number[] {
  const out = new Array<number>(bins).fill(0);
  const width = (span.last - span.first + 1) / bins;
  for (const d of days) {
    if (d < span.first || d > span.last) continue;
    out[Math.min(bins - 1, Math.floor((d - span.first) / width))]++;
  }
  return out;
}
