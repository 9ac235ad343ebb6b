// Statements: one by id and the keyset-paginated list of current ones (by speaker / about).
import type { Page, StatementItem } from '../api/types.ts';
import { int, read, type ServerContext } from '../context.ts';
import { encodeCursor } from '../validate.ts';
import { toStatementItem } from './items.ts';
import { dateFilter, statementItem } from './projections.ts';

export async function statementById(ctx: ServerContext, id: string): Promise<StatementItem | null> {
  const { records } = await read(
    ctx,
    `MATCH (s:Statement {id: $id}) RETURN ${statementItem('s')} AS item`,
    { id },
  );
  return records.length ? toStatementItem(records[0].get('item')) : null;
}

export interface StatementFilter {
  speaker?: string;
  about?: string;
  since?: string;
  until?: string;
  limit: number;
  cursor?: { key: string; id: string };
}

const UNDATED = '~';

export async function listStatements(
  ctx: ServerContext,
  f: StatementFilter,
): Promise<Page<StatementItem>> {
  const match = f.speaker
    ? 'MATCH (:Actor {id: $speaker})-[:SAID]->(s:Statement)'
    : f.about
      ? 'MATCH (s:Statement)-[:ABOUT]->(:Actor {id: $about})'
      : 'MATCH (s:Statement)';
  const cypher = `${match}
    WHERE s.current = true
      AND ($about IS NULL OR EXISTS { (s)-[:ABOUT]->(:Actor {id: $about}) })
      AND ${dateFilter('s', f.since !== undefined, f.until !== undefined)}
    WITH s, coalesce(s.date, '${UNDATED}') AS k
    WHERE $ck IS NULL OR k > $ck OR (k = $ck AND s.id > $cid)
    ORDER BY k, s.id
    LIMIT $take
    RETURN ${statementItem('s')} AS item`;
  const { records } = await read(ctx, cypher, {
    speaker: f.speaker ?? null,
    about: f.about ?? null,
    since: f.since ?? null,
    until: f.until ?? null,
    ck: f.cursor?.key ?? null,
    cid: f.cursor?.id ?? null,
    take: int(f.limit + 1),
  });
  const items = records.map((r) => toStatementItem(r.get('item')));
  const more = items.length > f.limit;
  if (more) items.length = f.limit;
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: more && last ? encodeCursor(last.date ?? UNDATED, last.id) : null,
  };
}
