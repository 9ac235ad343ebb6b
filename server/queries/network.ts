// The actor network: the top-N current actors by activity, and actor–actor edges aggregated over
// current events (performer → recipient; reciprocal events folded into one direction).
import { ONTOLOGY, PLOVER_CATEGORIES } from '../../ingest/ontology/plover.ts';
import type { ActorKind, Network, NetworkEdge, NetworkNode, PloverCategory } from '../api/types.ts';
import { int, read, type ServerContext } from '../context.ts';
import { toJson, toNumber } from '../cypher/values.ts';
import { actorSummary, dateFilter } from './projections.ts';

export interface NetworkFilter {
  since?: string;
  until?: string;
  types?: PloverCategory[];
  countries?: string[];
  kinds?: ActorKind[];
  limit: number;
}

export const RECIPROCAL_TYPES = PLOVER_CATEGORIES.filter((t) => ONTOLOGY[t].reciprocal);

function eventWhere(f: Pick<NetworkFilter, 'since' | 'until' | 'types'>, v = 'e'): string {
  return [
    `${v}.current = true`,
    f.types ? `${v}.type IN $types` : null,
    dateFilter(v, f.since !== undefined, f.until !== undefined),
  ]
    .filter(Boolean)
    .join(' AND ');
}

function filterParams(f: Partial<NetworkFilter>) {
  return {
    since: f.since ?? null,
    until: f.until ?? null,
    types: f.types ?? null,
    countries: f.countries ?? null,
    kinds: f.kinds ?? null,
    reciprocal: RECIPROCAL_TYPES,
  };
}

export async function network(ctx: ServerContext, f: NetworkFilter): Promise<Network> {
  const eventFiltered = Boolean(f.types || f.since || f.until);
  const actorWhere = [
    'a.current = true',
    f.kinds ? 'a.kind IN $kinds' : null,
    f.countries ? 'a.country IN $countries' : null,
  ]
    .filter(Boolean)
    .join(' AND ');
  // Activity = current events (performed or received, each once) + current statements.
  const nodes = await read(
    ctx,
    `MATCH (a:Actor) WHERE ${actorWhere}
     CALL (a) {
       OPTIONAL MATCH (a)-[:PERFORMED|DIRECTED_AT]-(e:Event) WHERE ${eventWhere(f)}
       RETURN count(DISTINCT e) AS events
     }
     WITH a, events, COUNT { (a)-[:SAID]->(s:Statement) WHERE s.current = true
       AND ${dateFilter('s', f.since !== undefined, f.until !== undefined)} } AS statements
     WHERE ${eventFiltered ? 'events > 0' : 'true'}
     ORDER BY events + statements DESC, a.id
     LIMIT $take
     RETURN ${actorSummary('a')} AS actor, events, statements`,
    { ...filterParams(f), take: int(f.limit + 1) },
  );
  const truncated = nodes.records.length > f.limit;
  const records = nodes.records.slice(0, f.limit);
  const ids = records.map((r) => (r.get('actor') as { id: string }).id);
  const mentions = await mentionCounts(ctx, ids);
  const networkNodes: NetworkNode[] = records.map((r) => {
    const actor = toJson(r.get('actor')) as Omit<NetworkNode, 'events' | 'statements' | 'mentions'>;
    return {
      ...actor,
      events: toNumber(r.get('events')),
      statements: toNumber(r.get('statements')),
      mentions: mentions.get(actor.id) ?? 0,
    };
  });
  const edges = await edgesAmong(ctx, ids, f);
  return { nodes: networkNodes, edges, truncated };
}

/** Mentions in the current revisions of documents. */
export async function mentionCounts(
  ctx: ServerContext,
  ids: string[],
): Promise<Map<string, number>> {
  const { records } = await read(
    ctx,
    `UNWIND $ids AS id
     MATCH (a:Actor {id: id})
     RETURN id, COLLECT {
       MATCH (a)-[m:MENTIONED_IN]->(r:Revision) WHERE EXISTS { (:Document)-[:CURRENT]->(r) }
       RETURN coalesce(m.count, 1)
     } AS counts`,
    { ids },
  );
  return new Map(
    records.map((r) => [
      r.get('id') as string,
      (r.get('counts') as unknown[]).reduce<number>((s, c) => s + toNumber(c), 0),
    ]),
  );
}

interface EdgeRow {
  s: string;
  t: string;
  types: string[];
  scores: unknown[];
  dates: (string | null)[];
}

/** Edges among a set of actors, or (with `center`) only those touching the center. */
export async function edgesAmong(
  ctx: ServerContext,
  ids: string[],
  f: Pick<NetworkFilter, 'since' | 'until' | 'types'>,
  center?: string,
): Promise<NetworkEdge[]> {
  if (ids.length < 2) return [];
  // From the center only, when given: its events are all an expansion needs.
  const match = center
    ? `MATCH (c:Actor {id: $center})-[:PERFORMED|DIRECTED_AT]-(e:Event) WITH DISTINCT e
       MATCH (a:Actor)-[:PERFORMED]->(e)-[:DIRECTED_AT]->(b:Actor)
       WHERE (a.id = $center OR b.id = $center) AND a.id IN $ids AND b.id IN $ids`
    : `UNWIND $ids AS id
       MATCH (a:Actor {id: id})-[:PERFORMED]->(e:Event)-[:DIRECTED_AT]->(b:Actor)
       WHERE b.id IN $ids`;
  const { records } = await read(
    ctx,
    `${match} AND a <> b AND ${eventWhere(f)}
     WITH e,
       CASE WHEN e.type IN $reciprocal AND b.id < a.id THEN b.id ELSE a.id END AS s,
       CASE WHEN e.type IN $reciprocal AND b.id < a.id THEN a.id ELSE b.id END AS t
     WITH s, t, collect(DISTINCT e) AS es
     RETURN s, t, [x IN es | x.type] AS types, [x IN es | x.score] AS scores,
       [x IN es | x.date] AS dates`,
    { ...filterParams(f), ids, center: center ?? null },
  );
  return records.map((r) =>
    aggregateEdge({
      s: r.get('s'),
      t: r.get('t'),
      types: r.get('types'),
      scores: r.get('scores'),
      dates: r.get('dates'),
    }),
  );
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
  const scores = row.scores.map(toNumber).filter((x) => Number.isFinite(x));
  const dates = row.dates.filter((d): d is string => typeof d === 'string').sort();
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
  };
}
