// The write side on its own: hand-built extractions (so the facts are fixed) into the real
// Neo4j. The end-to-end tests with the real extractor are in ingest.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { Extraction, ReportMeta } from '../../ingest/extract/types.ts';
import { countryName } from '../../ingest/extract/gazetteer/index.ts';
import { revisionDiff } from '../../ingest/graph/diff.ts';
import { contentHash } from '../../ingest/graph/ids.ts';
import { planRevision } from '../../ingest/graph/plan.ts';
import { writeRevision } from '../../ingest/graph/write.ts';
import { graphCounts, snapshot, testDriver, wipe } from './ingest-helpers.ts';

const SENTENCES = [
  'Russian envoy Kirill Dmitriev rejected the U.S. proposal on Friday.',
  'Dmitriev met Jared Kushner and Steve Witkoff in Miami on Friday.',
  'Dmitriev said the talks were constructive.',
];

function report(id: string, sentences: string[]): { text: string; extraction: Extraction } {
  const text = sentences.join(' ');
  let at = 0;
  const spans = sentences.map((s, index) => {
    const start = text.indexOf(s, at);
    at = start + s.length;
    return { index, start, end: start + s.length };
  });
  const mention = (name: string) => {
    const start = text.indexOf(name);
    return start < 0 ? [] : [{ start, end: start + name.length }];
  };
  const person = (id: string, name: string, country: string) => ({
    id,
    name,
    kind: 'person' as const,
    country,
    sector: 'GOV',
    aliases: [name.split(' ')[1]],
    title: 'envoy',
    affiliation: `state:${country}`,
    mentions: mention(name),
  });
  const extraction: Extraction = {
    document: { id, title: `Report ${id}`, publishedAt: '2025-12-21', text, sentences: spans },
    actors: [
      person('person:kirill-dmitriev', 'Kirill Dmitriev', 'RUS'),
      person('person:jared-kushner', 'Jared Kushner', 'USA'),
      person('person:steve-witkoff', 'Steve Witkoff', 'USA'),
      {
        id: 'state:USA',
        name: 'United States',
        kind: 'state',
        country: 'USA',
        sector: null,
        aliases: ['U.S.'],
        mentions: mention('U.S.'),
      },
    ],
    places: [{ id: 'place:miami', name: 'Miami', country: 'USA', mentions: mention('Miami') }],
    events: [],
    statements: [],
  };
  sentences.forEach((s, i) => {
    if (s.includes('rejected')) {
      extraction.events.push({
        id: `e${i}`,
        type: 'REJECT',
        mode: null,
        actors: ['person:kirill-dmitriev'],
        recipients: ['state:USA'],
        place: null,
        date: '2025-12-19',
        sentence: i,
        text: s,
      });
    }
    if (s.includes(' met ')) {
      extraction.events.push({
        id: `e${i}`,
        type: 'CONSULT',
        mode: null,
        actors: ['person:kirill-dmitriev'],
        recipients: ['person:jared-kushner', 'person:steve-witkoff'],
        place: 'place:miami',
        date: '2025-12-19',
        sentence: i,
        text: s,
      });
    }
    if (s.includes(' said ')) {
      extraction.statements.push({
        id: `s${i}`,
        speaker: 'person:kirill-dmitriev',
        verb: 'said',
        text: s.slice(s.indexOf('said') + 5),
        quote: false,
        date: '2025-12-19',
        sentence: i,
        about: [],
        reportedBy: null,
      });
    }
  });
  return { text, extraction };
}

async function ingest(driver: Driver, id: string, sentences: string[]) {
  const { text, extraction } = report(id, sentences);
  const meta: ReportMeta = { id, title: `Report ${id}`, publishedAt: '2025-12-21' };
  const plan = planRevision(extraction, meta, contentHash(text, meta, 'parley@test'), countryName);
  const written = await writeRevision(driver, plan);
  return written.status === 'unchanged'
    ? written
    : { ...written, diff: revisionDiff(plan, written.previous, { dryRun: false, ms: 0 }) };
}

async function currentFlags(driver: Driver, label: 'Event' | 'Statement' | 'Actor') {
  const { records } = await driver.executeQuery(
    `MATCH (n:${label}) RETURN coalesce(n.type, n.verb, n.id) AS k, n.current AS current ORDER BY k`,
  );
  return Object.fromEntries(records.map((r) => [r.get('k'), r.get('current')]));
}

describe('graph writes', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await wipe(driver);
  });
  afterAll(async () => driver.close());

  it('writes the model of SPEC §4 with exact evidence offsets', async () => {
    const r = await ingest(driver, 'a', SENTENCES);
    expect(r.status).toBe('written');
    const { records } = await driver.executeQuery(`
      MATCH (d:Document {id: 'a'})-[:CURRENT]->(r:Revision)<-[:HAS_REVISION]-(d)
      MATCH (p:Person {id: 'person:kirill-dmitriev'})-[:PERFORMED]->(e:Event {type: 'CONSULT'})-[:EVIDENCED_BY]->(r)
      MATCH (e)-[:AT]->(:Place {id: 'place:miami'})
      MATCH (p)-[:AFFILIATED_WITH {title: 'envoy'}]->(s:State {id: 'state:RUS'})
      MATCH (e)-[ev:EVIDENCED_BY]->(r)
      RETURN r.text AS text, ev.start AS start, ev.end AS end, s.name AS state,
        COLLECT { MATCH (e)-[:DIRECTED_AT]->(a) RETURN a.id ORDER BY a.id } AS recipients,
        COLLECT { MATCH (a)-[:PERFORMED]->(e) RETURN a.id ORDER BY a.id } AS performers`);
    expect(records).toHaveLength(1);
    const rec = records[0];
    const text: string = rec.get('text');
    expect(text.substring(rec.get('start').toNumber(), rec.get('end').toNumber())).toBe(
      SENTENCES[1],
    );
    // A meeting is reciprocal: all three on both sides.
    const all = ['person:jared-kushner', 'person:kirill-dmitriev', 'person:steve-witkoff'];
    expect(rec.get('recipients')).toEqual(all);
    expect(rec.get('performers')).toEqual(all);
    // The affiliated state was not named in the report: created with its name, not current.
    expect(rec.get('state')).toBe('Russia');
    const alias = await driver.executeQuery(
      `CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh() CALL db.index.fulltext.queryNodes('actor_names', 'Witkoff') YIELD node RETURN node.id AS id, node.aliasText AS t`,
    );
    expect(alias.records.map((x) => x.get('id'))).toContain('person:steve-witkoff');
  });

  it('writes nothing for the same content again', async () => {
    const before = await snapshot(driver);
    const r = await ingest(driver, 'a', SENTENCES);
    expect(r.status).toBe('unchanged');
    expect(await snapshot(driver)).toBe(before);
  });

  it('merges the same dated event from two documents into one node', async () => {
    await ingest(driver, 'b', SENTENCES.slice(0, 2));
    const { records } = await driver.executeQuery(`
      MATCH (e:Event)-[:EVIDENCED_BY]->(r:Revision)<-[:CURRENT]-(d:Document)
      RETURN e.type AS type, collect(d.id) AS docs ORDER BY type`);
    expect(records.map((r) => [r.get('type'), r.get('docs').sort()])).toEqual([
      ['CONSULT', ['a', 'b']],
      ['REJECT', ['a', 'b']],
    ]);
    const counts = await graphCounts(driver);
    expect(counts.labels.Person).toBe(3);
    expect(counts.labels.Event).toBe(2);
  });

  it('keeps a fact current while another current document still supports it', async () => {
    // a drops the rejection and the statement; b still reports the rejection.
    const r = await ingest(driver, 'a', [SENTENCES[1]]);
    if (r.status !== 'written') throw new Error('expected a new revision');
    expect(r.diff.status).toBe('updated');
    expect(r.diff.events.removed.map((e) => e.type)).toEqual(['REJECT']);
    expect(r.diff.statements.removed.map((s) => s.type)).toEqual(['said']);
    expect(r.diff.events.added).toEqual([]);
    expect(await currentFlags(driver, 'Event')).toEqual({ CONSULT: true, REJECT: true });
    expect(await currentFlags(driver, 'Statement')).toEqual({ said: false });
    // b drops the rejection too: now nothing current supports it; history keeps it.
    await ingest(driver, 'b', [SENTENCES[1]]);
    expect(await currentFlags(driver, 'Event')).toEqual({ CONSULT: true, REJECT: false });
    const { records } = await driver.executeQuery(`
      MATCH (:Event {type: 'REJECT'})-[:EVIDENCED_BY]->(r:Revision)<-[:HAS_REVISION]-(d:Document)
      RETURN count(DISTINCT r) AS revisions`);
    expect(records[0].get('revisions').toNumber()).toBe(2);
  });

  it('serialises concurrent writers of the same documents without duplicates', async () => {
    await wipe(driver);
    const runs = [];
    for (let i = 0; i < 6; i++) {
      runs.push(ingest(driver, `c${i % 3}`, SENTENCES));
      runs.push(ingest(driver, `c${i % 3}`, SENTENCES.slice(1)));
    }
    await Promise.all(runs);
    const counts = await graphCounts(driver);
    expect(counts.labels.Document).toBe(3);
    expect(counts.labels.Person).toBe(3);
    const dupes = await driver.executeQuery(`
      MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, r.sentence AS s, count(*) AS c WHERE c > 1
      RETURN count(*) AS n`);
    expect(dupes.records[0].get('n').toNumber()).toBe(0);
    const current = await driver.executeQuery(`
      MATCH (d:Document) RETURN d.id AS id, COUNT { (d)-[:CURRENT]->() } AS c`);
    for (const r of current.records) expect(r.get('c').toNumber()).toBe(1);
  });
});
