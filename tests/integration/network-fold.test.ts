// The big-graph picture (issue 16) over real HTTP: the top actors as themselves and the rest
// folded into one node per country, with their ties summed. Checked against the whole network
// (every actor, every edge) on a synthetic corpus, before and after more reports come in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { generateReports } from '../../bench/synthetic.ts';
import { curate, undo } from '../../curation/index.ts';
import { ensureSchema } from '../../db/schema.ts';
import { ingestItems } from '../../ingest/index.ts';
import type { ApiErrorBody, FoldedEdge, FoldedGroup, Network } from '../../server/api/types.ts';
import { call, serve, testDriver, wipe } from './api.helpers.ts';
import { syntheticItems } from './ingest-helpers.ts';

let driver: Driver;
let server: { url: string; close(): Promise<void> };
const get = async (path: string) => {
  const r = await call<Network>(server.url, path);
  expect(r.status, path).toBe(200);
  return r.body;
};

/** What the fold must be, from the whole network: the `kept` actors drawn (the top `top`
 * unless given), the rest summed by country. */
function expectedFold(
  whole: Network,
  top: number,
  kept = new Set(whole.nodes.slice(0, top).map((n) => n.id)),
) {
  const groups = new Map<string, FoldedGroup>();
  const end = new Map<string, string>();
  for (const n of whole.nodes.filter((x) => !kept.has(x.id))) {
    const id = `folded:${n.country ?? 'none'}`;
    const g = groups.get(id) ?? {
      id,
      country: n.country,
      actors: 0,
      events: 0,
      statements: 0,
      names: [],
    };
    g.actors++;
    g.events += n.events;
    g.statements += n.statements;
    if (g.names.length < 3) g.names.push(n.name);
    groups.set(id, g);
    end.set(n.id, id);
  }
  const edges = new Map<string, FoldedEdge>();
  for (const e of whole.edges) {
    const s = kept.has(e.source) ? e.source : end.get(e.source)!;
    const t = kept.has(e.target) ? e.target : end.get(e.target)!;
    if (s === t || (kept.has(s) && kept.has(t))) continue;
    const [a, b] = s < t ? [s, t] : [t, s];
    const id = `${a}--${b}`;
    const x = edges.get(id) ?? { id, source: a, target: b, count: 0 };
    x.count += e.count;
    edges.set(id, x);
  }
  return {
    groups: [...groups.values()].sort((x, y) => y.actors - x.actors || (x.id < y.id ? -1 : 1)),
    edges: [...edges.values()].sort((x, y) => (x.id < y.id ? -1 : 1)),
    edgesDropped: 0,
  };
}

describe('the folded network', () => {
  beforeAll(async () => {
    driver = testDriver(inject('neo4jUri'));
    await wipe(driver);
    await ensureSchema(driver);
    await ingestItems(driver, syntheticItems(generateReports(40, 16)));
    server = await serve(driver);
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    await driver?.close();
  });

  const check = async (filter: string) => {
    const whole = await get(`/api/network?limit=5000${filter}`);
    expect(whole.truncated).toBe(false);
    expect(whole.nodes.length).toBeGreaterThan(30);
    const folded = await get(`/api/network?limit=12&fold=country${filter}`);
    const plain = await get(`/api/network?limit=12${filter}`);
    // The top is the unfolded network's, untouched.
    expect(folded.nodes).toEqual(plain.nodes);
    expect(folded.edges).toEqual(plain.edges);
    expect(folded.truncated).toBe(true);
    expect(plain.folded).toBeUndefined();
    const fold = folded.folded!;
    expect(fold).toEqual(expectedFold(whole, 12));
    // Nobody lost: every actor is on screen or in a fold, and the folds tie to the top.
    expect(12 + fold.groups.reduce((n, g) => n + g.actors, 0)).toBe(whole.nodes.length);
    expect(
      fold.edges.some((e) => ![e.source, e.target].every((x) => x.startsWith('folded:'))),
    ).toBe(true);
    return fold;
  };

  it('folds every actor outside the top by country, with their ties summed', async () => {
    const fold = await check('');
    expect(fold.groups.length).toBeGreaterThan(1);
    await check('&types=CONSULT,COOPERATE');
    await check('&kinds=state,person');
  });

  it('stays exact after more reports come in (the kept answer caught up)', async () => {
    const before = await get('/api/network?limit=12&fold=country');
    await ingestItems(driver, syntheticItems(generateReports(8, 61)));
    const after = await check('');
    expect(after).not.toEqual(before.folded);
  }, 120_000);

  it('stays exact when actors change country or are merged (the kept sums by fold)', async () => {
    const whole = await get('/api/network?limit=5000');
    const countries = [...new Set(whole.nodes.map((n) => n.country).filter((c) => c !== null))];
    expect(countries.length).toBeGreaterThan(2);
    const other = (c: string | null) => countries.find((x) => x !== c)!;
    const [top, rest, gone, into] = [
      whole.nodes[2],
      whole.nodes[20],
      whole.nodes[25],
      whole.nodes[30],
    ];
    // A top actor and an actor in a fold move country: their ties move to other folds.
    await curate(
      driver,
      { op: 'edit', target: top.id, changes: { country: other(top.country) } },
      'test',
    );
    await check('');
    await curate(
      driver,
      { op: 'edit', target: rest.id, changes: { country: other(rest.country) } },
      'test',
    );
    await check('');
    const merge = await curate(driver, { op: 'merge', target: gone.id, into: into.id }, 'test');
    await check('');
    await undo(driver, merge.id, 'test');
    await check('');
  }, 120_000);

  it('opens a fold: its actors drawn with their edges, the rest still folded', async () => {
    const whole = await get('/api/network?limit=5000');
    const folded = await get('/api/network?limit=12&fold=country');
    // The biggest fold, and actors without a country.
    const [country, other] = [folded.folded!.groups[0].country!, 'none'];
    for (const filter of ['', '&types=CONSULT,COOPERATE']) {
      const all = await get(`/api/network?limit=5000${filter}`);
      const open = await get(
        `/api/network?limit=12&fold=country&open=${country},${other}${filter}`,
      );
      const top = all.nodes.slice(0, 12).map((n) => n.id);
      const inOpen = all.nodes
        .slice(12)
        .filter((n) => [country, other].includes(n.country ?? 'none'))
        .map((n) => n.id);
      expect(inOpen.length).toBeGreaterThan(2);
      const drawn = new Set([...top, ...inOpen]);
      // Every actor of the opened countries is drawn (fewer than 500 each), in rank order.
      expect(open.nodes.map((n) => n.id)).toEqual(
        all.nodes.filter((n) => drawn.has(n.id)).map((n) => n.id),
      );
      expect(open.edges).toEqual(
        all.edges.filter((e) => drawn.has(e.source) && drawn.has(e.target)),
      );
      expect(open.truncated).toBe(true);
      expect(open.folded).toEqual(expectedFold(all, 12, drawn));
      expect(open.folded!.groups.map((g) => g.country)).not.toContain(country);
    }
    expect(whole.nodes.length).toBeGreaterThan(12);
  });

  it('refuses an open without a fold, or a bad country', async () => {
    for (const q of ['open=UKR', 'fold=country&open=ukraine']) {
      const r = await call<ApiErrorBody>(server.url, `/api/network?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.message).toMatch(/open|alpha-3/);
    }
  });

  it('refuses an unknown fold', async () => {
    const r = await call<ApiErrorBody>(server.url, '/api/network?fold=continent');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/fold/);
  });
});
