// Sharing judgements between instances: `parley curations export` writes every curation (with
// its undo, if any) as JSON; import replays them in their original order, under their own ids,
// so importing twice changes nothing. A target this instance lacks is kept as a pending record
// and applied when a report brings it (curation/records.ts, reapplyCurations).
import neo4j, { type Driver, type Node } from 'neo4j-driver';
import { z } from 'zod';
import { curate, undo } from './curate.ts';
import { CurationError } from './effects.ts';
import { analystName, curationRequest, type CurationRecord } from './operations.ts';
import { nodeRecord } from './records.ts';

export const EXPORT_FORMAT = 'parley-curations';

const when = z.string().datetime({ offset: true });

const exported = z.strictObject({
  id: z.string().min(1).max(200),
  by: analystName,
  at: when,
  request: z.unknown(),
  undone: z
    .strictObject({
      id: z.string().min(1).max(200),
      by: analystName,
      at: when,
      reason: z.string().max(2000).nullable(),
    })
    .nullable(),
});

export const exportFile = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: when,
  curations: z.array(exported).max(100_000),
});

export type ExportFile = z.infer<typeof exportFile>;

export async function exportCurations(driver: Driver, database?: string): Promise<ExportFile> {
  const { records } = await driver.executeQuery(
    `MATCH (c:Curation) WHERE c.op <> 'undo'
     OPTIONAL MATCH (u:Curation)-[:UNDOES]->(c)
     RETURN c, u ORDER BY c.at, c.id`,
    {},
    { database, routing: neo4j.routing.READ },
  );
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    curations: records.map((r) => {
      const c = nodeRecord(r.get('c') as Node);
      const u = r.get('u') ? nodeRecord(r.get('u') as Node) : null;
      return {
        id: c.id,
        by: c.by,
        at: c.at,
        request: {
          op: c.op,
          target: c.target,
          ...c.change,
          ...(c.reason ? { reason: c.reason } : {}),
        },
        undone: u ? { id: u.id, by: u.by, at: u.at, reason: u.reason } : null,
      };
    }),
  };
}

export interface ImportResult {
  imported: number;
  /** Already here (same id): an import run twice skips everything the second time. */
  skipped: number;
  /** Targets this instance has not ingested: kept, applied once a report brings them. */
  pending: number;
  undone: number;
}

/** Validates the whole file first (nothing is written if any entry is bad), then replays it. */
export async function importCurations(
  driver: Driver,
  file: unknown,
  database?: string,
): Promise<ImportResult> {
  const parsed = exportFile.safeParse(file);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new CurationError(
      400,
      'INVALID_FILE',
      `not a curations export: ${i.path.join('.') || '(file)'}: ${i.message}`,
    );
  }
  const entries = parsed.data.curations.map((e, n) => {
    const req = curationRequest.safeParse(e.request);
    if (!req.success) {
      const i = req.error.issues[0];
      throw new CurationError(
        400,
        'INVALID_FILE',
        `curations[${n}].request: ${i.path.join('.') || i.message}: ${i.message}`,
      );
    }
    return { ...e, request: req.data };
  });
  const result: ImportResult = { imported: 0, skipped: 0, pending: 0, undone: 0 };
  const { records } = await driver.executeQuery(
    'UNWIND $ids AS id MATCH (c:Curation {id: id}) RETURN c',
    { ids: entries.flatMap((e) => [e.id, ...(e.undone ? [e.undone.id] : [])]) },
    { database, routing: neo4j.routing.READ },
  );
  const known = new Map<string, CurationRecord>(
    records.map((r) => {
      const c = nodeRecord(r.get('c') as Node);
      return [c.id, c];
    }),
  );
  for (const e of [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    if (known.has(e.id) && (!e.undone || known.has(e.undone.id))) {
      result.skipped += 1;
      continue;
    }
    if (!known.has(e.id)) {
      await curate(driver, e.request, e.by, {
        database,
        id: e.id,
        at: e.at,
        allowMissingTarget: true,
      });
      const here = await driver.executeQuery(
        'MATCH (c:Curation {id: $id}) RETURN EXISTS { (c)-[:CURATES]->() } AS linked',
        { id: e.id },
        { database },
      );
      if (!here.records[0]?.get('linked')) result.pending += 1;
      result.imported += 1;
    }
    if (e.undone && !known.has(e.undone.id)) {
      await undo(driver, e.id, e.undone.by, {
        database,
        id: e.undone.id,
        at: e.undone.at,
        reason: e.undone.reason ?? undefined,
      });
      result.undone += 1;
    }
  }
  return result;
}
