// Which document a report without an id becomes (issue 17, finding 7): two different reports
// never share one silently, an edited report filed again is a revision and the answer says so.
// Real HTTP against the real server, the real CLI, real Neo4j.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { RevisionDiff } from '../../domain/index.ts';
import type { DocumentView } from '../../server/api/types.ts';
import { call, postJson, serve } from './api.helpers.ts';
import { runCli, testDriver, wipe } from './ingest-helpers.ts';

const BERLIN =
  'German Chancellor Friedrich Merz met Ukrainian President Volodymyr Zelensky in Berlin on Monday.';
const ANKARA =
  'Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Ankara on Tuesday.';
const ANKARA_EDITED = `${ANKARA} Erdogan said Turkey would host further talks.`;

let driver: Driver;
let server: { url: string; close(): Promise<void> };
const dir = mkdtempSync(join(tmpdir(), 'parley-identity-'));

beforeAll(async () => {
  driver = testDriver();
  await wipe(driver);
  server = await serve(driver);
});
afterAll(async () => {
  await server?.close();
  await driver?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function upload(text: string, fileName: string) {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/plain' }), fileName);
  return call<RevisionDiff>(server.url, '/api/documents', { method: 'POST', body: form });
}
const documentText = async (id: string) =>
  (await call<DocumentView>(server.url, `/api/documents/${encodeURIComponent(id)}`)).body.text;

describe('POST /api/documents without an id', () => {
  it('keeps two uploads whose file names share a stem as two documents', async () => {
    const md = await upload(BERLIN, '../../etc/x.md');
    const txt = await upload(ANKARA, 'C:\\windows\\x.txt');
    expect(md.status).toBe(201);
    expect(txt.status).toBe(201);
    expect(md.body).toMatchObject({ status: 'created' });
    expect(txt.body).toMatchObject({ status: 'created' });
    expect(md.body.documentId).not.toBe(txt.body.documentId);
    expect(await documentText(md.body.documentId)).toContain('Merz');
    expect(await documentText(txt.body.documentId)).toContain('Erdogan');
  });

  it('files an edited upload of the same file as a revision, and says what matched', async () => {
    const again = await upload(ANKARA_EDITED, 'x.txt');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      status: 'updated',
      revisionOf: { matchedBy: 'file-name' },
    });
    expect(again.body.revisionOf?.message).toMatch(
      /became a new revision of the existing document 'x-txt', matched by the file name 'x\.txt'.*give it an id of its own/,
    );
    expect(await documentText('x-txt')).toContain('further talks');
  });

  it('keeps same-titled reports of different dates apart; the same title and date is a revision, said so', async () => {
    const post = (text: string, publishedAt: string) =>
      postJson(server.url, '/api/documents', { title: 'Daily briefing', publishedAt, text });
    const first = await post(BERLIN, '2025-12-21');
    const nextDay = await post(ANKARA, '2025-12-22');
    expect(first.status).toBe(201);
    expect(nextDay.status).toBe(201);
    const a = first.body as RevisionDiff;
    const b = nextDay.body as RevisionDiff;
    expect(a.documentId).not.toBe(b.documentId);
    expect(await documentText(a.documentId)).toContain('Merz');

    const corrected = await post(ANKARA_EDITED, '2025-12-22');
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      documentId: b.documentId,
      status: 'updated',
      previousRevisionId: b.revisionId,
      revisionOf: { matchedBy: 'title' },
    });
    expect((corrected.body as RevisionDiff).revisionOf?.message).toContain(
      'the title "Daily briefing", date 2025-12-22',
    );
  });

  it('names an untitled JSON report by its text, and an id keeps its meaning', async () => {
    const a = (await postJson(server.url, '/api/documents', { text: BERLIN })).body as RevisionDiff;
    const b = (await postJson(server.url, '/api/documents', { text: ANKARA })).body as RevisionDiff;
    expect(a.status).toBe('created');
    expect(b.status).toBe('created');
    expect(a.documentId).not.toBe(b.documentId);

    await postJson(server.url, '/api/documents', { id: 'identity-given', text: BERLIN });
    const update = await postJson(server.url, '/api/documents', {
      id: 'identity-given',
      text: ANKARA,
    });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({
      documentId: 'identity-given',
      status: 'updated',
      revisionOf: { matchedBy: 'id' },
    });
  });
});

describe('parley ingest without an id', () => {
  it('ingests x.md and x.txt from two folders as two documents, and says when a file updates one', async () => {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'y.md'), BERLIN);
    writeFileSync(join(dir, 'b', 'y.txt'), ANKARA);
    const first = await runCli(['ingest', dir]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^y-md: created revision /m);
    expect(first.stdout).toMatch(/^y-txt: created revision /m);

    writeFileSync(join(dir, 'b', 'y.txt'), ANKARA_EDITED);
    const again = await runCli(['ingest', join(dir, 'b', 'y.txt')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^y-txt: updated, new revision /m);
    expect(again.stdout).toMatch(
      /^ {4}! became a new revision of the existing document 'y-txt', matched by the file name 'y\.txt'/m,
    );
  });
});
