// Shared by the API integration tests: a clean database seeded through the real ingest, and
// the real server on a free port.
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { createDriver } from '../../db/connection.ts';
import { ensureSchema } from '../../db/schema.ts';
import { ingestReport } from '../../ingest/ingest.ts';
import { readReportFile } from '../../ingest/read/file.ts';
import type { RevisionDiff } from '../../domain/index.ts';
import type { ApiErrorBody, CypherResult } from '../../server/api/types.ts';
import { startServer, type ServerOptions } from '../../server/index.ts';
import { wipe } from './ingest-helpers.ts';

export { wipe };

export const EVAL_ARTICLE = '/work/shared/eval/articles/miami-talks.txt';

export function testDriver(uri: string): Driver {
  return createDriver({ uri, user: 'neo4j', password: '', database: undefined });
}

/**
 * The samples (miami-talks, then geneva-talks, then the updated miami-talks as its second
 * revision) and the eval article (published 2025-12-21, filed as eval-miami-talks).
 */
export async function seed(driver: Driver): Promise<RevisionDiff[]> {
  await ensureSchema(driver);
  const diffs: RevisionDiff[] = [];
  for (const [path, overrides] of [
    ['samples/miami-talks.md', {}],
    ['samples/geneva-talks.md', {}],
    ['samples/updates/miami-talks.md', {}],
    [EVAL_ARTICLE, { id: 'eval-miami-talks', publishedAt: '2025-12-21' }],
  ] as const) {
    diffs.push(await ingestReport(driver, await readReportFile(path, overrides)));
  }
  return diffs;
}

export async function serve(driver: Driver, opts: Partial<ServerOptions> = {}) {
  return startServer({ port: 0, host: '127.0.0.1', driver, logger: false, ...opts });
}

export interface Api {
  driver: Driver;
  server: { url: string; close(): Promise<void> };
  close(): Promise<void>;
}

/** The test Neo4j wiped and seeded (see `seed`), and the real server over it. */
export async function seededApi(opts: Partial<ServerOptions> = {}): Promise<Api> {
  const driver = testDriver(inject('neo4jUri'));
  await wipe(driver);
  await seed(driver);
  const server = await serve(driver, opts);
  return {
    driver,
    server,
    async close() {
      await server.close();
      await driver.close();
    },
  };
}

export async function counts(driver: Driver): Promise<{ nodes: number; rels: number }> {
  const { records } = await driver.executeQuery(
    'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels',
  );
  return {
    nodes: Number(records[0].get('nodes')),
    rels: Number(records[0].get('rels')),
  };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(
  base: string,
  path: string,
  init?: RequestInit,
): Promise<Reply<T>> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: res.status, body: body as T, headers: res.headers };
}

export const postJson = (base: string, path: string, body: unknown, headers = {}) =>
  call(base, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** POST /api/cypher: the result, or the error of a refused query. */
export const postCypher = (base: string, query: string, params?: Record<string, unknown>) =>
  postJson(base, '/api/cypher', params ? { query, params } : { query }) as Promise<
    Reply<CypherResult & ApiErrorBody>
  >;
