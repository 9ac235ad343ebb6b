// Saved investigations over HTTP against the real server and Neo4j: save, list, open, rename,
// re-save, delete, export and import; the token; bad input refused with nothing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { ensureSchema } from '../../db/schema.ts';
import type {
  ApiErrorBody,
  Investigation,
  InvestigationFile,
  InvestigationSummary,
} from '../../server/api/types.ts';
import { call, postJson, serve, testDriver, wipe } from './api.helpers.ts';

let driver: Driver;
let server: { url: string; close(): Promise<void> };
const TOKEN = 'investigation-token-5';
const auth = { authorization: `Bearer ${TOKEN}` };

const VIEW = {
  url: '?types=ACCUSE,CONSULT&actor=person:kirill-dmitriev&at=2025-12-20&window=day',
  positions: { 'person:kirill-dmitriev': [1.5, -2.25], 'state:ukraine': [10, 4] },
  hidden: ['state:russia'],
  pinned: ['state:ukraine'],
};

beforeAll(async () => {
  driver = testDriver(inject('neo4jUri'));
  await wipe(driver);
  await ensureSchema(driver);
  server = await serve(driver, { token: TOKEN });
});
afterAll(async () => {
  await server?.close();
  await driver?.close();
});

const send = (method: string, path: string, body?: unknown, headers: object = auth) =>
  call(server.url, path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
const list = async () =>
  (await call<{ items: InvestigationSummary[] }>(server.url, '/api/investigations')).body.items;
const errorOf = (r: { body: unknown }) => (r.body as ApiErrorBody).error;

describe('saved investigations API', () => {
  let saved: Investigation;

  it('saves a view under a name (only with the token) and opens it again', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }]) {
      const r = await postJson(
        server.url,
        '/api/investigations',
        { name: 'x', view: VIEW },
        headers,
      );
      expect(r.status).toBe(401);
    }
    expect(await list()).toEqual([]);

    const r = await postJson(
      server.url,
      '/api/investigations',
      { name: '  Miami talks  ', notes: '<b>not html</b>', view: VIEW },
      auth,
    );
    expect(r.status).toBe(201);
    saved = r.body as Investigation;
    expect(saved).toMatchObject({ name: 'Miami talks', notes: '<b>not html</b>', view: VIEW });
    expect(saved.id).toMatch(/^inv-/);

    const back = await call<Investigation>(
      server.url,
      `/api/investigations/${encodeURIComponent(saved.id)}`,
    );
    expect(back.status).toBe(200);
    expect(back.body).toEqual(saved);
    expect(await list()).toEqual([
      {
        id: saved.id,
        name: 'Miami talks',
        actors: 2,
        createdAt: saved.createdAt,
        updatedAt: saved.updatedAt,
      },
    ]);
  });

  it('renames, re-saves the view and deletes; an unknown id is a 404', async () => {
    const path = `/api/investigations/${encodeURIComponent(saved.id)}`;
    const renamed = await send('PATCH', path, { name: 'Miami, second look' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Miami, second look', view: VIEW });

    const view = { ...VIEW, hidden: [], positions: { 'state:ukraine': [0, 0] } };
    const resaved = await send('PATCH', path, { view, notes: 'the loan changed' });
    expect(resaved.body).toMatchObject({
      name: 'Miami, second look',
      notes: 'the loan changed',
      view,
    });
    expect((await list())[0].actors).toBe(1);

    expect((await send('PATCH', path, { name: 'y' }, {})).status).toBe(401);
    expect((await send('DELETE', path, undefined, {})).status).toBe(401);
    expect((await send('PATCH', '/api/investigations/inv-nope', { name: 'y' })).status).toBe(404);
    expect((await send('DELETE', '/api/investigations/inv-nope')).status).toBe(404);
    expect((await call(server.url, '/api/investigations/inv-nope')).status).toBe(404);

    const del = await send('DELETE', path);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ deleted: saved.id });
    expect(await list()).toEqual([]);
    expect((await call(server.url, path)).status).toBe(404);
  });

  it('refuses bad input with a clear message and keeps what was saved', async () => {
    const keep = (
      await postJson(server.url, '/api/investigations', { name: 'Keep', view: VIEW }, auth)
    ).body as Investigation;
    const bad: [unknown, RegExp][] = [
      [{ view: VIEW }, /name/],
      [{ name: '   ', view: VIEW }, /name: a name is required/],
      [{ name: 'x' }, /view/],
      [{ name: 'x', view: { ...VIEW, url: 'http://evil.example/' } }, /view\.url/],
      [{ name: 'x', view: { ...VIEW, positions: { a: [1, 'x'] } } }, /view\.positions/],
      [{ name: 'x', view: VIEW, extra: 1 }, /'extra'/],
      ['{"name": "x", "view": ', /JSON/i],
    ];
    for (const [body, message] of bad) {
      const r = await postJson(server.url, '/api/investigations', body, auth);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(r).message).toMatch(message);
    }
    const path = `/api/investigations/${encodeURIComponent(keep.id)}`;
    const empty = await send('PATCH', path, {});
    expect(empty.status).toBe(400);
    expect(errorOf(empty).message).toMatch(/nothing to change/);
    expect((await send('PATCH', path, { name: '' })).status).toBe(400);
    expect((await call<Investigation>(server.url, path)).body).toEqual(keep);
    expect((await list()).map((i) => i.id)).toEqual([keep.id]);
  });

  it('exports a file that imports as a new investigation; a wrong file is refused', async () => {
    const [keep] = await list();
    const exp = await call<InvestigationFile>(
      server.url,
      `/api/investigations/${encodeURIComponent(keep.id)}/export`,
    );
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-disposition')).toBe(
      'attachment; filename="parley-investigation-Keep.json"',
    );
    expect(exp.body).toMatchObject({ format: 'parley-investigation', version: 1, name: 'Keep' });

    const bad: [unknown, RegExp][] = [
      [{ ...exp.body, format: 'gexf' }, /not a Parley investigation/],
      [{ ...exp.body, version: 2 }, /unsupported investigation file version/],
      [{ name: 'Keep', view: VIEW }, /format/],
      ['not json', /JSON/i],
    ];
    for (const [body, message] of bad) {
      const r = await postJson(server.url, '/api/investigations/import', body, auth);
      expect(r.status).toBe(400);
      expect(errorOf(r).message).toMatch(message);
    }
    expect((await postJson(server.url, '/api/investigations/import', exp.body)).status).toBe(401);
    expect(await list()).toHaveLength(1);

    const imported = await postJson(server.url, '/api/investigations/import', exp.body, auth);
    expect(imported.status).toBe(201);
    const inv = imported.body as Investigation;
    expect(inv.id).not.toBe(keep.id);
    expect(inv).toMatchObject({ name: 'Keep', view: VIEW });
    expect((await list()).map((i) => i.id).sort()).toEqual([keep.id, inv.id].sort());
  });
});
