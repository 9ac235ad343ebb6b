// POST /api/cypher: the read-only console.
import type { ServerContext } from '../context.ts';
import { runReadOnly } from '../cypher/run.ts';
import type { Handlers } from './handler.ts';

export function cypherHandlers(ctx: ServerContext): Handlers<'cypher'> {
  return {
    cypher: ({ body: { query, params } }) =>
      runReadOnly(ctx.driver, query, params, {
        database: ctx.database,
        timeoutMs: ctx.limits.cypherTimeoutMs,
        maxRows: ctx.limits.cypherMaxRows,
      }),
  };
}
