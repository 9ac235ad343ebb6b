// The actor network: the top-N current actors by activity, and actor–actor edges aggregated over
// current events (performer → recipient; reciprocal events folded into one direction, from the
// smaller id to the larger). Computed from the in-memory graph index (graph-index.ts).
import { dayNumber, ONTOLOGY, PLOVER_CATEGORIES } from '../../domain/index.ts';
import { byActivity, byId } from '../api/network-patch.ts';
import type { Network, NetworkEdge, NetworkNode } from '../api/types.ts';
import type { ActorKind, PloverCategory } from '../../domain/index.ts';
import type { ServerContext } from '../context.ts';
import { dateMatches, graphIndex, type GraphIndex, type IndexedEvent } from './graph-index.ts';

export interface NetworkFilter {
  since?: string;
  until?: string;
  types?: PloverCategory[];
  countries?: string[];
  kinds?: ActorKind[];
  limit: number;
  /** Fold the actors outside the top (network-fold.ts); the API's answer only. */
  fold?: 'country';
  /** With `fold`: countries whose folded actors are drawn as themselves (network-fold.ts). */
  open?: string[];
}

/** The country filter's token for actors without a country. */
export const NO_COUNTRY = 'none';

export type EventFilter = Pick<NetworkFilter, 'since' | 'until' | 'types'>;

const RECIPROCAL = new Set<string>(PLOVER_CATEGORIES.filter((t) => ONTOLOGY[t].reciprocal));

export function eventPasses(e: IndexedEvent, f: EventFilter): boolean {
  return (!f.types || f.types.includes(e.type)) && dateMatches(e.date, f.since, f.until);
}

/** An actor's activity under the filter: its current events (each once) and statements. */
export function activity(index: GraphIndex, id: string, f: EventFilter): NetworkNode | undefined {
  const actor = index.actors.get(id);
  if (!actor) return undefined;
  const mentions = index.mentions.get(id) ?? 0;
  const reports = index.reports.get(id) ?? 0;
  const own = index.eventsOf.get(id);
  const said = index.statementsOf.get(id);
  if (!f.types && f.since === undefined && f.until === undefined) {
    return { ...actor, events: own?.size ?? 0, statements: said?.size ?? 0, mentions, reports };
  }
  let events = 0;
  for (const e of own ?? []) if (eventPasses(e, f)) events++;
  let statements = 0;
  for (const d of said?.values() ?? []) {
    if (dateMatches(d, f.since, f.until)) statements++;
  }
  return { ...actor, events, statements, mentions, reports };
}

export async function network(ctx: ServerContext, f: NetworkFilter): Promise<Network> {
  return computeNetwork(await graphIndex(ctx), f);
}

/** The actors under the filter, busiest first. */
export function rankCandidates(index: GraphIndex, f: NetworkFilter): NetworkNode[] {
  const eventFiltered = Boolean(f.types || f.since || f.until);
  const candidates: NetworkNode[] = [];
  for (const actor of index.actors.values()) {
    if (f.kinds && !f.kinds.includes(actor.kind)) continue;
    if (f.countries && !f.countries.includes(actor.country ?? NO_COUNTRY)) continue;
    const node = activity(index, actor.id, f);
    // With an event filter, only actors with events in it belong in the picture.
    if (node && (!eventFiltered || node.events > 0)) candidates.push(node);
  }
  return candidates.sort(byActivity);
}

/** The network under any filter, computed afresh from the index. */
export function computeNetwork(
  index: GraphIndex,
  f: NetworkFilter,
  candidates = rankCandidates(index, f),
): Network {
  const nodes = candidates.slice(0, f.limit);
  const ids = new Set(nodes.map((n) => n.id));
  const events = new Set<IndexedEvent>();
  for (const id of ids) for (const e of index.eventsOf.get(id) ?? []) events.add(e);
  return {
    nodes,
    edges: aggregateEdges(events, ids, f),
    truncated: candidates.length > f.limit,
  };
}

/** The actor and its `limit` closest neighbours (most shared current events), with their edges. */
export async function neighbors(
  ctx: ServerContext,
  id: string,
  limit: number,
): Promise<Network | null> {
  const index = await graphIndex(ctx);
  const center = activity(index, id, {});
  if (!center) return null;
  const own = index.eventsOf.get(id) ?? new Set<IndexedEvent>();
  const shared = new Map<string, number>();
  for (const e of own) {
    for (const other of new Set([...e.actors, ...e.recipients])) {
      if (other !== id && index.actors.has(other)) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  const ranked = [...shared.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  const chosen = ranked.slice(0, limit).map(([x]) => x);
  const nodes = [center, ...chosen.map((x) => activity(index, x, {}) as NetworkNode)];
  const ids = new Set(nodes.map((n) => n.id));
  // Edges touching the center only: an expansion adds spokes, not the neighbours' own web.
  const edges = aggregateEdges(own, ids, {}).filter((e) => e.source === id || e.target === id);
  return { nodes, edges, truncated: ranked.length > limit };
}

/** The actor pairs an event relates, each once: performer → recipient, reciprocal ones folded. */
export function eventPairs(e: IndexedEvent): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const a of e.actors) {
    for (const b of e.recipients) {
      if (a === b) continue;
      const [s, t] = RECIPROCAL.has(e.type) && b < a ? [b, a] : [a, b];
      // A meeting reaches each pair from both sides.
      pairs.set(`${s}->${t}`, [s, t]);
    }
  }
  return [...pairs.values()];
}

/** The edge of one pair over its events (taken in id order: the mean score's sum is then the
 * same whatever order the index holds them in). */
export function pairEdge(s: string, t: string, events: IndexedEvent[]): NetworkEdge {
  events.sort(byId);
  return aggregateEdge({
    s,
    t,
    types: events.map((e) => e.type),
    scores: events.map((e) => e.score),
    dates: events.map((e) => e.date),
  });
}

function aggregateEdges(
  events: Iterable<IndexedEvent>,
  ids: Set<string>,
  f: EventFilter,
): NetworkEdge[] {
  const pairs = new Map<string, { s: string; t: string; events: IndexedEvent[] }>();
  for (const e of events) {
    if (!eventPasses(e, f)) continue;
    for (const [s, t] of eventPairs(e)) {
      if (!ids.has(s) || !ids.has(t)) continue;
      const key = `${s}->${t}`;
      let pair = pairs.get(key);
      if (!pair) pairs.set(key, (pair = { s, t, events: [] }));
      pair.events.push(e);
    }
  }
  return [...pairs.values()].map((p) => pairEdge(p.s, p.t, p.events)).sort(byId);
}

interface EdgeRow {
  s: string;
  t: string;
  types: string[];
  scores: number[];
  dates: (string | null)[];
}

const ORDER = new Map<string, number>(PLOVER_CATEGORIES.map((t, i) => [t, i]));

export function aggregateEdge(row: EdgeRow): NetworkEdge {
  const byType: Partial<Record<PloverCategory, number>> = {};
  for (const t of row.types) {
    const k = t as PloverCategory;
    byType[k] = (byType[k] ?? 0) + 1;
  }
  const dominantType = (Object.entries(byType) as [PloverCategory, number][]).sort(
    (a, b) => b[1] - a[1] || (ORDER.get(a[0]) ?? 99) - (ORDER.get(b[0]) ?? 99),
  )[0][0];
  const scores = row.scores.filter((x) => Number.isFinite(x));
  const dates = row.dates.filter((d): d is string => typeof d === 'string').sort();
  const days = row.dates
    .map(dayNumber)
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  return {
    id: `${row.s}->${row.t}`,
    source: row.s,
    target: row.t,
    count: row.types.length,
    byType,
    dominantType,
    meanScore: scores.length
      ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100
      : 0,
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
    days,
    undated: row.types.length - days.length,
  };
}
