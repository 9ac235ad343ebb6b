// What changed (GET /api/changes) at 10,000 synthetic reports ingested through the real
// pipeline (the server bench's database; PARLEY_BENCH_SERVER_DATA and _REPORTS apply alike),
// with 100 of them then updated so the feed has retractions too. Figures: the first request of a
// fresh server (a fresh Neo4j too: cold caches, and the once-per-server look for revisions
// without a stored change, which an older database gets computed then), then p50/p95/p99 of a
// script's requests: the newest changes, changes since a time, and changes that concern one
// actor. Target: p95 < 50 ms.
import { loadavg } from 'node:os';
import type { Driver } from 'neo4j-driver';
import { ingestReport } from '../ingest/ingest.ts';
import { ensureSchema } from '../db/schema.ts';
import type { Changes, Network } from '../server/api/types.ts';
import { startServer } from '../server/index.ts';
import { withBenchNeo4j } from './neo4j.ts';
import { ingestAll, percentile, round, timed } from './server.bench.ts';
import { generateReports } from './synthetic.ts';
import type { BenchResult } from './types.ts';

const log = (s: string) => process.stderr.write(`[changes bench] ${s}\n`);
export async function run(): Promise<BenchResult[]> {
  const count = Number(process.env.PARLEY_BENCH_SERVER_REPORTS || 10_000);
  // The server bench's database (PARLEY_BENCH_SERVER_DATA keeps it across runs).
  const data = process.env.PARLEY_BENCH_SERVER_DATA;
  return withBenchNeo4j('changes', (driver) => measure(driver, count), data);
}

async function measure(driver: Driver, count: number): Promise<BenchResult[]> {
  await ensureSchema(driver);
  await ingestAll(driver, count);
  // Updates: the last sentence of 100 reports dropped (re-running changes nothing more).
  for (const r of generateReports(count, 42).slice(0, 100)) {
    const text = r.text.slice(0, r.text.lastIndexOf('.', r.text.length - 2) + 1);
    await ingestReport(driver, {
      text,
      meta: { id: r.id, title: r.title, publishedAt: r.publishedAt },
    });
  }
  const server = await startServer({ port: 0, host: '127.0.0.1', driver, logger: false });
  try {
    const api = (p: string) => `${server.url}${p}`;
    const first = await timed(api('/api/changes'));
    const feed = first.body as Changes;
    log(`first request ${round(first.ms)} ms: ${feed.total} changes`);
    if (feed.total < count) throw new Error(`only ${feed.total} changes for ${count} reports`);
    const net = (await timed(api('/api/network?limit=2000'))).body as Network;
    const actors = net.nodes.filter((_, i) => i % 10 === 0).slice(0, 100);
    const times = feed.items.map((e) => e.ingestedAt);
    const urls = [
      ...Array.from({ length: 100 }, () => api('/api/changes')),
      ...times.flatMap((t) => [api(`/api/changes?since=${encodeURIComponent(t)}`)]),
      ...actors.map((a) => api(`/api/changes?actor=${encodeURIComponent(a.id)}`)),
    ];
    for (const u of urls.slice(0, 20)) await timed(u);
    const ms: number[] = [];
    for (const u of urls) ms.push((await timed(u)).ms);
    ms.sort((a, b) => a - b);
    const [p50, p95, p99] = [0.5, 0.95, 0.99].map((p) => round(percentile(ms, p)));
    log(`p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms (${ms.length} requests)`);
    const note = `${ms.length} requests over HTTP at ${count} reports (${feed.total} changes): newest 50, since a time, one actor`;
    return [
      {
        name: 'changes: first request of a fresh server',
        value: round(first.ms),
        unit: 'ms',
        note: `stored changes, fresh Neo4j; ${feed.total} changes; load average ${loadavg()[0].toFixed(1)}`,
      },
      { name: 'changes p50', value: p50, unit: 'ms', note },
      { name: 'changes p95', value: p95, unit: 'ms', note: `${note}; target < 50 ms` },
      { name: 'changes p99', value: p99, unit: 'ms', note },
    ];
  } finally {
    await server.close();
  }
}
