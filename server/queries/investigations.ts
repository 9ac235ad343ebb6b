// Saved investigations: an analyst's named view of the network (filters, selection, play
// position, the actors drawn with their positions, hidden and pinned ones, notes), kept in Neo4j
// as one (:Investigation) node apart from the report graph. The view is stored as JSON text: it
// is only ever read back whole, by the viewer that wrote it.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Investigation, InvestigationSummary } from '../api/types.ts';
import type { investigationBody, investigationPatch, investigationView } from '../api/schemas.ts';
import { read, type ServerContext } from '../context.ts';

export type InvestigationView = z.output<typeof investigationView>;
type New = z.output<typeof investigationBody>;
type Patch = z.output<typeof investigationPatch>;

const write = (ctx: ServerContext, cypher: string, params: Record<string, unknown>) =>
  ctx.driver.executeQuery(cypher, params, { database: ctx.database });

function toInvestigation(raw: Record<string, unknown>): Investigation {
  return {
    id: String(raw.id),
    name: String(raw.name),
    notes: String(raw.notes ?? ''),
    view: JSON.parse(String(raw.view)) as InvestigationView,
    createdAt: String(raw.createdAt),
    updatedAt: String(raw.updatedAt),
  };
}

export async function listInvestigations(ctx: ServerContext): Promise<InvestigationSummary[]> {
  const { records } = await read(
    ctx,
    `MATCH (i:Investigation)
     RETURN i.id AS id, i.name AS name, i.actors AS actors, i.createdAt AS createdAt,
            i.updatedAt AS updatedAt
     ORDER BY i.updatedAt DESC, i.id`,
  );
  return records.map((r) => ({
    id: String(r.get('id')),
    name: String(r.get('name')),
    actors: Number(r.get('actors') ?? 0),
    createdAt: String(r.get('createdAt')),
    updatedAt: String(r.get('updatedAt')),
  }));
}

export async function getInvestigation(
  ctx: ServerContext,
  id: string,
): Promise<Investigation | null> {
  const { records } = await read(ctx, 'MATCH (i:Investigation {id: $id}) RETURN i {.*} AS i', {
    id,
  });
  return records.length ? toInvestigation(records[0].get('i') as Record<string, unknown>) : null;
}

export async function createInvestigation(ctx: ServerContext, inv: New): Promise<Investigation> {
  const now = new Date().toISOString();
  const { records } = await write(
    ctx,
    `CREATE (i:Investigation {id: $id, name: $name, notes: $notes, view: $view, actors: $actors,
                              createdAt: $now, updatedAt: $now})
     RETURN i {.*} AS i`,
    {
      id: `inv-${randomUUID()}`,
      name: inv.name,
      notes: inv.notes,
      view: JSON.stringify(inv.view),
      actors: Object.keys(inv.view.positions).length,
      now,
    },
  );
  return toInvestigation(records[0].get('i') as Record<string, unknown>);
}

/** Renames, rewrites the notes or saves a new view; null when there is no such investigation. */
export async function updateInvestigation(
  ctx: ServerContext,
  id: string,
  patch: Patch,
): Promise<Investigation | null> {
  const set: Record<string, unknown> = { updatedAt: new Date().toISOString() };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.notes !== undefined) set.notes = patch.notes;
  if (patch.view !== undefined) {
    set.view = JSON.stringify(patch.view);
    set.actors = Object.keys(patch.view.positions).length;
  }
  const { records } = await write(
    ctx,
    'MATCH (i:Investigation {id: $id}) SET i += $set RETURN i {.*} AS i',
    { id, set },
  );
  return records.length ? toInvestigation(records[0].get('i') as Record<string, unknown>) : null;
}

/** Whether there was one to delete. */
export async function deleteInvestigation(ctx: ServerContext, id: string): Promise<boolean> {
  const { records } = await write(
    ctx,
    'MATCH (i:Investigation {id: $id}) DELETE i RETURN count(*) AS n',
    { id },
  );
  return Number(records[0]?.get('n') ?? 0) > 0;
}
