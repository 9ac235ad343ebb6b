// An in-memory index of the current graph's activity: every current event reduced to its type,
// score, date and participants; every current actor; current statements per speaker; mention
// counts. It answers the network, neighbour, map and timeline queries — any filter — in
// milliseconds instead of re-aggregating tens of thousands of events in Cypher on every request.
// ~200 bytes per event.
//
// It is built once with a few streaming reads, then kept up to date: each request reads the
// graph version (graph-cache.ts) and the changes since the index last looked in one query, and
// only what the new revisions and curations touched is read again and put in place
// (graph-changes.ts; a curation's rows come in that same query). Built and patched through the same put* functions below, so
// a patched index equals a fresh build (tests/integration/graph-index.test.ts checks it).
import type { ActorSummary } from '../api/types.ts';
import type { PloverCategory } from '../../domain/index.ts';
import { read, type GraphCache, type ServerContext } from '../context.ts';
import { toJson, toNumber } from '../cypher/values.ts';
import { memo } from '../graph-cache.ts';
import { actorSummary } from './projections.ts';
import {
  EVENT_ROW,
  PLACE_ROW,
  readState,
  readTouched,
  STATEMENT_ROW,
  type Touched,
  type Watermark,
} from './graph-changes.ts';

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

export interface IndexedStatement {
  date: string | null;
  speakers: string[];
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
  /** Current events by id. */
  events: Map<string, IndexedEvent>;
  /** Current actors by id. */
  actors: Map<string, ActorSummary>;
  /** The current events each actor performed or received. */
  eventsOf: Map<string, Set<IndexedEvent>>;
  /** Current statements by id. */
  statements: Map<string, IndexedStatement>;
  /** Each speaker's current statements: id → date. */
  statementsOf: Map<string, Map<string, string | null>>;
  /** Mentions in the current revisions of documents. */
  mentions: Map<string, number>;
  /** How many documents' current revisions mention each actor (one report = weak evidence). */
  reports: Map<string, number>;
  /** The places of current events, by id, and how many current events are at each. */
  places: Map<string, IndexedPlace>;
  placeUses: Map<string, number>;
  /** Each document's CURRENT revision: what an update of the document lets go. */
  documents: Map<string, string>;
  /**
   * What put* changed since the network answer last caught up (network-answer.ts takes it and
   * starts anew): actors whose activity or summary moved, events taken out and put in, in order.
   * Null until an answer exists: nothing would take it, and it would grow with every patch.
   */
  patched: Patched | null;
}

export const emptyIndex = (): GraphIndex => ({
  events: new Map(),
  actors: new Map(),
  eventsOf: new Map(),
  statements: new Map(),
  statementsOf: new Map(),
  mentions: new Map(),
  reports: new Map(),
  places: new Map(),
  placeUses: new Map(),
  documents: new Map(),
  patched: null,
});

export interface Patched {
  actors: Set<string>;
  events: { event: IndexedEvent; in: boolean }[];
}

export function toEvent(raw: unknown): IndexedEvent {
  const r = raw as Record<string, unknown>;
  return {
    id: String(r.id),
    type: r.type as PloverCategory,
    score: toNumber(r.score),
    date: typeof r.date === 'string' ? r.date : null,
    actors: (r.actors as string[]) ?? [],
    recipients: (r.recipients as string[]) ?? [],
    place: typeof r.place === 'string' ? r.place : null,
  };
}

const participants = (e: IndexedEvent) => new Set([...e.actors, ...e.recipients]);

/** Puts an event in the index (null: takes it out), keeping eventsOf and the places in step. */
export function putEvent(index: GraphIndex, id: string, e: IndexedEvent | null): void {
  const old = index.events.get(id);
  if (old) {
    index.patched?.events.push({ event: old, in: false });
    for (const a of participants(old)) {
      index.patched?.actors.add(a);
      const set = index.eventsOf.get(a);
      set?.delete(old);
      if (set && !set.size) index.eventsOf.delete(a);
    }
    if (old.place) {
      const uses = (index.placeUses.get(old.place) ?? 1) - 1;
      if (uses > 0) index.placeUses.set(old.place, uses);
      else {
        index.placeUses.delete(old.place);
        index.places.delete(old.place);
      }
    }
    index.events.delete(id);
  }
  if (!e) return;
  index.events.set(id, e);
  index.patched?.events.push({ event: e, in: true });
  for (const a of participants(e)) {
    index.patched?.actors.add(a);
    let set = index.eventsOf.get(a);
    if (!set) index.eventsOf.set(a, (set = new Set()));
    set.add(e);
  }
  if (e.place) index.placeUses.set(e.place, (index.placeUses.get(e.place) ?? 0) + 1);
}

/** A place's row, kept only while a current event is there. */
export function putPlace(index: GraphIndex, p: IndexedPlace): void {
  if (index.placeUses.has(p.id)) index.places.set(p.id, p);
}

export function putStatement(index: GraphIndex, id: string, s: IndexedStatement | null): void {
  const old = index.statements.get(id);
  if (old) {
    for (const a of old.speakers) {
      index.patched?.actors.add(a);
      const of = index.statementsOf.get(a);
      of?.delete(id);
      if (of && !of.size) index.statementsOf.delete(a);
    }
    index.statements.delete(id);
  }
  if (!s) return;
  index.statements.set(id, s);
  for (const a of new Set(s.speakers)) {
    index.patched?.actors.add(a);
    let of = index.statementsOf.get(a);
    if (!of) index.statementsOf.set(a, (of = new Map()));
    of.set(id, s.date);
  }
}

/** An actor's summary (null: not current) and its mentions in current revisions. */
export function putActor(
  index: GraphIndex,
  id: string,
  actor: ActorSummary | null,
  mentions: number,
  reports: number,
): void {
  index.patched?.actors.add(id);
  if (actor) index.actors.set(id, actor);
  else index.actors.delete(id);
  // Kept for every actor a current revision mentions, with a count of 0 included.
  if (reports > 0) {
    index.mentions.set(id, mentions);
    index.reports.set(id, reports);
  } else {
    index.mentions.delete(id);
    index.reports.delete(id);
  }
}

/** An index, the graph version it stands at and the changes it has taken in. */
export interface IndexState {
  index: GraphIndex;
  version: string;
  watermark: Watermark;
}

/** The whole index from scratch, with the watermark of the changes it already reflects. */
export async function buildIndex(ctx: ServerContext): Promise<IndexState> {
  // Read first: whatever commits after this is in a later patch (graph-changes.ts). The changes
  // inside the look-back window are read too and count as taken in, since the reads below see
  // them: otherwise the first patch read them all again, and after a bulk ingest (more of them
  // than a rebuild's worth) every patch rebuilt the index, seconds per curation.
  const newest = await readState(ctx, null);
  const { version, changes } = await readState(ctx, newest.changes.watermark);
  const [events, actors, statements, mentions, places, documents] = await Promise.all([
    read(ctx, `MATCH (e:Event) WHERE e.current = true RETURN ${EVENT_ROW('e')} AS e`),
    read(ctx, `MATCH (a:Actor) WHERE a.current = true RETURN ${actorSummary('a')} AS actor`),
    read(ctx, `MATCH (s:Statement) WHERE s.current = true RETURN ${STATEMENT_ROW('s')} AS s`),
    read(
      ctx,
      `MATCH (d:Document)-[:CURRENT]->(:Revision)<-[m:MENTIONED_IN]-(a:Actor)
       RETURN a.id AS id, sum(coalesce(m.count, 1)) AS mentions, count(DISTINCT d) AS reports`,
    ),
    read(
      ctx,
      `MATCH (p:Place) WHERE EXISTS { (e:Event)-[:AT]->(p) WHERE e.current = true }
       RETURN ${PLACE_ROW('p')} AS place`,
    ),
    read(ctx, `MATCH (d:Document)-[:CURRENT]->(r:Revision) RETURN d.id AS d, r.id AS r`),
  ]);
  const index = emptyIndex();
  for (const r of events.records) {
    const e = toEvent(r.get('e'));
    putEvent(index, e.id, e);
  }
  for (const r of places.records) putPlace(index, toJson(r.get('place')) as IndexedPlace);
  for (const r of statements.records) {
    const s = r.get('s') as { id: string; date?: string | null; speakers: string[] };
    putStatement(index, s.id, { date: s.date ?? null, speakers: s.speakers });
  }
  for (const r of actors.records) {
    const a = toJson(r.get('actor')) as ActorSummary;
    index.actors.set(a.id, a);
  }
  for (const r of mentions.records) {
    index.mentions.set(r.get('id'), toNumber(r.get('mentions')));
    index.reports.set(r.get('id'), toNumber(r.get('reports')));
  }
  for (const r of documents.records) index.documents.set(r.get('d'), r.get('r'));
  return { index, version, watermark: changes.watermark };
}

/** Puts what a change touched in place: every row read again, every id without one taken out. */
function applyTouched(index: GraphIndex, t: Touched): void {
  const events = new Map(t.events.map((raw) => [String((raw as { id: string }).id), raw]));
  for (const id of t.eventIds) {
    const raw = events.get(id);
    putEvent(index, id, raw ? toEvent(raw) : null);
  }
  for (const raw of t.places) putPlace(index, toJson(raw) as IndexedPlace);
  const statements = new Map(t.statements.map((s) => [s.id, s]));
  for (const id of t.statementIds) {
    const s = statements.get(id);
    putStatement(index, id, s ? { date: s.date ?? null, speakers: s.speakers } : null);
  }
  for (const a of t.actors) {
    putActor(
      index,
      a.id,
      a.actor ? (toJson(a.actor) as ActorSummary) : null,
      toNumber(a.mentions),
      toNumber(a.reports),
    );
  }
  for (const [d, r] of t.documents) index.documents.set(d, r);
}

// The live index of each server (its cache), the graph version it stands at, and the changes
// it has taken in. One refresh runs at a time; a request arriving meanwhile waits for the next
// one (the running one may have read before a write the request must see), and every request
// arriving during a refresh shares that next one.
interface Live {
  state?: IndexState;
  running?: Promise<void>;
  queued?: Promise<void>;
}
const live = new WeakMap<GraphCache, Live>();

/** A patch bigger than this many changed revisions is slower than a fresh build. */
const rebuildAbove = (index: GraphIndex) => Math.max(500, index.documents.size / 10);

async function refresh(ctx: ServerContext, l: Live): Promise<void> {
  const state = l.state;
  if (!state) {
    l.state = await buildIndex(ctx);
    return;
  }
  const { version, changes, touched } = await readState(ctx, state.watermark);
  const { revisions, curations } = changes;
  if (revisions.length > rebuildAbove(state.index)) {
    l.state = await buildIndex(ctx);
    return;
  }
  if (revisions.length || curations.length) {
    const t = touched ?? (await readTouched(ctx, state.index, changes));
    try {
      applyTouched(state.index, t);
    } catch (e) {
      l.state = undefined; // half patched: the next request builds afresh
      throw e;
    }
  }
  state.watermark = changes.watermark;
  state.version = version;
}

function start(ctx: ServerContext, l: Live): Promise<void> {
  const run = refresh(ctx, l).finally(() => {
    if (l.running === run) l.running = undefined;
  });
  l.running = run;
  return run;
}

/**
 * The index as the graph is now, and the graph version it stands at: one read of Neo4j when
 * nothing changed or only curations did (graph-changes.ts readState).
 */
export async function currentIndex(
  ctx: ServerContext,
): Promise<{ index: GraphIndex; version: string }> {
  if (!ctx.cache) {
    const { index, version } = await buildIndex(ctx);
    return { index, version };
  }
  let l = live.get(ctx.cache);
  if (!l) live.set(ctx.cache, (l = {}));
  const running = l.running;
  if (!running) await start(ctx, l);
  else {
    l.queued ??= running
      .catch(() => {})
      .then(() => {
        l.queued = undefined;
        return start(ctx, l);
      });
    await l.queued;
  }
  if (!l.state) throw new Error('graph index: no state after a refresh');
  return { index: l.state.index, version: l.state.version };
}

/** The index for the graph as it is now. */
export async function graphIndex(ctx: ServerContext): Promise<GraphIndex> {
  return (await currentIndex(ctx)).index;
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
  const { index, version } = await currentIndex(ctx);
  return memo(ctx, `${name}:${JSON.stringify(filter)}`, version, async () =>
    JSON.stringify(compute(index, filter)),
  );
}
