// The write side: one revision's plan into Neo4j in one managed write transaction, with what
// it changed against the revision before it (./changes.ts) on the revision.
//
// The transaction first locks the Document node (MERGE + SET), then reads its CURRENT revision:
// two processes ingesting the same report serialise here, and the second one sees the first
// one's revision and rolls back as "unchanged". The writes are one query of UNWIND steps.
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { reapplyCurations } from '../../curation/records.ts';
import { CHANGE_VERSION, changeRow, linkChange } from './changes.ts';
import type { RevisionView } from './diff.ts';
import { PLAN_ONCE, readRevisionView } from './read.ts';
import type { GraphPlan } from './plan.ts';

// Taking the Document's write lock: every writer of this document's revisions goes through it.
const LOCK = `${PLAN_ONCE}
MERGE (d:Document {id: $plan.document.id})
SET d.title = $plan.document.title, d.source = $plan.document.source, d.url = $plan.document.url,
  d.publishedAt = $plan.document.publishedAt
WITH d
OPTIONAL MATCH (d)-[:CURRENT]->(old:Revision)`;

export const LOCK_DOCUMENT = `${LOCK}
RETURN old.id AS revisionId, old.hash AS hash`;

// Edges from the fact `v` to every node whose id the row lists (`n` in the pattern).
const linkEach = (v: string, ids: string, label: string, pattern: string) => `CALL (${v}, row) {
    UNWIND ${ids} AS id
    MATCH (n:${label} {id: id})
    MERGE ${pattern}
  }`;

// The fact `v`'s sentences in the revision `r`, with their offsets.
const evidence = (v: string) => `CALL (${v}, row, r) {
    UNWIND row.evidence AS ev
    MERGE (${v})-[x:EVIDENCED_BY {sentence: toInteger(ev.sentence)}]->(r)
    SET x.start = toInteger(ev.start), x.end = toInteger(ev.end)
  }`;

// What the previous revision had and this one lacks stays current only if another document's
// CURRENT revision still supports it. The first SET takes the node's lock, so the EXISTS that
// follows sees every committed writer of the same node.
const stillCurrent = (list: string, label: string, support: string) => `CALL () {
  UNWIND $plan.gone.${list} AS id
  MATCH (n:${label} {id: id})
  SET n.current = false
  WITH n
  SET n.current = EXISTS { (n)-[:${support}]->(:Revision)<-[:CURRENT]-(:Document) }
}`;

// Nodes other documents share (actors, places, dated events, statements) are write-locked up
// front, in one order every writer follows (label, then id), before any step below touches
// them: the steps reach them in their own orders (an affiliation's state after the actors, a
// state's coordinates after the places, a lost fact last), and two revisions that took the same
// two nodes in opposite orders deadlocked under concurrent ingest. SET of a property to itself
// takes the lock, as in curation/effects.ts. Nodes that do not exist yet are created below.
const lockShared = (list: keyof SharedLocks, label: string) => `CALL () {
  UNWIND $plan.locks.${list} AS id
  MATCH (n:${label} {id: id})
  SET n.id = n.id
}`;

// The revision write as one query: each step is a unit subquery (it runs once, in order) over
// the lists of one map parameter. One statement instead of seven saves a parse, a cache lookup
// and a round of Bolt messages per step; one map instead of several lists keeps one cached plan
// (Neo4j keys plans on the size bucket of every list parameter).
//
// Actors merge by canonical id: the first report's name, kind and codes stay; aliases gather.
// A state a person belongs to may not be named in the report: it is created, not yet current.
// Facts: SET current first, which takes the node's write lock before any edge is merged.
// Facts and actors the previous revision had and this one lacks are `$plan.gone`.
export const WRITE_REVISION = `${LOCK}
WITH d, old.id AS previousId, old.hash AS previousHash
MERGE (r:Revision {id: $plan.revision.id})
ON CREATE SET r.hash = $plan.revision.hash, r.text = $plan.revision.text,
  r.extractor = $plan.revision.extractor
SET r.ingestedAt = $plan.now, r.change = $plan.change.change,
  r.changeActors = $plan.change.actors, r.changeShown = $plan.change.shown,
  r.changeVersion = ${CHANGE_VERSION}
MERGE (d)-[:HAS_REVISION]->(r)
WITH d, r, previousId, previousHash
CALL (d) { MATCH (d)-[c:CURRENT]->() DELETE c }
MERGE (d)-[:CURRENT]->(r)
WITH r, previousId, previousHash
${lockShared('actors', 'Actor')}
${lockShared('places', 'Place')}
${lockShared('events', 'Event')}
${lockShared('statements', 'Statement')}
CALL (r) {
  UNWIND $plan.actors AS row
  MERGE (a:Actor {id: row.id})
  ON CREATE SET a.name = row.name, a.kind = row.kind, a.country = row.country,
    a.sector = row.sector, a.title = row.title, a.aliases = row.aliases
  ON MATCH SET a.country = coalesce(a.country, row.country), a.sector = coalesce(a.sector, row.sector),
    a.title = coalesce(a.title, row.title),
    a.aliases = reduce(acc = coalesce(a.aliases, []), x IN row.aliases |
      CASE WHEN x IN acc OR x = a.name THEN acc ELSE acc + x END)
  SET a.current = true,
    a.aliasText = reduce(s = '', x IN a.aliases | s + CASE WHEN s = '' THEN '' ELSE ' | ' END + x)
  FOREACH (_ IN CASE WHEN a.kind = 'person' THEN [1] ELSE [] END | SET a:Person)
  FOREACH (_ IN CASE WHEN a.kind = 'state' THEN [1] ELSE [] END | SET a:State)
  FOREACH (_ IN CASE WHEN a.kind = 'organization' THEN [1] ELSE [] END | SET a:Organization)
  FOREACH (_ IN CASE WHEN a.kind = 'group' THEN [1] ELSE [] END | SET a:Group)
  MERGE (a)-[m:MENTIONED_IN]->(r)
  SET m.count = toInteger(row.mentions)
}
CALL () {
  UNWIND $plan.affiliations AS row
  MATCH (p:Actor {id: row.actor})
  MERGE (s:Actor {id: row.state})
  ON CREATE SET s:State, s.kind = 'state', s.name = row.stateName, s.country = row.stateCountry,
    s.aliases = [], s.aliasText = '', s.current = false
  MERGE (p)-[f:AFFILIATED_WITH]->(s)
  SET f.title = coalesce(row.title, f.title)
}
CALL () {
  UNWIND $plan.places AS row
  MERGE (p:Place {id: row.id})
  ON CREATE SET p.name = row.name, p.country = row.country
}
CALL () {
  UNWIND coalesce($plan.geo.places, []) AS row
  MATCH (p:Place {id: row.id})
  SET p.lat = row.lat, p.lon = row.lon, p.geo = row.geo
}
CALL () {
  UNWIND coalesce($plan.geo.states, []) AS row
  MATCH (s:Actor {id: row.id})
  SET s.lat = row.lat, s.lon = row.lon
}
CALL (r) {
  UNWIND $plan.events AS row
  MERGE (e:Event {id: row.id})
  ON CREATE SET e.key = row.key, e.type = row.type, e.mode = row.mode, e.quad = row.quad,
    e.score = row.score, e.date = row.date, e.dateText = row.dateText
  ON MATCH SET e.score = CASE WHEN e.mode IS NULL AND row.mode IS NOT NULL THEN row.score ELSE e.score END,
    e.mode = coalesce(e.mode, row.mode), e.dateText = coalesce(e.dateText, row.dateText)
  SET e.current = true, e.text = row.text
  WITH r, e, row
  ${linkEach('e', 'row.actors', 'Actor', '(n)-[:PERFORMED]->(e)')}
  ${linkEach('e', 'row.recipients', 'Actor', '(e)-[:DIRECTED_AT]->(n)')}
  ${linkEach('e', 'row.places', 'Place', '(e)-[:AT]->(n)')}
  ${evidence('e')}
}
CALL (r) {
  UNWIND $plan.statements AS row
  MERGE (s:Statement {id: row.id})
  ON CREATE SET s.key = row.key, s.text = row.text, s.verb = row.verb, s.quote = row.quote,
    s.date = row.date
  SET s.current = true
  WITH r, s, row
  ${linkEach('s', '[row.speaker]', 'Actor', '(n)-[:SAID]->(s)')}
  ${linkEach('s', 'row.about', 'Actor', '(s)-[:ABOUT]->(n)')}
  ${linkEach('s', 'CASE WHEN row.reportedBy IS NULL THEN [] ELSE [row.reportedBy] END', 'Actor', '(s)-[:REPORTED_BY]->(n)')}
  ${evidence('s')}
}
${linkChange('r', '$plan.change.actors')}
${stillCurrent('events', 'Event', 'EVIDENCED_BY')}
${stillCurrent('statements', 'Statement', 'EVIDENCED_BY')}
${stillCurrent('actors', 'Actor', 'MENTIONED_IN')}
RETURN previousId, previousHash`;

/** Thrown inside the transaction to roll it back when another writer got there first. */
class SameContent extends Error {
  constructor(readonly revisionId: string) {
    super('same content');
  }
}

/** Thrown to roll back an optimistic write whose idea of the CURRENT revision was stale. */
class StaleCurrent extends Error {}

export type WriteResult =
  | { status: 'unchanged'; revisionId: string }
  | { status: 'written'; previous: RevisionView | null };

/** The CURRENT revision the caller read before extracting, and its facts. */
export interface ExpectedCurrent {
  revisionId: string | null;
  view: RevisionView | null;
}

const without = (ids: string[], keep: Set<string>) => ids.filter((id) => !keep.has(id));
const idsOf = <T extends { id: string }>(xs: T[]) => new Set(xs.map((x) => x.id));

/**
 * Every node the revision wrote or let go: the analysts' curations of these are re-applied in
 * the same transaction, so a re-ingest never undoes a correction (merges, rejections, edits).
 */
function touchedIds(params: ReturnType<typeof writeParameters>): string[] {
  const { plan } = params;
  return [
    ...plan.actors.map((a) => a.id),
    ...plan.events.map((e) => e.id),
    ...plan.statements.map((s) => s.id),
    ...plan.gone.actors,
    ...plan.gone.events,
    ...plan.gone.statements,
  ];
}

/** Ids of the shared nodes a revision write touches, each list sorted: the lock order. */
export interface SharedLocks {
  actors: string[];
  places: string[];
  events: string[];
  statements: string[];
}

const sortedIds = (...lists: string[][]) => [...new Set(lists.flat())].sort();

/** The one parameter of WRITE_REVISION: the plan, the time, what `previous` loses, the locks. */
function writeParameters(plan: GraphPlan, previous: RevisionView | null) {
  const lost = (before: { id: string }[] | undefined, now: { id: string }[]) =>
    without(
      (before ?? []).map((x) => x.id),
      idsOf(now),
    );
  const gone = {
    actors: lost(previous?.actors, plan.actors),
    events: lost(previous?.events, plan.events),
    statements: lost(previous?.statements, plan.statements),
  };
  const ids = (xs: { id: string }[] | undefined) => (xs ?? []).map((x) => x.id);
  const locks: SharedLocks = {
    actors: sortedIds(
      ids(plan.actors),
      plan.affiliations.map((a) => a.state),
      ids(plan.geo?.states),
      gone.actors,
    ),
    places: sortedIds(ids(plan.places), ids(plan.geo?.places)),
    events: sortedIds(ids(plan.events), gone.events),
    statements: sortedIds(ids(plan.statements), gone.statements),
  };
  const change = changeRow(plan, previous);
  return { plan: { ...plan, now: new Date().toISOString(), gone, locks, change } };
}

/** Transient failures (a deadlock, a lock wait timed out) that outlast the driver's retries. */
const isTransient = (e: unknown): e is Neo4jError =>
  e instanceof Neo4jError && e.code.startsWith('Neo.TransientError.');

/** Rounds of the whole revision transaction after the driver's own retries gave up. */
const UNIT_RETRIES = 4;

/** Backoff before round `n` (0-based): 0.5 s, 1 s, 2 s, 4 s, each ±50% so writers spread out. */
const backoffMs = (n: number) => 500 * 2 ** n * (0.5 + Math.random());

/**
 * Writes one revision in one transaction. With `expected` (what the caller read before
 * extracting), the lock and all writes are one query, and the transaction is rolled back
 * and redone the careful way if the lock shows that another writer moved CURRENT meanwhile:
 * one round trip fewer in the usual case.
 *
 * The driver retries a transient failure for maxTransactionRetryTime; if it still fails, the
 * revision is written again as a unit, the careful way (CURRENT read under the lock), after a
 * backoff: a revision is never lost to contention while others keep Neo4j busy.
 */
export async function writeRevision(
  driver: Driver,
  plan: GraphPlan,
  database?: string,
  expected?: ExpectedCurrent,
  /** Told of each transient failure that is retried as a unit (counted in ingest summaries). */
  onRetry?: (error: Neo4jError) => void,
): Promise<WriteResult> {
  for (let round = 0; ; round++) {
    try {
      return await writeRevisionOnce(driver, plan, database, round === 0 ? expected : undefined);
    } catch (e) {
      if (round >= UNIT_RETRIES || !isTransient(e)) throw e;
      onRetry?.(e);
      await new Promise((resolve) => setTimeout(resolve, backoffMs(round)));
    }
  }
}

async function writeRevisionOnce(
  driver: Driver,
  plan: GraphPlan,
  database?: string,
  expected?: ExpectedCurrent,
): Promise<WriteResult> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  const check = (currentId: string | null, hash: unknown) => {
    if (currentId !== null && hash === plan.revision.hash) throw new SameContent(currentId);
  };
  try {
    if (expected) {
      try {
        return await session.executeWrite(async (tx): Promise<WriteResult> => {
          // The query reads CURRENT under the Document's lock before it writes anything.
          const params = writeParameters(plan, expected.view);
          const { records } = await tx.run(WRITE_REVISION, params);
          const currentId: string | null = records[0]?.get('previousId') ?? null;
          check(currentId, records[0]?.get('previousHash'));
          if (currentId !== expected.revisionId) throw new StaleCurrent();
          await reapplyCurations(tx, touchedIds(params));
          return { status: 'written', previous: expected.view };
        });
      } catch (e) {
        if (!(e instanceof StaleCurrent)) throw e;
      }
    }
    return await session.executeWrite(async (tx): Promise<WriteResult> => {
      const lock = { plan: { document: plan.document } };
      const [head] = (await tx.run(LOCK_DOCUMENT, lock)).records;
      const currentId: string | null = head?.get('revisionId') ?? null;
      check(currentId, head?.get('hash'));
      const previous = currentId ? await readRevisionView(tx, currentId) : null;
      const params = writeParameters(plan, previous);
      await tx.run(WRITE_REVISION, params);
      await reapplyCurations(tx, touchedIds(params));
      return { status: 'written', previous };
    });
  } catch (e) {
    if (e instanceof SameContent) return { status: 'unchanged', revisionId: e.revisionId };
    throw e;
  } finally {
    await session.close();
  }
}
