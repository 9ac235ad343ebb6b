// All /api routes, in one router.
import express, { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { healthRoutes } from './health.ts';

export function apiRoutes(ctx: ServerContext, opts: { token: string | undefined }): Router {
  const router = Router();
  router.use(express.json({ limit: ctx.limits.jsonBodyBytes }));
  router.use(healthRoutes(ctx));
  void opts;
  return router;
}
