// Analyst curation over HTTP: make one, list the log, undo one, export and import. Every write
// needs PARLEY_TOKEN when it is set; the analyst's name comes from the X-Parley-Analyst header
// (percent-encoded UTF-8 allowed, so any name fits in a header).
import type { Request } from 'express';
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
import type { CurationMade, CurationRecord } from '../api/types.ts';
import type { ServerContext } from '../context.ts';
import { networkFilter } from './graph.ts';
import { networkBefore, networkPatch, type NetworkView } from '../queries/network-answer.ts';
import { ApiError, badRequest } from '../errors.ts';
import { reply, type Handlers } from './handler.ts';

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

export function curationHandlers(
  ctx: ServerContext,
): Handlers<'curations' | 'exportCurations' | 'importCurations' | 'curate' | 'undoCuration'> {
  // What the viewer shows next must see the change. The network index catches up on the next
  // read by itself, in the same round trip as its version check (graph-index.ts currentIndex):
  // a refresh started here would only make that read wait for it. Search waits for the
  // full-text refresh (up to a second) only when names changed (a merge gives the survivor
  // the merged names; an actor edit may rename).
  const settle = async (names: boolean) => {
    if (names) await awaitFulltext(ctx.driver, ctx.database);
  };
  const renames = (op: string, targetKind: string) =>
    op === 'merge' || (op === 'edit' && targetKind === 'actor');

  /**
   * The answer, with the network patch when the caller sent the version of the network it holds.
   * The viewer then shows the curation from the patch, at once, and never waits for search's
   * full-text refresh (about a second; a search typed after that finds the new names).
   * The patch is best-effort: the curation is recorded by then, so a failed read of the network
   * (Neo4j stalling) must not answer 500 (a retry would curate twice); without a patch the viewer
   * reads everything again.
   */
  const made = async (
    record: CurationRecord,
    view: NetworkView | null,
    names: boolean,
  ): Promise<CurationMade> => {
    const network = view && (await networkPatch(ctx, view).catch(() => null));
    if (!network) {
      await settle(names);
      return record;
    }
    return { ...record, network };
  };

  return {
    curations: async ({ query }) => ({ items: await curationLog(ctx.driver, query, ctx.database) }),

    exportCurations: async (_input, _req, res) => {
      res.setHeader('Content-Disposition', 'attachment; filename="parley-curations.json"');
      return exportCurations(ctx.driver, ctx.database);
    },

    importCurations: {
      bodyLimit: IMPORT_LIMIT,
      handle: async ({ body: file }) => {
        const result = await importCurations(ctx.driver, file, ctx.database).catch((e) => {
          throw toApi(e);
        });
        await settle(result.imported + result.undone > 0);
        return result;
      },
    },

    curate: async ({ body, query }, req) => {
      const by = analyst(req);
      // No patch (null) if it cannot be read: the curation does not wait on it.
      const view = await networkBefore(ctx, networkFilter(query)).catch(() => null);
      const record = await curate(ctx.driver, body, by, { database: ctx.database }).catch((e) => {
        throw toApi(e);
      });
      return reply(201, await made(record, view, renames(record.op, record.targetKind)));
    },

    undoCuration: async ({ params: { id }, body: { reason }, query }, req) => {
      const by = analyst(req);
      // No patch (null) if it cannot be read: the curation does not wait on it.
      const view = await networkBefore(ctx, networkFilter(query)).catch(() => null);
      const record = await undo(ctx.driver, id, by, { database: ctx.database, reason }).catch(
        (e) => {
          throw toApi(e);
        },
      );
      const names = renames(String(record.change.undoes), targetKind(String(record.change.of)));
      return reply(201, await made(record, view, names));
    },
  };
}
