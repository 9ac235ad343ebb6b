// Analyst curation on the real Neo4j: records, the current view, durability across re-ingest
// (through the ingest's own write), orphans, exact undo, concurrency, export → import.
// Reports are hand-built extractions so that the facts stay fixed whatever the extractor learns.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import {
  curate,
  curationLog,
  exportCurations,
  importCurations,
  undo,
  type CurationRequest,
} from '../../curation/index.ts';
import type { Extraction, ReportMeta } from '../../ingest/extract/types.ts';
import { countryName } from '../../ingest/extract/gazetteer/index.ts';
import { contentHash, eventId, eventKey } from '../../ingest/graph/ids.ts';
import { planRevision } from '../../ingest/graph/plan.ts';
import { ONTOLOGY } from '../../domain/index.ts';
import { writeRevision } from '../../ingest/graph/write.ts';
import { testDriver, wipe } from './ingest-helpers.ts';

type Kind = 'person' | 'state';
const ACTORS: Record<string, [string, Kind, string]> = {
  'person:anwar-ibrahim': ['Anwar Ibrahim', 'person', 'MYS'],
  'person:anwar': ['Anwar', 'person', 'MYS'],
  'person:anutin': ['Anutin Charnvirakul', 'person', 'THA'],
  'state:KHM': ['Cambodia', 'state', 'KHM'],
  'state:THA': ['Thailand', 'state', 'THA'],
  'state:MMR': ['Myanmar', 'state', 'MMR'],
  'state:IDN': ['Indonesia', 'state', 'IDN'],
};

/** A sentence and what the extractor found in it: [type, actor, recipient, date]. */
type Line = [string, string, string, string, string];

const MEET: Line = [
  'Anwar Ibrahim met Anutin Charnvirakul on Monday.',
  'CONSULT',
  'person:anwar-ibrahim',
  'person:anutin',
  '2025-10-27',
];
const ACCUSE: Line = [
  'Cambodia accused Thailand of violating the ceasefire.',
  'ACCUSE',
  'state:KHM',
  'state:THA',
  '2025-10-26',
];
const CRITICISE: Line = [
  'Anwar criticised Myanmar on Monday.',
  'ACCUSE',
  'person:anwar',
  'state:MMR',
  '2025-10-27',
];
const REJECTS: Line = [
  'Thailand rejected the proposal of Cambodia.',
  'REJECT',
  'state:THA',
  'state:KHM',
  '2025-10-27',
];
const VISIT: Line = [
  'Anwar met Indonesia on Tuesday.',
  'CONSULT',
  'person:anwar',
  'state:IDN',
  '2025-10-28',
];

function extraction(id: string, lines: Line[]): { text: string; extraction: Extraction } {
  const text = lines.map((l) => l[0]).join(' ');
  let at = 0;
  const sentences = lines.map((l, index) => {
    const start = text.indexOf(l[0], at);
    at = start + l[0].length;
    return { index, start, end: start + l[0].length };
  });
  const used = new Set(lines.flatMap((l) => [l[2], l[3]]));
  return {
    text,
    extraction: {
      document: { id, title: `Report ${id}`, publishedAt: '2025-10-29', text, sentences },
      actors: [...used].sort().map((a) => ({
        id: a,
        name: ACTORS[a][0],
        kind: ACTORS[a][1],
        country: ACTORS[a][2],
        sector: a.startsWith('person:') ? 'GOV' : null,
        aliases: [],
        mentions: [{ start: 0, end: 1 }],
      })),
      places: [],
      events: lines.map((l, i) => ({
        id: `e${i}`,
        type: l[1] as 'CONSULT',
        mode: null,
        actors: [l[2]],
        recipients: [l[3]],
        place: null,
        date: l[4],
        sentence: i,
        text: l[0],
      })),
      statements: [],
    },
  };
}

async function ingest(driver: Driver, id: string, lines: Line[]) {
  const { text, extraction: x } = extraction(id, lines);
  const meta: ReportMeta = { id, title: `Report ${id}`, publishedAt: '2025-10-29' };
  const plan = planRevision(x, meta, contentHash(text, meta, 'parley@test'), countryName);
  return writeRevision(driver, plan);
}

/** The id the write gives an event of a line (ingest/graph/ids.ts). */
function idOf(l: Line): string {
  const reciprocal = l[1] === 'CONSULT';
  const side = reciprocal ? [l[2], l[3]] : [l[2]];
  const other = reciprocal ? [l[2], l[3]] : [l[3]];
  return eventId(eventKey(l[1], side, other, l[4], 'x'));
}

/** Every node and relationship with its properties, without the curation records themselves
 * (ingestedAt and recordedAt are when this instance took a revision or record in). */
async function graphState(driver: Driver, withCurations = false): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `
    CALL () { MATCH (n) WHERE $all OR NOT n:Curation
      RETURN collect([labels(n), n {.*, ingestedAt: null, recordedAt: null}]) AS nodes }
    CALL () { MATCH (a)-[r]->(b) WHERE $all OR NOT a:Curation
      RETURN collect([a.id, type(r), b.id, properties(r)]) AS rels }
    RETURN nodes + rels AS all`,
    { all: withCurations },
  );
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object' && v.constructor === Object
        ? Object.fromEntries(
            Object.entries(v)
              .sort()
              .map(([k, x]) => [k, sorted(x)]),
          )
        : v;
  return (records[0].get('all') as unknown[]).map((x) => JSON.stringify(sorted(x))).sort();
}

async function eventOf(driver: Driver, id: string) {
  const { records } = await driver.executeQuery(
    `MATCH (e:Event {id: $id})
     RETURN e {.type, .quad, .score, .current, .rejected,
       actors: COLLECT { MATCH (a:Actor)-[:PERFORMED]->(e) RETURN a.id ORDER BY a.id },
       recipients: COLLECT { MATCH (e)-[:DIRECTED_AT]->(a:Actor) RETURN a.id ORDER BY a.id }} AS e`,
    { id },
  );
  return records[0]?.get('e') as {
    type: string;
    quad: string;
    score: number;
    current: boolean;
    rejected: boolean | null;
    actors: string[];
    recipients: string[];
  };
}

async function actorOf(driver: Driver, id: string) {
  const { records } = await driver.executeQuery(
    `MATCH (a:Actor {id: $id}) RETURN a {.name, .current, .aliases, .mergedInto, .country,
       edges: COUNT { (a)--(n) WHERE NOT n:Curation }} AS a`,
    { id },
  );
  const a = records[0]?.get('a');
  return a && { ...a, edges: Number(a.edges) };
}

const by = 'test-analyst';

describe('analyst curation', () => {
  let driver: Driver;
  // Dated events do not carry their document in the key: one id whichever report tells it.
  const ev = (l: Line, _doc: string) => idOf(l);
  beforeAll(() => {
    driver = testDriver();
  });
  beforeEach(async () => wipe(driver));
  afterAll(async () => driver.close());

  it('a merge survives re-ingest of an updated report and a report from another source', async () => {
    await ingest(driver, 'asean', [MEET, CRITICISE, ACCUSE]);
    const merge = await curate(
      driver,
      { op: 'merge', target: 'person:anwar', into: 'person:anwar-ibrahim', reason: 'same man' },
      by,
    );
    expect(merge).toMatchObject({ op: 'merge', by, reason: 'same man', state: 'active' });
    // The log names both actors, as the analyst knows them.
    expect((await curationLog(driver, { target: 'person:anwar' }))[0]).toMatchObject({
      targetLabel: 'Anwar',
      intoLabel: 'Anwar Ibrahim',
    });
    // Everything checked after each write, read in one query (the test ran long on a busy
    // machine): "Anwar" merged, with no edges of its own; "Anwar Ibrahim" current with the
    // alias and the events; the record linked to both actors; no other current Anwar.
    const check = async (visit: string[] | null) => {
      const { records } = await driver.executeQuery(
        `MATCH (a:Actor {id: 'person:anwar'}), (b:Actor {id: 'person:anwar-ibrahim'})
         RETURN a {.current, .mergedInto, edges: COUNT { (a)--(n) WHERE NOT n:Curation }} AS a,
           b {.current, .aliases} AS b,
           [(e:Event {id: $criticise})<-[:PERFORMED]-(x:Actor) | x.id] AS criticise,
           COLLECT { MATCH (e:Event {id: $visit})<-[:PERFORMED]-(x:Actor) RETURN x.id ORDER BY x.id } AS visit,
           [(a)<-[:CURATES]-(c:Curation {op: 'merge'})-[:INTO]->(i:Actor) | [c.by, i.id]] AS record,
           COLLECT { MATCH (x:Actor {current: true}) WHERE x.name STARTS WITH 'Anwar' RETURN x.id } AS current`,
        { criticise: ev(CRITICISE, 'asean'), visit: ev(VISIT, 'asean') },
      );
      const r = records[0].toObject();
      expect({ ...r.a, edges: Number(r.a.edges) }).toEqual({
        current: false,
        mergedInto: 'person:anwar-ibrahim',
        edges: 0,
      });
      expect(r.b.current).toBe(true);
      expect(r.b.aliases).toContain('Anwar');
      expect(r.criticise).toEqual(['person:anwar-ibrahim']);
      expect(r.visit).toEqual(visit ?? []);
      expect(r.record).toEqual([[by, 'person:anwar-ibrahim']]);
      expect(r.current).toEqual(['person:anwar-ibrahim']);
    };
    await check(null);

    // The report is updated: a new sentence about "Anwar".
    expect((await ingest(driver, 'asean', [MEET, CRITICISE, ACCUSE, VISIT])).status).toBe(
      'written',
    );
    const visit = ['person:anwar-ibrahim', 'state:IDN'];
    await check(visit);
    // Another source's report names "Anwar" too.
    await ingest(driver, 'other-source', [CRITICISE, VISIT]);
    await check(visit);
  });

  it('a rejected event stays out after re-ingest; a retyped event keeps its type', async () => {
    await ingest(driver, 'asean', [MEET, ACCUSE, REJECTS]);
    await curate(driver, { op: 'reject', target: ev(ACCUSE, 'asean'), reason: 'misread' }, by);
    await curate(
      driver,
      { op: 'edit', target: ev(REJECTS, 'asean'), changes: { type: 'PROTEST' } },
      by,
    );
    const check = async () => {
      expect(await eventOf(driver, ev(ACCUSE, 'asean'))).toMatchObject({
        current: false,
        rejected: true,
      });
      expect(await eventOf(driver, ev(REJECTS, 'asean'))).toMatchObject({
        type: 'PROTEST',
        quad: ONTOLOGY.PROTEST.quad,
        score: ONTOLOGY.PROTEST.score,
        current: true,
      });
    };
    await check();
    // Updated elsewhere (a new sentence); both facts are still in the report.
    await ingest(driver, 'asean', [MEET, ACCUSE, REJECTS, CRITICISE]);
    await check();
    // Another source supports the rejected event again: still rejected.
    await ingest(driver, 'other', [ACCUSE]);
    await check();
  });

  it('a curation whose sentence is removed is kept and shown as orphaned', async () => {
    await ingest(driver, 'asean', [MEET, ACCUSE]);
    const note = await curate(
      driver,
      { op: 'note', target: ev(ACCUSE, 'asean'), note: 'check the date' },
      by,
    );
    expect((await curationLog(driver, { target: note.target }))[0].orphaned).toBe(false);
    await ingest(driver, 'asean', [MEET]);
    const [entry] = await curationLog(driver, { target: note.target });
    expect(entry).toMatchObject({ id: note.id, orphaned: true, state: 'active' });
    expect(entry.targetLabel).toBe(ACCUSE[0]);
    expect((await curationLog(driver, { orphaned: true })).map((e) => e.id)).toEqual([note.id]);
  });

  it('undo restores exactly the previous state, for every operation', async () => {
    await ingest(driver, 'asean', [MEET, CRITICISE, ACCUSE, VISIT]);
    const requests: CurationRequest[] = [
      { op: 'merge', target: 'person:anwar', into: 'person:anwar-ibrahim' },
      { op: 'edit', target: 'person:anutin', changes: { name: 'Anutin', country: 'KHM' } },
      { op: 'edit', target: 'state:MMR', changes: { kind: 'group', sector: 'MIL' } },
      { op: 'reject', target: ev(ACCUSE, 'asean') },
      { op: 'edit', target: ev(MEET, 'asean'), changes: { type: 'AGREE', mode: 'ceasefire' } },
      {
        op: 'set-actors',
        target: ev(CRITICISE, 'asean'),
        actors: ['state:THA'],
        recipients: ['state:KHM', 'state:MMR'],
      },
      { op: 'confirm', target: ev(VISIT, 'asean') },
      { op: 'note', target: 'state:KHM', note: 'a note' },
    ];
    for (const req of requests) {
      const before = await graphState(driver);
      const c = await curate(driver, req, by);
      expect(await graphState(driver), `${req.op} changed nothing`).not.toEqual(
        req.op === 'note' ? [] : before,
      );
      await undo(driver, c.id, by);
      expect(await graphState(driver), `undo of ${req.op}`).toEqual(before);
    }
    const log = await curationLog(driver);
    expect(log.filter((e) => e.op === 'undo')).toHaveLength(requests.length);
    expect(log.filter((e) => e.op !== 'undo').every((e) => e.state === 'undone')).toBe(true);
  });

  it('concurrent curations of the same actor do not lose one another', async () => {
    await ingest(driver, 'asean', [MEET, CRITICISE, ACCUSE, REJECTS, VISIT]);
    const into = 'person:anwar-ibrahim';
    const made = await Promise.all([
      curate(driver, { op: 'merge', target: 'person:anwar', into }, 'a'),
      curate(driver, { op: 'merge', target: 'state:MMR', into }, 'b'),
      curate(driver, { op: 'edit', target: into, changes: { sector: 'ELI' } }, 'c'),
      curate(driver, { op: 'edit', target: into, changes: { country: 'SGP' } }, 'd'),
      curate(driver, { op: 'confirm', target: into }, 'e'),
      curate(driver, { op: 'note', target: into, note: 'one' }, 'f'),
      curate(driver, { op: 'note', target: into, note: 'two' }, 'g'),
    ]);
    expect(new Set(made.map((c) => c.id)).size).toBe(7);
    const b = await actorOf(driver, into);
    expect(b.aliases).toEqual(expect.arrayContaining(['Anwar', 'Myanmar']));
    expect(b.country).toBe('SGP');
    const { records } = await driver.executeQuery(
      `MATCH (a:Actor {id: $into}) RETURN a.sector AS sector, a.confirmed AS confirmed,
         COUNT { (:Curation)-[:CURATES|INTO]->(a) } AS links`,
      { into },
    );
    expect(records[0].get('sector')).toBe('ELI');
    expect(records[0].get('confirmed')).toBe(true);
    expect(Number(records[0].get('links'))).toBe(7);
  });

  it('export → import on an instance with the same reports gives the same curated graph; twice changes nothing', async () => {
    const reports: [string, Line[]][] = [
      ['asean', [MEET, CRITICISE, ACCUSE, REJECTS]],
      ['other', [VISIT, ACCUSE]],
    ];
    for (const [id, lines] of reports) await ingest(driver, id, lines);
    await curate(driver, { op: 'merge', target: 'person:anwar', into: 'person:anwar-ibrahim' }, by);
    await curate(driver, { op: 'reject', target: ev(ACCUSE, 'asean') }, 'other-analyst');
    const retype = await curate(
      driver,
      { op: 'edit', target: ev(REJECTS, 'asean'), changes: { type: 'PROTEST' } },
      by,
    );
    await undo(driver, retype.id, by, { reason: 'was right' });
    await curate(driver, { op: 'confirm', target: ev(MEET, 'asean') }, by);
    const curated = await graphState(driver, true);
    const file = JSON.parse(JSON.stringify(await exportCurations(driver)));
    expect(file.curations).toHaveLength(4);

    await wipe(driver);
    for (const [id, lines] of reports) await ingest(driver, id, lines);
    expect(await importCurations(driver, file)).toMatchObject({
      imported: 4,
      skipped: 0,
      undone: 1,
      pending: 0,
    });
    const imported = await graphState(driver, true);
    // Confirmations carry their time and analyst; the record ids and times are the file's.
    expect(imported).toEqual(curated);
    expect(await importCurations(driver, file)).toMatchObject({ imported: 0, skipped: 4 });
    expect(await graphState(driver, true)).toEqual(imported);
  });

  it('an import before the reports keeps the curations pending, and the ingest applies them', async () => {
    await ingest(driver, 'asean', [MEET, CRITICISE, ACCUSE]);
    await curate(driver, { op: 'merge', target: 'person:anwar', into: 'person:anwar-ibrahim' }, by);
    await curate(driver, { op: 'reject', target: ev(ACCUSE, 'asean') }, by);
    const file = await exportCurations(driver);
    await wipe(driver);
    await ingest(driver, 'unrelated', [REJECTS]);
    expect(await importCurations(driver, file)).toMatchObject({ imported: 2, pending: 2 });
    await ingest(driver, 'asean', [MEET, CRITICISE, ACCUSE]);
    expect(await eventOf(driver, ev(ACCUSE, 'asean'))).toMatchObject({ rejected: true });
    expect(await actorOf(driver, 'person:anwar')).toMatchObject({ edges: 0, current: false });
    expect((await curationLog(driver)).every((e) => !e.orphaned)).toBe(true);
  });

  it('refuses bad curations with a clear error and changes nothing', async () => {
    await ingest(driver, 'asean', [MEET, CRITICISE]);
    const before = await graphState(driver, true);
    const refused = async (req: CurationRequest, message: RegExp) =>
      expect(curate(driver, req, by)).rejects.toThrow(message);
    await refused({ op: 'reject', target: 'event:nope' }, /no event 'event:nope'/);
    await refused(
      { op: 'reject', target: 'person:anwar' },
      /reject applies to events or statements/,
    );
    await refused({ op: 'merge', target: 'person:anwar', into: 'person:anwar' }, /itself/);
    await refused({ op: 'merge', target: 'person:anwar', into: 'person:nobody' }, /no actor/);
    await refused(
      { op: 'edit', target: 'person:anwar', changes: { type: 'AGREE' } },
      /actors have no editable type/,
    );
    await expect(importCurations(driver, { format: 'x' })).rejects.toThrow(
      /not a curations export/,
    );
    expect(await graphState(driver, true)).toEqual(before);
  });
});
