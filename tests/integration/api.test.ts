// The HTTP API over real HTTP against the real server and Neo4j, seeded by the real ingest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type {
  ActorCard,
  ApiErrorBody,
  DocumentView,
  EventItem,
  Health,
  Network,
  Ontology,
  Page,
  RevisionSummary,
  SearchHit,
  StatementItem,
} from '../../server/api/types.ts';
import type { RevisionDiff } from '../../domain/index.ts';
import { ROUTES } from '../../server/api/routes.ts';
import { ingestReport } from '../../ingest/ingest.ts';
import { call, postJson, seededApi, type Api } from './api.helpers.ts';

let api: Api;
let driver: Driver;
let server: { url: string; close(): Promise<void> };
const get = <T>(path: string) => call<T>(server.url, path);

beforeAll(async () => {
  ({ driver, server } = api = await seededApi());
});
afterAll(async () => {
  await api?.close();
});

async function expectError(path: string, status: number, code?: string | RegExp) {
  const r = await get<ApiErrorBody>(path);
  expect(r.status, path).toBe(status);
  expect(r.body.error.message, path).toBeTruthy();
  if (code) expect(r.body.error.code, path).toMatch(code);
  return r.body.error;
}

describe('health, ontology, OpenAPI, fallbacks', () => {
  it('reports the connected Neo4j with its version, edition and node count', async () => {
    const r = await get<Health>('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
    expect(r.body.neo4j.connected).toBe(true);
    expect(r.body.neo4j.version).toMatch(/^5\.26\./);
    expect(r.body.neo4j.edition).toBe('community');
    expect(r.body.neo4j.nodes).toBeGreaterThan(50);
  });

  it('gives the 16 PLOVER categories with scores and colours', async () => {
    const r = await get<Ontology>('/api/ontology');
    expect(r.body.quads).toHaveLength(4);
    expect(r.body.categories).toHaveLength(16);
    const assault = r.body.categories.find((c) => c.type === 'ASSAULT');
    expect(assault).toMatchObject({ quad: 'material-conflict', score: -9 });
    expect(assault?.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('describes every endpoint of the route table in /api/openapi.json', async () => {
    const r = await get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      '/api/openapi.json',
    );
    expect(r.body.openapi).toMatch(/^3\./);
    const declared = Object.values(ROUTES);
    expect(declared.length).toBeGreaterThan(20);
    for (const route of declared) {
      expect(r.body.paths[route.path], `${route.method} ${route.path}`).toHaveProperty([
        route.method,
      ]);
    }
    const documented = Object.values(r.body.paths).flatMap((p) => Object.keys(p));
    expect(documented).toHaveLength(declared.length);
    const network = r.body.paths['/api/network'] as { get: { parameters: { name: string }[] } };
    expect(network.get.parameters.map((p) => p.name).sort()).toEqual(
      ['countries', 'fold', 'kinds', 'limit', 'open', 'since', 'types', 'until'].sort(),
    );
  });

  it('serves every endpoint of the route table, and refuses an unknown query parameter there', async () => {
    for (const route of Object.values(ROUTES)) {
      const path = route.path.replace('{id}', 'no-such-id');
      const res = await fetch(`${server.url}${path}?no_such_parameter=1`, {
        method: route.method.toUpperCase(),
        headers: { 'content-type': 'application/json' },
        body: route.method === 'post' ? '{}' : undefined,
      });
      const body = (await res.json()) as ApiErrorBody;
      expect(body.error?.message ?? '', `${route.method} ${route.path}`).not.toMatch(
        /no such endpoint/,
      );
      expect(res.status, `${route.method} ${route.path}`).toBe(400);
      expect(body.error.code, `${route.method} ${route.path}`).toBe('UNKNOWN_PARAMETER');
    }
  });

  it('answers unknown /api paths with a JSON 404 and other paths with the app page', async () => {
    await expectError('/api/nothing-here', 404, 'NOT_FOUND');
    const page = await get<string>('/some/deep/link');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/html/);
  });
});

describe('GET /api/network', () => {
  it('gives current actors with counts and edges aggregated per pair', async () => {
    const r = await get<Network>('/api/network');
    expect(r.status).toBe(200);
    const ids = new Set(r.body.nodes.map((n) => n.id));
    for (const id of ['state:UKR', 'state:RUS', 'state:USA', 'person:kirill-dmitriev']) {
      expect(ids).toContain(id);
    }
    const dmitriev = r.body.nodes.find((n) => n.id === 'person:kirill-dmitriev');
    expect(dmitriev).toMatchObject({ kind: 'person', country: 'RUS', name: 'Kirill Dmitriev' });
    expect(dmitriev?.events).toBeGreaterThan(0);
    expect(dmitriev?.mentions).toBeGreaterThan(0);
    expect(r.body.edges.length).toBeGreaterThan(3);
    for (const e of r.body.edges) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
      expect(e.source).not.toBe(e.target);
      expect(e.id).toBe(`${e.source}->${e.target}`);
      expect(Object.values(e.byType).reduce((a, b) => a + (b ?? 0), 0)).toBe(e.count);
      expect(e.byType[e.dominantType]).toBe(Math.max(...Object.values(e.byType).map(Number)));
      expect(e.meanScore).toBeGreaterThanOrEqual(-10);
      expect(e.meanScore).toBeLessThanOrEqual(10);
      if (e.firstDate && e.lastDate) expect(e.firstDate <= e.lastDate).toBe(true);
    }
    // Meetings are folded: one edge per pair, from the smaller id to the larger.
    const consult = r.body.edges.filter((e) => e.dominantType === 'CONSULT');
    expect(consult.length).toBeGreaterThan(0);
    for (const e of consult) expect(e.source < e.target).toBe(true);
    const kushnerDmitriev = r.body.edges.filter(
      (e) => [e.source, e.target].sort().join() === 'person:jared-kushner,person:kirill-dmitriev',
    );
    expect(kushnerDmitriev).toHaveLength(1);
    // Activity order: the most active actor first.
    const activity = r.body.nodes.map((n) => n.events + n.statements);
    expect([...activity].sort((a, b) => b - a)).toEqual(activity);
    expect(r.body.truncated).toBe(false);
    // The same network, gzipped or not.
    const plain = await call<Network>(server.url, '/api/network', {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.body).toEqual(r.body);
  });

  it('applies limit (top-N by activity), types, kinds, countries and dates', async () => {
    const all = (await get<Network>('/api/network')).body;
    const top = await get<Network>('/api/network?limit=3');
    expect(top.body.nodes.map((n) => n.id)).toEqual(all.nodes.slice(0, 3).map((n) => n.id));
    expect(top.body.truncated).toBe(true);

    const rejects = (await get<Network>('/api/network?types=REJECT')).body;
    expect(rejects.edges.length).toBeGreaterThan(0);
    for (const e of rejects.edges) expect(Object.keys(e.byType)).toEqual(['REJECT']);

    const people = (await get<Network>('/api/network?kinds=person')).body;
    expect(people.nodes.length).toBeGreaterThan(2);
    for (const n of people.nodes) expect(n.kind).toBe('person');

    const russians = (await get<Network>('/api/network?countries=RUS,UKR')).body;
    for (const n of russians.nodes) expect(['RUS', 'UKR']).toContain(n.country);

    const late = (await get<Network>('/api/network?since=2025-12-27&until=2025-12')).body;
    expect(late.edges.length).toBeGreaterThan(0);
    for (const e of late.edges) {
      expect(e.firstDate! >= '2025-12-27').toBe(true);
      expect(e.lastDate!.startsWith('2025-12')).toBe(true);
    }
    const none = (await get<Network>('/api/network?since=2031')).body;
    expect(none).toEqual({ nodes: [], edges: [], truncated: false, version: expect.any(String) });
  });

  it('refuses bad parameters with 400', async () => {
    for (const q of [
      'limit=0',
      'limit=5001',
      'limit=-1',
      'limit=1.5',
      'limit=abc',
      'limit=1&limit=2',
      'types=FIGHT',
      'types=',
      'kinds=alien',
      'countries=russia',
      'since=2025-13-01',
      'until=yesterday',
      'colour=red',
    ]) {
      await expectError(`/api/network?${q}`, 400, /PARAMETER/);
    }
    const e = await expectError('/api/network?colour=red', 400, 'UNKNOWN_PARAMETER');
    expect(e.message).toContain('colour');
  });
});

describe('actors', () => {
  it('gives the card: aliases, affiliation, timeline with evidence, documents', async () => {
    const r = await get<ActorCard>('/api/actors/person:kirill-dmitriev');
    expect(r.status).toBe(200);
    const card = r.body;
    expect(card.actor).toMatchObject({
      id: 'person:kirill-dmitriev',
      kind: 'person',
      country: 'RUS',
    });
    expect(card.actor.aliases).toContain('Dmitriev');
    expect(card.affiliations.map((a) => a.id)).toContain('state:RUS');
    expect(card.events.length).toBeGreaterThan(2);
    expect(card.totals?.events).toBe(card.events.length);
    const keys = card.events.map((e) => e.date ?? '~');
    expect([...keys].sort()).toEqual(keys); // oldest first, undated last
    for (const e of card.events) {
      expect(e.current).toBe(true);
      const ids = [...e.actors, ...e.recipients].map((a) => a.id);
      expect(ids).toContain('person:kirill-dmitriev');
      expect(e.evidence.length).toBeGreaterThan(0);
      expect(e.evidence[0].current).toBe(true);
    }
    expect(card.events.some((e) => e.type === 'REJECT')).toBe(true);
    expect(card.documents.map((d) => d.id).sort()).toEqual(
      ['eval-miami-talks', 'geneva-talks', 'miami-talks'].sort(),
    );
    const ukraine = await get<ActorCard>('/api/actors/state:UKR');
    expect(ukraine.body.members.length).toBeGreaterThan(0);
    expect(ukraine.body.actor.aliases).toContain('Kyiv');
  });

  it('cuts each evidence sentence from its revision text at the stored offsets', async () => {
    const card = (await get<ActorCard>('/api/actors/person:kirill-dmitriev')).body;
    const texts = new Map<string, string>();
    for (const e of card.events) {
      for (const ev of e.evidence) {
        if (!texts.has(ev.revisionId)) {
          const doc = await get<DocumentView>(
            `/api/documents/${ev.documentId}?revision=${encodeURIComponent(ev.revisionId)}`,
          );
          texts.set(ev.revisionId, doc.body.text);
        }
        expect(texts.get(ev.revisionId)!.slice(ev.start, ev.end)).toBe(ev.sentence);
      }
    }
  });

  it('limits the card lists and refuses bad input', async () => {
    const r = await get<ActorCard>('/api/actors/person:kirill-dmitriev?limit=1');
    expect(r.body.events).toHaveLength(1);
    expect(r.body.totals!.events).toBeGreaterThan(1);
    await expectError('/api/actors/person:nobody', 404, 'NOT_FOUND');
    await expectError('/api/actors/person:kirill-dmitriev?limit=0', 400);
    await expectError('/api/actors/person:kirill-dmitriev?limit=501', 400);
    await expectError('/api/actors/person:kirill-dmitriev?expand=1', 400, 'UNKNOWN_PARAMETER');
  });

  it('expands neighbours: the actor first, then the closest, with edges touching it', async () => {
    const r = await get<Network>('/api/actors/person:kirill-dmitriev/neighbors');
    expect(r.status).toBe(200);
    expect(r.body.nodes[0].id).toBe('person:kirill-dmitriev');
    const ids = r.body.nodes.map((n) => n.id);
    expect(ids).toContain('person:jared-kushner');
    expect(ids).toContain('person:steve-witkoff');
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of r.body.edges) {
      expect([e.source, e.target]).toContain('person:kirill-dmitriev');
    }
    const one = await get<Network>('/api/actors/person:kirill-dmitriev/neighbors?limit=1');
    expect(one.body.nodes).toHaveLength(2);
    expect(one.body.truncated).toBe(true);
    await expectError('/api/actors/person:nobody/neighbors', 404);
    await expectError('/api/actors/person:kirill-dmitriev/neighbors?limit=100000', 400);
  });
});

describe('events and statements', () => {
  it('pages through events with a cursor, each exactly once, in timeline order', async () => {
    const all = (await get<Page<EventItem>>('/api/events?limit=500')).body;
    expect(all.nextCursor).toBeNull();
    expect(all.items.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<EventItem> = (
        await get<Page<EventItem>>(`/api/events?limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((e) => e.id));
    const keys = all.items.map((e) => e.date ?? '~');
    expect([...keys].sort()).toEqual(keys);
  });

  it('filters events by actor, type and dates', async () => {
    const byActor = (await get<Page<EventItem>>('/api/events?actor=state:RUS&limit=500')).body;
    expect(byActor.items.length).toBeGreaterThan(0);
    for (const e of byActor.items) {
      expect([...e.actors, ...e.recipients].map((a) => a.id)).toContain('state:RUS');
    }
    const consults = (await get<Page<EventItem>>('/api/events?type=CONSULT&limit=500')).body;
    expect(consults.items.length).toBeGreaterThan(0);
    for (const e of consults.items) {
      expect(e.type).toBe('CONSULT');
      // Reciprocal: every participant on both sides.
      expect(e.actors.map((a) => a.id)).toEqual(e.recipients.map((a) => a.id));
    }
    const dec = (await get<Page<EventItem>>('/api/events?since=2025-12-20&until=2025-12-21')).body;
    for (const e of dec.items) expect(['2025-12-20', '2025-12-21', '2025-12']).toContain(e.date);
  });

  it('takes the network filters (types, countries, kinds) as the viewer sends them', async () => {
    const all = (await get<Page<EventItem>>('/api/events?limit=500')).body.items;
    const q = 'types=REJECT,CONSULT&countries=RUS,USA&kinds=person,state&since=2025-12&limit=500';
    const r = await get<Page<EventItem>>(`/api/events?${q}`);
    expect(r.status).toBe(200);
    const passes = (e: EventItem) =>
      ['REJECT', 'CONSULT'].includes(e.type) &&
      e.date !== null &&
      e.date.startsWith('2025-12') &&
      [...e.actors, ...e.recipients].some(
        (a) => ['RUS', 'USA'].includes(a.country ?? '') && ['person', 'state'].includes(a.kind),
      );
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.body.items.map((e) => e.id)).toEqual(all.filter(passes).map((e) => e.id));
    // A country no participant has: nothing, not an error.
    const none = await get<Page<EventItem>>('/api/events?countries=NZL');
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
    await expectError('/api/events?countries=Russia', 400, 'INVALID_PARAMETER');
    await expectError('/api/events?kinds=city', 400, 'INVALID_PARAMETER');
  });

  it('lists the events between two actors, both directions, newest first, paged', async () => {
    const [a, b] = ['person:kirill-dmitriev', 'state:USA'];
    const all = (await get<Page<EventItem>>('/api/events?limit=500')).body.items;
    const between = (e: EventItem, x: string, y: string) =>
      e.actors.some((p) => p.id === x) && e.recipients.some((r) => r.id === y);
    const expected = all.filter((e) => between(e, a, b) || between(e, b, a));
    expect(expected.length).toBeGreaterThan(1);
    const seen: EventItem[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<EventItem> = (
        await get<Page<EventItem>>(
          `/api/events?actor=${a}&counterpart=${b}&order=newest&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).body;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    const dated = seen.map((e) => e.date).filter((d) => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    // Undated ones last; the same set whichever end is named first.
    const firstUndated = seen.findIndex((e) => e.date === null);
    if (firstUndated >= 0)
      expect(seen.slice(firstUndated).every((e) => e.date === null)).toBe(true);
    const swapped = (
      await get<Page<EventItem>>(`/api/events?actor=${b}&counterpart=${a}&limit=500`)
    ).body.items;
    expect(swapped.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    await expectError(`/api/events?counterpart=${a}`, 400, 'INVALID_PARAMETER');
    await expectError(`/api/events?actor=${a}&counterpart=${b}&order=sideways`, 400);
  });

  it('gives one event with its evidence, and 404 for an unknown id', async () => {
    const first = (await get<Page<EventItem>>('/api/events?limit=1')).body.items[0];
    const r = await get<EventItem>(`/api/events/${encodeURIComponent(first.id)}`);
    expect(r.body).toEqual(first);
    expect(r.body.evidence[0].sentence.length).toBeGreaterThan(10);
    await expectError('/api/events/event:nope', 404);
  });

  it('refuses bad list parameters', async () => {
    for (const q of [
      'limit=0',
      'limit=501',
      'type=MEET',
      'cursor=garbage',
      'since=12/2025',
      'sort=date',
    ]) {
      await expectError(`/api/events?${q}`, 400);
    }
    await expectError('/api/statements?speaker=', 400);
    await expectError('/api/statements?limit=9999', 400);
  });

  it('lists statements by speaker and about, with pagination', async () => {
    const all = (await get<Page<StatementItem>>('/api/statements?limit=500')).body;
    expect(all.items.length).toBeGreaterThan(2);
    const speaker = all.items[0].speaker.id;
    const bySpeaker = (
      await get<Page<StatementItem>>(`/api/statements?speaker=${encodeURIComponent(speaker)}`)
    ).body;
    expect(bySpeaker.items.length).toBeGreaterThan(0);
    for (const s of bySpeaker.items) expect(s.speaker.id).toBe(speaker);
    const withAbout = all.items.find((s) => s.about.length > 0);
    if (withAbout) {
      const about = withAbout.about[0].id;
      const r = (
        await get<Page<StatementItem>>(`/api/statements?about=${encodeURIComponent(about)}`)
      ).body;
      for (const s of r.items) expect(s.about.map((a) => a.id)).toContain(about);
    }
    const p1 = (await get<Page<StatementItem>>('/api/statements?limit=1')).body;
    expect(p1.nextCursor).toBeTruthy();
    const p2 = (await get<Page<StatementItem>>(`/api/statements?limit=1&cursor=${p1.nextCursor}`))
      .body;
    expect(p2.items[0].id).toBe(all.items[1].id);
    const one = await get<StatementItem>(`/api/statements/${encodeURIComponent(all.items[0].id)}`);
    expect(one.body.id).toBe(all.items[0].id);
  });
});

describe('GET /api/search', () => {
  const search = async (q: string, extra = '') =>
    (await get<{ items: SearchHit[] }>(`/api/search?q=${encodeURIComponent(q)}${extra}`)).body
      .items;

  it('finds actors by a prefix of a name or alias while typing', async () => {
    expect((await search('dmit'))[0]).toMatchObject({
      type: 'actor',
      id: 'person:kirill-dmitriev',
    });
    expect((await search('Kirill Dm'))[0].id).toBe('person:kirill-dmitriev');
    expect((await search('kyi', '&types=actor')).map((h) => h.id)).toContain('state:UKR');
  });

  it('finds events and statements by their text', async () => {
    const hits = await search('ceasefire', '&types=event,statement');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(['event', 'statement']).toContain(h.type);
      expect(h.label.toLowerCase()).toContain('ceasefire');
    }
  });

  it('treats Lucene syntax as plain text', async () => {
    for (const q of ['"[*', 'AND OR NOT', 'dmit~ ^2 \\', 'a:b (c) {d} /e/', '***', '-']) {
      const r = await get<{ items: SearchHit[] }>(`/api/search?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(Array.isArray(r.body.items)).toBe(true);
    }
  });

  it('refuses a missing query, a bad limit and unknown types', async () => {
    await expectError('/api/search', 400);
    await expectError('/api/search?q=', 400);
    await expectError('/api/search?q=x&limit=51', 400);
    await expectError('/api/search?q=x&types=place', 400);
    await expectError(`/api/search?q=${'x'.repeat(201)}`, 400);
  });
});

describe('documents', () => {
  it('lists documents, newest publication first', async () => {
    const r =
      await get<Page<{ id: string; publishedAt: string; revisions: number }>>('/api/documents');
    expect(r.body.items.map((d) => d.id)).toEqual([
      'geneva-talks',
      'eval-miami-talks',
      'miami-talks',
    ]);
    expect(r.body.items.find((d) => d.id === 'miami-talks')?.revisions).toBe(2);
    const p = await get<Page<{ id: string }>>('/api/documents?limit=2');
    expect(p.body.items).toHaveLength(2);
    const rest = await get<Page<{ id: string }>>(
      `/api/documents?limit=2&cursor=${p.body.nextCursor}`,
    );
    expect(rest.body.items.map((d) => d.id)).toEqual(['miami-talks']);
    await expectError('/api/documents?page=2', 400, 'UNKNOWN_PARAMETER');
  });

  it('gives the current text with offsets of mentions, event sentences and statements', async () => {
    const r = await get<DocumentView>('/api/documents/miami-talks');
    expect(r.status).toBe(200);
    const v = r.body;
    expect(v.revision.current).toBe(true);
    expect(v.revision.id).toBe(v.document.currentRevisionId);
    expect(v.text).toContain('Kirill Dmitriev');
    const dmitriev = v.mentions.filter((m) => m.actorId === 'person:kirill-dmitriev');
    expect(dmitriev.length).toBeGreaterThan(1);
    for (const m of v.mentions) {
      expect(m.end).toBeGreaterThan(m.start);
      expect(v.text.slice(m.start, m.end).length).toBe(m.end - m.start);
    }
    expect(v.text.slice(dmitriev[0].start, dmitriev[0].end)).toMatch(/Dmitriev|Russian envoy/);
    expect(v.events.length).toBeGreaterThan(3);
    expect(v.statements.length).toBeGreaterThan(0);
    const card = (await get<ActorCard>('/api/actors/person:kirill-dmitriev')).body;
    const evidenced = card.events.flatMap((e) =>
      e.evidence.filter((x) => x.revisionId === v.revision.id),
    );
    for (const ev of evidenced) expect(v.text.slice(ev.start, ev.end)).toBe(ev.sentence);
    for (const s of v.statements) expect(s.speakerId).toBeTruthy();
  });

  it('lists revisions and diffs them', async () => {
    const revs = (await get<{ items: RevisionSummary[] }>('/api/documents/miami-talks/revisions'))
      .body.items;
    expect(revs).toHaveLength(2);
    expect(revs.map((x) => x.current)).toEqual([false, true]);
    const diff = (await get<RevisionDiff>('/api/documents/miami-talks/diff')).body;
    expect(diff).toMatchObject({
      documentId: 'miami-talks',
      revisionId: revs[1].id,
      previousRevisionId: revs[0].id,
      status: 'updated',
    });
    expect(diff.events.added.map((e) => e.type)).toContain('ACCUSE');
    const back = (
      await get<RevisionDiff>(`/api/documents/miami-talks/diff?from=${revs[1].id}&to=${revs[0].id}`)
    ).body;
    expect(back.events.removed.map((e) => e.id)).toEqual(diff.events.added.map((e) => e.id));
    const old = await get<DocumentView>(`/api/documents/miami-talks?revision=${revs[0].id}`);
    expect(old.body.revision).toMatchObject({ id: revs[0].id, current: false });
    await expectError('/api/documents/miami-talks/diff?from=miami-talks@nope', 404);
    await expectError('/api/documents/nope/diff', 404);
    await expectError('/api/documents/nope/revisions', 404);
    await expectError('/api/documents/nope', 404);
    await expectError('/api/documents/miami-talks?revision=nope', 404);
  });
});

describe('POST /api/documents', () => {
  const report =
    'Berlin talks\n\nGerman Chancellor Friedrich Merz met Ukrainian President Volodymyr Zelensky in Berlin on Monday. Zelensky said Ukraine would not cede territory.';

  it('ingests JSON through the real pipeline and returns the diff; the same text again is unchanged', async () => {
    const r = await postJson(server.url, '/api/documents', {
      id: 'api-berlin',
      title: 'Berlin talks',
      publishedAt: '2025-12-16',
      text: report,
    });
    expect(r.status).toBe(201);
    const diff = r.body as RevisionDiff;
    expect(diff).toMatchObject({ documentId: 'api-berlin', status: 'created', dryRun: false });
    expect(diff.actors.added.map((a) => a.id)).toContain('person:friedrich-merz');
    const again = await postJson(server.url, '/api/documents', {
      id: 'api-berlin',
      title: 'Berlin talks',
      publishedAt: '2025-12-16',
      text: report,
    });
    expect(again.status).toBe(200);
    expect((again.body as RevisionDiff).status).toBe('unchanged');
    const view = await get<DocumentView>('/api/documents/api-berlin');
    expect(view.body.text).toContain('Friedrich Merz');
  });

  it('makes an uploaded report searchable as soon as the upload returns', async () => {
    const text =
      'Belgian Foreign Minister Oskar Vantongeren met Ukrainian President Volodymyr Zelensky in Kyiv on Monday.';
    const r = await postJson(server.url, '/api/documents', { id: 'api-searchable', text });
    expect(r.status).toBe(201);
    // No wait: the full-text indexes refresh about once a second, the upload waits for them.
    const hits = (await get<{ items: SearchHit[] }>('/api/search?q=Vantongeren')).body.items;
    expect(hits.map((h) => h.id)).toContain('person:oskar-vantongeren');
    expect(hits.some((h) => h.type === 'event')).toBe(true);
  });

  it('accepts a file upload and reads it with the read stage (front matter)', async () => {
    const form = new FormData();
    const md = `---\nid: api-upload\ntitle: Uploaded\npublished: 2025-12-17\n---\n\n${report}\n`;
    form.append('file', new Blob([md], { type: 'text/markdown' }), 'upload.md');
    const r = await call<RevisionDiff>(server.url, '/api/documents', {
      method: 'POST',
      body: form,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      documentId: 'api-upload',
      title: 'Uploaded',
      status: 'created',
    });
    const docs = (await get<Page<{ id: string; publishedAt: string }>>('/api/documents')).body
      .items;
    expect(docs.find((d) => d.id === 'api-upload')?.publishedAt).toBe('2025-12-17');
  });

  it('reads pasted file content by its file name (the viewer’s paste box)', async () => {
    const md = `---\nid: api-pasted\npublished: 2025-12-18\n---\n\n${report}\n`;
    const r = await postJson(server.url, '/api/documents', { text: md, filename: 'notes.md' });
    expect(r.status).toBe(201);
    expect((r.body as RevisionDiff).documentId).toBe('api-pasted');
    const view = (await get<DocumentView>('/api/documents/api-pasted')).body;
    expect(view.text).not.toContain('---');
    expect(view.document.publishedAt).toBe('2025-12-18');
  });

  it('refuses bad reports with a clear error and writes nothing', async () => {
    // Counted in Neo4j itself (a health check may answer with its last figures while Neo4j is busy).
    const nodes = async () =>
      Number((await driver.executeQuery('MATCH (n) RETURN count(n) AS n')).records[0].get('n'));
    const before = await nodes();
    const post = (body: string, type = 'application/json') =>
      call<ApiErrorBody>(server.url, '/api/documents', {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    expect((await post('{"text": "unterminated')).status).toBe(400);
    expect((await post('{"text": "unterminated')).body.error.code).toBe('MALFORMED_JSON');
    expect((await post('{"text": ""}')).status).toBe(400);
    expect((await post('{"text": "   \\n  "}')).body.error.code).toBe('READ_EMPTY');
    expect((await post('{"text": 5}')).status).toBe(400);
    expect((await post('{"text": "x", "colour": "red"}')).body.error.code).toBe(
      'UNKNOWN_PARAMETER',
    );
    expect((await post('{"text": "x", "publishedAt": "soon"}')).status).toBe(400);
    expect((await post('[1,2]')).status).toBe(400);
    expect((await post('text=hello', 'text/plain')).status).toBe(415);
    const huge = JSON.stringify({ id: 'huge', text: 'a'.repeat(5 * 1024 * 1024 + 10) });
    const tooBig = await post(huge);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('TOO_LARGE');

    const upload = async (bytes: Uint8Array<ArrayBuffer>, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      return call<ApiErrorBody>(server.url, '/api/documents', { method: 'POST', body: form });
    };
    const bigFile = await upload(new Uint8Array(5 * 1024 * 1024 + 1).fill(65), 'big.txt');
    expect(bigFile.status).toBe(413);
    const binary = await upload(new Uint8Array([0, 1, 2, 3, 255, 0, 0, 7, 8, 9]), 'x.txt');
    expect(binary.status).toBe(400);
    expect(binary.body.error.code).toMatch(/^READ_/);
    const empty = await upload(new Uint8Array(0), 'empty.txt');
    expect(empty.status).toBe(400);
    const pdf = await upload(new TextEncoder().encode('%PDF-1.4'), 'x.pdf');
    expect(pdf.status).toBe(400);
    const noFile = new FormData();
    noFile.append('text', 'hello');
    const r = await call<ApiErrorBody>(server.url, '/api/documents', {
      method: 'POST',
      body: noFile,
    });
    expect(r.status).toBe(400);

    expect(await nodes()).toBe(before);
  });
});

describe('freshness', () => {
  it('shows a report ingested by any process in the next network and card', async () => {
    const before = (await get<Network>('/api/network?limit=5000')).body;
    expect(before.nodes.map((n) => n.id)).not.toContain('person:alexander-stubb');
    // Ingested straight through the driver, as `parley ingest` in another process would.
    await ingestReport(driver, {
      text: 'Helsinki meeting\n\nFinnish President Alexander Stubb met Ukrainian President Volodymyr Zelensky in Helsinki on Monday.',
      meta: { id: 'api-helsinki', publishedAt: '2025-12-22' },
    });
    const after = (await get<Network>('/api/network?limit=5000')).body;
    expect(after.nodes.map((n) => n.id)).toContain('person:alexander-stubb');
    expect(
      after.edges.some(
        (e) =>
          [e.source, e.target].sort().join() === 'person:alexander-stubb,person:volodymyr-zelensky',
      ),
    ).toBe(true);
    const near = (await get<Network>('/api/actors/person:volodymyr-zelensky/neighbors')).body;
    expect(near.nodes.map((n) => n.id)).toContain('person:alexander-stubb');
  });
});

describe('GET /api/export', () => {
  it('exports the network as JSON, GraphML and GEXF with the same actors', async () => {
    const net = (await get<Network>('/api/export?format=json')).body;
    expect(net.nodes.length).toBeGreaterThan(5);
    const graphml = await get<string>('/api/export?format=graphml');
    expect(graphml.headers.get('content-type')).toMatch(/graphml/);
    expect(graphml.body.match(/<node /g)).toHaveLength(net.nodes.length);
    expect(graphml.body.match(/<edge /g)).toHaveLength(net.edges.length);
    expect(graphml.body).toContain('Kirill Dmitriev');
    const gexf = await get<string>('/api/export?format=gexf');
    expect(gexf.body).toMatch(/<gexf[\s>]/);
    expect(gexf.body.match(/<node /g)).toHaveLength(net.nodes.length);
    expect(gexf.headers.get('content-disposition')).toContain('parley-network.gexf');
    await expectError('/api/export?format=pdf', 400);
  });
});
