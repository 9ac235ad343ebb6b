// What changed (GET /api/changes) against the real server and Neo4j, over the samples with the
// updated Miami report: newest first, the update's new ACCUSE and its changed loan figure, the
// filters by actor and time, a report ingested after the last look, and bad parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReport } from '../../ingest/index.ts';
import type { ApiErrorBody, Changes } from '../../server/api/types.ts';
import { call, postJson, seededApi, serve, type Api } from './api.helpers.ts';

let api: Api;
beforeAll(async () => {
  api = await seededApi();
});
afterAll(async () => {
  await api?.close();
});

const changes = async (query = '') => {
  const r = await call<Changes>(api.server.url, `/api/changes${query}`);
  expect(r.status, query).toBe(200);
  return r.body;
};

describe('GET /api/changes', () => {
  it('lists the update of the Miami report with its new ACCUSE and the changed loan figure', async () => {
    const feed = await changes();
    expect(feed.total).toBe(4); // three reports created, one updated
    const at = feed.items.map((e) => e.ingestedAt);
    expect(at).toEqual([...at].sort().reverse());
    const update = feed.items.find((e) => e.status === 'updated')!;
    expect(update).toMatchObject({ documentId: 'miami-talks' });
    expect(update.previousRevisionId).toMatch(/^miami-talks@/);
    const accuse = update.added.filter((f) => f.type === 'ACCUSE');
    expect(accuse).toHaveLength(1);
    expect(accuse[0].text).toMatch(/accused Kyiv/);
    expect(update.figures).toEqual([
      expect.objectContaining({ before: '$105 billion', after: '$90 billion' }),
    ]);
    expect(update.figures[0].now).toMatch(/European Union extended a \$90 billion loan/);
    // The figure's sentence concerns the EU and Ukraine; the ACCUSE, Russia and Ukraine.
    const ids = update.actors.map((a) => a.id);
    for (const id of accuse[0].actors) expect(ids).toContain(id);
  });

  it('filters by actor and by ingest time', async () => {
    const feed = await changes();
    const update = feed.items.find((e) => e.status === 'updated')!;
    const actor = update.added.find((f) => f.type === 'ACCUSE')!.actors[0];
    const mine = await changes(`?actor=${encodeURIComponent(actor)}`);
    expect(mine.items.map((e) => e.revisionId)).toContain(update.revisionId);
    for (const e of mine.items) expect(e.actors.map((a) => a.id)).toContain(actor);
    expect((await changes('?actor=person:nobody')).items).toEqual([]);

    expect((await changes(`?since=${encodeURIComponent(update.ingestedAt)}`)).items[0]).toEqual(
      feed.items[0],
    );
    expect((await changes('?since=2999-01-01')).total).toBe(0);
    expect((await changes('?until=2000-01-01')).total).toBe(0);
    expect((await changes('?limit=1')).items).toHaveLength(1);
  });

  it('shows a report ingested after the last look first', async () => {
    const r = await postJson(api.server.url, '/api/documents', {
      id: 'changes-berlin',
      publishedAt: '2025-12-22',
      text: 'Chancellor Friedrich Merz met Volodymyr Zelensky in Berlin on Monday.',
    });
    expect(r.status).toBe(201);
    const feed = await changes();
    expect(feed.total).toBe(5);
    expect(feed.items[0]).toMatchObject({ documentId: 'changes-berlin', status: 'created' });
  });

  it('lists a report whose transaction committed after a later-stamped one', async () => {
    const seen = await changes();
    // Ingested by another process, stamped (before its commit) earlier than the newest the feed
    // has already read: a feed that reads only what is newer than that never lists it.
    await ingestReport(api.driver, {
      text: 'Russia accused Ukraine of shelling Kherson on Tuesday.',
      meta: { id: 'changes-late', publishedAt: '2025-12-23' },
    });
    await api.driver.executeQuery(
      "MATCH (:Document {id: 'changes-late'})-[:CURRENT]->(r:Revision) SET r.ingestedAt = $at",
      { at: new Date(Date.parse(seen.items[0].ingestedAt) - 1000).toISOString() },
    );
    const feed = await changes();
    expect(feed.total).toBe(seen.total + 1);
    // Listed by its stamp, after whatever else came in during the second before it.
    expect(feed.items.find((e) => e.documentId === 'changes-late')).toMatchObject({
      status: 'created',
    });
  });

  it('stores what a revision changed with it at ingest, before anyone asks', async () => {
    await ingestReport(api.driver, {
      text: 'Turkey condemned the shelling of Kharkiv on Wednesday.',
      meta: { id: 'changes-stored', publishedAt: '2025-12-24' },
    });
    // Straight from Neo4j, no request to the server in between: the change is there.
    const { records } = await api.driver.executeQuery(
      "MATCH (:Document {id: 'changes-stored'})-[:CURRENT]->(r:Revision) RETURN r.change AS change",
    );
    const stored = JSON.parse(records[0].get('change') as string);
    expect(stored).toMatchObject({ status: 'created', previousRevisionId: null });
    expect(stored.added.length).toBeGreaterThan(0);
  });

  it("lists a merged actor's changes under the actor it was merged into, until the merge is undone", async () => {
    const feed = await changes('?limit=500');
    const stored = feed.items.find((e) => e.documentId === 'changes-stored')!;
    const target = stored.actors[0].id;
    const into = feed.items
      .find((e) => e.status === 'updated')!
      .actors.find((a) => !stored.actors.some((x) => x.id === a.id))!.id;
    const listed = async () =>
      (await changes(`?actor=${encodeURIComponent(into)}&limit=500`)).items.map(
        (e) => e.revisionId,
      );
    expect(await listed()).not.toContain(stored.revisionId);
    const merged = await postJson(api.server.url, '/api/curations', { op: 'merge', target, into });
    expect(merged.status).toBe(201);
    expect(await listed()).toContain(stored.revisionId);
    const undone = await postJson(
      api.server.url,
      `/api/curations/${encodeURIComponent((merged.body as { id: string }).id)}/undo`,
      {},
    );
    expect(undone.status).toBe(201);
    expect(await listed()).not.toContain(stored.revisionId);
    expect((await changes(`?actor=${encodeURIComponent(target)}`)).items[0].revisionId).toBe(
      stored.revisionId,
    );
  });

  it('shows the actors as they are now: renamed by their new name, merged as the actor they joined', async () => {
    await ingestReport(api.driver, {
      text: 'Egypt condemned the shelling of Odesa on Thursday.',
      meta: { id: 'changes-renamed', publishedAt: '2025-12-25' },
    });
    const entry = async () =>
      (await changes('?limit=500')).items.find((e) => e.documentId === 'changes-renamed')!;
    const stored = await entry();
    const egypt = stored.actors.find((a) => a.name === 'Egypt')!;
    const fact = stored.added.find((f) => f.actors.includes(egypt.id))!;
    expect(fact.summary).toContain('Egypt');
    const renamed = await postJson(api.server.url, '/api/curations', {
      op: 'edit',
      target: egypt.id,
      changes: { name: 'Arab Republic of Egypt' },
    });
    expect(renamed.status).toBe(201);
    const after = await entry();
    expect(after.actors.find((a) => a.id === egypt.id)?.name).toBe('Arab Republic of Egypt');
    expect(after.added.find((f) => f.id === fact.id)!.summary).toBe(
      fact.summary.replace('Egypt', 'Arab Republic of Egypt'),
    );

    // Merged into another actor: the change names that actor, by its id and name.
    const into = (await changes('?limit=500')).items
      .find((e) => e.status === 'updated')!
      .actors.find((a) => a.id !== egypt.id)!;
    const merged = await postJson(api.server.url, '/api/curations', {
      op: 'merge',
      target: egypt.id,
      into: into.id,
    });
    expect(merged.status).toBe(201);
    const joined = await entry();
    expect(joined.actors.map((a) => a.id)).toContain(into.id);
    expect(joined.actors.map((a) => a.id)).not.toContain(egypt.id);
    const joinedFact = joined.added.find((f) => f.id === fact.id)!;
    expect(joinedFact.actors).toContain(into.id);
    expect(joinedFact.actors).not.toContain(egypt.id);
    expect(joinedFact.summary).toContain(into.name);
    expect(joinedFact.summary).not.toContain('Egypt');
    // Undone, the actor is itself again, by its new name.
    const undone = await postJson(
      api.server.url,
      `/api/curations/${encodeURIComponent((merged.body as { id: string }).id)}/undo`,
      {},
    );
    expect(undone.status).toBe(201);
    const back = await entry();
    expect(back.actors.find((a) => a.id === egypt.id)?.name).toBe('Arab Republic of Egypt');
  });

  it('gives the revisions of an older database their changes once, the same as ingest does', async () => {
    const before = await changes('?limit=500');
    const actor = before.items.find((e) => e.status === 'updated')!.actors[0].id;
    const mine = await changes(`?actor=${encodeURIComponent(actor)}&limit=500`);
    // An older database: revisions written before changes were stored with them.
    await api.driver.executeQuery(
      'MATCH (r:Revision) REMOVE r.change, r.changeActors, r.changeShown, r.changeVersion',
    );
    await api.driver.executeQuery('MATCH ()-[c:CHANGED_IN]->() DELETE c');
    const fresh = await serve(api.driver);
    try {
      // The first answer does not wait for the update, which runs in the background: poll.
      const get = async (q: string) => {
        const r = await call<Changes>(fresh.url, `/api/changes${q}`);
        expect(r.status).toBe(200);
        return r.body;
      };
      let feed = await get('?limit=500');
      for (let i = 0; i < 100 && feed.total < before.total; i++) {
        await new Promise((r) => setTimeout(r, 200));
        feed = await get('?limit=500');
      }
      // The same changes; a fact's sentence is the graph's now (a later report may have
      // reworded a shared event), where ingest kept the revision's own.
      const gist = (c: Changes) =>
        c.items.map((e) => ({
          ...e,
          added: e.added.map((f) => f.id).sort(),
          removed: e.removed.map((f) => f.id).sort(),
        }));
      expect(feed.total).toBe(before.total);
      expect(gist(feed)).toEqual(gist(before));
      // The actor filter reads the edges the update gave them.
      const mineNow = await get(`?actor=${encodeURIComponent(actor)}&limit=500`);
      expect(gist(mineNow)).toEqual(gist(mine));
      const { records } = await api.driver.executeQuery(
        'MATCH (r:Revision) WHERE r.change IS NULL OR r.changeVersion IS NULL RETURN count(r) AS n',
      );
      expect(Number(records[0].get('n'))).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('refuses bad parameters with a clear message', async () => {
    for (const [q, message] of [
      ['?since=yesterday', /since: expected YYYY-MM-DD/],
      ['?limit=0', /limit/],
      ['?actors=x', /unknown query parameter 'actors'/],
    ] as const) {
      const r = await call<ApiErrorBody>(api.server.url, `/api/changes${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.message).toMatch(message);
    }
  });
});
