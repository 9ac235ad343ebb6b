// `parley eval --curations` as an analyst runs it, a real child process against the real Neo4j:
// each curation scored against what the current extractor makes of its report. One report is
// written as a worse, older extractor saw it (one event mistyped, one invented), so that the
// analyst's fixes of those are ones the current extractor now agrees with.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { curate } from '../../curation/index.ts';
import { countryName } from '../../ingest/extract/gazetteer/index.ts';
import { extract, readReport, type Extraction } from '../../ingest/index.ts';
import { contentHash } from '../../ingest/graph/ids.ts';
import { planRevision } from '../../ingest/graph/plan.ts';
import { writeRevision } from '../../ingest/graph/write.ts';
import { REPO, runCli, testDriver, wipe } from './ingest-helpers.ts';

const by = 'test-analyst';

describe('parley eval --curations', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await wipe(driver);
  });
  afterAll(async () => driver.close());

  it('scores each curation: agrees, still needed, conflicts, unscored', async () => {
    // The current extractor's report.
    const ingested = await runCli(['ingest', 'samples/geneva-talks.md']);
    expect(ingested.code, ingested.stderr).toBe(0);

    // The older extractor's report: its first event mistyped, a second one invented.
    const path = 'tests/fixtures/curation/asean-talks-updated.md';
    const report = readReport(readFileSync(`${REPO}/${path}`), path);
    const meta = { ...report.meta, id: 'asean-talks' };
    const right = extract(report.text, meta);
    expect(right.events.length).toBeGreaterThan(0);
    const [first] = right.events;
    const wrongType = first.type === 'ACCUSE' ? 'THREATEN' : 'ACCUSE';
    const older: Extraction = {
      ...right,
      events: [
        { ...first, type: wrongType },
        ...right.events.slice(1),
        { ...first, id: 'invented', type: 'ASSAULT', mode: null },
      ],
    };
    const label = 'parley@older';
    const plan = planRevision(
      older,
      meta,
      contentHash(report.text, meta, label),
      countryName,
      label,
    );
    await writeRevision(driver, plan);
    const idOf = (type: string) =>
      plan.events.find((e) => e.type === type && e.evidence[0].sentence === first.sentence)!.id;

    const ids = async (cypher: string) =>
      (await driver.executeQuery(cypher)).records.map((r) => String(r.get('id')));
    const [genevaEvent] = await ids(
      `MATCH (:Document {id: 'geneva-talks'})-[:CURRENT]->(r)<-[:EVIDENCED_BY]-(e:Event)
       RETURN e.id AS id ORDER BY e.id LIMIT 1`,
    );
    const [genevaActor] = await ids(
      `MATCH (:Document {id: 'geneva-talks'})-[:CURRENT]->(r)<-[:MENTIONED_IN]-(a:Actor)
       WHERE a.current RETURN a.id AS id ORDER BY a.id LIMIT 1`,
    );
    const made = async (req: Parameters<typeof curate>[1]) => (await curate(driver, req, by)).id;
    const expected = new Map<string, string>([
      // The current extractor gets these right now.
      [
        await made({ op: 'edit', target: idOf(wrongType), changes: { type: first.type } }),
        'agrees',
      ],
      [await made({ op: 'reject', target: idOf('ASSAULT'), reason: 'not in the text' }), 'agrees'],
      [await made({ op: 'confirm', target: genevaEvent }), 'agrees'],
      // It still makes the event the analyst rejected.
      [await made({ op: 'reject', target: genevaEvent }), 'needed'],
      // The analyst's type is neither the older extractor's nor the current one's.
      [
        await made({
          op: 'edit',
          target: idOf(wrongType),
          changes: { type: first.type === 'REJECT' ? 'CONCEDE' : 'REJECT' },
        }),
        'conflicts',
      ],
      [await made({ op: 'note', target: genevaActor, note: 'check the spelling' }), 'unscored'],
    ]);

    const json = await runCli(['eval', '--curations', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as {
      results: { curation: string; verdict: string; why: string }[];
      summary: { scored: number; agrees: number; needed: number; conflicts: number; score: number };
      reports: number;
    };
    const verdicts = new Map(out.results.map((r) => [r.curation, r.verdict]));
    expect(verdicts).toEqual(expected);
    expect(out.reports).toBe(2);
    expect(out.summary).toMatchObject({
      scored: 5,
      agrees: 3,
      needed: 1,
      conflicts: 1,
      score: 0.6,
    });

    const text = await runCli(['eval', '--curations']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      '5 curations scored over 2 reports: 3 agree with the extractor now (60.0%), 1 still needed, 1 conflict; 1 unscored',
    );
    expect(text.stdout).toMatch(/^needed +reject event:/m);
  }, 240_000);

  it('refuses bad input with a usage line and exit 2, and a missing database with exit 1', async () => {
    for (const args of [
      ['eval'],
      ['eval', '--curations', '--bogus'],
      ['eval', '--curations', 'x'],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: parley eval --curations');
      expect(r.stdout).toBe('');
    }
    const down = await runCli(['eval', '--curations'], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/parley eval: .*127\.0\.0\.1:1/);
  }, 120_000);
});
