// `ingestReport`/`ingestPaths` with the real read stage and the real extractor into the real
// Neo4j: the sample lands as an analyst expects, re-ingest is idempotent, updates keep history.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import {
  extractorLabel,
  formatDiff,
  ingestPaths,
  ingestReport,
  parleyExtractor,
} from '../../ingest/index.ts';
import { readReportFile } from '../../ingest/read/file.ts';
import type { RevisionDiff } from '../../domain/index.ts';
import { REPO, graphCounts, snapshot, testDriver, wipe } from './ingest-helpers.ts';

const SAMPLE = resolve(REPO, 'samples/miami-talks.md');
const UPDATE = resolve(REPO, 'samples/updates/miami-talks.md');
const GENEVA = resolve(REPO, 'samples/geneva-talks.md');

const REJECT_SENTENCE =
  'MIAMI — Russian envoy Kirill Dmitriev rejected the Trump administration’s proposal to hold ' +
  'trilateral peace talks with Ukraine in Miami, instead meeting privately with Jared Kushner and ' +
  'Steve Witkoff and declining to engage Kyiv’s delegation, Reuters reported.';

async function ingestFile(driver: Driver, path: string, dryRun = false): Promise<RevisionDiff> {
  const [outcome] = await ingestPaths(driver, [path], { dryRun });
  if (!outcome.diff) throw new Error(`ingest of ${path} failed: ${outcome.error?.message}`);
  return outcome.diff;
}

describe('ingesting the sample report', () => {
  let driver: Driver;
  let first: RevisionDiff;
  beforeAll(async () => {
    driver = testDriver();
    await wipe(driver);
  });
  afterAll(async () => driver.close());

  it('creates the document, its revision and its facts', async () => {
    first = await ingestFile(driver, SAMPLE);
    expect(first.status).toBe('created');
    expect(first.documentId).toBe('miami-talks');
    expect(first.previousRevisionId).toBeNull();
    expect(first.actors.added.map((a) => a.id)).toEqual(
      expect.arrayContaining(['person:kirill-dmitriev', 'state:USA', 'state:UKR', 'state:RUS']),
    );
    expect(first.events.added.length).toBeGreaterThanOrEqual(8);
    expect(first.statements.added.length).toBeGreaterThanOrEqual(4);
    expect(formatDiff(first)).toMatch(
      /^miami-talks: created revision miami-talks@\w+ \(\+\d+ actors/,
    );

    const doc = await driver.executeQuery(`
      MATCH (d:Document {id: 'miami-talks'})-[:CURRENT]->(r:Revision)
      RETURN d.title AS title, d.publishedAt AS publishedAt, d.source AS source, r.id AS rev,
        r.ingestedAt AS ingestedAt, size(r.text) AS length`);
    const d = doc.records[0];
    expect(d.get('title')).toMatch(/^Russian envoy rejects U\.S\. trilateral/);
    expect(d.get('publishedAt')).toBe('2025-12-21');
    expect(d.get('rev')).toBe(first.revisionId);
    expect(new Date(d.get('ingestedAt')).toISOString()).toBe(d.get('ingestedAt'));
  });

  it('has Dmitriev rejecting the United States, evidenced by the exact sentence', async () => {
    const { records } = await driver.executeQuery(`
      MATCH (:Person {id: 'person:kirill-dmitriev'})-[:PERFORMED]->(e:Event {type: 'REJECT'})
            -[:DIRECTED_AT]->(:State {id: 'state:USA'})
      MATCH (e)-[ev:EVIDENCED_BY]->(r:Revision)<-[:CURRENT]-(:Document {id: 'miami-talks'})
      RETURN e.current AS current, e.quad AS quad, e.score AS score, r.text AS text,
        ev.start AS start, ev.end AS end`);
    expect(records).toHaveLength(1);
    const r = records[0];
    expect(r.get('current')).toBe(true);
    expect(r.get('quad')).toBe('verbal-conflict');
    expect(r.get('score')).toBe(-2);
    const text: string = r.get('text');
    expect(text.substring(r.get('start').toNumber(), r.get('end').toNumber())).toBe(
      REJECT_SENTENCE,
    );
  });

  it('has the Miami meeting of Dmitriev, Kushner and Witkoff as one reciprocal CONSULT', async () => {
    const { records } = await driver.executeQuery(`
      MATCH (:Person {id: 'person:kirill-dmitriev'})-[:PERFORMED]->(e:Event {type: 'CONSULT'})
      MATCH (e)-[:DIRECTED_AT]->(:Person {id: 'person:kirill-dmitriev'})
      MATCH (e)-[ev:EVIDENCED_BY]->(r:Revision)
      RETURN COLLECT { MATCH (a:Actor)-[:PERFORMED]->(e) RETURN a.id ORDER BY a.id } AS performers,
        COLLECT { MATCH (e)-[:DIRECTED_AT]->(a:Actor) RETURN a.id ORDER BY a.id } AS recipients,
        COLLECT { MATCH (e)-[:AT]->(p:Place) RETURN p.name } AS places,
        substring(r.text, ev.start, ev.end - ev.start) AS sentence`);
    expect(records).toHaveLength(1);
    const people = ['person:jared-kushner', 'person:kirill-dmitriev', 'person:steve-witkoff'];
    expect(records[0].get('performers')).toEqual(people);
    expect(records[0].get('recipients')).toEqual(people);
    expect(records[0].get('places')).toEqual(['Miami']);
    expect(records[0].get('sentence')).toBe(REJECT_SENTENCE);
  });

  it('cuts every fact’s sentence exactly out of the revision text', async () => {
    const file = await readReportFile(SAMPLE);
    const { records } = await driver.executeQuery(`
      MATCH (f)-[ev:EVIDENCED_BY]->(r:Revision)
      RETURN r.text AS text, ev.start AS start, ev.end AS end, f.text AS fact`);
    expect(records.length).toBeGreaterThan(10);
    for (const rec of records) {
      const text: string = rec.get('text');
      expect(text).toBe(file.text);
      const sentence = text.substring(rec.get('start').toNumber(), rec.get('end').toNumber());
      // A sentence is whole: it starts a line or follows a space, and ends at a boundary.
      expect(sentence.trim()).toBe(sentence);
      expect(sentence.length).toBeGreaterThan(20);
      const before = text[rec.get('start').toNumber() - 1];
      expect(before === undefined || /\s/.test(before)).toBe(true);
      const fact: string = rec.get('fact');
      expect(sentence.includes(fact) || fact.includes(sentence) || fact.length > 0).toBe(true);
    }
  });

  it('gives actors their labels, affiliation, aliases text and the current flag', async () => {
    const { records } = await driver.executeQuery(`
      MATCH (a:Actor) RETURN a.id AS id, labels(a) AS labels, a.kind AS kind, a.current AS current,
        a.aliases AS aliases, a.aliasText AS aliasText,
        COLLECT { MATCH (a)-[:AFFILIATED_WITH]->(s:State) RETURN s.id } AS states`);
    const byId = new Map(records.map((r) => [r.get('id') as string, r]));
    const dmitriev = byId.get('person:kirill-dmitriev');
    expect(dmitriev?.get('labels').sort()).toEqual(['Actor', 'Person']);
    expect(dmitriev?.get('states')).toEqual(['state:RUS']);
    expect(dmitriev?.get('current')).toBe(true);
    expect(byId.get('state:USA')?.get('labels').sort()).toEqual(['Actor', 'State']);
    for (const r of records) {
      expect(['person', 'state', 'organization', 'group']).toContain(r.get('kind'));
      expect(r.get('aliasText')).toBe((r.get('aliases') as string[]).join(' | '));
    }
    const search = await driver.executeQuery(`
      CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh() CALL db.index.fulltext.queryNodes('actor_names', 'Washington') YIELD node RETURN node.id AS id`);
    expect(search.records.map((r) => r.get('id'))).toContain('state:USA');
  });

  it('writes nothing and says unchanged for the same content again', async () => {
    const before = await snapshot(driver);
    const counts = await graphCounts(driver);
    const again = await ingestFile(driver, SAMPLE);
    expect(again.status).toBe('unchanged');
    expect(again.revisionId).toBe(first.revisionId);
    expect(again.ms).toBeLessThan(1000); // a loose bound: bench/ingest.bench.ts measures it
    expect(formatDiff(again)).toMatch(/^miami-talks: unchanged/);
    expect(await graphCounts(driver)).toEqual(counts);
    expect(await snapshot(driver)).toBe(before); // same properties, ingestedAt included
  });

  it('computes an update’s diff in a dry run without writing', async () => {
    const before = await snapshot(driver);
    const dry = await ingestFile(driver, UPDATE, true);
    expect(dry.dryRun).toBe(true);
    expect(dry.status).toBe('updated');
    expect(dry.events.added.map((e) => e.type)).toEqual(['ACCUSE']);
    expect(formatDiff(dry)).toMatch(/^\[dry run\] miami-talks: would update/);
    expect(await snapshot(driver)).toBe(before);
  });

  it('files the update as a new revision with the right diff, keeping history', async () => {
    const update = await ingestFile(driver, UPDATE);
    expect(update.status).toBe('updated');
    expect(update.previousRevisionId).toBe(first.revisionId);
    expect(update.revisionId).not.toBe(first.revisionId);
    // One new event (Moscow accuses Kyiv); the changed loan figure keeps its event (same key).
    expect(update.events.added.map((e) => [e.type, e.summary])).toEqual([
      ['ACCUSE', 'Russia → Ukraine'],
    ]);
    expect(update.events.removed).toEqual([]);
    expect(update.actors.removed).toEqual([]);
    expect(formatDiff(update)).toContain('+ event ACCUSE Russia → Ukraine');

    const { records } = await driver.executeQuery(`
      MATCH (d:Document {id: 'miami-talks'})
      RETURN COLLECT { MATCH (d)-[:HAS_REVISION]->(r) RETURN r.id ORDER BY r.id } AS revisions,
        COLLECT { MATCH (d)-[:CURRENT]->(r) RETURN r.id } AS current`);
    expect(records[0].get('revisions').sort()).toEqual(
      [first.revisionId, update.revisionId].sort(),
    );
    expect(records[0].get('current')).toEqual([update.revisionId]);
    // The EU's aid to Ukraine is one event evidenced by both revisions (its key did not change),
    // while each revision keeps its own text: the old figure in history, the new one current.
    const aid = await driver.executeQuery(`
      MATCH (:Organization {id: 'org:european-union'})-[:PERFORMED]->(e:Event {type: 'AID'})
            -[:DIRECTED_AT]->(:State {id: 'state:UKR'})
      MATCH (e)-[:EVIDENCED_BY]->(r:Revision)
      RETURN e.id AS id, e.current AS current, collect(DISTINCT r.id) AS revisions`);
    expect(aid.records).toHaveLength(1);
    expect(aid.records[0].get('current')).toBe(true);
    expect(aid.records[0].get('revisions').sort()).toEqual(
      [first.revisionId, update.revisionId].sort(),
    );
    const texts = await driver.executeQuery(
      'MATCH (r:Revision) WHERE r.id IN $ids RETURN r.id AS id, r.text AS text',
      { ids: [first.revisionId, update.revisionId] },
    );
    const text = (id: string) => texts.records.find((r) => r.get('id') === id)?.get('text');
    expect(text(first.revisionId)).toContain('$105 billion loan');
    expect(text(update.revisionId)).toContain('$90 billion loan');
  });

  it('takes facts an update drops out of the current view and keeps them for history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-'));
    const dropped = readFileSync(UPDATE, 'utf8').replace(/ On Friday, U\.S\. Senator[^.]*\./, '');
    expect(dropped).not.toContain('Rubio');
    writeFileSync(join(dir, 'miami-talks.md'), dropped);
    const diff = await ingestFile(driver, join(dir, 'miami-talks.md'));
    expect(diff.status).toBe('updated');
    expect(diff.actors.removed.map((a) => a.id)).toContain('person:marco-rubio');
    expect(diff.statements.removed.map((s) => s.summary)).toContain('Marco Rubio');
    expect(diff.events.added).toEqual([]);

    const { records } = await driver.executeQuery(`
      MATCH (p:Person {id: 'person:marco-rubio'})-[:SAID]->(s:Statement)
      MATCH (s)-[:EVIDENCED_BY]->(r:Revision)<-[:HAS_REVISION]-(:Document {id: 'miami-talks'})
      RETURN p.current AS actorCurrent, collect(DISTINCT s.current) AS current,
        count(DISTINCT r) AS revisions`);
    expect(records[0].get('actorCurrent')).toBe(false);
    expect(records[0].get('current')).toEqual([false]);
    expect(records[0].get('revisions').toNumber()).toBe(2);
    // Facts the new revision still supports stay current.
    const dmitriev = await driver.executeQuery(`
      MATCH (:Person {id: 'person:kirill-dmitriev'})-[:PERFORMED]->(e:Event {type: 'REJECT'})
            -[:DIRECTED_AT]->(:State {id: 'state:USA'})
      RETURN e.current AS current, COUNT { (e)-[:EVIDENCED_BY]->() } AS evidence`);
    expect(dmitriev.records[0].get('current')).toBe(true);
    expect(dmitriev.records[0].get('evidence').toNumber()).toBe(3);
  });

  it('returns only once search finds what it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-'));
    writeFileSync(
      join(dir, 'brussels.md'),
      'Belgian Foreign Minister Oskar Vantongeren met Ukrainian President Volodymyr Zelensky in Kyiv on Monday.\n',
    );
    await ingestFile(driver, join(dir, 'brussels.md'));
    // No awaitEventuallyConsistentIndexRefresh here: the ingest itself waited for the index.
    const { records } = await driver.executeQuery(`
      CALL db.index.fulltext.queryNodes('actor_names', 'Vantongeren') YIELD node AS actor
      RETURN collect(actor.id) AS actors,
        COLLECT { CALL db.index.fulltext.queryNodes('fact_text', 'Vantongeren') YIELD node AS fact
          RETURN fact.id } AS facts`);
    expect(records[0].get('actors')).toEqual(['person:oskar-vantongeren']);
    expect(records[0].get('facts').length).toBeGreaterThan(0);
  });

  it('merges actors and dated events across reports', async () => {
    const geneva = await ingestFile(driver, GENEVA);
    expect(geneva.status).toBe('created');
    const people = await driver.executeQuery(`
      MATCH (p:Actor {id: 'person:kirill-dmitriev'})
      RETURN count(p) AS n, COLLECT { MATCH (p)-[:MENTIONED_IN]->(:Revision)<-[:CURRENT]-(d)
        RETURN d.id ORDER BY d.id } AS docs`);
    expect(people.records[0].get('n').toNumber()).toBe(1);
    expect(people.records[0].get('docs')).toEqual(['geneva-talks', 'miami-talks']);
    // Merz greeting Kushner and Witkoff on December 15, 2025 is told by both reports.
    const { records } = await driver.executeQuery(`
      MATCH (:Person {id: 'person:friedrich-merz'})-[:PERFORMED]->(e:Event {type: 'CONSULT', date: '2025-12-15'})
      MATCH (e)-[ev:EVIDENCED_BY]->(r:Revision)<-[:CURRENT]-(d:Document)
      RETURN e.id AS id, d.id AS doc, substring(r.text, ev.start, ev.end - ev.start) AS sentence
      ORDER BY doc`);
    expect(records.map((r) => r.get('doc'))).toEqual(['geneva-talks', 'miami-talks']);
    expect(new Set(records.map((r) => r.get('id'))).size).toBe(1);
    for (const r of records) expect(r.get('sentence')).toMatch(/^In Berlin, German Chancellor/);
  });

  it('files a report under a reused id as a new revision of that id', async () => {
    const report = await readReportFile(GENEVA, { id: 'miami-talks' });
    const diff = await ingestReport(driver, report);
    expect(diff.status).toBe('updated');
    expect(diff.documentId).toBe('miami-talks');
    expect(diff.previousRevisionId).not.toBeNull();
    expect(formatDiff(diff)).toMatch(/^miami-talks: updated, new revision .* replaces /);
    const { records } = await driver.executeQuery(`
      MATCH (d:Document {id: 'miami-talks'}) RETURN COUNT { (d)-[:HAS_REVISION]->() } AS n`);
    expect(records[0].get('n').toNumber()).toBe(4);
  });

  it('makes a new revision when a new extractor version reads the same report', async () => {
    const report = await readReportFile(GENEVA, { id: 'extractor-versions' });
    const first = await ingestReport(driver, report);
    expect(first.status).toBe('created');
    expect((await ingestReport(driver, report)).status).toBe('unchanged');
    // The same extractor under a later version: the text is the same, the reading may not be.
    const next = { ...parleyExtractor, version: `${parleyExtractor.version}.next` };
    const again = await ingestReport(driver, report, { extractor: next });
    expect(again.status).toBe('updated');
    expect(again.previousRevisionId).toBe(first.revisionId);
    expect((await ingestReport(driver, report, { extractor: next })).status).toBe('unchanged');
    const { records } = await driver.executeQuery(`
      MATCH (:Document {id: 'extractor-versions'})-[:HAS_REVISION]->(r:Revision)
      RETURN r.extractor AS extractor ORDER BY r.ingestedAt`);
    expect(records.map((r) => r.get('extractor'))).toEqual([
      extractorLabel(parleyExtractor),
      extractorLabel(next),
    ]);
  });

  it('names a bad file and ingests the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-'));
    writeFileSync(join(dir, 'a-empty.txt'), '  \n');
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0, 1, 2, 255, 0, 7, 0]));
    writeFileSync(join(dir, 'c-bad-front-matter.md'), '---\ntitle: [unclosed\n---\nText.\n');
    writeFileSync(
      join(dir, 'd-hostile.html'),
      '<html><body><script>alert(1)</script><p>' +
        'Russian envoy Kirill Dmitriev met Jared Kushner in Miami on Friday.</p></body></html>',
    );
    writeFileSync(
      join(dir, 'e-good.json'),
      JSON.stringify({
        id: 'json-report',
        publishedAt: '2025-12-21',
        text: 'Ukraine accused Russia of shelling Kharkiv on Saturday.',
      }),
    );
    writeFileSync(join(dir, 'f-ignored.csv'), 'a,b\n');
    const seen: number[] = [];
    const outcomes = await ingestPaths(driver, [dir], { onProgress: (done) => seen.push(done) });
    expect(outcomes.map((o) => o.path.split('/').pop())).toEqual([
      'a-empty.txt',
      'b-binary.txt',
      'c-bad-front-matter.md',
      'd-hostile.html',
      'e-good.json',
    ]);
    expect(outcomes.map((o) => o.error?.code ?? o.diff?.status)).toEqual([
      'EMPTY',
      'BINARY',
      'FRONT_MATTER',
      'created',
      'created',
    ]);
    for (const o of outcomes.slice(0, 3)) expect(o.error?.message).toContain(o.path);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    const { records } = await driver.executeQuery(`
      MATCH (d:Document) WHERE d.id IN ['d-hostile-html', 'json-report']
      MATCH (d)-[:CURRENT]->(r) RETURN d.id AS id, r.text AS text ORDER BY id`);
    expect(records.map((r) => r.get('id'))).toEqual(['d-hostile-html', 'json-report']);
    expect(records[0].get('text')).not.toContain('alert');
  });
});
