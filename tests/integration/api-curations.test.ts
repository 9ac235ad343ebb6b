// Curation over HTTP against the real server and Neo4j: the token, the analyst header, the
// current view after a curation (card, events, network, search), the log, undo, export/import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type {
  ActorCard,
  ApiErrorBody,
  CurationLogEntry,
  CurationRecord,
  EventItem,
  Network,
  Page,
  SearchHit,
} from '../../server/api/types.ts';
import { call, counts, postJson, seededApi, type Api } from './api.helpers.ts';

let api: Api;
let driver: Driver;
let server: { url: string; close(): Promise<void> };
const TOKEN = 'curation-token-77';
const auth = { authorization: `Bearer ${TOKEN}`, 'x-parley-analyst': 'Ana%20Lyst' };

beforeAll(async () => {
  ({ driver, server } = api = await seededApi({ token: TOKEN }));
});
afterAll(async () => {
  await api?.close();
});

const get = async <T>(path: string) => {
  const r = await call<T>(server.url, path);
  expect(r.status, path).toBe(200);
  return r.body;
};

/** Two current actors that share events, and one event between them. */
async function pick() {
  const net = await get<Network>('/api/network');
  const edge = [...net.edges].sort((a, b) => b.count - a.count)[0];
  const events = await get<Page<EventItem>>(
    `/api/events?actor=${encodeURIComponent(edge.source)}&limit=50`,
  );
  return { net, edge, events: events.items };
}

describe('curation API', () => {
  it('refuses an unauthorised curation and leaves the graph unchanged', async () => {
    const { events } = await pick();
    const before = await counts(driver);
    for (const headers of [{}, { authorization: 'Bearer wrong' }]) {
      const r = await postJson(
        server.url,
        '/api/curations',
        { op: 'reject', target: events[0].id },
        headers,
      );
      expect(r.status).toBe(401);
      expect((r.body as ApiErrorBody).error.code).toBe('UNAUTHORIZED');
    }
    expect(await counts(driver)).toEqual(before);
    expect((await get<EventItem>(`/api/events/${events[0].id}`)).rejected).toBe(false);
  });

  it('refuses bad curations with clear errors', async () => {
    const cases: [unknown, number, RegExp, Record<string, string>?][] = [
      [{ op: 'reject' }, 400, /target/],
      [{ op: 'explode', target: 'x' }, 400, /op/],
      [{ op: 'reject', target: 'event:none' }, 404, /no event/],
      [{ op: 'edit', target: 'state:USA', changes: {} }, 400, /at least one field/],
      [{ op: 'edit', target: 'state:USA', changes: { kind: 'planet' } }, 400, /kind/],
      [{ op: 'note', target: 'state:USA', note: 'x' }, 400, /analyst/, { 'x-parley-analyst': '%' }],
    ];
    for (const [body, status, message, headers] of cases) {
      const r = await postJson(server.url, '/api/curations', body as object, {
        ...auth,
        ...headers,
      });
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect((r.body as ApiErrorBody).error.message).toMatch(message);
    }
    // A network patch asked for with open= but no fold, as /api/network refuses it: nothing done.
    const before = await counts(driver);
    const { events } = await pick();
    const r = await postJson(
      server.url,
      '/api/curations?open=USA',
      { op: 'reject', target: events[0].id },
      auth,
    );
    expect(r.status).toBe(400);
    expect((r.body as ApiErrorBody).error.message).toMatch(/open needs fold=country/);
    expect(await counts(driver)).toEqual(before);
    expect((await get<EventItem>(`/api/events/${events[0].id}`)).rejected).toBe(false);
  });

  it('a rejection, a merge and an edit show at once in the card, events, network and search', async () => {
    const { edge, events } = await pick();
    const event = events.find((e) => e.actors.length && e.recipients.length) as EventItem;
    const rejected = await postJson(
      server.url,
      '/api/curations',
      { op: 'reject', target: event.id, reason: 'misread the sentence' },
      auth,
    );
    expect(rejected.status).toBe(201);
    expect(rejected.body).toMatchObject({ by: 'Ana Lyst', op: 'reject', state: 'active' });
    const after = await get<EventItem>(`/api/events/${event.id}`);
    expect(after).toMatchObject({ rejected: true, current: false, curations: 1 });
    const listed = await get<Page<EventItem>>(
      `/api/events?actor=${encodeURIComponent(edge.source)}&limit=50`,
    );
    expect(listed.items.map((e) => e.id)).not.toContain(event.id);

    // Merge the edge's target into its source: the network loses the target.
    const merged = await postJson(
      server.url,
      '/api/curations',
      { op: 'merge', target: edge.target, into: edge.source },
      auth,
    );
    expect(merged.status).toBe(201);
    const net = await get<Network>('/api/network');
    expect(net.nodes.map((n) => n.id)).not.toContain(edge.target);
    const card = await get<ActorCard>(`/api/actors/${encodeURIComponent(edge.source)}`);
    const gone = await get<ActorCard>(`/api/actors/${encodeURIComponent(edge.target)}`);
    expect(card.actor.aliases).toContain(gone.actor.name);
    expect(gone.curation).toMatchObject({ mergedInto: edge.source });
    const hits = await get<{ items: SearchHit[] }>(
      `/api/search?q=${encodeURIComponent(gone.actor.name)}&types=actor`,
    );
    expect(hits.items.map((h) => h.id)).toContain(edge.source);
    expect(hits.items.map((h) => h.id)).not.toContain(edge.target);

    const renamed = await postJson(
      server.url,
      '/api/curations',
      { op: 'edit', target: edge.source, changes: { name: 'Renamed Actor', sector: 'GOV' } },
      auth,
    );
    expect(renamed.status).toBe(201);
    const net2 = await get<Network>('/api/network');
    expect(net2.nodes.find((n) => n.id === edge.source)?.name).toBe('Renamed Actor');

    // The log: newest first, filterable; undo brings the target back.
    const log = await get<{ items: CurationLogEntry[] }>('/api/curations?by=Ana%20Lyst');
    expect(log.items.map((e) => e.op)).toEqual(['edit', 'merge', 'reject']);
    expect(log.items.every((e) => !e.orphaned)).toBe(true);
    const undoMerge = await postJson(
      server.url,
      `/api/curations/${encodeURIComponent((merged.body as CurationRecord).id)}/undo`,
      { reason: 'not the same' },
      auth,
    );
    expect(undoMerge.status).toBe(201);
    expect((await get<Network>('/api/network')).nodes.map((n) => n.id)).toContain(edge.target);
    const again = await postJson(
      server.url,
      `/api/curations/${encodeURIComponent((merged.body as CurationRecord).id)}/undo`,
      {},
      auth,
    );
    expect(again.status).toBe(409);
  });

  it('exports and re-imports idempotently', async () => {
    const file = await get<{ curations: unknown[] }>('/api/curations/export');
    expect(file.curations.length).toBeGreaterThanOrEqual(3);
    const before = await counts(driver);
    const r = await postJson(server.url, '/api/curations/import', file, auth);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ imported: 0, skipped: file.curations.length });
    expect(await counts(driver)).toEqual(before);
    const bad = await postJson(server.url, '/api/curations/import', { format: 'nope' }, auth);
    expect(bad.status).toBe(400);
    const noToken = await postJson(server.url, '/api/curations/import', file);
    expect(noToken.status).toBe(401);
  });
});
