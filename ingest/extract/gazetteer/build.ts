// Trims the `world-countries` package (ODbL-1.0) into the small JSON the extractor ships with:
// ISO alpha-3 code, English names, capitals and demonyms. Run: npx tsx ingest/extract/gazetteer/build.ts
// The runtime reads only data/countries.json, never the package.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { CountryRecord } from './index.ts';

interface WorldCountry {
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { f: string; m: string } };
  unMember: boolean;
}

// Latin-script names of three letters or more: two-letter codes ("IN", "IT") collide with words.
const usable = (s: string): boolean => s.length > 2 && /^[A-Za-z][A-Za-z .,'’()-]*$/.test(s);

export function trim(countries: WorldCountry[]): CountryRecord[] {
  return countries
    .map((c) => {
      const names = [c.name.common, c.name.official, ...c.altSpellings]
        .filter(usable)
        .filter((n) => !n.includes(','));
      const capitals = c.capital.map((k) => k.replace(/ D\.C\.$/, '')).filter(usable);
      const dem = c.demonyms?.eng;
      const demonyms = dem
        ? [...new Set([...dem.m.split(','), ...dem.f.split(',')].map((d) => d.trim()))]
        : [];
      return {
        // Kosovo: world-countries says UNK; XKX is the code in use (EU, IMF, news data sets).
        code: c.cca3 === 'UNK' ? 'XKX' : c.cca3,
        name: c.name.common,
        names: [...new Set(names)],
        capitals,
        demonyms: demonyms.filter(usable),
        unMember: c.unMember,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as WorldCountry[];
  const out = join(dirname(fileURLToPath(import.meta.url)), 'data', 'countries.json');
  writeFileSync(out, JSON.stringify(trim(countries), null, 1) + '\n');
  console.log(`wrote ${out}`);
}
