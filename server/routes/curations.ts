// Analyst curation over HTTP: make one, list the log, undo one, export and import. Every write
// needs PARLEY_TOKEN when it is set; the analyst's name comes from the X-Parley-Analyst header
// (percent-encoded UTF-8 allowed, so any name fits in a header).
import express, { Router, type Request } from 'express';
import { awaitFulltext } from '../../db/schema.ts';
import {
  analystName,
  curate,
  curationLog,
  CurationError,
  exportCurations,
  importCurations,
  targetKind,
  undo,
} from '../../curation/index.ts';
import { curationBody, curationsFile, curationsQuery, idPath, undoBody } from '../api/schemas.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, badRequest } from '../errors.ts';
import { graphIndex } from '../queries/graph-index.ts';
import { requireToken } from '../security.ts';
import { parseBody, parseQuery } from '../validate.ts';

export const ANALYST_HEADER = 'x-parley-analyst';
const IMPORT_LIMIT = 20 * 1024 * 1024;

function analyst(req: Request): string {
  const raw = req.get(ANALYST_HEADER);
  if (raw === undefined) return 'anonymous';
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw badRequest(`${ANALYST_HEADER}: not valid percent-encoding`, 'INVALID_ANALYST');
  }
  const r = analystName.safeParse(name);
  if (!r.success)
    throw badRequest(`${ANALYST_HEADER}: ${r.error.issues[0].message}`, 'INVALID_ANALYST');
  return r.data;
}

const toApi = (e: unknown) =>
  e instanceof CurationError ? new ApiError(e.status, e.code, e.message) : e;

export function curationRoutes(ctx: ServerContext, token: string | undefined): Router {
  const router = Router();
  const write = requireToken(token);
  const json = express.json({ limit: ctx.limits.jsonBodyBytes });
  // What the viewer shows next must see the change: the network index is rebuilt now, and
  // search waits for the full-text refresh (up to a second) only when names changed (a merge
  // gives the survivor the merged names; an actor edit may rename).
  const settle = async (names: boolean) => {
    if (names) await awaitFulltext(ctx.driver, ctx.database);
    void graphIndex(ctx).catch(() => {});
  };
  const renames = (op: string, targetKind: string) =>
    op === 'merge' || (op === 'edit' && targetKind === 'actor');

  router.get('/curations', async (req, res) => {
    const f = parseQuery(curationsQuery, req.query);
    res.json({ items: await curationLog(ctx.driver, f, ctx.database) });
  });

  router.get('/curations/export', async (_req, res) => {
    res.setHeader('Content-Disposition', 'attachment; filename="parley-curations.json"');
    res.json(await exportCurations(ctx.driver, ctx.database));
  });

  router.post(
    '/curations/import',
    write,
    express.json({ limit: IMPORT_LIMIT }),
    async (req, res) => {
      const file = parseBody(curationsFile, req.body);
      const result = await importCurations(ctx.driver, file, ctx.database).catch((e) => {
        throw toApi(e);
      });
      await settle(result.imported + result.undone > 0);
      res.json(result);
    },
  );

  router.post('/curations', write, json, async (req, res) => {
    const body = parseBody(curationBody, req.body);
    const by = analyst(req);
    const record = await curate(ctx.driver, body, by, { database: ctx.database }).catch((e) => {
      throw toApi(e);
    });
    await settle(renames(record.op, record.targetKind));
    res.status(201).json(record);
  });

  router.post('/curations/:id/undo', write, json, async (req, res) => {
    const { id } = parseQuery(idPath, req.params);
    const { reason } = parseBody(undoBody, req.body ?? {});
    const by = analyst(req);
    const record = await undo(ctx.driver, id, by, { database: ctx.database, reason }).catch((e) => {
      throw toApi(e);
    });
    await settle(renames(String(record.change.undoes), targetKind(String(record.change.of))));
    res.status(201).json(record);
  });

  return router;
}
