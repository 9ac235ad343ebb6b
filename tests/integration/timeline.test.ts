// The date brush's data (GET /api/timeline) counts every current event, not a first page: on a
// corpus of more than 500 events the brush used to bin only the oldest 500, so later weeks were
// missing from it and could not be selected.
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../bench/synthetic.ts';
import { ingestItems } from '../../ingest/index.ts';
import type { Timeline } from '../../server/api/types.ts';
import { call, serve } from './api.helpers.ts';
import { syntheticItems, testDriver, wipe } from './ingest-helpers.ts';

let driver: Driver;
let server: { url: string; close(): Promise<void> };
const get = <T>(path: string) => call<T>(server.url, path);

beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
  const reports = generateReports(160, 11);
  const outcomes = await ingestItems(driver, syntheticItems(reports));
  expect(outcomes.filter((o) => o.error)).toEqual([]);
  server = await serve(driver);
}, 240_000);

afterAll(async () => {
  await server?.close();
  await wipe(driver);
  await driver.close();
});

async function eventsPerDay(where = ''): Promise<{ total: number; days: Map<string, number> }> {
  const { records } = await driver.executeQuery(
    `MATCH (e:Event {current: true}) ${where}
     RETURN CASE WHEN e.date =~ '\\\\d{4}-\\\\d{2}-\\\\d{2}.*' THEN left(e.date, 10) END AS day, count(e) AS n`,
  );
  const days = new Map<string, number>();
  let total = 0;
  for (const r of records) {
    const n = Number(r.get('n'));
    total += n;
    if (r.get('day')) days.set(r.get('day') as string, n);
  }
  return { total, days };
}

describe('GET /api/timeline', () => {
  it('counts every current event by day, more than a page of 500, undated apart', async () => {
    const truth = await eventsPerDay();
    expect(truth.total).toBeGreaterThan(500);
    const r = await get<Timeline>('/api/timeline');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(truth.total);
    expect(new Map(r.body.days.map((d) => [d.date, d.events]))).toEqual(truth.days);
    const dated = r.body.days.reduce((n, d) => n + d.events, 0);
    expect(dated + r.body.undated).toBe(truth.total);
    // The newest day is the corpus's, not the 500th oldest event's.
    const newest = [...truth.days.keys()].sort().at(-1);
    expect(r.body.days.at(-1)?.date).toBe(newest);
  });

  it('applies the viewer filters as /api/events does', async () => {
    const truth = await eventsPerDay(`WHERE e.type = 'CONSULT'`);
    const r = await get<Timeline>('/api/timeline?types=CONSULT');
    expect(r.body.total).toBe(truth.total);
    expect(new Map(r.body.days.map((d) => [d.date, d.events]))).toEqual(truth.days);
  });

  it('refuses bad input with a clear 400', async () => {
    const bad = await get<{ error: { message: string } }>('/api/timeline?types=DANCE');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/types/);
  });
});
