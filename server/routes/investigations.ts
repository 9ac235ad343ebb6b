// Saved investigations: list, open, save, rename or re-save, delete, export and import. Writes
// need PARLEY_TOKEN when it is set (the route table's `auth`).
import type { ServerContext } from '../context.ts';
import { notFound } from '../errors.ts';
import {
  createInvestigation,
  deleteInvestigation,
  getInvestigation,
  listInvestigations,
  updateInvestigation,
} from '../queries/investigations.ts';
import { reply, type Handlers } from './handler.ts';

const missing = (id: string) => notFound(`no investigation with id '${id}'`);

/** A file name from an investigation's name: letters, digits and dashes only. */
const fileName = (name: string) =>
  `parley-investigation-${
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'untitled'
  }.json`;

export function investigationHandlers(
  ctx: ServerContext,
): Handlers<
  | 'investigations'
  | 'investigation'
  | 'saveInvestigation'
  | 'updateInvestigation'
  | 'deleteInvestigation'
  | 'exportInvestigation'
  | 'importInvestigation'
> {
  return {
    investigations: async () => ({ items: await listInvestigations(ctx) }),

    investigation: async ({ params: { id } }) => {
      const inv = await getInvestigation(ctx, id);
      if (!inv) throw missing(id);
      return inv;
    },

    saveInvestigation: async ({ body }) => reply(201, await createInvestigation(ctx, body)),

    updateInvestigation: async ({ params: { id }, body }) => {
      const inv = await updateInvestigation(ctx, id, body);
      if (!inv) throw missing(id);
      return inv;
    },

    deleteInvestigation: async ({ params: { id } }) => {
      if (!(await deleteInvestigation(ctx, id))) throw missing(id);
      return { deleted: id };
    },

    exportInvestigation: async ({ params: { id } }, _req, res) => {
      const inv = await getInvestigation(ctx, id);
      if (!inv) throw missing(id);
      res.setHeader('Content-Disposition', `attachment; filename="${fileName(inv.name)}"`);
      return {
        format: 'parley-investigation' as const,
        version: 1 as const,
        name: inv.name,
        notes: inv.notes,
        view: inv.view,
        exportedAt: new Date().toISOString(),
      };
    },

    importInvestigation: async ({ body: { name, notes, view } }) =>
      reply(201, await createInvestigation(ctx, { name, notes, view })),
  };
}
