// Coordinates for the places and states of a revision's plan, written with it (graph/write.ts).
// The data (data/places.json, ~1 MB) is read on first use: by ingest, or by recognition when it
// meets a place the gazetteer does not know (recognize/).
import { readFileSync } from 'node:fs';
import type { PlacesData } from './build.ts';
import { gazetteer, locateCountry, locatePlace, type Gazetteer } from './locate.ts';

export interface PlaceGeoRow {
  id: string;
  lat: number | null;
  lon: number | null;
  /** 'city' when found in the data, 'unresolved' when not (then lat and lon are null). */
  geo: 'city' | 'unresolved';
}

export interface StateGeoRow {
  id: string;
  lat: number;
  lon: number;
}

export interface GeoRows {
  places: PlaceGeoRow[];
  states: StateGeoRow[];
}

let loaded: Gazetteer | null = null;

export function loadGazetteer(): Gazetteer {
  loaded ??= gazetteer(
    JSON.parse(readFileSync(new URL('./data/places.json', import.meta.url), 'utf8')) as PlacesData,
  );
  return loaded;
}

/** The places to locate and the states (id and ISO code) of a plan. */
export interface GeoInput {
  places: { id: string; name: string; country: string | null }[];
  states: { id: string; country: string | null }[];
}

export function locateAll(input: GeoInput, g: Gazetteer = loadGazetteer()): GeoRows {
  const places = input.places.map((p): PlaceGeoRow => {
    const at = locatePlace(g, p.name, p.country);
    return { id: p.id, lat: at.lat, lon: at.lon, geo: at.source };
  });
  const seen = new Set<string>();
  const states: StateGeoRow[] = [];
  for (const s of input.states) {
    const at = s.country ? locateCountry(g, s.country) : null;
    if (!at || seen.has(s.id)) continue;
    seen.add(s.id);
    states.push({ id: s.id, ...at });
  }
  return { places, states };
}

/** A revision's plan with the coordinates of its places and states (as `geo`). */
export function locatePlan<
  P extends {
    places: { id: string; name: string; country: string | null }[];
    actors: { id: string; kind: string; country: string | null }[];
    affiliations: { state: string; stateCountry: string }[];
    geo?: GeoRows;
  },
>(plan: P): P {
  const states = [
    ...plan.actors.filter((a) => a.kind === 'state'),
    ...plan.affiliations.map((a) => ({ id: a.state, country: a.stateCountry })),
  ];
  return { ...plan, geo: locateAll({ places: plan.places, states }) };
}
