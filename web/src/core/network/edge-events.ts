// The events behind one drawn edge source → target: those the source performed with the target
// among the recipients. Reciprocal meetings put everyone on both sides, so they match too.
import type { EventItem } from '../../../../server/api/types.ts';

export function parseEdgeId(id: string): { source: string; target: string } | null {
  const i = id.indexOf('->');
  if (i <= 0 || i + 2 >= id.length) return null;
  return { source: id.slice(0, i), target: id.slice(i + 2) };
}

export function eventsBetween(events: EventItem[], source: string, target: string): EventItem[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    if (seen.has(e.id)) return false;
    const performers = new Set(e.actors.map((x) => x.id));
    const recipients = new Set(e.recipients.map((x) => x.id));
    const hit = performers.has(source) && recipients.has(target);
    if (hit) seen.add(e.id);
    return hit;
  });
}

/** The drawn edge that shows an event — its first performer to its first other recipient, or the
 * other way round where the network folded a reciprocal pair — or null when neither is drawn. */
export function edgeOfEvent(
  ev: Pick<EventItem, 'actors' | 'recipients'>,
  hasEdge: (id: string) => boolean,
): string | null {
  const a = ev.actors[0]?.id;
  const r = ev.recipients.find((x) => x.id !== a)?.id;
  if (!a || !r) return null;
  return [`${a}->${r}`, `${r}->${a}`].find(hasEdge) ?? null;
}
