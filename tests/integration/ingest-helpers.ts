// Shared by the ingest integration tests: a driver on the test Neo4j, a wipe, and graph counts.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../db/connection.ts';
import { ensureSchema } from '../../db/schema.ts';
import type { SyntheticReport } from '../../bench/synthetic.ts';
import type { IngestItem } from '../../ingest/index.ts';

export const REPO = resolve(import.meta.dirname, '../..');

export function testDriver(): Driver {
  return createDriver({
    uri: inject('neo4jUri'),
    user: 'neo4j',
    password: '',
    database: undefined,
  });
}

/** Empties the database (schema stays) and makes sure the schema is there. */
export async function wipe(driver: Driver): Promise<void> {
  await ensureSchema(driver);
  // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run.
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

export interface GraphCounts {
  nodes: number;
  rels: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}

export async function graphCounts(driver: Driver): Promise<GraphCounts> {
  const { records } = await driver.executeQuery(`
    CALL () { MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c }
    RETURN collect([l, c]) AS labels`);
  const rel = await driver.executeQuery(`
    MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c`);
  const labels: Record<string, number> = {};
  for (const [l, c] of records[0].get('labels') as [string, { toNumber(): number }][]) {
    labels[l] = c.toNumber();
  }
  const types: Record<string, number> = {};
  for (const r of rel.records) types[r.get('t')] = r.get('c').toNumber();
  const nodes = await driver.executeQuery('MATCH (n) RETURN count(n) AS c');
  return {
    nodes: nodes.records[0].get('c').toNumber(),
    rels: Object.values(types).reduce((a, b) => a + b, 0),
    labels,
    types,
  };
}

/** Every node and relationship with all its properties, sorted: equal snapshots = nothing changed. */
export async function snapshot(driver: Driver): Promise<string> {
  const { records } = await driver.executeQuery(`
    CALL () { MATCH (n) RETURN labels(n) AS l, properties(n) AS p, elementId(n) AS id }
    WITH collect([l, p, id]) AS nodes
    CALL () { MATCH (a)-[r]->(b) RETURN [a.id, type(r), b.id, properties(r), elementId(r)] AS rel }
    RETURN nodes, collect(rel) AS rels`);
  const value = { nodes: records[0].get('nodes'), rels: records[0].get('rels') };
  const lines = [...value.nodes, ...value.rels].map((x: unknown) => JSON.stringify(x)).sort();
  return lines.join('\n');
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/parley.mjs ARGS` as a real child process against the test Neo4j. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  onSpawn?: (pid: number) => void,
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(REPO, 'bin/parley.mjs'), ...args], {
      cwd: REPO,
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('spawn', () => child.pid !== undefined && onSpawn?.(child.pid));
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** Synthetic reports (bench/synthetic.ts) as ingest items, each with its id, title and date. */
export function syntheticItems(reports: SyntheticReport[]): IngestItem[] {
  return reports.map((r) => ({
    path: `${r.id}.txt`,
    load: async () => ({
      text: r.text,
      meta: { id: r.id, title: r.title, publishedAt: r.publishedAt },
    }),
  }));
}
