// Coordinates at ingest: the sample reports' places and states land where they are on the globe
// (within 25 km for places), through the real ingest into the real Neo4j; unknown places stay
// unlocated and are listed as such.
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { distanceKm as km } from '../../ingest/geo/distance.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths, locateStored } from '../../ingest/index.ts';
import type { EventItem, Page, PlacesOnMap } from '../../server/api/types.ts';
import { call, serve } from './api.helpers.ts';
import { testDriver, wipe } from './ingest-helpers.ts';

let driver: Driver;
let server: { url: string; close(): Promise<void> };
const get = <T>(path: string) => call<T>(server.url, path);

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
  await server?.close();
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

describe('a graph written before ingest located places', () => {
  it('gets its coordinates once at start, and a second run changes nothing', async () => {
    await driver.executeQuery(`MATCH (n) WHERE n:Place OR n:State REMOVE n.lat, n.lon, n.geo`);
    const done = await locateStored(driver);
    expect(done.places).toBeGreaterThan(3);
    expect(done.states).toBeGreaterThan(3);
    const places = await coordinates('Place');
    expect(
      km(places.get('place:kostiantynivka') as { lat: number; lon: number }, {
        lat: 48.5333,
        lon: 37.7167,
      }),
    ).toBeLessThan(25);
    expect((await coordinates('State')).get('state:UKR')).toMatchObject({ lat: 49, lon: 32 });
    expect(await locateStored(driver)).toEqual({ places: 0, states: 0 });
  });
});

describe('GET /api/places', () => {
  // Started after the backfill above: its graph index (warmed at start) sees the coordinates.
  beforeAll(async () => {
    server = await serve(driver);
  });

  it('puts every current event on the map, among the unlocated places, or among the unplaced', async () => {
    const r = await get<PlacesOnMap>('/api/places');
    expect(r.status).toBe(200);
    const { records } = await driver.executeQuery(
      `MATCH (e:Event {current: true})
       RETURN count(e) AS total, sum(CASE WHEN EXISTS { (e)-[:AT]->() } THEN 0 ELSE 1 END) AS unplaced`,
    );
    const total = Number(records[0].get('total'));
    expect(r.body.total).toBe(total);
    expect(r.body.unplaced).toBe(Number(records[0].get('unplaced')));
    const onMap = r.body.items.reduce((n, p) => n + p.events, 0);
    const unlocated = r.body.unlocated.reduce((n, p) => n + p.events, 0);
    expect(onMap + unlocated + r.body.unplaced).toBe(total);
    const geneva = r.body.items.find((p) => p.id === 'place:geneva');
    expect(km(geneva as { lat: number; lon: number }, { lat: 46.2044, lon: 6.1432 })).toBeLessThan(
      25,
    );
    // Geneva's events are the talks (consultations) and a rejection.
    expect(geneva?.byQuad['verbal-cooperation']).toBeGreaterThan(0);
    const berlin = r.body.items.find((p) => p.id === 'place:berlin');
    expect(berlin?.events).toBeGreaterThan(0);
  });

  it('applies the viewer filters as /api/events does', async () => {
    const r = await get<PlacesOnMap>('/api/places?types=ASSAULT');
    expect(r.body.items.map((p) => p.id).sort()).toEqual(['place:berlin', 'place:kostiantynivka']);
    const none = await get<PlacesOnMap>('/api/places?since=2030-01-01');
    expect(none.body).toEqual({ items: [], unlocated: [], unplaced: 0, total: 0 });
  });

  it('lists the events at chosen places', async () => {
    const r = await get<Page<EventItem>>('/api/events?places=place:berlin,place:geneva&limit=100');
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(1);
    for (const e of r.body.items) expect(['place:berlin', 'place:geneva']).toContain(e.place?.id);
  });

  it('refuses bad input with a clear 400', async () => {
    const bad = await get<{ error: { code: string; message: string } }>('/api/places?since=soon');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/since/);
    const many = await get<{ error: { message: string } }>(
      `/api/events?places=${Array.from({ length: 201 }, (_, i) => `p${i}`).join(',')}`,
    );
    expect(many.status).toBe(400);
  });
});
