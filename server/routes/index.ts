// All /api routes, in one router. POST /api/documents parses its own (larger) body, so it is
// mounted before the JSON parser that holds every other request to the small limit.
import express, { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { curationRoutes } from './curations.ts';
import { cypherRoutes } from './cypher.ts';
import { documentRoutes } from './documents.ts';
import { graphRoutes } from './graph.ts';
import { healthRoutes } from './health.ts';
import { metaRoutes } from './meta.ts';

export function apiRoutes(ctx: ServerContext, opts: { token: string | undefined }): Router {
  const router = Router();
  router.use(healthRoutes(ctx));
  router.use(documentRoutes(ctx, opts.token));
  router.use(curationRoutes(ctx, opts.token));
  router.use(express.json({ limit: ctx.limits.jsonBodyBytes }));
  router.use(graphRoutes(ctx));
  router.use(cypherRoutes(ctx));
  router.use(metaRoutes(ctx));
  return router;
}
