// Constraints and indexes of the graph model (SPEC §4), created idempotently at start-up.
import type { Driver } from 'neo4j-driver';

const UNIQUE_ID_LABELS = [
  'Document',
  'Revision',
  'Actor',
  'Place',
  'Event',
  'Statement',
  'Curation',
  'Investigation',
] as const;

export const SCHEMA_STATEMENTS: string[] = [
  ...UNIQUE_ID_LABELS.map(
    (label) =>
      `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
  'CREATE INDEX revision_hash IF NOT EXISTS FOR (r:Revision) ON (r.hash)',
  'CREATE INDEX event_type IF NOT EXISTS FOR (e:Event) ON (e.type)',
  'CREATE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.date)',
  'CREATE INDEX event_key IF NOT EXISTS FOR (e:Event) ON (e.key)',
  'CREATE INDEX actor_country IF NOT EXISTS FOR (a:Actor) ON (a.country)',
  'CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind)',
  // Re-application looks curations up by the ids an ingest writes (curation/records.ts).
  'CREATE INDEX curation_target IF NOT EXISTS FOR (c:Curation) ON (c.target)',
  // The server's network index follows new revisions and curations by these
  // (server/queries/graph-changes.ts).
  'CREATE INDEX revision_ingested IF NOT EXISTS FOR (r:Revision) ON (r.ingestedAt)',
  // The feed of changes: those it lists, newest first, counted from the index alone.
  'CREATE INDEX revision_change_feed IF NOT EXISTS FOR (r:Revision) ON (r.changeShown, r.ingestedAt)',
  'CREATE INDEX revision_change_version IF NOT EXISTS FOR (r:Revision) ON (r.changeVersion)',
  'CREATE INDEX curation_recorded IF NOT EXISTS FOR (c:Curation) ON (c.recordedAt)',
  // Eventually consistent: Lucene is updated just after commit instead of inside it, which cuts
  // an ingest transaction's commit time about threefold; searches lag writes by milliseconds.
  'CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.aliasText] ' +
    'OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}',
  'CREATE FULLTEXT INDEX fact_text IF NOT EXISTS FOR (n:Event|Statement) ON EACH [n.text] ' +
    'OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}',
];

export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) {
    await driver.executeQuery(statement, {}, { database });
  }
  await driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database });
}

/**
 * Waits until the full-text indexes have taken in every committed write. They are eventually
 * consistent and refreshed about once a second (db/src/.../Launcher.java), so an ingest calls
 * this before it returns: what was just ingested is then found by search.
 */
export async function awaitFulltext(driver: Driver, database?: string): Promise<void> {
  await driver.executeQuery(
    'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()',
    {},
    { database },
  );
}
