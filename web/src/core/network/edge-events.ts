// The events behind one drawn edge: those in which both actors took part, on either side
// (reciprocal meetings fold both directions into one edge).
import type { EventItem } from '../../../../server/api/types.ts';

export function parseEdgeId(id: string): { source: string; target: string } | null {
  const i = id.indexOf('->');
  if (i <= 0 || i + 2 >= id.length) return null;
  return { source: id.slice(0, i), target: id.slice(i + 2) };
}

export function eventsBetween(events: EventItem[], a: string, b: string): EventItem[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    if (seen.has(e.id)) return false;
    const performers = new Set(e.actors.map((x) => x.id));
    const recipients = new Set(e.recipients.map((x) => x.id));
    const hit =
      (performers.has(a) && recipients.has(b)) || (performers.has(b) && recipients.has(a));
    if (hit) seen.add(e.id);
    return hit;
  });
}
