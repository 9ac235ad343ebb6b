// The read-only Cypher runner shared by POST /api/cypher and `parley query`: the guard, then a
// READ transaction of its own session with a timeout, stopping after the row cap.
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import type { CypherResult } from '../api/types.ts';
import { ApiError } from '../errors.ts';
import { isTimeout } from '../neo4j-errors.ts';
import { refusal } from './guard.ts';
import { newCollector, toJson } from './values.ts';

export interface CypherOptions {
  database?: string;
  timeoutMs: number;
  maxRows: number;
  /** Tests turn the guard off to prove the READ transaction alone refuses writes. */
  guard?: boolean;
}

export const MAX_QUERY_CHARS = 100_000;

/** JSON numbers that are whole become Neo4j integers (LIMIT $n refuses 10.0). */
export function toParams(v: unknown): unknown {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(toParams);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toParams(x)]));
  }
  return v;
}

export async function runReadOnly(
  driver: Driver,
  query: string,
  params: Record<string, unknown>,
  opts: CypherOptions,
): Promise<CypherResult> {
  if (!query.trim()) throw new ApiError(400, 'INVALID_BODY', 'the query is empty');
  if (query.length > MAX_QUERY_CHARS) {
    throw new ApiError(413, 'TOO_LARGE', `the query is over ${MAX_QUERY_CHARS} characters`);
  }
  const why = opts.guard === false ? null : refusal(query);
  if (why) throw new ApiError(400, 'CYPHER_REFUSED', why);

  const t0 = performance.now();
  const session = driver.session({
    defaultAccessMode: neo4j.session.READ,
    database: opts.database,
    // Pull no more than the cap (+1 to know it was exceeded) in the first batch.
    fetchSize: Math.min(opts.maxRows + 1, 10_000),
  });
  try {
    return await session.executeRead(
      async (tx) => {
        const graph = newCollector();
        const rows: unknown[][] = [];
        let columns: string[] = [];
        let truncated = false;
        const result = tx.run(query, toParams(params) as Record<string, unknown>);
        for await (const record of result) {
          if (rows.length === 0) columns = [...record.keys].map(String);
          if (rows.length >= opts.maxRows) {
            truncated = true;
            break; // leaving the loop discards the rest on the server
          }
          rows.push(record.keys.map((k) => toJson(record.get(k), graph)));
        }
        if (!rows.length) columns = [...((await result.keys()) ?? [])].map(String);
        return {
          columns,
          rows,
          graph: {
            nodes: [...graph.nodes.values()],
            relationships: [...graph.relationships.values()],
          },
          truncated,
          ms: Math.round(performance.now() - t0),
        };
      },
      { timeout: opts.timeoutMs },
    );
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
    await session.close();
  }
}
