// Several ingests writing into one Neo4j at once (issue 16: "past one machine"): revisions of
// different documents share actors, places, dated events and statements, and each write locks
// them. Real Neo4j, real `parley ingest` processes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { generateReports, type SyntheticReport } from '../../bench/synthetic.ts';
import { ingestItems } from '../../ingest/index.ts';
import {
  checkIntegrity,
  expectFactsOf,
  graphCounts,
  runCli,
  syntheticItems,
  testDriver,
  wipe,
  writeReports,
} from './ingest-helpers.ts';

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');

/** Of four writers, the k-th takes every item but one in four, starting at its own offset. */
const shareOf = <T>(xs: T[], k: number): T[] => {
  const mine = xs.filter((_, i) => (i + k) % 4 !== 0);
  const at = Math.floor((k * mine.length) / 4);
  return [...mine.slice(at), ...mine.slice(0, at)];
};

describe('concurrent ingest into one Neo4j', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
  });
  afterAll(async () => driver.close());

  it('takes shared locks in one order: four writers on the same actors never deadlock', async () => {
    await wipe(driver);
    // The shared nodes exist first (created by one writer), as they do in a running graph.
    const base = generateReports(16, 5);
    await ingestItems(driver, syntheticItems(base), { concurrency: 1 });

    // Copies under new ids share every actor, place, dated event and statement with the base
    // reports; updates of the base reports drop facts (the lost ones are written last).
    const copies: SyntheticReport[] = base.map((r) => ({ ...r, id: `copy-${r.id}` }));
    const updates: SyntheticReport[] = base.map((r) => ({
      ...r,
      text: r.text.trimEnd().split('\n\n').slice(0, -1).join('\n\n'),
    }));
    // The driver's own retries off, so that every deadlock shows as a retry of ours.
    const writers = [0, 1, 2, 3].map(() =>
      neo4j.driver(
        inject('neo4jUri'),
        { scheme: 'none', principal: '', credentials: '' },
        {
          maxTransactionRetryTime: 0,
          logging: { level: 'error', logger: () => {} },
        },
      ),
    );
    const retried: string[] = [];
    try {
      const outcomes = await Promise.all(
        writers.map((w, k) =>
          ingestItems(
            w,
            syntheticItems([...shareOf(copies, k), ...updates.filter((_, i) => i % 4 === k)]),
            { concurrency: 4, onRetry: (e) => retried.push(e.message.split('\n')[0]) },
          ),
        ),
      );
      expect(outcomes.flat().filter((o) => o.error)).toEqual([]);
    } finally {
      await Promise.all(writers.map((w) => w.close()));
    }
    expect(retried).toEqual([]);
    const counts = await graphCounts(driver);
    expect(counts.labels.Document).toBe(32);
    await expectFactsOf(driver, [...copies, ...updates]);
    await checkIntegrity(driver);
  }, 120_000);

  it('four parley ingest processes on overlapping corpora: every report once, every fact, no failure', async () => {
    await wipe(driver);
    const { dir, reports } = writeReports(16, 11);
    const files = reports.map((r) => join(dir, `${r.id}.json`));
    const runs = await Promise.all(
      [0, 1, 2, 3].map((k) => runCli(['ingest', '--workers', '1', ...shareOf(files, k)])),
    );
    for (const r of runs) expect([r.code, r.stderr]).toEqual([0, '']);
    const out = runs.flatMap((r) => lines(r.stdout));
    // Each report is created by exactly one process; the others find it unchanged.
    const created = out.filter((l) => / created /.test(l)).map((l) => l.split(':')[0]);
    expect(created.sort()).toEqual(reports.map((r) => r.id).sort());
    expect(out.filter((l) => / unchanged /.test(l))).toHaveLength(4 * 12 - 16);

    const counts = await graphCounts(driver);
    expect([counts.labels.Document, counts.labels.Revision]).toEqual([16, 16]);
    await expectFactsOf(driver, reports);
    await checkIntegrity(driver);
  }, 240_000); // four processes each loading the models: 70 s at load 13, over 120 s at load 20
});
