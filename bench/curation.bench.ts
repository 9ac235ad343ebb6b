// Curation speed on a database of synthetic reports ingested through the real pipeline, with
// 100 curations (rejections, retypes, confirmations, notes, merges) across them. Targets (issue
// 14): a curation visible to the viewer (POST, then the card and the network) < 200 ms; an
// unchanged re-ingest < 10 ms; re-applying curations < 20% of a report's write.
//
// PARLEY_BENCH_CURATION_REPORTS sets the size (default 10,000); NEO4J_URI uses that database.
import neo4j, { type Driver } from 'neo4j-driver';
import {
  curate,
  CurationError,
  reapplyCurations,
  type CurationRequest,
} from '../curation/index.ts';
import { ensureSchema } from '../db/schema.ts';
import { ingestReport } from '../ingest/ingest.ts';
import type { Network } from '../server/api/types.ts';
import { startServer } from '../server/index.ts';
import { withBenchNeo4j } from './neo4j.ts';
import { ingestAll } from './server.bench.ts';
import { generateReports } from './synthetic.ts';
import { median } from './cpu.ts';
import type { BenchResult } from './types.ts';

const log = (s: string) => process.stderr.write(`[curation bench] ${s}\n`);
const round = (x: number) => Number(x.toFixed(2));

/** 100 curations over the facts of the first reports: what an analyst's week might hold. */
async function curateSome(driver: Driver, docs: string[]): Promise<void> {
  const { records } = await driver.executeQuery(
    `UNWIND $docs AS doc
     MATCH (:Document {id: doc})-[:CURRENT]->(r)<-[:EVIDENCED_BY]-(e:Event)
     WITH DISTINCT e ORDER BY e.id LIMIT 90
     RETURN e.id AS id`,
    { docs },
  );
  const events = records.map((r) => String(r.get('id')));
  const reqs: CurationRequest[] = events.map((id, i) =>
    i % 3 === 0
      ? { op: 'reject', target: id, reason: 'bench' }
      : i % 3 === 1
        ? { op: 'edit', target: id, changes: { type: 'PROTEST' } }
        : { op: 'confirm', target: id },
  );
  const actors = await driver.executeQuery(
    `MATCH (:Document {id: $doc})-[:CURRENT]->(r)<-[:MENTIONED_IN]-(a:Actor)
     RETURN a.id AS id ORDER BY id LIMIT 11`,
    { doc: docs[0] },
  );
  const ids = actors.records.map((r) => String(r.get('id')));
  for (const id of ids.slice(1)) reqs.push({ op: 'note', target: id, note: 'bench' });
  for (const r of reqs.slice(0, 100)) {
    // A database kept from an earlier run already has them (a second reject is refused).
    await curate(driver, r, 'bench').catch((e: unknown) => {
      if (!(e instanceof CurationError)) throw e;
    });
  }
}

export async function run(): Promise<BenchResult[]> {
  const count = Number(process.env.PARLEY_BENCH_CURATION_REPORTS ?? 10_000);
  return withBenchNeo4j('curation', async (driver) => {
    await ensureSchema(driver);
    await ingestAll(driver, count);
    const reports = generateReports(count, 42);
    const curated = reports.slice(0, 20);
    await curateSome(
      driver,
      curated.map((r) => r.id),
    );
    const total = await driver.executeQuery('MATCH (c:Curation) RETURN count(c) AS n');
    log(`${count} reports, ${Number(total.records[0].get('n'))} curations`);

    // Unchanged re-ingest of a curated report.
    const unchanged: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = curated[i % curated.length];
      const t0 = performance.now();
      const d = await ingestReport(driver, {
        text: r.text,
        meta: { id: r.id, title: r.title, publishedAt: r.publishedAt },
      });
      unchanged.push(performance.now() - t0);
      if (d.status !== 'unchanged') throw new Error(`${r.id} was not unchanged`);
    }

    // Updated re-ingest of curated reports, and the re-application on its own.
    const writes: number[] = [];
    const reapply: number[] = [];
    for (const r of curated) {
      const meta = { id: r.id, title: r.title, publishedAt: r.publishedAt };
      const t0 = performance.now();
      const d = await ingestReport(driver, { text: `${r.text}\n\nNo further comment.`, meta });
      writes.push(performance.now() - t0);
      if (d.status !== 'updated') throw new Error(`${r.id} was not updated`);
      const { records } = await driver.executeQuery(
        `MATCH (:Document {id: $id})-[:CURRENT]->(r)
         RETURN COLLECT { MATCH (n)-[:EVIDENCED_BY|MENTIONED_IN]-(r) RETURN DISTINCT n.id } AS ids`,
        { id: r.id },
      );
      const ids = records[0].get('ids') as string[];
      const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
      try {
        const t1 = performance.now();
        await session.executeWrite((tx) => reapplyCurations(tx, ids));
        reapply.push(performance.now() - t1);
      } finally {
        await session.close();
      }
    }

    // A curation made over HTTP, then what the viewer fetches to show it.
    const server = await startServer({ port: 0, host: '127.0.0.1', driver, logger: false });
    const visible: number[] = [];
    try {
      await fetch(`${server.url}/api/network`).then((r) => r.text());
      const { records } = await driver.executeQuery(
        `MATCH (e:Event {current: true})<-[:PERFORMED]-(a:Actor) WHERE e.rejected IS NULL
         WITH e, min(a.id) AS a ORDER BY e.id DESC LIMIT 10
         RETURN e.id AS e, a`,
      );
      for (const r of records) {
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/curations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-parley-analyst': 'bench' },
          body: JSON.stringify({ op: 'reject', target: r.get('e') }),
        });
        if (res.status !== 201) throw new Error(`curation: HTTP ${res.status}`);
        await Promise.all([
          fetch(`${server.url}/api/actors/${encodeURIComponent(r.get('a'))}`).then((x) => x.json()),
          fetch(`${server.url}/api/network`).then((x) => x.json() as Promise<Network>),
        ]);
        visible.push(performance.now() - t0);
      }
    } finally {
      await server.close();
    }
    const share = median(reapply) / median(writes);
    return [
      {
        name: 'curation: visible in the viewer (POST, then card and network)',
        value: round(median(visible)),
        unit: 'ms',
        note: `median of ${visible.length} at ${count} reports; target < 200`,
      },
      {
        name: 'curation: unchanged re-ingest with 100 curations',
        value: round(median(unchanged)),
        unit: 'ms',
        note: 'median of 40; target < 10',
      },
      {
        name: 'curation: re-application / write of an updated curated report',
        value: round(share * 100),
        unit: '%',
        note: `re-apply ${round(median(reapply))} ms of a ${round(median(writes))} ms write (medians of ${writes.length}); target < 20`,
      },
    ];
  });
}
