// Events: one by id (current or not, with evidence) and the keyset-paginated list of current ones.
import type { EventItem, Page } from '../api/types.ts';
import type { PloverCategory } from '../../domain/index.ts';
import { int, read, type ServerContext } from '../context.ts';
import { encodeCursor } from '../validate.ts';
import { toEventItem } from './items.ts';
import { dateFilter, eventItem } from './projections.ts';

export async function eventById(ctx: ServerContext, id: string): Promise<EventItem | null> {
  const { records } = await read(
    ctx,
    `MATCH (e:Event {id: $id}) RETURN ${eventItem('e')} AS item`,
    { id },
  );
  return records.length ? toEventItem(records[0].get('item')) : null;
}

export interface EventFilter {
  actor?: string;
  type?: PloverCategory;
  since?: string;
  until?: string;
  limit: number;
  cursor?: { key: string; id: string };
}

// Timeline order: oldest first, undated last; ties by id. The cursor is the last item's key.
const UNDATED = '~';
const sortKey = (date: string | null) => date ?? UNDATED;

export async function listEvents(ctx: ServerContext, f: EventFilter): Promise<Page<EventItem>> {
  const match = f.actor
    ? `MATCH (:Actor {id: $actor})-[:PERFORMED|DIRECTED_AT]-(e:Event) WITH DISTINCT e`
    : f.type
      ? 'MATCH (e:Event {type: $type})'
      : 'MATCH (e:Event)';
  const cypher = `${match}
    WHERE e.current = true
      AND ($type IS NULL OR e.type = $type)
      AND ${dateFilter('e', f.since !== undefined, f.until !== undefined)}
    WITH e, coalesce(e.date, '${UNDATED}') AS k
    WHERE $ck IS NULL OR k > $ck OR (k = $ck AND e.id > $cid)
    ORDER BY k, e.id
    LIMIT $take
    RETURN ${eventItem('e')} AS item`;
  const { records } = await read(ctx, cypher, {
    actor: f.actor ?? null,
    type: f.type ?? null,
    since: f.since ?? null,
    until: f.until ?? null,
    ck: f.cursor?.key ?? null,
    cid: f.cursor?.id ?? null,
    take: int(f.limit + 1),
  });
  const items = records.map((r) => toEventItem(r.get('item')));
  const more = items.length > f.limit;
  if (more) items.length = f.limit;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(sortKey(last.date), last.id) : null };
}
