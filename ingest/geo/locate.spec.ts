import { distanceKm as km } from './distance.ts';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './index.ts';
import { locateCountry, locatePlace } from './locate.ts';
import { foldName } from './fold.ts';

const g = loadGazetteer();

function at(name: string, country: string | null) {
  const p = locatePlace(g, name, country);
  if (p.lat === null) throw new Error(`${name}: ${p.reason}`);
  return p;
}

describe('locatePlace', () => {
  it("puts the sample's places within 25 km of where they are", () => {
    expect(km(at('Miami', 'USA'), { lat: 25.7617, lon: -80.1918 })).toBeLessThan(25);
    expect(km(at('Geneva', 'CHE'), { lat: 46.2044, lon: 6.1432 })).toBeLessThan(25);
    expect(km(at('Kostiantynivka', 'UKR'), { lat: 48.5333, lon: 37.7167 })).toBeLessThan(25);
    expect(km(at('Berlin', 'DEU'), { lat: 52.52, lon: 13.405 })).toBeLessThan(25);
    expect(km(at('Kyiv', 'UKR'), { lat: 50.45, lon: 30.5234 })).toBeLessThan(25);
  });

  it('takes the country the report gives over a larger namesake elsewhere', () => {
    expect(km(at('Geneva', 'USA'), { lat: 41.8875, lon: -88.3054 })).toBeLessThan(25);
    expect(km(at('Donetsk', 'RUS'), { lat: 48.34, lon: 39.96 })).toBeLessThan(25);
  });

  it('without a country, resolves only a namesake that dwarfs the others', () => {
    expect(km(at('Paris', null), { lat: 48.8566, lon: 2.3522 })).toBeLessThan(25);
    expect(locatePlace(g, 'Geneva', null)).toMatchObject({
      source: 'unresolved',
      reason: 'ambiguous',
    });
  });

  it('leaves a place the data does not know unlocated, not guessed', () => {
    expect(locatePlace(g, 'Camp David', 'USA')).toMatchObject({ lat: null, reason: 'unknown' });
    expect(locatePlace(g, 'Velyka Pysarivka', 'UKR').lat).toBeNull();
    expect(locatePlace(g, 'Kyiv', 'FRA').lat).toBeNull();
  });
});

describe('locateCountry', () => {
  it("gives a state its country's reference point", () => {
    expect(locateCountry(g, 'UKR')).toEqual({ lat: 49, lon: 32 });
    expect(locateCountry(g, 'XYZ')).toBeNull();
  });
});

describe('foldName', () => {
  it('makes romanization variants one', () => {
    expect(foldName('Kostiantynivka')).toBe(foldName('Kostyantynivka'));
    expect(foldName('Odessa')).toBe(foldName('Odesa'));
    expect(foldName('Genève')).toBe(foldName('GENEVE'));
  });
});
