// What a revision changed against its document's revision before it (the feed of changes), kept
// on the revision: computed from the write plan and the previous revision's view (which ingest
// reads for its diff anyway) and written by the same query that writes the revision, so the feed
// reads stored rows and never recomputes a diff. Revisions written before this was stored get
// theirs once from the graph (storeMissingChanges, in batches).
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import {
  changeShown,
  figureChanges,
  type ChangeFact,
  type RevisionChange,
} from '../../domain/index.ts';
import {
  factSummary,
  factView,
  planFacts,
  type RevisionFact,
  type RevisionFacts,
  type RevisionView,
} from './diff.ts';
import type { GraphPlan } from './plan.ts';
import { FACTS, PLAN_ONCE } from './read.ts';

export const REVISION_FACTS = `${PLAN_ONCE}
UNWIND $ids AS id
MATCH (r:Revision {id: id})
RETURN r.id AS id, coalesce(r.text, '') AS text, ${FACTS('Event')} AS events,
  ${FACTS('Statement')} AS statements`;

/**
 * The format of a stored change: 2 adds the CHANGED_IN edge from each actor it concerns (what
 * the feed's actor filter follows; a merge moves it as it moves the actor's other edges). A
 * revision carries `changeVersion` once it has both, so that finding whether a database still
 * has revisions to bring up to date is two counts (changesCurrent), not a scan.
 */
export const CHANGE_VERSION = 2;

/** `r`'s CHANGED_IN edges from the actors in the list `ids` (an expression over the variables
 * of `scope`), replacing those it had. */
export const linkChange = (r: string, ids: string, scope = r) => `CALL (${r}) {
  OPTIONAL MATCH (${r})<-[old:CHANGED_IN]-(:Actor) DELETE old
}
CALL (${scope}) {
  UNWIND ${ids} AS aid
  MATCH (a:Actor {id: aid})
  MERGE (a)-[:CHANGED_IN]->(${r})
}`;

// `onlyMissing`: a batch of older revisions never overwrites a change an ingest stored meanwhile.
export const STORE_CHANGE = `${PLAN_ONCE}
UNWIND $rows AS row
MATCH (r:Revision {id: row.id})
WITH r, row WHERE NOT $onlyMissing OR r.changeVersion IS NULL
SET r.change = coalesce(row.change, r.change), r.changeActors = row.actors,
  r.changeShown = coalesce(row.shown, r.changeShown), r.changeVersion = ${CHANGE_VERSION}
WITH r, row
${linkChange('r', 'row.linked', 'r, row')}`;

type Runner = Pick<ManagedTransaction, 'run'>;

function changeFact(f: RevisionFact, kind: 'event' | 'statement'): ChangeFact {
  const view = factView(f, kind === 'event');
  return {
    id: f.id,
    kind,
    type: f.type,
    text: f.text,
    date: f.date,
    summary: factSummary(view),
    actors: [...new Set([...f.actors, ...f.recipients].map((a) => a.id))].sort(),
  };
}

/** What `r` changed against `prev` (null: it is its document's first revision). Pure. */
export function revisionChange(r: RevisionFacts, prev: RevisionFacts | null): RevisionChange {
  // In reading order (events, then statements): the graph returns them in no set order.
  const inText = (rev: RevisionFacts, xs: RevisionFact[]) =>
    xs
      .map((f) => ({ f, at: rev.text.indexOf(f.text) }))
      .sort((a, b) => a.at - b.at || a.f.id.localeCompare(b.f.id))
      .map((x) => x.f);
  const facts = (rev: RevisionFacts | null) =>
    rev
      ? [
          ...inText(rev, rev.events).map((f) => ({ f, kind: 'event' as const })),
          ...inText(rev, rev.statements).map((f) => ({ f, kind: 'statement' as const })),
        ]
      : [];
  const now = facts(r);
  const before = facts(prev);
  const ids = (xs: typeof now) => new Set(xs.map((x) => x.f.id));
  const [nowIds, beforeIds] = [ids(now), ids(before)];
  const added = now.filter((x) => !beforeIds.has(x.f.id)).map((x) => changeFact(x.f, x.kind));
  const removed = before.filter((x) => !nowIds.has(x.f.id)).map((x) => changeFact(x.f, x.kind));
  const figures = prev ? figureChanges(prev.text, r.text) : [];
  // Who a changed figure concerns: the actors of the facts told in its sentence.
  const names = new Map<string, string>();
  const touched = new Set([...added, ...removed].flatMap((f) => f.actors));
  for (const { f } of [...now, ...before]) {
    for (const a of [...f.actors, ...f.recipients]) names.set(a.id, a.name);
    if (figures.some((c) => c.now.includes(f.text) || c.was.includes(f.text)))
      for (const a of [...f.actors, ...f.recipients]) touched.add(a.id);
  }
  return {
    previousRevisionId: prev?.id ?? null,
    status: prev ? 'updated' : 'created',
    added,
    removed,
    figures,
    actors: [...touched].sort().map((id) => ({ id, name: names.get(id) ?? id })),
  };
}

async function readFacts(tx: Runner, ids: string[]): Promise<Map<string, RevisionFacts>> {
  const { records } = await tx.run(REVISION_FACTS, { ids: [...new Set(ids)] });
  return new Map(
    records.map((rec) => [
      rec.get('id') as string,
      {
        id: rec.get('id') as string,
        text: String(rec.get('text')),
        events: rec.get('events') as RevisionFact[],
        statements: rec.get('statements') as RevisionFact[],
      },
    ]),
  );
}

/** A change as the revision keeps it: JSON, the ids of its actors, whether the feed lists it. */
const storedRow = (c: RevisionChange) => ({
  change: JSON.stringify(c),
  actors: c.actors.map((a) => a.id),
  shown: changeShown(c),
});

/** What the plan's revision changes against `previous`, as the revision stores it. */
export const changeRow = (plan: GraphPlan, previous: RevisionView | null) =>
  storedRow(revisionChange(planFacts(plan), previous?.facts ?? null));

const DOCUMENTS_MISSING = `
MATCH (r:Revision) WHERE r.change IS NULL
MATCH (d:Document)-[:HAS_REVISION]->(r)
RETURN DISTINCT d.id AS id`;

const REVISIONS_OF = `
UNWIND $docs AS doc
MATCH (d:Document {id: doc})-[:HAS_REVISION]->(r:Revision)
RETURN d.id AS doc, r.id AS id, r.ingestedAt AS at, r.change IS NULL AS missing`;

/** Revisions with a change stored in an older format (no CHANGED_IN edges yet). */
const UNLINKED = `
MATCH (r:Revision) WHERE r.change IS NOT NULL AND r.changeVersion IS NULL
RETURN r.id AS id, coalesce(r.changeActors, []) AS actors`;

/** Merged actors and the actor each was merged into. */
const MERGED = `MATCH (a:Actor) WHERE a.mergedInto IS NOT NULL RETURN a.id AS id, a.mergedInto AS into`;

/** Documents per transaction when older revisions get their changes. */
const BATCH = 200;
/** Revisions per transaction when older changes get their edges. */
const LINK_BATCH = 1000;

/** Where actor `id` is now: the actor it was merged into, through every later merge. */
export function resolveMerged(merged: ReadonlyMap<string, string>, id: string): string {
  const seen = new Set<string>();
  let at = id;
  while (merged.has(at) && !seen.has(at)) {
    seen.add(at);
    at = merged.get(at)!;
  }
  return at;
}

async function readMerged(driver: Driver, database?: string): Promise<Map<string, string>> {
  const { records } = await driver.executeQuery(
    MERGED,
    {},
    { database, routing: neo4j.routing.READ },
  );
  return new Map(records.map((r) => [r.get('id') as string, r.get('into') as string]));
}

/** A stored change's row for STORE_CHANGE: the actors as stored, the edges on where they are now. */
const linkedRow = (merged: ReadonlyMap<string, string>, actors: string[]) => ({
  actors,
  linked: [...new Set(actors.map((id) => resolveMerged(merged, id)))],
});

/**
 * Whether every revision has its change stored in the current format: the revisions counted
 * from Neo4j's count store against those the `changeVersion` index holds, so two cheap reads
 * however big the graph (a scan for missing properties read cold took seconds).
 */
export async function changesCurrent(driver: Driver, database?: string): Promise<boolean> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (r:Revision) RETURN count(r) AS all }
     CALL () { MATCH (r:Revision) WHERE r.changeVersion = ${CHANGE_VERSION} RETURN count(r) AS current }
     RETURN all = current AS done`,
    {},
    { database, routing: neo4j.routing.READ },
  );
  return records[0].get('done') as boolean;
}

/**
 * Brings the revisions of an older database up to date, once: those written before changes
 * were stored get theirs (each against the revision before it in its document, by ingest
 * time, as the feed ordered them; in batches of documents, each batch one write transaction),
 * then every stored change gets its CHANGED_IN edges (on the actor each actor was merged into
 * since) and `changeVersion`. Returns how many revisions it wrote.
 */
export async function storeMissingChanges(driver: Driver, database?: string): Promise<number> {
  const { records } = await driver.executeQuery(
    DOCUMENTS_MISSING,
    {},
    { database, routing: neo4j.routing.READ },
  );
  const docs = records.map((r) => r.get('id') as string);
  const merged = await readMerged(driver, database);
  let stored = 0;
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    for (let i = 0; i < docs.length; i += BATCH) {
      stored += await session.executeWrite(async (tx) => {
        const revs = (await tx.run(REVISIONS_OF, { docs: docs.slice(i, i + BATCH) })).records.map(
          (r) => ({
            doc: r.get('doc') as string,
            id: r.get('id') as string,
            at: String(r.get('at') ?? ''),
            missing: r.get('missing') as boolean,
          }),
        );
        revs.sort(
          (a, b) =>
            a.doc.localeCompare(b.doc) || a.at.localeCompare(b.at) || a.id.localeCompare(b.id),
        );
        const pairs = revs.flatMap((r, j) =>
          r.missing ? [{ id: r.id, prev: revs[j - 1]?.doc === r.doc ? revs[j - 1].id : null }] : [],
        );
        if (!pairs.length) return 0;
        const facts = await readFacts(
          tx,
          pairs.flatMap((p) => (p.prev ? [p.id, p.prev] : [p.id])),
        );
        const none = (id: string) => ({ id, text: '', events: [], statements: [] });
        const rows = pairs.map((p) => {
          const row = storedRow(
            revisionChange(
              facts.get(p.id) ?? none(p.id),
              p.prev ? (facts.get(p.prev) ?? none(p.prev)) : null,
            ),
          );
          return { id: p.id, ...row, ...linkedRow(merged, row.actors) };
        });
        await tx.run(STORE_CHANGE, { rows, onlyMissing: true });
        return rows.length;
      });
    }
    const unlinked = (await session.executeRead((tx) => tx.run(UNLINKED))).records.map((r) => ({
      id: r.get('id') as string,
      change: null,
      shown: null,
      ...linkedRow(merged, r.get('actors') as string[]),
    }));
    for (let i = 0; i < unlinked.length; i += LINK_BATCH) {
      const rows = unlinked.slice(i, i + LINK_BATCH);
      await session.executeWrite((tx) => tx.run(STORE_CHANGE, { rows, onlyMissing: true }));
      stored += rows.length;
    }
  } finally {
    await session.close();
  }
  return stored;
}
