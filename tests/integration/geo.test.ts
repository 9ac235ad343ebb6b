// Coordinates at ingest: the sample reports' places and states land where they are on the globe
// (within 25 km for places), through the real ingest into the real Neo4j; unknown places stay
// unlocated and are listed as such.
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { distanceKm as km } from '../../ingest/geo/distance.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../ingest/index.ts';
import { testDriver, wipe } from './ingest-helpers.ts';

let driver: Driver;

beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
  const outcomes = await ingestPaths(driver, [
    resolve('samples/miami-talks.md'),
    resolve('samples/geneva-talks.md'),
  ]);
  expect(outcomes.filter((o) => o.error)).toEqual([]);
});

afterAll(async () => {
  await wipe(driver);
  await driver.close();
});

async function coordinates(label: 'Place' | 'State') {
  const { records } = await driver.executeQuery(
    `MATCH (n:${label}) RETURN n.id AS id, n.lat AS lat, n.lon AS lon, n.geo AS geo`,
  );
  return new Map(
    records.map((r) => [
      r.get('id') as string,
      { lat: r.get('lat') as number | null, lon: r.get('lon') as number | null, geo: r.get('geo') },
    ]),
  );
}

describe('coordinates at ingest', () => {
  it('puts Miami, Geneva, Kostiantynivka and Berlin within 25 km of where they are', async () => {
    const places = await coordinates('Place');
    const truth = {
      'place:miami': { lat: 25.7617, lon: -80.1918 },
      'place:geneva': { lat: 46.2044, lon: 6.1432 },
      'place:kostiantynivka': { lat: 48.5333, lon: 37.7167 },
      'place:berlin': { lat: 52.52, lon: 13.405 },
    };
    for (const [id, where] of Object.entries(truth)) {
      const p = places.get(id);
      expect(p?.geo, id).toBe('city');
      expect(km(p as { lat: number; lon: number }, where), id).toBeLessThan(25);
    }
    // Every place either has coordinates or says it has none.
    for (const [id, p] of places)
      expect(p.geo === 'city' ? p.lat !== null : p.lat === null && p.geo === 'unresolved', id).toBe(
        true,
      );
  });

  it('gives every state its country point', async () => {
    const states = await coordinates('State');
    expect(states.size).toBeGreaterThan(3);
    for (const [id, s] of states) expect(typeof s.lat, id).toBe('number');
    expect(states.get('state:UKR')).toMatchObject({ lat: 49, lon: 32 });
  });
});
