// Shared by the ingest integration tests: a driver on the test Neo4j, a wipe, and graph counts.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../db/connection.ts';
import { ensureSchema } from '../../db/schema.ts';
import { generateReports, type SyntheticReport } from '../../bench/synthetic.ts';
import { countryName } from '../../ingest/extract/gazetteer/index.ts';
import { extractorLabel, parleyExtractor } from '../../ingest/extract/extractor.ts';
import { contentHash } from '../../ingest/graph/ids.ts';
import { planRevision } from '../../ingest/graph/plan.ts';
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
  /** Written to its stdin, which is then closed (without it stdin is empty). */
  input?: string,
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(REPO, 'bin/parley.mjs'), ...args], {
      cwd: REPO,
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    child.stdin?.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
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

/** Synthetic reports as .json files in a fresh directory. */
export function writeReports(count: number, seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-cli-'));
  const reports = generateReports(count, seed);
  for (const r of reports) writeFileSync(join(dir, `${r.id}.json`), JSON.stringify(r));
  return { dir, reports };
}

/** Structural checks that hold only if every revision was written whole. */
export async function checkIntegrity(driver: Driver): Promise<void> {
  const { records } = await driver.executeQuery(`
    RETURN
      COUNT { MATCH (d:Document) WHERE COUNT { (d)-[:CURRENT]->() } <> 1 } AS badCurrent,
      COUNT { MATCH (r:Revision) WHERE NOT EXISTS { (:Document)-[:HAS_REVISION]->(r) } } AS orphanRevisions,
      COUNT { MATCH (f:Event|Statement) WHERE NOT EXISTS { (f)-[:EVIDENCED_BY]->() } } AS unevidenced,
      COUNT { MATCH (a:Actor) WHERE NOT EXISTS { (a)-[:MENTIONED_IN]->() }
              AND NOT EXISTS { (:Actor)-[:AFFILIATED_WITH]->(a) } } AS orphanActors,
      COUNT { MATCH (f)-[ev:EVIDENCED_BY]->(r:Revision) WHERE ev.end > size(r.text) } AS badOffsets,
      COUNT { MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, r.sentence AS s, count(*) AS c
              WHERE c > 1 RETURN 1 } AS duplicateEdges`);
  const r = records[0];
  for (const key of r.keys) expect(r.get(key).toNumber(), String(key)).toBe(0);
}

/**
 * Each report's CURRENT revision has exactly the actors, events and statements its extraction
 * gives (no fact lost to a concurrent writer, none written twice).
 */
export async function expectFactsOf(driver: Driver, reports: SyntheticReport[]): Promise<void> {
  for (const r of reports) {
    const meta = { id: r.id, title: r.title, publishedAt: r.publishedAt };
    const plan = planRevision(
      parleyExtractor.extract(r.text, meta),
      meta,
      contentHash(r.text, meta, extractorLabel(parleyExtractor)),
      countryName,
    );
    const { records } = await driver.executeQuery(
      `MATCH (:Document {id: $id})-[:CURRENT]->(rev)
       RETURN COUNT { (:Actor)-[:MENTIONED_IN]->(rev) } AS actors,
         COUNT { MATCH (e:Event)-[:EVIDENCED_BY]->(rev) RETURN DISTINCT e } AS events,
         COUNT { MATCH (s:Statement)-[:EVIDENCED_BY]->(rev) RETURN DISTINCT s } AS statements`,
      { id: r.id },
    );
    expect(
      records[0]?.keys.map((k) => records[0].get(k).toNumber()),
      `facts of ${r.id}`,
    ).toEqual([plan.actors.length, plan.events.length, plan.statements.length]);
  }
}
