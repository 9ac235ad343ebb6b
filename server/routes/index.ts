// All /api routes, mounted from the route table (server/api/routes.ts): for each declared route,
// the token check of a write, the JSON body parser (the route's own limit or the default), the
// validation of path, query and body against the declared schemas, then its handler.
import express, { Router, type RequestHandler } from 'express';
import { ROUTES, type RouteDeclaration, type RouteName } from '../api/routes.ts';
import { emptyQuery, idPath } from '../api/schemas.ts';
import type { ServerContext } from '../context.ts';
import { requireToken } from '../security.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { curationHandlers } from './curations.ts';
import { cypherHandlers } from './cypher.ts';
import { documentHandlers } from './documents.ts';
import { graphHandlers } from './graph.ts';
import { type Handle, type Handler, type Handlers, isReply, SENT } from './handler.ts';
import { healthHandlers } from './health.ts';
import { investigationHandlers } from './investigations.ts';
import { metaHandlers } from './meta.ts';

/** Every declared route's handler: the compiler refuses a route without one. */
function handlers(ctx: ServerContext): Handlers {
  return {
    ...healthHandlers(ctx),
    ...graphHandlers(ctx),
    ...documentHandlers(ctx),
    ...curationHandlers(ctx),
    ...cypherHandlers(ctx),
    ...investigationHandlers(ctx),
    ...metaHandlers(ctx),
  };
}

/** `/api/actors/{id}` → `/actors/{id}` → `/actors/:id` (the router is mounted at /api). */
const expressPath = (path: string) => path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, ':$1');

function mount(
  router: Router,
  route: RouteDeclaration,
  handler: Handler<RouteName>,
  ctx: ServerContext,
  token: string | undefined,
): void {
  const { handle, bodyLimit, use } =
    typeof handler === 'function' ? { handle: handler, bodyLimit: undefined, use: [] } : handler;
  const run: RequestHandler = async (req, res) => {
    const params = route.path.includes('{') ? parseQuery(idPath, req.params) : {};
    const query = parseQuery(route.query ?? emptyQuery, req.query);
    const body =
      route.body && !route.upload
        ? parseBody(route.body, route.bodyOptional ? (req.body ?? {}) : req.body)
        : undefined;
    const out = await (handle as Handle<RouteName>)(
      { params, query, body } as Parameters<Handle<RouteName>>[0],
      req,
      res,
    );
    if (out === SENT) return;
    if (isReply(out)) res.status(out.status).json(out.body);
    else res.json(out);
  };
  router[route.method](
    expressPath(route.path),
    ...(route.auth ? [requireToken(token)] : []),
    express.json({ limit: bodyLimit ?? ctx.limits.jsonBodyBytes }),
    ...(use ?? []),
    run,
  );
}

export function apiRoutes(ctx: ServerContext, opts: { token: string | undefined }): Router {
  const router = Router();
  const all = handlers(ctx);
  for (const name of Object.keys(ROUTES) as RouteName[]) {
    mount(router, ROUTES[name], all[name] as Handler<RouteName>, ctx, opts.token);
  }
  return router;
}
