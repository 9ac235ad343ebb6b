// What changed in the graph since the in-memory index last looked (graph-index.ts), and the
// rows of everything those changes touched, so that the index is patched instead of rebuilt.
//
// Every write that changes the current graph leaves a timestamped node: an ingest a Revision
// (`ingestedAt`), a curation or an undo a Curation (`recordedAt`). Those after the watermark
// name what to read again: a revision's facts and actors (and those of the revision it
// replaced), a curation's target (for a merge, both actors and every fact either holds).
// Timestamps are set before their transaction commits, so a write can appear up to its
// transaction's length after its timestamp; the feed therefore looks back SLACK_MS before the
// newest change seen and skips what it has already taken in.
import { read, type ServerContext } from '../context.ts';
import { VERSION_SUBQUERY } from '../graph-cache.ts';
import { actorSummary } from './projections.ts';

/** Longer than any write transaction (the embedded Neo4j's timeout is 60 s) plus clock skew. */
const SLACK_MS = 120_000;

export const EVENT_ROW = (e: string) => `${e} {.id, .type, .score, .date,
  actors: [(a:Actor)-[:PERFORMED]->(${e}) | a.id],
  recipients: [(${e})-[:DIRECTED_AT]->(b:Actor) | b.id],
  place: head([(${e})-[:AT]->(p:Place) | p.id])}`;
export const STATEMENT_ROW = (s: string) =>
  `${s} {.id, .date, speakers: [(a:Actor)-[:SAID]->(${s}) | a.id]}`;
export const PLACE_ROW = (p: string) =>
  `${p} {.id, .name, country: ${p}.country, lat: ${p}.lat, lon: ${p}.lon}`;
/** An actor's mentions and reports in current revisions (its row below needs them). */
const ACTOR_MENTIONS = (a: string) => `CALL (${a}) {
    OPTIONAL MATCH (d:Document)-[:CURRENT]->(:Revision)<-[m:MENTIONED_IN]-(${a})
    RETURN sum(coalesce(m.count, 1)) AS mentions, count(DISTINCT d) AS reports
  }`;
const ACTOR_ROW = (a: string) => `{id: ${a}.id, mentions: mentions, reports: reports,
  actor: CASE WHEN ${a}.current = true THEN ${actorSummary(a)} END}`;

/** The newest change of each kind taken in, and the changes of the last SLACK_MS by key. */
export interface Watermark {
  revisions: string | null;
  curations: string | null;
  seen: { revisions: Set<string>; curations: Set<string> };
}

interface RevisionChange {
  id: string;
  at: string;
  document: string;
  current: boolean;
}

/** A curation, or for an undo the curation it undid (same effect on the index). */
interface CurationChange {
  id: string;
  at: string;
  op: string;
  target: string;
  targetKind: string;
  into: string | null;
}

export interface Changes {
  revisions: RevisionChange[];
  curations: CurationChange[];
  watermark: Watermark;
}

/** Where a reader of timestamped writes must look from, having seen up to `at` (see above). */
export const lookBack = (at: string | null) =>
  at === null || at === '' ? '' : new Date(Date.parse(at) - SLACK_MS).toISOString();
const later = (a: string | null, b: string) => (a === null || b > a ? b : a);

const intoOf = (change: unknown): string | null => {
  if (typeof change !== 'string') return null;
  const v = JSON.parse(change) as { into?: unknown };
  return typeof v.into === 'string' ? v.into : null;
};

// A revision made CURRENT again gets a new ingestedAt: the key holds both.
const key = (x: { id: string; at: string }) => `${x.id}@${x.at}`;
const atOf = (k: string) => k.slice(k.lastIndexOf('@') + 1);

/**
 * The graph version, then the changes not yet taken in, then the rows of what curations of
 * events, statements and actors touched: one round trip for a warm request and for a
 * curation. Revisions and merges need what the index knew before (readTouched).
 */
const STATE = `${VERSION_SUBQUERY}
  CALL () { OPTIONAL MATCH (c:Curation) WHERE c.recordedAt IS NOT NULL
    RETURN c.recordedAt AS newestCuration ORDER BY newestCuration DESC LIMIT 1 }
  CALL () {
    MATCH (r:Revision) WHERE r.ingestedAt >= $w.revisions AND NOT r.id + '@' + r.ingestedAt IN $w.seen
    MATCH (d:Document)-[:HAS_REVISION]->(r)
    RETURN collect({id: r.id, at: r.ingestedAt, document: d.id,
      current: EXISTS { (d)-[:CURRENT]->(r) }}) AS revisions
  }
  CALL () {
    MATCH (c:Curation) WHERE c.recordedAt >= $w.curations AND NOT c.id + '@' + c.recordedAt IN $w.seen
    OPTIONAL MATCH (c)-[:UNDOES]->(u:Curation)
    WITH coalesce(u, c) AS x, c
    RETURN collect({id: c.id, at: c.recordedAt, op: x.op, target: x.target,
      targetKind: x.targetKind, change: x.change}) AS curations
  }
  CALL (curations) {
    UNWIND [c IN curations WHERE c.targetKind = 'event' | c.target] AS id
    MATCH (e:Event {id: id}) WHERE e.current = true
    RETURN collect(${EVENT_ROW('e')}) AS events
  }
  CALL (events) {
    UNWIND events AS e WITH DISTINCT e.place AS pid WHERE pid IS NOT NULL
    MATCH (p:Place {id: pid})
    RETURN collect(${PLACE_ROW('p')}) AS places
  }
  CALL (curations) {
    UNWIND [c IN curations WHERE c.targetKind = 'statement' | c.target] AS id
    MATCH (s:Statement {id: id}) WHERE s.current = true
    RETURN collect(${STATEMENT_ROW('s')}) AS statements
  }
  CALL (curations) {
    UNWIND [c IN curations WHERE c.targetKind = 'actor' | c.target] AS id
    MATCH (a:Actor {id: id})
    ${ACTOR_MENTIONS('a')}
    RETURN collect(${ACTOR_ROW('a')}) AS actors
  }
  RETURN version, newestRevision, newestCuration, revisions, curations, events, places,
    statements, actors`;

/** What the graph index needs to catch up: the version it is then at and the changes. */
export interface State {
  version: string;
  changes: Changes;
  /** What the changes touched, when the read could tell alone (no revisions, no merges). */
  touched: Touched | null;
}

/**
 * The graph version and the changes after `since`, with their rows when they are curations
 * other than merges (null: none known yet; only the version and the watermark to start from).
 */
export async function readState(ctx: ServerContext, since: Watermark | null): Promise<State> {
  const w = since && {
    revisions: lookBack(since.revisions),
    curations: lookBack(since.curations),
    seen: [...since.seen.revisions, ...since.seen.curations],
  };
  const { records } = await read(ctx, STATE, {
    w: w ?? { revisions: null, curations: null, seen: [] },
  });
  const row = records[0];
  const version = String(row.get('version'));
  const from: Watermark = since ?? {
    revisions: row.get('newestRevision') ?? null,
    curations: row.get('newestCuration') ?? null,
    seen: { revisions: new Set(), curations: new Set() },
  };
  const revisions = row.get('revisions') as RevisionChange[];
  const curations = (row.get('curations') as Record<string, unknown>[]).map(
    (c): CurationChange => ({
      id: String(c.id),
      at: String(c.at),
      op: String(c.op),
      target: String(c.target),
      targetKind: String(c.targetKind),
      into: intoOf(c.change),
    }),
  );
  const watermark: Watermark = {
    revisions: revisions.reduce((m, r) => later(m, r.at), from.revisions),
    curations: curations.reduce((m, c) => later(m, c.at), from.curations),
    seen: { revisions: new Set(), curations: new Set() },
  };
  // Keys stay seen while they are inside the look-back window.
  const keep = (old: Set<string>, fresh: { id: string; at: string }[], at: string | null) => {
    const floor = lookBack(at);
    const kept = new Set([...old].filter((k) => atOf(k) >= floor));
    for (const x of fresh) if (x.at >= floor) kept.add(key(x));
    return kept;
  };
  watermark.seen.revisions = keep(from.seen.revisions, revisions, watermark.revisions);
  watermark.seen.curations = keep(from.seen.curations, curations, watermark.curations);
  const changes = { revisions, curations, watermark };
  const alone = !revisions.length && !curations.some((c) => c.op === 'merge');
  return {
    version,
    changes,
    touched: alone
      ? {
          eventIds: curations.filter((c) => c.targetKind === 'event').map((c) => c.target),
          events: row.get('events') as unknown[],
          statementIds: curations.filter((c) => c.targetKind === 'statement').map((c) => c.target),
          statements: row.get('statements') as Touched['statements'],
          actors: row.get('actors') as Touched['actors'],
          places: row.get('places') as unknown[],
          documents: [],
        }
      : null,
  };
}

/** What the index knows of the graph before the changes (to find what they take away). */
export interface Known {
  documents: Map<string, string>;
  eventsOf: Map<string, Set<{ id: string }>>;
  statementsOf: Map<string, Map<string, unknown>>;
}

export interface Touched {
  /** Every event the changes may have touched; those not current have no row in `events`. */
  eventIds: string[];
  events: unknown[];
  statementIds: string[];
  statements: { id: string; date?: string | null; speakers: string[] }[];
  actors: { id: string; actor: unknown; mentions: unknown; reports: unknown }[];
  places: unknown[];
  /** Documents whose CURRENT revision changed: [document, revision]. */
  documents: [string, string][];
}

/** Reads again everything the changes touched, as it is now. */
export async function readTouched(
  ctx: ServerContext,
  known: Known,
  changes: Changes,
): Promise<Touched> {
  const revisions = new Set<string>();
  const documents: [string, string][] = [];
  for (const r of changes.revisions) {
    revisions.add(r.id);
    const before = known.documents.get(r.document);
    if (before) revisions.add(before);
    if (r.current) documents.push([r.document, r.id]);
  }
  const events = new Set<string>();
  const statements = new Set<string>();
  const actors = new Set<string>();
  const merged = new Set<string>();
  for (const c of changes.curations) {
    if (c.targetKind === 'event') events.add(c.target);
    else if (c.targetKind === 'statement') statements.add(c.target);
    else if (c.targetKind === 'actor') {
      actors.add(c.target);
      if (c.op === 'merge') {
        merged.add(c.target);
        if (c.into) actors.add(c.into);
        // What the merged actor held before: a merge takes it away.
        for (const e of known.eventsOf.get(c.target) ?? []) events.add(e.id);
        for (const s of known.statementsOf.get(c.target)?.keys() ?? []) statements.add(s);
      }
    }
  }
  const none: Touched = {
    eventIds: [],
    events: [],
    statementIds: [],
    statements: [],
    actors: [],
    places: [],
    documents,
  };
  if (!revisions.size && !events.size && !statements.size && !actors.size) return none;
  // Three reads at once, each with one map parameter (Neo4j re-plans a query when a list
  // parameter's size bucket changes; a map keeps one cached plan).
  const t = {
    revisions: [...revisions],
    merged: [...merged],
    events: [...events],
    statements: [...statements],
    actors: [...actors],
  };
  const [e, s, a] = await Promise.all([
    read(
      ctx,
      `WITH COLLECT {
         UNWIND $t.revisions AS rid MATCH (:Revision {id: rid})<-[:EVIDENCED_BY]-(e:Event) RETURN e.id AS id
         UNION UNWIND $t.merged AS aid MATCH (:Actor {id: aid})-[:PERFORMED]->(e:Event) RETURN e.id AS id
         UNION UNWIND $t.merged AS aid MATCH (:Actor {id: aid})<-[:DIRECTED_AT]-(e:Event) RETURN e.id AS id
         UNION UNWIND $t.events AS id RETURN id
       } AS ids
       CALL (ids) {
         UNWIND ids AS id MATCH (e:Event {id: id}) WHERE e.current = true
         RETURN collect(${EVENT_ROW('e')}) AS events
       }
       CALL (events) {
         UNWIND events AS e WITH DISTINCT e.place AS pid WHERE pid IS NOT NULL
         MATCH (p:Place {id: pid})
         RETURN collect(${PLACE_ROW('p')}) AS places
       }
       RETURN ids, events, places`,
      { t },
    ),
    read(
      ctx,
      `WITH COLLECT {
         UNWIND $t.revisions AS rid MATCH (:Revision {id: rid})<-[:EVIDENCED_BY]-(s:Statement) RETURN s.id AS id
         UNION UNWIND $t.merged AS aid MATCH (:Actor {id: aid})-[:SAID]->(s:Statement) RETURN s.id AS id
         UNION UNWIND $t.statements AS id RETURN id
       } AS ids
       CALL (ids) {
         UNWIND ids AS id MATCH (s:Statement {id: id}) WHERE s.current = true
         RETURN collect(${STATEMENT_ROW('s')}) AS statements
       }
       RETURN ids, statements`,
      { t },
    ),
    read(
      ctx,
      `UNWIND COLLECT {
         UNWIND $t.revisions AS rid MATCH (:Revision {id: rid})<-[:MENTIONED_IN]-(a:Actor) RETURN a.id AS id
         UNION UNWIND $t.actors AS id RETURN id
       } AS id
       MATCH (a:Actor {id: id})
       ${ACTOR_MENTIONS('a')}
       RETURN collect(${ACTOR_ROW('a')}) AS actors`,
      { t },
    ),
  ]);
  return {
    eventIds: e.records[0].get('ids') as string[],
    events: e.records[0].get('events') as unknown[],
    statementIds: s.records[0].get('ids') as string[],
    statements: s.records[0].get('statements') as Touched['statements'],
    actors: a.records[0].get('actors') as Touched['actors'],
    places: e.records[0].get('places') as unknown[],
    documents,
  };
}
