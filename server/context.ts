// What every route needs: the driver, the database name and the limits, passed explicitly.
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Extractor } from '../ingest/index.ts';
import type { ConsolePool } from './cypher/console-pool.ts';
import { DEFAULT_MAX_BYTES } from './cypher/limits.ts';
import type { Neo4jWatch } from './neo4j-watch.ts';

export interface Limits {
  /** Cypher console: per-query time limit (all of it, answer included), row and byte caps. */
  cypherTimeoutMs: number;
  cypherMaxRows: number;
  cypherMaxBytes: number;
  /** Console queries running at once, overall and per client address (more get 429). */
  cypherConcurrency: number;
  cypherPerClient: number;
  /** JSON request bodies (the report upload has its own, larger limit). */
  jsonBodyBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  cypherTimeoutMs: 10_000,
  cypherMaxRows: 1_000,
  cypherMaxBytes: DEFAULT_MAX_BYTES,
  cypherConcurrency: 3,
  cypherPerClient: 2,
  jsonBodyBytes: 1024 * 1024,
};

export interface ServerContext {
  driver: Driver;
  database: string | undefined;
  neo4jUri: string;
  limits: Limits;
  /** Memoised whole-graph aggregates (per graph version); none in one-shot CLI runs. */
  cache?: GraphCache;
  /** Whether Neo4j is known to be down (the server fails fast meanwhile); none in CLI runs. */
  watch?: Neo4jWatch;
  /** What uploaded reports are extracted with (default: Parley's own). */
  extractor?: Extractor;
  /** The Cypher console's worker threads; none in CLI runs. */
  console?: ConsolePool;
}

/** Memoised whole-graph aggregates, each kept with the graph version it was computed at
 * (graph-cache.ts fills it). */
export interface GraphCache {
  entries: Map<string, { version: string; value: Promise<unknown> }>;
  max: number;
}

export const newGraphCache = (max = 16): GraphCache => ({ entries: new Map(), max });

/** A read query in its own auto-managed read transaction (follower reads on a cluster). */
export function read<R extends RecordShape = RecordShape>(
  ctx: ServerContext,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<QueryResult<R>> {
  return ctx.driver.executeQuery<QueryResult<R>>(cypher, params, {
    database: ctx.database,
    routing: neo4j.routing.READ,
  });
}

/** A JS number as a Neo4j integer (LIMIT and SKIP refuse floats). */
export const int = (n: number) => neo4j.int(n);
