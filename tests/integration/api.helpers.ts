// Shared by the API integration tests: a clean database seeded through the real ingest, and
// the real server on a free port.
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../db/connection.ts';
import { ensureSchema } from '../../db/schema.ts';
import { ingestReport } from '../../ingest/ingest.ts';
import { readReportFile } from '../../ingest/read/file.ts';
import type { RevisionDiff } from '../../domain/index.ts';
import { startServer, type ServerOptions } from '../../server/index.ts';

export const EVAL_ARTICLE = '/work/shared/eval/articles/miami-talks.txt';

export function testDriver(uri: string): Driver {
  return createDriver({ uri, user: 'neo4j', password: '', database: undefined });
}

export async function wipe(driver: Driver): Promise<void> {
  // IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
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
