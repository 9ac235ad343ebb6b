// `parley ingest` as a user runs it: real child processes against the real Neo4j — output,
// exit codes, a process killed mid-run, and Neo4j unreachable (several processes at once:
// ingest-concurrency.test.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { freePort } from '../setup/neo4j.global.ts';
import {
  checkIntegrity,
  graphCounts,
  runCli,
  snapshot,
  testDriver,
  wipe,
  writeReports,
} from './ingest-helpers.ts';

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');

describe('parley ingest (CLI)', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await wipe(driver);
  });
  afterAll(async () => driver.close());

  it('refuses bad usage with exit 2 before touching the database', async () => {
    const none = await runCli(['ingest']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no files or directories given/);
    const date = await runCli(['ingest', '--published-at', '21/12/2025', 'samples']);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--published-at must be a date YYYY-MM-DD/);
    const id = await runCli(['ingest', '--id', 'x', 'samples']);
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(/--id names one report, but \d+ files were given/);
    const flag = await runCli(['ingest', '--force', 'samples']);
    expect(flag.code).toBe(2);
    expect((await graphCounts(driver)).nodes).toBe(0);
  });

  it('checks its environment before connecting: a bad worker heap is a usage error', async () => {
    const port = await freePort(); // nothing listens there: a check after connecting would say so
    const r = await runCli(['ingest', 'samples/miami-talks.md'], {
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      PARLEY_INGEST_WORKER_HEAP_MB: '64MB',
    });
    expect(r.stderr).toMatch(
      /PARLEY_INGEST_WORKER_HEAP_MB must be a whole number of at least 1, not '64MB'/,
    );
    expect(r.stderr).not.toMatch(/--PARLEY/);
    expect(r.code).toBe(2);
  });

  it('fails clearly when Neo4j cannot be reached', async () => {
    const port = await freePort(); // nothing listens there
    const r = await runCli(['ingest', 'samples/miami-talks.md'], {
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`parley ingest: cannot reach Neo4j at bolt://127.0.0.1:${port}`);
    expect(r.stderr).toMatch(/parley db start|NEO4J_URI/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toBe('');
  });

  it('ingests a directory recursively, printing one line per revision', async () => {
    const r = await runCli(['ingest', 'samples']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    // samples/updates/miami-talks.md comes after samples/miami-talks.md: a second revision.
    expect(out[0]).toMatch(
      /^geneva-talks: created revision geneva-talks@\w+ \(\+\d+ actors, \+\d+ events, \+\d+ statements\) \d+ ms$/,
    );
    expect(out[1]).toMatch(/^miami-talks: created revision /);
    expect(out[2]).toMatch(
      /^miami-talks: updated, new revision miami-talks@\w+ replaces miami-talks@\w+ \(\+0 actors, \+1 events, \+0 statements\)/,
    );
    expect(out).toContain(
      '    + event ACCUSE Russia → Ukraine: On Saturday, Moscow accused Kyiv of attacking an oil depot in the Krasnodar region.',
    );
  });

  it('says unchanged and writes nothing on a second run, and nothing in a dry run', async () => {
    const before = await snapshot(driver);
    const again = await runCli([
      'ingest',
      'samples/updates/miami-talks.md',
      'samples/geneva-talks.md',
    ]);
    expect(again.code).toBe(0);
    expect(lines(again.stdout).map((l) => l.replace(/\d+ ms$/, ''))).toEqual([
      expect.stringMatching(
        /^miami-talks: unchanged \(revision miami-talks@\w+, nothing written\) $/,
      ),
      expect.stringMatching(/^geneva-talks: unchanged/),
    ]);
    const dry = await runCli(['ingest', '--dry-run', 'samples/miami-talks.md']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^\[dry run\] miami-talks: would update, new revision .*\(\+0 actors, \+0 −1 events/,
    );
    expect(await snapshot(driver)).toBe(before);
  });

  it('names failing files, ingests the others and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-cli-'));
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'huge.txt'), 'Kyiv said. '.repeat(500_000)); // 5.5 MB
    writeFileSync(join(dir, 'broken.json'), '{"text": ');
    writeFileSync(
      join(dir, 'good.txt'),
      'Ukraine accused Russia of shelling Kharkiv on Saturday, December 20, 2025.',
    );
    const r = await runCli(['ingest', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'empty.md')}: the file is empty [EMPTY]`);
    expect(r.stderr).toMatch(
      /huge\.txt: the file is 5\.\d+ MB .* over the 5 MB limit .*\[TOO_LARGE\]/,
    );
    expect(r.stderr).toMatch(/broken\.json: .*\[FORMAT\]/);
    expect(r.stderr).toContain('3 of 4 reports failed; the others were ingested');
    expect(lines(r.stdout)).toEqual([
      expect.stringMatching(/^good-txt: created revision good-txt@/),
    ]);
  });

  it('leaves no half-written revision when the process is killed mid-run', async () => {
    await wipe(driver);
    const { dir, reports } = writeReports(150, 23);
    let pid = 0;
    const run = runCli(['ingest', dir], {}, (p) => (pid = p));
    // Kill it once a few reports are in, while it is writing the next ones.
    const started = Date.now();
    let done = 0;
    while (Date.now() - started < 50_000) {
      await new Promise((r) => setTimeout(r, 50));
      const { records } = await driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n');
      done = records[0].get('n').toNumber();
      if (done >= 5) break;
    }
    expect(done).toBeGreaterThanOrEqual(5);
    process.kill(pid, 'SIGKILL');
    const killed = await run;
    expect(killed.signal).toBe('SIGKILL');
    await new Promise((r) => setTimeout(r, 300)); // Neo4j rolls back the orphaned transaction
    const { records } = await driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n');
    const kept = records[0].get('n').toNumber();
    expect(kept).toBeLessThan(reports.length);
    await checkIntegrity(driver);

    // Running it again finishes the job: what was committed is unchanged, the rest is created.
    const rerun = await runCli(['ingest', dir]);
    expect(rerun.code).toBe(0);
    const out = lines(rerun.stdout);
    expect(out.filter((l) => / unchanged /.test(l))).toHaveLength(kept);
    expect(out.filter((l) => / created /.test(l))).toHaveLength(reports.length - kept);
    await checkIntegrity(driver);
  }, 180_000);
});
