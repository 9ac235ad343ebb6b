// `parley ingest` on a stream (issue 16): JSON Lines from stdin, extraction in a pool of threads,
// a bad line or a thread that dies failing one report only, Ctrl+C draining what is in flight
// and a re-run finishing the rest. Real child processes against the real Neo4j.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { generateReports } from '../../bench/synthetic.ts';
import {
  checkIntegrity,
  expectFactsOf,
  runCli,
  testDriver,
  wipe,
  writeReports,
} from './ingest-helpers.ts';

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
const documents = async (driver: Driver) =>
  (await driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n')).records[0]
    .get('n')
    .toNumber() as number;

describe('parley ingest, streaming and parallel', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await wipe(driver);
  });
  afterAll(async () => driver.close());

  it('reads JSON Lines from stdin: a bad line and a report that kills its thread fail alone', async () => {
    const reports = generateReports(3, 41);
    // A report far larger than the threads' heap allows (still under the 5 MB report limit).
    const huge = {
      id: 'huge',
      text: Array.from({ length: 3000 }, (_, i) => reports[i % 3].text).join('\n\n'),
    };
    const input = [
      JSON.stringify(reports[0]),
      '{"id": "broken", "text": ',
      JSON.stringify(huge),
      '',
      JSON.stringify(reports[1]),
      JSON.stringify(reports[2]),
    ].join('\n');
    const r = await runCli(
      ['ingest', '--jsonl', '-', '--json', '--workers', '1'],
      { PARLEY_INGEST_WORKER_HEAP_MB: '64' },
      undefined,
      input,
    );
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('parley ingest: stdin line 2: not valid JSON');
    expect(r.stderr).toMatch(
      /stdin line 3: the extraction thread stopped on this report: out of memory .*\[WORKER_CRASHED\]/,
    );
    expect(r.stderr).toContain('2 of 5 reports failed; the others were ingested');
    const out = lines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    // In input order, the failures included; a fresh thread extracted the reports after the crash.
    expect(out.slice(0, -1).map((o) => o.status ?? (o.error as { code: string }).code)).toEqual([
      'created',
      'FORMAT',
      'WORKER_CRASHED',
      'created',
      'created',
    ]);
    expect(out.at(-1)).toMatchObject({
      summary: { read: 5, created: 3, failed: 2, unchanged: 0, interrupted: false, workers: 1 },
    });
    await expectFactsOf(driver, reports);
  }, 120_000);

  it('Ctrl+C drains the reports in flight and exits 130; the same command then finishes the rest', async () => {
    await wipe(driver);
    const { dir, reports } = writeReports(24, 43);
    let pid = 0;
    const run = runCli(['ingest', dir, '--workers', '1'], {}, (p) => (pid = p));
    const started = Date.now();
    while (Date.now() - started < 90_000 && (await documents(driver)) < 3) {
      await new Promise((r) => setTimeout(r, 100));
    }
    process.kill(pid, 'SIGINT');
    const stopped = await run;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted after \d+ reports; run the same command again/);
    // Every report it began was finished and printed: what is in the graph is what it said.
    const kept = await documents(driver);
    expect(lines(stopped.stdout).filter((l) => / created /.test(l))).toHaveLength(kept);
    expect(kept).toBeLessThan(reports.length);
    await checkIntegrity(driver);

    const rerun = await runCli(['ingest', dir, '--workers', '1']);
    expect(rerun.code, rerun.stderr).toBe(0);
    const out = lines(rerun.stdout);
    expect(out.filter((l) => / unchanged /.test(l))).toHaveLength(kept);
    expect(out.filter((l) => / created /.test(l))).toHaveLength(reports.length - kept);
    await expectFactsOf(driver, reports.slice(0, 4));
    await checkIntegrity(driver);
  }, 240_000);
});
