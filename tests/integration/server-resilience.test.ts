// Neo4j goes away and comes back: 503s with a clear message meanwhile, then service again,
// without restarting the server. Uses its own embedded Neo4j (free port, temp dir).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import {
  boltUri,
  embeddedOptionsFromEnv,
  startEmbedded,
  stopEmbedded,
  type EmbeddedOptions,
} from '../../db/embedded.ts';
import { ensureSchema } from '../../db/schema.ts';
import { generateReports } from '../../bench/synthetic.ts';
import {
  IngestInterrupted,
  ingestItems,
  ingestReport,
  type IngestOutcome,
} from '../../ingest/ingest.ts';
import type { ApiErrorBody, Health, Network } from '../../server/api/types.ts';
import { freePort } from '../setup/neo4j.global.ts';
import { call, postJson, serve, testDriver } from './api.helpers.ts';
import { syntheticItems } from './ingest-helpers.ts';

let dir: string;
let opts: EmbeddedOptions;
let driver: Driver;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-resilience-'));
  opts = {
    ...embeddedOptionsFromEnv({}),
    port: await freePort(),
    dataDir: join(dir, 'neo4j'),
    heap: '512m',
    pageCache: '64m',
  };
  await startEmbedded(opts);
  driver = testDriver(boltUri(opts));
  await ensureSchema(driver);
  await ingestReport(driver, {
    text: 'Ukraine and Russia met in Geneva on Monday. Russia rejected the proposal from Ukraine.',
    meta: { id: 'resilience', publishedAt: '2025-12-21' },
  });
  server = await serve(driver);
}, 420_000);

afterAll(async () => {
  await server?.close();
  await driver?.close();
  if (opts) await stopEmbedded(opts);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('answers 503 while Neo4j is down and recovers when it is back', async () => {
  const up = await call<Health>(server.url, '/api/health');
  expect(up.status).toBe(200);
  expect(up.body.neo4j.connected).toBe(true);
  const before = await call<Network>(server.url, '/api/network');
  expect(before.status).toBe(200);
  expect(before.body.nodes.length).toBeGreaterThan(0);

  // An ingest is under way when Neo4j goes away (issue 17, finding 5).
  const outcomes: IngestOutcome[] = [];
  const reports = generateReports(400, 7);
  const run = ingestItems(driver, syntheticItems(reports), {
    onOutcome: (o) => outcomes.push(o),
  }).catch((e: unknown) => e);
  while (outcomes.length < 5) await new Promise((r) => setTimeout(r, 20));

  await stopEmbedded(opts);

  const interrupted = await run;
  expect(interrupted).toBeInstanceOf(IngestInterrupted);
  const { counts } = interrupted as IngestInterrupted;
  // Stopped once, with one message: no per-report error lines for the unavailability.
  expect(outcomes.filter((o) => o.error)).toEqual([]);
  expect(counts.written).toBe(outcomes.filter((o) => o.diff?.status === 'created').length);
  expect(counts.written).toBeLessThan(reports.length);
  expect((interrupted as Error).message).toMatch(
    new RegExp(`${counts.written} of ${reports.length} reports were written`),
  );

  // The first request may wait for the driver to find out; after that, 503 within a second.
  await call(server.url, '/api/network');
  for (const path of ['/api/health', '/api/network', '/api/events', '/api/search?q=ukr']) {
    const t0 = performance.now();
    const r = await call(server.url, path);
    const ms = performance.now() - t0;
    expect(r.status, path).toBe(503);
    expect(ms, path).toBeLessThan(1000);
  }

  const health = await call<Health>(server.url, '/api/health');
  expect(health.body.neo4j.error).toMatch(/since \d{4}-\d\d-\d\dT/);
  expect(health.status).toBe(503);
  expect(health.body.neo4j.connected).toBe(false);
  expect(health.body.neo4j.error).toBeTruthy();
  for (const path of [
    '/api/network',
    '/api/actors/state:UKR',
    '/api/events',
    '/api/search?q=ukr',
  ]) {
    const r = await call<ApiErrorBody>(server.url, path);
    expect(r.status, path).toBe(503);
    expect(r.body.error.code, path).toBe('NEO4J_UNAVAILABLE');
    expect(r.body.error.message, path).toMatch(/Neo4j/);
  }
  const cypher = await postJson(server.url, '/api/cypher', { query: 'RETURN 1' });
  expect(cypher.status).toBe(503);
  // Static and ontology do not need the database.
  expect((await call(server.url, '/api/ontology')).status).toBe(200);

  await startEmbedded(opts); // same port, same data directory

  let again = await call<Health>(server.url, '/api/health');
  for (let i = 0; i < 50 && again.status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 200));
    again = await call<Health>(server.url, '/api/health');
  }
  expect(again.status).toBe(200);
  expect(again.body.neo4j.connected).toBe(true);
  // What was reported written is exactly what committed.
  const ids = reports.map((r) => r.id);
  const committed = await driver.executeQuery(
    'MATCH (d:Document)-[:CURRENT]->() WHERE d.id IN $ids RETURN count(d) AS n',
    { ids },
  );
  const n = Number(committed.records[0].get('n'));
  expect(n).toBeGreaterThanOrEqual(counts.written);
  expect(n).toBeLessThanOrEqual(counts.written + counts.inFlight);

  const after = await call<Network>(server.url, '/api/network');
  expect(after.status).toBe(200);
  // Nothing was lost (the interrupted ingest only added).
  expect(after.body.nodes.map((n) => n.id)).toEqual(
    expect.arrayContaining(before.body.nodes.map((n) => n.id)),
  );
}, 420_000);
