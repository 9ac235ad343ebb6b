// An in-memory index of the current graph's activity: every current event reduced to its type,
// score, date and participants; every current actor; statement dates per speaker; mention counts.
// Built with four streaming reads once per graph version (see graph-cache.ts), it answers the
// network and neighbour queries — any filter — in milliseconds instead of re-aggregating tens of
// thousands of events in Cypher on every request. ~200 bytes per event.
import type { ActorSummary } from '../api/types.ts';
import type { PloverCategory } from '../../domain/index.ts';
import { read, type ServerContext } from '../context.ts';
import { toJson, toNumber } from '../cypher/values.ts';
import { graphVersion, memo } from '../graph-cache.ts';
import { actorSummary } from './projections.ts';

export interface IndexedEvent {
  id: string;
  type: PloverCategory;
  score: number;
  date: string | null;
  actors: string[];
  recipients: string[];
  /** The Place it happened at (AT), if the report said. */
  place: string | null;
}

/** A place as the map needs it: coordinates when ingest found them (ingest/geo). */
export interface IndexedPlace {
  id: string;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface GraphIndex {
  events: IndexedEvent[];
  /** Current actors by id. */
  actors: Map<string, ActorSummary>;
  /** Indexes into `events` of the events each actor performed or received. */
  eventsOf: Map<string, number[]>;
  /** Dates of each speaker's current statements. */
  statementDates: Map<string, (string | null)[]>;
  /** Mentions in the current revisions of documents. */
  mentions: Map<string, number>;
  /** How many documents' current revisions mention each actor (one report = weak evidence). */
  reports: Map<string, number>;
  /** Unfiltered activity per actor, counted once at build time. */
  totals: Map<string, { events: number; statements: number }>;
  /** The places of current events, by id. */
  places: Map<string, IndexedPlace>;
}

/** The index for the graph as it is now (or for `version`, when the caller just read it). */
export async function graphIndex(ctx: ServerContext, version?: string): Promise<GraphIndex> {
  const v = version ?? (await graphVersion(ctx));
  return memo(ctx, 'graph-index', v, () => buildIndex(ctx));
}

async function buildIndex(ctx: ServerContext): Promise<GraphIndex> {
  const [events, actors, statements, mentions, places] = await Promise.all([
    read(
      ctx,
      `MATCH (e:Event) WHERE e.current = true
       RETURN e.id AS id, e.type AS type, e.score AS score, e.date AS date,
         [(a:Actor)-[:PERFORMED]->(e) | a.id] AS actors,
         [(e)-[:DIRECTED_AT]->(b:Actor) | b.id] AS recipients,
         head([(e)-[:AT]->(p:Place) | p.id]) AS place`,
    ),
    read(ctx, `MATCH (a:Actor) WHERE a.current = true RETURN ${actorSummary('a')} AS actor`),
    read(
      ctx,
      `MATCH (a:Actor)-[:SAID]->(s:Statement) WHERE s.current = true
       RETURN a.id AS speaker, s.date AS date`,
    ),
    read(
      ctx,
      `MATCH (d:Document)-[:CURRENT]->(:Revision)<-[m:MENTIONED_IN]-(a:Actor)
       RETURN a.id AS id, sum(coalesce(m.count, 1)) AS mentions, count(DISTINCT d) AS reports`,
    ),
    read(
      ctx,
      `MATCH (p:Place) WHERE EXISTS { (e:Event)-[:AT]->(p) WHERE e.current = true }
       RETURN p {.id, .name, country: p.country, lat: p.lat, lon: p.lon} AS place`,
    ),
  ]);
  const index: GraphIndex = {
    events: [],
    actors: new Map(),
    eventsOf: new Map(),
    statementDates: new Map(),
    mentions: new Map(),
    reports: new Map(),
    totals: new Map(),
    places: new Map(),
  };
  for (const r of places.records) {
    const p = toJson(r.get('place')) as IndexedPlace;
    index.places.set(p.id, p);
  }
  for (const r of actors.records) {
    const a = toJson(r.get('actor')) as ActorSummary;
    index.actors.set(a.id, a);
  }
  for (const r of events.records) {
    const e: IndexedEvent = {
      id: r.get('id'),
      type: r.get('type'),
      score: toNumber(r.get('score')),
      date: r.get('date') ?? null,
      actors: r.get('actors'),
      recipients: r.get('recipients'),
      place: r.get('place') ?? null,
    };
    const i = index.events.push(e) - 1;
    for (const id of new Set([...e.actors, ...e.recipients])) {
      let list = index.eventsOf.get(id);
      if (!list) index.eventsOf.set(id, (list = []));
      list.push(i);
    }
  }
  for (const r of statements.records) {
    const speaker: string = r.get('speaker');
    let list = index.statementDates.get(speaker);
    if (!list) index.statementDates.set(speaker, (list = []));
    list.push(r.get('date') ?? null);
  }
  for (const r of mentions.records) {
    index.mentions.set(r.get('id'), toNumber(r.get('mentions')));
    index.reports.set(r.get('id'), toNumber(r.get('reports')));
  }
  for (const id of index.actors.keys()) {
    index.totals.set(id, {
      events: index.eventsOf.get(id)?.length ?? 0,
      statements: index.statementDates.get(id)?.length ?? 0,
    });
  }
  return index;
}

/**
 * The date filter at the coarser of the two precisions (same as projections.dateFilter): a
 * month matches the days in it and a day matches its month; undated facts never match.
 */
export function dateMatches(
  date: string | null,
  since: string | undefined,
  until: string | undefined,
): boolean {
  if (since === undefined && until === undefined) return true;
  if (date === null) return false;
  const cut = (s: string, n: number) => s.slice(0, n);
  if (since !== undefined && cut(date, since.length) < cut(since, date.length)) return false;
  if (until !== undefined && cut(date, until.length) > cut(until, date.length)) return false;
  return true;
}

/**
 * A view computed from the index, memoised as JSON text per filter and graph version (the map
 * and the date brush), so a repeated request costs neither the computation nor serialisation.
 */
export async function indexJson<F>(
  ctx: ServerContext,
  name: string,
  filter: F,
  compute: (index: GraphIndex, filter: F) => unknown,
): Promise<string> {
  const version = await graphVersion(ctx);
  return memo(ctx, `${name}:${JSON.stringify(filter)}`, version, async () =>
    JSON.stringify(compute(await graphIndex(ctx, version), filter)),
  );
}
