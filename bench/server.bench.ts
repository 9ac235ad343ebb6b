// Server latency over real HTTP on a database of 10,000 synthetic reports ingested through the
// real pipeline: actor neighbours, typeahead search, the actor card (p50/p95/p99 each), and the
// network of the top 2,000 actors. Targets: neighbours, search and card p95 < 30 ms; network < 300 ms.
//
// Starts its own embedded Neo4j on a free port in a temporary directory unless NEO4J_URI is set
// (then it uses that database and ingests the reports into it; ids are `synthetic-…`).
// PARLEY_BENCH_SERVER_DATA=DIR keeps the embedded database in DIR across runs, so a second run
// skips the ingest. PARLEY_BENCH_SERVER_REPORTS changes the count (default 10,000).
import type { Driver } from 'neo4j-driver';
import { ensureSchema } from '../db/schema.ts';
import { ingestReport } from '../ingest/ingest.ts';
import type { Network, SearchHit } from '../server/api/types.ts';
import { startServer } from '../server/index.ts';
import { generateReports } from './synthetic.ts';
import { withBenchNeo4j } from './neo4j.ts';
import type { BenchResult } from './types.ts';

const log = (s: string) => process.stderr.write(`[server bench] ${s}\n`);

/** Ingests the reports not yet in the database, a few at a time (the ingest serialises per document). */
export async function ingestAll(driver: Driver, count: number): Promise<void> {
  const reports = generateReports(count, 42);
  const { records } = await driver.executeQuery(
    'MATCH (d:Document) WHERE d.id IN $ids RETURN count(d) AS n',
    { ids: reports.map((r) => r.id) },
  );
  if (Number(records[0].get('n')) === reports.length) {
    log(`${reports.length} reports already in the database`);
    return;
  }
  const t0 = performance.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < reports.length) {
      const r = reports[next++];
      await ingestReport(driver, {
        text: r.text,
        meta: { id: r.id, title: r.title, publishedAt: r.publishedAt },
      });
      if (++done % 1000 === 0) {
        log(`${done} reports ingested in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
export const round = (x: number) => Number(x.toFixed(1));

/** Time to the last byte of the response (the client's JSON.parse is not the server's time). */
export async function timed(url: string): Promise<{ ms: number; body: unknown }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const text = await res.text();
  const ms = performance.now() - t0;
  const body: unknown = JSON.parse(text);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

async function measure(
  name: string,
  urls: string[],
  warmUp: string[],
  target: number,
  what: string,
): Promise<BenchResult[]> {
  for (const u of warmUp) await timed(u); // query plans and page cache, on other actors
  const ms: number[] = [];
  for (const u of urls) ms.push((await timed(u)).ms);
  ms.sort((a, b) => a - b);
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((p) => round(percentile(ms, p)));
  log(`${name}: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms (${ms.length} requests)`);
  const note = `${ms.length} requests over HTTP, ${what}`;
  return [
    { name: `${name} p50`, value: p50, unit: 'ms', note },
    { name: `${name} p95`, value: p95, unit: 'ms', note: `${note}; target < ${target} ms` },
    { name: `${name} p99`, value: p99, unit: 'ms', note },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const count = Number(process.env.PARLEY_BENCH_SERVER_REPORTS || 10_000);
  return withBenchNeo4j(
    'server',
    async (driver) => {
      await ensureSchema(driver);
      await ingestAll(driver, count);
      const server = await startServer({ port: 0, host: '127.0.0.1', driver, logger: false });
      try {
        const api = (p: string) => `${server.url}${p}`;
        const results: BenchResult[] = [];

        // The network of the top 2,000 actors. The server memoises whole-graph aggregates per
        // graph version (any ingest changes it), so there are two figures: cold (a fresh server,
        // i.e. the first request after an ingest) and warm (every later request).
        const cold: number[] = [];
        let net: Network | undefined;
        for (let i = 0; i < 3; i++) {
          const fresh = await startServer({ port: 0, host: '127.0.0.1', driver, logger: false });
          try {
            const r = await timed(`${fresh.url}/api/network?limit=2000`);
            cold.push(r.ms);
            net = r.body as Network;
          } finally {
            await fresh.close();
          }
        }
        await timed(api('/api/network?limit=2000'));
        const warmNet: number[] = [];
        for (let i = 0; i < 10; i++) warmNet.push((await timed(api('/api/network?limit=2000'))).ms);
        const med = (xs: number[]) =>
          round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
        log(
          `network top 2000: cold ${cold.map(round).join(', ')} ms; warm median ${med(warmNet)} ms`,
        );
        const shape = `${net!.nodes.length} actors, ${net!.edges.length} edges`;
        results.push(
          {
            name: 'server: network of the top 2,000 actors (warm)',
            value: med(warmNet),
            unit: 'ms',
            note: `median of 10 over HTTP, memoised for the graph version; ${shape}; target < 300 ms`,
          },
          {
            name: 'server: network of the top 2,000 actors (cold, first request after an ingest)',
            value: med(cold),
            unit: 'ms',
            note: `median of 3 fresh servers (${cold.map(round).join(', ')} ms); ${shape}`,
          },
        );
        // The first network after an ingest into the running server's database: the server
        // patches its index with the new report instead of rebuilding it (graph-changes.ts).
        const afterIngest: number[] = [];
        const extra = generateReports(5, 4242);
        const stamp = Date.now();
        for (const [i, r] of extra.entries()) {
          await ingestReport(driver, {
            text: r.text,
            meta: { id: `after-ingest-${stamp}-${i}`, title: r.title, publishedAt: r.publishedAt },
          });
          afterIngest.push((await timed(api('/api/network?limit=2000'))).ms);
        }
        log(`network top 2000, first after an ingest: ${afterIngest.map(round).join(', ')} ms`);
        results.push({
          name: 'server: network of the top 2,000 actors, first request after an ingest',
          value: med(afterIngest),
          unit: 'ms',
          note: `median of ${afterIngest.length}, each after one new report into the running server's database; target < 300 ms`,
        });
        const filtered = await timed(
          api('/api/network?limit=2000&types=CONSULT,REJECT&since=2025'),
        );
        results.push({
          name: 'server: network with a new filter (types=CONSULT,REJECT, since=2025), first request',
          value: round(filtered.ms),
          unit: 'ms',
          note: `graph index warm: filtering in memory, JSON and gzip; ${(filtered.body as Network).nodes.length} actors`,
        });

        // Actors to ask about: 300 distinct ones spread evenly over the top 2,000 (what an analyst
        // clicks in the network), none of them used for the warm-up. The busiest actor is measured
        // on its own as the worst case.
        const nodes = net!.nodes;
        const step = Math.max(1, Math.floor(nodes.length / 320));
        const spread = nodes.filter((_, i) => i % step === 0);
        const warm = spread.slice(0, 20).map((n) => n.id);
        const picks = spread.slice(20, 320).map((n) => n.id);
        const enc = encodeURIComponent;
        const busiest = nodes[0].id;
        results.push(
          ...(await measure(
            'server: neighbours',
            picks.map((id) => api(`/api/actors/${enc(id)}/neighbors?limit=50`)),
            warm.map((id) => api(`/api/actors/${enc(id)}/neighbors?limit=50`)),
            30,
            `limit 50, ${picks.length} distinct actors spread over the top 2,000`,
          )),
          ...(await measure(
            'server: actor card',
            picks.map((id) => api(`/api/actors/${enc(id)}`)),
            warm.map((id) => api(`/api/actors/${enc(id)}`)),
            30,
            `default limit 50, ${picks.length} distinct actors spread over the top 2,000`,
          )),
        );
        for (const [name, url] of [
          ['neighbours', api(`/api/actors/${enc(busiest)}/neighbors?limit=50`)],
          ['actor card', api(`/api/actors/${enc(busiest)}`)],
        ]) {
          const ms: number[] = [];
          for (let i = 0; i < 12; i++) ms.push((await timed(url)).ms);
          const median = round([...ms.slice(2)].sort((a, b) => a - b)[5]);
          log(`${name} of the busiest actor (${busiest}): median ${median} ms`);
          results.push({
            name: `server: ${name} of the busiest actor`,
            value: median,
            unit: 'ms',
            note: `${busiest} (${nodes[0].events} events), median of 10 after 2 warm-up requests`,
          });
        }
        // Typeahead: what a user has typed so far of an actor's name — 3 to 8 characters.
        const byId = new Map(nodes.map((n) => [n.id, n]));
        const prefixes = picks.map((id, i) => {
          const name = byId.get(id)!.name;
          return name.slice(0, Math.min(name.length, 3 + (i % 6)));
        });
        const search = await measure(
          'server: search (typeahead)',
          prefixes.map((q) => api(`/api/search?q=${enc(q)}`)),
          warm.map((id) =>
            api(`/api/search?q=${enc(id.slice(id.indexOf(':') + 1, id.indexOf(':') + 4))}`),
          ),
          30,
          'prefixes of 3–8 characters of actor names',
        );
        results.push(...search);
        const check = (await timed(api(`/api/search?q=${enc(prefixes[1])}`))).body as {
          items: SearchHit[];
        };
        if (!check.items.length) throw new Error(`search for '${prefixes[1]}' found nothing`);
        return results;
      } finally {
        await server.close();
      }
    },
    process.env.PARLEY_BENCH_SERVER_DATA,
  );
}

// `node --import tsx bench/server.bench.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await run();
  for (const r of results)
    console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
}
