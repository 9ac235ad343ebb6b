// The map's data: current events under the viewer's filters, grouped by the place they happened
// at, with counts by quad class; places without coordinates and events without a place are
// counted apart so the map never drops them silently. Computed from the in-memory graph index.
import { ONTOLOGY, type ActorKind, type PloverCategory } from '../../domain/index.ts';
import type { MapPlace, PlacesOnMap } from '../api/types.ts';
import type { ServerContext } from '../context.ts';
import { dateMatches, indexJson, type GraphIndex, type IndexedEvent } from './graph-index.ts';
import { NO_COUNTRY } from './network.ts';

export interface PlacesFilter {
  since?: string;
  until?: string;
  types?: PloverCategory[];
  countries?: string[];
  kinds?: ActorKind[];
}

/** The event filter of GET /api/events: type and date, and a participant of the kinds and countries. */
export function eventMatches(index: GraphIndex, e: IndexedEvent, f: PlacesFilter): boolean {
  if (f.types && !f.types.includes(e.type)) return false;
  if (!dateMatches(e.date, f.since, f.until)) return false;
  if (!f.countries && !f.kinds) return true;
  return [...e.actors, ...e.recipients].some((id) => {
    const a = index.actors.get(id);
    return (
      !!a &&
      (!f.kinds || f.kinds.includes(a.kind)) &&
      (!f.countries || f.countries.includes(a.country ?? NO_COUNTRY))
    );
  });
}

export function computePlaces(index: GraphIndex, f: PlacesFilter): PlacesOnMap {
  const located = new Map<string, MapPlace>();
  const unlocated = new Map<string, PlacesOnMap['unlocated'][number]>();
  let unplaced = 0;
  let total = 0;
  for (const e of index.events.values()) {
    if (!eventMatches(index, e, f)) continue;
    total++;
    const p = e.place ? index.places.get(e.place) : undefined;
    if (!p) {
      unplaced++;
      continue;
    }
    const ref = { id: p.id, name: p.name, country: p.country };
    if (p.lat === null || p.lon === null) {
      const u = unlocated.get(p.id) ?? { ...ref, events: 0 };
      u.events++;
      unlocated.set(p.id, u);
      continue;
    }
    let m = located.get(p.id);
    if (!m) located.set(p.id, (m = { ...ref, lat: p.lat, lon: p.lon, events: 0, byQuad: {} }));
    m.events++;
    const quad = ONTOLOGY[e.type].quad;
    m.byQuad[quad] = (m.byQuad[quad] ?? 0) + 1;
  }
  const byCount = <T extends { id: string; events: number }>(a: T, b: T) =>
    b.events - a.events || (a.id < b.id ? -1 : 1);
  return {
    items: [...located.values()].sort(byCount),
    unlocated: [...unlocated.values()].sort(byCount),
    unplaced,
    total,
  };
}

/** The map's JSON, memoised per filter and graph version like the network's. */
export const placesJson = (ctx: ServerContext, f: PlacesFilter): Promise<string> =>
  indexJson(ctx, 'places-json', f, computePlaces);
