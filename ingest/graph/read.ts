// The read side of ingest: a document's CURRENT revision (the unchanged fast path) and a
// revision's actors, events and statements as the diff needs them (also the server's documents
// diff). Ingest's write transaction reads through the same functions.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { DiffActor } from '../../domain/index.ts';
import { factView, type RevisionFact, type RevisionFacts, type RevisionView } from './diff.ts';

export interface CurrentRevision {
  revisionId: string;
  hash: string;
  title: string | null;
}

// Ingest plans are made once and kept (`replan=skip`): every lookup is a seek on a uniqueness
// constraint whatever the statistics say (tests/integration/ingest-plans.test.ts plans them on an
// empty database and finds no scan), while replanning as a database grows from empty stalls every
// writer for as long as the big write query takes to plan, every ten seconds.
export const PLAN_ONCE = 'CYPHER replan=skip';

export const CURRENT_QUERY = `${PLAN_ONCE}
MATCH (d:Document {id: $id})-[:CURRENT]->(r:Revision)
RETURN r.id AS revisionId, r.hash AS hash, d.title AS title`;

/** The document's CURRENT revision (one indexed lookup; the unchanged fast path). */
export async function readCurrent(
  driver: Driver,
  documentId: string,
  database?: string,
): Promise<CurrentRevision | null> {
  const { records } = await driver.executeQuery(
    CURRENT_QUERY,
    { id: documentId },
    { database, routing: neo4j.routing.READ },
  );
  const r = records[0];
  return r ? { revisionId: r.get('revisionId'), hash: r.get('hash'), title: r.get('title') } : null;
}

/** A revision `r`'s events or statements, each once, participants with ids and names. */
export const FACTS = (label: 'Event' | 'Statement') => `COLLECT {
    MATCH (f:${label})-[:EVIDENCED_BY]->(r) WITH DISTINCT f
    RETURN {id: f.id, type: ${label === 'Event' ? 'f.type' : 'f.verb'}, text: f.text, date: f.date,
      actors: COLLECT { MATCH (a:Actor)-[:${label === 'Event' ? 'PERFORMED' : 'SAID'}]->(f) RETURN {id: a.id, name: a.name} },
      recipients: ${label === 'Event' ? 'COLLECT { MATCH (f)-[:DIRECTED_AT]->(a:Actor) RETURN {id: a.id, name: a.name} }' : '[]'}}
  }`;

export const REVISION_VIEW_QUERY = `${PLAN_ONCE}
MATCH (r:Revision {id: $id})
RETURN COLLECT { MATCH (a:Actor)-[:MENTIONED_IN]->(r) RETURN {id: a.id, name: a.name, kind: a.kind} }
    AS actors,
  ${FACTS('Event')} AS events, ${FACTS('Statement')} AS statements,
  coalesce(r.text, '') AS text`;

type Runner = Pick<ManagedTransaction, 'run'>;

/** A revision's actors, events and statements as the diff needs them. */
export async function readRevisionView(tx: Runner, revisionId: string): Promise<RevisionView> {
  const result = await tx.run(REVISION_VIEW_QUERY, { id: revisionId });
  const rec = result.records[0];
  const facts: RevisionFacts = {
    id: revisionId,
    text: rec ? String(rec.get('text')) : '',
    events: rec ? (rec.get('events') as RevisionFact[]) : [],
    statements: rec ? (rec.get('statements') as RevisionFact[]) : [],
  };
  return {
    revisionId,
    actors: rec ? (rec.get('actors') as DiffActor[]) : [],
    events: facts.events.map((f) => factView(f, true)),
    statements: facts.statements.map((f) => factView(f, false)),
    facts,
  };
}

/** Runs readRevisionView in its own read transaction (dry runs). */
export async function readRevisionViewOnce(
  driver: Driver,
  revisionId: string,
  database?: string,
): Promise<RevisionView> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead((tx) => readRevisionView(tx, revisionId));
  } finally {
    await session.close();
  }
}
