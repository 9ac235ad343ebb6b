// Where a place or a state is: a pure lookup over the trimmed data (data/places.json, built by
// build.ts). A place resolves only when the data says which one it is; otherwise it stays
// unlocated with the reason, never guessed.
import type { CityRow, PlacesData } from './build.ts';
import { foldName } from './fold.ts';

export type Located =
  | { lat: number; lon: number; source: 'city'; population: number }
  | { lat: null; lon: null; source: 'unresolved'; reason: 'unknown' | 'ambiguous' };

export interface Gazetteer {
  countries: Map<string, [number, number]>;
  cities: Map<string, CityRow[]>;
}

export function gazetteer(data: PlacesData): Gazetteer {
  const cities = new Map<string, CityRow[]>();
  for (const row of data.cities) {
    const key = foldName(row[0]);
    const list = cities.get(key) ?? [];
    list.push(row);
    cities.set(key, list);
  }
  return { countries: new Map(Object.entries(data.countries)), cities };
}

/** Without a country, the largest namesake must be this many times the next one elsewhere. */
const DOMINANT = 10;

/**
 * The city a place name means and, when the report tells it, its country. In a known country its
 * largest namesake wins (the town the news is about is usually the one people know); without a
 * country only a namesake that dwarfs the others does ("Paris", not "Geneva" the Illinois town).
 */
export function cityNamed(
  g: Gazetteer,
  name: string,
  country: string | null,
): CityRow | 'unknown' | 'ambiguous' {
  const all = g.cities.get(foldName(name)) ?? [];
  const candidates = country ? all.filter((c) => c[1] === country) : all;
  const byPopulation = [...candidates].sort((a, b) => b[4] - a[4]);
  const best = byPopulation[0];
  if (!best) return 'unknown';
  const rival = byPopulation.find((c) => c[1] !== best[1]);
  if (!country && rival && best[4] < DOMINANT * rival[4]) return 'ambiguous';
  return best;
}

/** A place by name and, when the report tells it, country (see cityNamed). */
export function locatePlace(g: Gazetteer, name: string, country: string | null): Located {
  const best = cityNamed(g, name, country);
  if (typeof best === 'string') return { lat: null, lon: null, source: 'unresolved', reason: best };
  return { lat: best[2], lon: best[3], source: 'city', population: best[4] };
}

/** A state's reference point (world-countries' latlng), or null for a code the data lacks. */
export function locateCountry(g: Gazetteer, code: string): { lat: number; lon: number } | null {
  const p = g.countries.get(code);
  return p ? { lat: p[0], lon: p[1] } : null;
}
