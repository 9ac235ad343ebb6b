// A curation sent with the network the viewer holds (its filters and `base`, the answer's
// version) answers with the patch it made to that network. Applied to the network held, the
// patch must give exactly what a fresh read of the network gives now: checked at every kind of
// curation, under several filters (real server, real Neo4j).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyNetworkPatch } from '../../server/api/network-patch.ts';
import type { CurationMade, EventItem, Network, Page } from '../../server/api/types.ts';
import { call, postJson, seededApi, type Api } from './api.helpers.ts';

let api: Api;
let url: string;
const by = { 'x-parley-analyst': 'patcher' };

beforeAll(async () => {
  api = await seededApi();
  url = api.server.url;
});
afterAll(async () => {
  await api?.close();
});

const get = async <T>(path: string) => {
  const r = await call<T>(url, path);
  expect(r.status, path).toBe(200);
  return r.body;
};

// The viewer's own view, a filtered one, a small top and a folded one.
const VIEWS = ['', 'types=CONSULT,AGREE,ACCUSE', 'limit=6', 'limit=8&fold=country'];

/** A curation made holding the network of `view`: its patch must turn that into a fresh read. */
async function curateHolding(view: string, path: string, body: object): Promise<CurationMade> {
  const held = await get<Network>(`/api/network?${view}`);
  expect(held.version).toBeTruthy();
  const base = `base=${encodeURIComponent(held.version ?? '')}`;
  const r = await postJson(url, `${path}?${view ? `${view}&` : ''}${base}`, body, by);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const made = r.body as CurationMade;
  expect(made.network?.from).toBe(held.version);
  const now = await get<Network>(`/api/network?${view}`);
  expect(made.network?.to).toBe(now.version);
  const what = `${JSON.stringify(body)} holding /api/network?${view}`;
  expect(applyNetworkPatch(held, made.network!), what).toEqual(now);
  return made;
}

describe('the network patch a curation answers with', () => {
  it('gives what a fresh read gives, at each kind of curation and under each filter', async () => {
    const net = await get<Network>('/api/network');
    const edge = [...net.edges].sort((a, b) => b.count - a.count)[0];
    const hub = edge.source;
    const { items } = await get<Page<EventItem>>(
      `/api/events?actor=${encodeURIComponent(hub)}&limit=50`,
    );
    const events = items.filter((e) => e.actors.length && e.recipients.length);
    expect(events.length).toBeGreaterThan(2);
    const third = net.nodes.find((n) => n.id !== hub && n.id !== edge.target)!.id;
    const made: CurationMade[] = [];
    const steps: [string, () => object][] = [
      ['/api/curations', () => ({ op: 'reject', target: events[0].id })],
      ['/api/curations', () => ({ op: 'edit', target: events[1].id, changes: { type: 'AGREE' } })],
      ['/api/curations', () => ({ op: 'edit', target: hub, changes: { name: 'Hub Renamed' } })],
      ['/api/curations', () => ({ op: 'edit', target: hub, changes: { country: 'NZL' } })],
      ['/api/curations', () => ({ op: 'merge', target: edge.target, into: hub })],
      [
        '/api/curations',
        () => ({ op: 'set-actors', target: events[2].id, actors: [third], recipients: [hub] }),
      ],
      ['undo merge', () => ({})],
      ['undo reject', () => ({})],
    ];
    for (const [i, [path, body]] of steps.entries()) {
      for (const view of i < 6 ? [VIEWS[i % VIEWS.length]] : VIEWS.slice(0, 1)) {
        const undone = path === 'undo merge' ? made[4] : path === 'undo reject' ? made[0] : null;
        const p = undone ? `/api/curations/${encodeURIComponent(undone.id)}/undo` : path;
        made.push(await curateHolding(view, p, body()));
      }
    }
    // A reject changes the edges between the event's participants only, not the whole network.
    const ends = new Set([...events[0].actors, ...events[0].recipients].map((a) => a.id));
    const { put, remove } = made[0].network!.edges;
    expect(put.length + remove.length).toBeGreaterThan(0);
    for (const e of [...put.map((x) => x.id), ...remove]) {
      const [s, t] = e.split('->');
      expect(ends.has(s) && ends.has(t), e).toBe(true);
    }
  });

  it('is left out when the graph has moved on since the version held', async () => {
    const net = await get<Network>('/api/network');
    const r = await postJson(
      url,
      `/api/curations?base=${encodeURIComponent(`${net.version}-old`)}`,
      { op: 'note', target: net.nodes[0].id, note: 'a note' },
      by,
    );
    expect(r.status).toBe(201);
    expect((r.body as CurationMade).network).toBeUndefined();
    expect((r.body as CurationMade).op).toBe('note');
  });
});
