// Places and states written before ingest located them (or by an older place data) get their
// coordinates once: `parley start` and `parley serve` call this after the schema. Idempotent; a
// graph where everything is located costs two indexed reads.
import type { Driver } from 'neo4j-driver';
import { locateAll } from './index.ts';

export async function locateStored(
  driver: Driver,
  database?: string,
): Promise<{ places: number; states: number }> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (p:Place) WHERE p.geo IS NULL
       RETURN collect(p {.id, .name, country: p.country}) AS places }
     CALL () { MATCH (s:State) WHERE s.lat IS NULL
       RETURN collect(s {.id, country: s.country}) AS states }
     RETURN places, states`,
    {},
    { database },
  );
  const places = records[0].get('places') as { id: string; name: string; country: string | null }[];
  const states = records[0].get('states') as { id: string; country: string | null }[];
  if (!places.length && !states.length) return { places: 0, states: 0 };
  const geo = locateAll({ places, states });
  await driver.executeQuery(
    `CALL () { UNWIND $places AS row MATCH (p:Place {id: row.id})
       SET p.lat = row.lat, p.lon = row.lon, p.geo = row.geo }
     CALL () { UNWIND $states AS row MATCH (s:Actor {id: row.id})
       SET s.lat = row.lat, s.lon = row.lon }`,
    geo,
    { database },
  );
  return { places: geo.places.length, states: geo.states.length };
}
