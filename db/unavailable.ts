// The one rule for "Neo4j is unavailable", used by ingest (stop the run, report what committed)
// and by the server (503, fail fast until it is back). Unavailable means the database cannot be
// reached or cannot serve at all, not that one query failed: a query that overflows Neo4j's stack,
// runs out of memory or times out is the caller's problem, and Neo4j is still there.
import { Neo4jError } from 'neo4j-driver';
import { Neo4jUnavailableError } from './connection.ts';

/** Driver and server codes that mean no database to talk to. */
export const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'ServiceUnavailable', // no connection could be made, or it broke mid-way
  'SessionExpired', // the cluster member went away
  'Neo.TransientError.General.DatabaseUnavailable', // starting, stopping or failed
  'Neo.ClientError.Database.DatabaseNotFound', // NEO4J_DATABASE names no database (yet)
]);

/**
 * Driver errors without a code of their own ('N/A') that still mean Neo4j cannot be reached:
 * every pooled connection hangs (acquisition timed out), or a cluster cannot be discovered.
 */
const UNAVAILABLE_MESSAGES =
  /connection acquisition timed out|could not perform discovery|failed to connect to server|connection was closed by server/i;

export function isNeo4jUnavailable(err: unknown): boolean {
  if (err instanceof Neo4jUnavailableError) return true;
  if (!(err instanceof Neo4jError)) return false;
  if (UNAVAILABLE_CODES.has(err.code)) return true;
  return err.code === 'N/A' && UNAVAILABLE_MESSAGES.test(err.message);
}
