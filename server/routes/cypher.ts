// POST /api/cypher: the read-only console.
import { Router } from 'express';
import { cypherBody } from '../api/schemas.ts';
import type { ServerContext } from '../context.ts';
import { runReadOnly } from '../cypher/run.ts';
import { parseBody } from '../validate.ts';

export function cypherRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.post('/cypher', async (req, res) => {
    const { query, params } = parseBody(cypherBody, req.body);
    res.json(
      await runReadOnly(ctx.driver, query, params, {
        database: ctx.database,
        timeoutMs: ctx.limits.cypherTimeoutMs,
        maxRows: ctx.limits.cypherMaxRows,
      }),
    );
  });
  return router;
}
