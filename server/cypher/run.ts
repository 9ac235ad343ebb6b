// The read-only Cypher runner shared by POST /api/cypher and `parley query`: the lexical filter,
// then — in a READ transaction of its own session, with a timeout — Neo4j's plan of the query
// checked against the allow-list, then the query itself, streamed and stopped at the row and byte caps.
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import type { CypherResult } from '../api/types.ts';
import { DEFAULT_MAX_BYTES } from './limits.ts';
import { ApiError } from '../errors.ts';
import { isTimeout } from '../neo4j-errors.ts';
import { connectResultNodes } from './connect-nodes.ts';
import { refusal } from './guard.ts';
import { checkPlan } from './plan-check.ts';
import { newCollector, toJson } from './values.ts';

export interface CypherOptions {
  database?: string;
  timeoutMs: number;
  maxRows: number;
  /** The JSON answer stops (truncated) before it grows past this many bytes. */
  maxBytes?: number;
  /** Tests turn the filter and the plan check off to prove the READ transaction alone refuses writes. */
  guard?: boolean;
  /** Tests turn the lexical filter off to prove the plan check alone refuses every hostile query. */
  lexical?: boolean;
  /** Gives the query up: its transaction is rolled back (the console worker's time limit). */
  signal?: AbortSignal;
}

export const MAX_QUERY_CHARS = 100_000;

/** Lists and maps in parameters nest no deeper than this. */
export const MAX_PARAM_DEPTH = 32;

/** JSON numbers that are whole become Neo4j integers (LIMIT $n refuses 10.0). */
export function toParams(v: unknown, depth = 0): unknown {
  if (depth > MAX_PARAM_DEPTH) {
    throw new ApiError(
      400,
      'INVALID_PARAMS',
      `query parameters nest deeper than ${MAX_PARAM_DEPTH} levels`,
    );
  }
  if (typeof v === 'number' && Number.isSafeInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map((x) => toParams(x, depth + 1));
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toParams(x, depth + 1)]));
  }
  return v;
}

const jsonBytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');

/**
 * The checks that need no database: an empty or over-long query, the lexical filter, parameters
 * nested too deep. Returns the parameters as Neo4j values. The server runs it before it hands a
 * query to a console worker, so a refusal costs no thread.
 */
export function precheck(
  query: string,
  params: Record<string, unknown>,
  opts: Pick<CypherOptions, 'guard' | 'lexical'>,
): Record<string, unknown> {
  if (!query.trim()) throw new ApiError(400, 'INVALID_BODY', 'the query is empty');
  if (query.length > MAX_QUERY_CHARS) {
    throw new ApiError(413, 'TOO_LARGE', `the query is over ${MAX_QUERY_CHARS} characters`);
  }
  const why = opts.guard !== false && opts.lexical !== false ? refusal(query) : null;
  if (why) throw new ApiError(400, 'CYPHER_REFUSED', why);
  return toParams(params) as Record<string, unknown>;
}

export async function runReadOnly(
  driver: Driver,
  query: string,
  params: Record<string, unknown>,
  opts: CypherOptions,
): Promise<CypherResult> {
  const neoParams = precheck(query, params, opts);
  const guarded = opts.guard !== false;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;

  const t0 = performance.now();
  const session = driver.session({
    defaultAccessMode: neo4j.session.READ,
    database: opts.database,
    // Pull no more than the cap (+1 to know it was exceeded) in the first batch.
    fetchSize: Math.min(opts.maxRows + 1, 10_000),
  });
  // An explicit transaction, not a managed one: a console query is never retried.
  const tx = session.beginTransaction({ timeout: opts.timeoutMs });
  const abandon = () => void tx.rollback().catch(() => {});
  opts.signal?.addEventListener('abort', abandon, { once: true });
  try {
    if (guarded) {
      const planned = await checkPlan(driver, tx, query, neoParams);
      if (planned) throw new ApiError(400, 'CYPHER_REFUSED', planned);
    }
    const graph = newCollector();
    const rows: unknown[][] = [];
    let columns: string[] = [];
    let truncatedBy: CypherResult['truncatedBy'] = undefined;
    let bytes = 0;
    const result = tx.run(query, neoParams);
    for await (const record of result) {
      if (rows.length === 0) columns = [...record.keys].map(String);
      if (rows.length >= opts.maxRows) {
        truncatedBy = 'rows';
        break; // leaving the loop discards the rest on the server
      }
      const nodesBefore = graph.nodes.size;
      const relsBefore = graph.relationships.size;
      const row = record.keys.map((k) => toJson(record.get(k), graph));
      // The row, and the nodes and relationships it brought into the drawing.
      bytes += jsonBytes(row);
      for (const n of [...graph.nodes.values()].slice(nodesBefore)) bytes += jsonBytes(n);
      for (const r of [...graph.relationships.values()].slice(relsBefore)) bytes += jsonBytes(r);
      if (bytes > maxBytes) {
        truncatedBy = 'bytes';
        // Keep the drawing consistent with the rows that are sent.
        for (const id of [...graph.nodes.keys()].slice(nodesBefore)) graph.nodes.delete(id);
        for (const id of [...graph.relationships.keys()].slice(relsBefore)) {
          graph.relationships.delete(id);
        }
        break;
      }
      rows.push(row);
    }
    if (!rows.length) columns = [...((await result.keys()) ?? [])].map(String);
    const truncated = truncatedBy !== undefined;
    if (!truncated) await connectResultNodes(tx, graph);
    return {
      columns,
      rows,
      graph: {
        nodes: [...graph.nodes.values()],
        relationships: [...graph.relationships.values()],
      },
      truncated,
      ...(truncatedBy ? { truncatedBy } : {}),
      ms: Math.round(performance.now() - t0),
    };
  } catch (e) {
    if (isTimeout(e)) {
      throw new ApiError(
        400,
        'QUERY_TIMEOUT',
        `the query ran longer than ${opts.timeoutMs / 1000} s and was stopped`,
      );
    }
    if (e instanceof Neo4jError && e.code === 'Neo.ClientError.Statement.AccessMode') {
      throw new ApiError(
        400,
        'CYPHER_REFUSED',
        `the console is read-only: ${e.message.split('\n')[0]}`,
      );
    }
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', abandon);
    // Nothing a console query did is ever kept (it could not write anyway).
    if (tx.isOpen()) await tx.rollback().catch(() => {});
    await session.close();
  }
}
