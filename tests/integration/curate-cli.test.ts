// `parley curate` and `parley curations` as an analyst runs them: real child processes against
// the real Neo4j — the analyst's name, the log, undo, export → import twice, and bad input.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { runCli, snapshot, testDriver, wipe } from './ingest-helpers.ts';

describe('parley curate (CLI)', () => {
  let driver: Driver;
  const dir = mkdtempSync(join(tmpdir(), 'parley-curate-cli-'));
  beforeAll(async () => {
    driver = testDriver();
    await wipe(driver);
    const r = await runCli(['ingest', 'samples/miami-talks.md']);
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(async () => driver.close());

  const actor = async (id: string) =>
    (
      await driver.executeQuery('MATCH (a:Actor {id: $id}) RETURN a {.*} AS a', { id })
    ).records[0]?.get('a') as Record<string, unknown>;

  it('renames with --by, lists the log, undoes, and shares through export/import', async () => {
    const renamed = await runCli([
      'curate',
      'rename',
      'state:UKR',
      'Ukraine (government)',
      '--by',
      'Olena',
      '--reason',
      'style guide',
    ]);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toMatch(
      /^edit state:UKR .*Ukraine \(government\).* by Olena .*style guide/,
    );
    expect((await actor('state:UKR')).name).toBe('Ukraine (government)');

    const log = await runCli(['curate', 'log', '--json']);
    const entries = JSON.parse(log.stdout) as { id: string; by: string; op: string }[];
    expect(entries.map((e) => [e.op, e.by])).toEqual([['edit', 'Olena']]);

    const out = join(dir, 'curations.json');
    expect((await runCli(['curations', 'export', '--out', out])).code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.curations).toHaveLength(1);

    const undone = await runCli(['curate', 'undo', entries[0].id]);
    expect(undone.code, undone.stderr).toBe(0);
    expect((await actor('state:UKR')).name).toBe('Ukraine');

    // The export holds the edit before its undo: importing it here changes nothing.
    const before = await snapshot(driver);
    const again = await runCli(['curations', 'import', out]);
    expect(again.stdout).toMatch(/imported 0 curations .*skipped 1/);
    expect(await snapshot(driver)).toBe(before);
  }, 120_000);

  it('refuses bad input with a clear message and changes nothing', async () => {
    const before = await snapshot(driver);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": "something else"}');
    const cases: [string[], number, RegExp][] = [
      [['curate', 'explode', 'x'], 2, /unknown operation 'explode'/],
      [['curate', 'set', 'state:UKR', '--country', 'Ukraine'], 1, /alpha-3/],
      [['curate', 'reject', 'event:nope'], 1, /no event 'event:nope'/],
      [['curations', 'import', bad], 1, /not a curations export/],
      [
        ['curate', 'log', '--limit', '0'],
        2,
        /--limit must be a whole number from 1 to 100000, not '0'/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(await snapshot(driver)).toBe(before);
  }, 120_000);
});
