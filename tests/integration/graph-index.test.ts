// The server's in-memory network index is patched after each ingest, curation and undo instead
// of rebuilt (server/queries/graph-changes.ts). After every step of an analyst's session the
// patched index must equal a fresh build from Neo4j, and stay the same object (no rebuild).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { curate, undo, type CurationRequest } from '../../curation/index.ts';
import { ingestPaths } from '../../ingest/index.ts';
import { DEFAULT_LIMITS, newGraphCache, type ServerContext } from '../../server/context.ts';
import { buildIndex, graphIndex, type GraphIndex } from '../../server/queries/graph-index.ts';
import { networkJson } from '../../server/queries/network-answer.ts';
import type { Network } from '../../server/api/types.ts';
import { computeNetwork } from '../../server/queries/network.ts';
import { REPO, testDriver, wipe } from './ingest-helpers.ts';

const fixture = (f: string) => `${REPO}/tests/fixtures/curation/${f}`;
const sample = (f: string) => `${REPO}/samples/${f}`;

const sortedMap = <V>(m: Map<string, V>, f: (v: V) => unknown = (v) => v) =>
  [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, f(v)]);

/** The index as plain sorted data: equal for equal graphs whatever order rows came in. */
function plain(i: GraphIndex) {
  return {
    events: sortedMap(i.events, (e) => ({
      ...e,
      actors: [...e.actors].sort(),
      recipients: [...e.recipients].sort(),
    })),
    actors: sortedMap(i.actors, (a) => ({ ...a, aliases: [...a.aliases].sort() })),
    eventsOf: sortedMap(i.eventsOf, (s) => [...s].map((e) => e.id).sort()),
    statements: sortedMap(i.statements, (s) => ({ ...s, speakers: [...s.speakers].sort() })),
    statementsOf: sortedMap(i.statementsOf, (m) => sortedMap(m)),
    mentions: sortedMap(i.mentions),
    reports: sortedMap(i.reports),
    places: sortedMap(i.places),
    placeUses: sortedMap(i.placeUses),
    documents: sortedMap(i.documents),
  };
}

describe('the incremental network index', () => {
  let driver: Driver;
  let ctx: ServerContext;
  // Queries the server makes (its reads go through executeQuery): a patch costs round trips.
  let queries = 0;
  beforeAll(async () => {
    driver = testDriver();
    await wipe(driver);
    const counted = new Proxy(driver, {
      get(target, name) {
        if (name === 'executeQuery') {
          return (...args: Parameters<Driver['executeQuery']>) => {
            queries++;
            return target.executeQuery(...args);
          };
        }
        const v: unknown = Reflect.get(target, name);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    ctx = {
      driver: counted,
      database: undefined,
      neo4jUri: 'test',
      limits: DEFAULT_LIMITS,
      cache: newGraphCache(),
    };
  });
  afterAll(async () => driver.close());

  it('equals a full rebuild after ingest, curations, undo and re-ingest, without rebuilding', async () => {
    await ingestPaths(driver, [fixture('asean-talks.md'), sample('geneva-talks.md')]);
    const live = await graphIndex(ctx);
    expect(live.events.size).toBeGreaterThan(0);

    const check = async (step: string) => {
      const now = await graphIndex(ctx);
      expect(now, `${step}: patched in place`).toBe(live);
      const rebuilt = (await buildIndex(ctx)).index;
      expect(plain(now), step).toEqual(plain(rebuilt));
      // What the viewer draws from it too (the kept answer, caught up with the patch), against
      // a server context that builds afresh: whole, cut at a few actors (so that the ranking
      // and the relationships among the top decide), filtered by kind, and by event type.
      const fresh = { ...ctx, cache: newGraphCache() };
      for (const f of [
        { limit: 2000 },
        { limit: 4 },
        { limit: 9 },
        { limit: 5, kinds: ['state' as const] },
        { limit: 2000, types: ['CONSULT' as const] },
      ]) {
        const patched = await networkJson(ctx, f);
        expect(patched, `${step}: network ${JSON.stringify(f)}`).toBe(await networkJson(fresh, f));
        const { version, ...answer } = JSON.parse(patched) as Network;
        expect(version, `${step}: the graph version it stands at`).toMatch(/^\d+:\d+:\d+:/);
        expect(answer, `${step}: computed afresh`).toEqual(computeNetwork(rebuilt, f));
      }
    };

    await ingestPaths(driver, [fixture('asean-meeting.md'), sample('miami-talks.md')]);
    // No network answer asked for yet: nothing keeps a log of the patches for one.
    expect((await graphIndex(ctx)).patched?.events.length ?? 0).toBe(0);
    await check('two more reports');

    const pick = async (cypher: string) => {
      const { records } = await driver.executeQuery(cypher);
      return records.map((r) => String(r.get('id')));
    };
    const persons = await pick(
      `MATCH (a:Person) WHERE a.current AND a.name STARTS WITH 'Anwar' RETURN a.id AS id ORDER BY size(a.name) DESC`,
    );
    expect(persons.length).toBe(2);
    const made: string[] = [];
    const run = async (req: CurationRequest) => {
      made.push((await curate(driver, req, 'test')).id);
      // The version, the curation and what it touched in one read; a merge needs three more
      // (what the merged actor held, read with the index's knowledge).
      queries = 0;
      await networkJson(ctx, { limit: 2000 });
      expect(queries, `${req.op}: reads of Neo4j`).toBe(req.op === 'merge' ? 4 : 1);
      await check(`${req.op} ${req.target}`);
    };
    await run({ op: 'merge', target: persons[0], into: persons[1], reason: 'same man' });
    const [event, other] = await pick(
      `MATCH (e:Event {current: true}) RETURN e.id AS id ORDER BY e.id LIMIT 2`,
    );
    await run({ op: 'reject', target: event, reason: 'not in the text' });
    await run({ op: 'edit', target: other, changes: { type: 'PROTEST' } });
    const states = await pick(
      `MATCH (a:State {current: true}) RETURN a.id AS id ORDER BY a.id LIMIT 2`,
    );
    await run({ op: 'set-actors', target: other, actors: [states[0]], recipients: [states[1]] });
    await run({ op: 'edit', target: states[0], changes: { name: 'Renamed state' } });
    const [statement] = await pick(
      `MATCH (s:Statement {current: true}) RETURN s.id AS id ORDER BY s.id LIMIT 1`,
    );
    expect(statement).toBeDefined();
    await run({ op: 'set-speaker', target: statement, speaker: states[1] });
    await run({ op: 'edit', target: statement, changes: { date: '2025-10-01' } });
    await run({ op: 'set-place', target: event, place: null });

    await undo(driver, made[0], 'test');
    await check('undo of the merge');
    await undo(driver, made[1], 'test');
    await check('undo of the rejection');

    await ingestPaths(driver, [fixture('asean-talks-updated.md')]);
    await check('re-ingest of an updated report');
    await ingestPaths(driver, [fixture('asean-talks.md')]);
    await check('re-ingest of the earlier text');
  }, 240_000);

  it('a fresh build counts the recent changes as taken in: its first patch reads one query', async () => {
    // A revision and a curation inside the change feed's look-back window (two minutes before
    // the newest): the build reflects them, so the next curation's patch must not read them
    // again (it did: one read for the changes, three for what they touched; after a bulk ingest,
    // a rebuild on every request).
    await ingestPaths(driver, [fixture('asean-talks-updated.md')]);
    const { records } = await driver.executeQuery(
      `MATCH (e:Event {current: true}) WHERE e.rejected IS NULL RETURN e.id AS id ORDER BY e.id LIMIT 2`,
    );
    const [first, second] = records.map((r) => String(r.get('id')));
    await curate(driver, { op: 'confirm', target: first }, 'test');
    const fresh = { ...ctx, cache: newGraphCache() };
    const built = await graphIndex(fresh);
    await curate(driver, { op: 'reject', target: second }, 'test');
    queries = 0;
    await networkJson(fresh, { limit: 2000 });
    expect(queries, 'reads of Neo4j for the patch').toBe(1);
    const now = await graphIndex(fresh);
    expect(now, 'patched in place').toBe(built);
    expect(plain(now)).toEqual(plain((await buildIndex(ctx)).index));
  }, 120_000);
});
