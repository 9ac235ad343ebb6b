// The date brush's data: every current event under the viewer's filters counted by day, from
// the in-memory graph index. The brush used to bin the first page of /api/events (500 events),
// so on a large corpus it showed only the oldest weeks and could not select the rest.
import type { Timeline } from '../api/types.ts';
import type { ServerContext } from '../context.ts';
import { indexJson, type GraphIndex } from './graph-index.ts';
import { eventMatches, type PlacesFilter } from './places.ts';

const FULL_DATE = /^\d{4}-\d{2}-\d{2}/;

export function computeTimeline(index: GraphIndex, f: PlacesFilter): Timeline {
  const perDay = new Map<string, number>();
  let undated = 0;
  let total = 0;
  for (const e of index.events.values()) {
    if (!eventMatches(index, e, f)) continue;
    total++;
    const day = e.date && FULL_DATE.test(e.date) ? e.date.slice(0, 10) : null;
    if (day === null) undated++;
    else perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const days = [...perDay]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, events]) => ({ date, events }));
  return { days, undated, total };
}

/** Memoised as JSON text per filter and graph version, like the network and the map. */
export const timelineJson = (ctx: ServerContext, f: PlacesFilter): Promise<string> =>
  indexJson(ctx, 'timeline-json', f, computeTimeline);
