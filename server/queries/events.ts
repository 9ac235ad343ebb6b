// Events: one by id (current or not, with evidence) and the keyset-paginated list of current ones.
import type { EventItem, Page } from '../api/types.ts';
import type { ActorKind, PloverCategory } from '../../domain/index.ts';
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
  /** With actor: only events between the two (one performed, the other received), both ways. */
  counterpart?: string;
  type?: PloverCategory;
  /** Events at one of these places. */
  places?: string[];
  types?: PloverCategory[];
  countries?: string[];
  kinds?: ActorKind[];
  since?: string;
  until?: string;
  order?: 'oldest' | 'newest';
  limit: number;
  cursor?: { key: string; id: string };
}

// Oldest first (the timeline's order) or newest first; undated events last either way, ties
// by id. The cursor is the last item's sort key and id. Undated sorts as '~' going up (after
// every date) and as '' going down (after every date too).
const sortKey = (date: string | null, newest: boolean) => date ?? (newest ? '' : '~');

export async function listEvents(ctx: ServerContext, f: EventFilter): Promise<Page<EventItem>> {
  const newest = f.order === 'newest';
  const match = f.actor
    ? `MATCH (:Actor {id: $actor})-[:PERFORMED|DIRECTED_AT]-(e:Event) WITH DISTINCT e`
    : f.places
      ? 'MATCH (p:Place)<-[:AT]-(e:Event) WHERE p.id IN $places WITH DISTINCT e'
      : f.type
        ? 'MATCH (e:Event {type: $type})'
        : 'MATCH (e:Event)';
  const between = f.counterpart
    ? `(EXISTS { (:Actor {id: $actor})-[:PERFORMED]->(e)-[:DIRECTED_AT]->(:Actor {id: $counterpart}) }
        OR EXISTS { (:Actor {id: $counterpart})-[:PERFORMED]->(e)-[:DIRECTED_AT]->(:Actor {id: $actor}) })`
    : 'true';
  // Country and kind filters pick events with a participant that passes both, as the network
  // keeps an actor that passes both (and counts all of its events).
  const participant =
    f.countries || f.kinds
      ? `EXISTS { MATCH (x:Actor)-[:PERFORMED|DIRECTED_AT]-(e)
          WHERE ($countries IS NULL OR x.country IN $countries) AND ($kinds IS NULL OR x.kind IN $kinds) }`
      : 'true';
  const cypher = `${match}
    WHERE e.current = true
      AND ($type IS NULL OR e.type = $type)
      AND ($types IS NULL OR e.type IN $types)
      AND ${dateFilter('e', f.since !== undefined, f.until !== undefined)}
      AND ($places IS NULL OR EXISTS { (e)-[:AT]->(p:Place) WHERE p.id IN $places })
      AND ${between}
      AND ${participant}
    WITH e, coalesce(e.date, '${newest ? '' : '~'}') AS k
    WHERE $ck IS NULL OR ${newest ? 'k < $ck OR (k = $ck AND e.id < $cid)' : 'k > $ck OR (k = $ck AND e.id > $cid)'}
    ORDER BY ${newest ? 'k DESC, e.id DESC' : 'k, e.id'}
    LIMIT $take
    RETURN ${eventItem('e')} AS item`;
  const { records } = await read(ctx, cypher, {
    actor: f.actor ?? null,
    counterpart: f.counterpart ?? null,
    type: f.type ?? null,
    places: f.places ?? null,
    types: f.types ?? null,
    countries: f.countries ?? null,
    kinds: f.kinds ?? null,
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
  return {
    items,
    nextCursor: more && last ? encodeCursor(sortKey(last.date, newest), last.id) : null,
  };
}
