// POST /api/cypher: read-only for real (guard + READ transaction), capped, timed out, plain JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { ApiErrorBody } from '../../server/api/types.ts';
import { runReadOnly } from '../../server/cypher/run.ts';
import { EXAMPLE_QUERIES } from '../../web/src/core/console/console-history.ts';
import { call, counts, postCypher, postJson, seededApi, serve, type Api } from './api.helpers.ts';

let api: Api;
let driver: Driver;
let server: { url: string; close(): Promise<void> };
let small: { url: string; close(): Promise<void> };
const cypher = (query: string, params?: Record<string, unknown>, base = server.url) =>
  postCypher(base, query, params);

beforeAll(async () => {
  ({ driver, server } = api = await seededApi());
  // A second server with a small cap and a short timeout, as an operator could configure.
  small = await serve(driver, { limits: { cypherMaxRows: 25, cypherTimeoutMs: 2_000 } });
});
afterAll(async () => {
  await small?.close();
  await api?.close();
});

describe('results', () => {
  it('returns columns, plain-JSON rows, and the nodes and relationships found in them', async () => {
    const r = await cypher(
      `MATCH p = (a:Actor {id: 'person:kirill-dmitriev'})-[:PERFORMED]->(e:Event)-[:DIRECTED_AT]->(b:Actor)
       RETURN a, e.type AS type, [b] AS recipients, {path: p} AS nested, 2^70 AS big,
              9007199254740993 AS huge, 42 AS answer, date('2025-12-21') AS day,
              datetime('2025-12-21T10:00:00Z') AS at, point({x: 1, y: 2}) AS pt, duration('P1D') AS d,
              duration('P1Y2M3DT4.5S') AS d2
       LIMIT 3`,
    );
    expect(r.status).toBe(200);
    expect(r.body.columns).toEqual([
      'a',
      'type',
      'recipients',
      'nested',
      'big',
      'huge',
      'answer',
      'day',
      'at',
      'pt',
      'd',
      'd2',
    ]);
    expect(r.body.truncated).toBe(false);
    expect(r.body.rows.length).toBeGreaterThan(0);
    const [a, type, recipients, , big, huge, answer, day, at, pt, d, d2] = r.body.rows[0] as [
      { id: string; labels: string[]; properties: Record<string, unknown> },
      string,
      unknown[],
      unknown,
      number,
      string,
      number,
      string,
      string,
      unknown,
      string,
      string,
    ];
    expect(a.labels).toContain('Actor');
    expect(a.properties.name).toBe('Kirill Dmitriev');
    expect(typeof type).toBe('string');
    expect(recipients).toHaveLength(1);
    expect(big).toBeCloseTo(2 ** 70);
    expect(huge).toBe('9007199254740993'); // past 2^53: a string, not a rounded number
    expect(answer).toBe(42);
    expect(day).toBe('2025-12-21');
    expect(at).toMatch(/^2025-12-21T10:00:00/);
    expect(pt).toEqual({ srid: 7203, x: 1, y: 2 });
    expect(d).toBe('P1D');
    expect(d2).toBe('P1Y2M3DT4.5S');
    // Nodes from the path nested in a map and from the list are all collected for drawing.
    const labels = r.body.graph.nodes.flatMap((n) => n.labels);
    expect(labels).toContain('Event');
    expect(r.body.graph.relationships.map((x) => x.type).sort()).toEqual(
      expect.arrayContaining(['DIRECTED_AT', 'PERFORMED']),
    );
    const ids = new Set(r.body.graph.nodes.map((n) => n.id));
    for (const rel of r.body.graph.relationships) {
      expect(ids).toContain(rel.start);
      expect(ids).toContain(rel.end);
    }
  });

  it('draws RETURN a, e, b with the relationships between them, as Neo4j Browser does', async () => {
    const meetings = EXAMPLE_QUERIES.find((q) => /Meetings/.test(q.title))!.query;
    const r = await cypher(meetings);
    expect(r.status).toBe(200);
    expect(r.body.rows.length).toBeGreaterThan(0);
    // The example lists each pair once and never an actor meeting itself.
    for (const [a, , b] of r.body.rows as { id: string }[][]) expect(a.id).not.toBe(b.id);
    const ids = new Set(r.body.graph.nodes.map((n) => n.id));
    const types = r.body.graph.relationships.map((x) => x.type);
    expect(types).toEqual(expect.arrayContaining(['PERFORMED', 'DIRECTED_AT']));
    for (const rel of r.body.graph.relationships) {
      expect(ids).toContain(rel.start);
      expect(ids).toContain(rel.end);
    }
    // Every returned event is joined to its performer and its recipient.
    for (const [a, e, b] of r.body.rows as { id: string }[][]) {
      const has = (s: string, t: string, type: string) =>
        r.body.graph.relationships.some((x) => x.start === s && x.end === t && x.type === type);
      expect(has(a.id, e.id, 'PERFORMED')).toBe(true);
      expect(has(e.id, b.id, 'DIRECTED_AT')).toBe(true);
    }
  });

  it('passes parameters, with whole numbers as integers', async () => {
    const r = await cypher('MATCH (a:Actor) WHERE a.kind = $kind RETURN a.id LIMIT $n', {
      kind: 'state',
      n: 2,
    });
    expect(r.status).toBe(200);
    expect(r.body.rows).toHaveLength(2);
  });

  it('gives the columns of an empty result', async () => {
    const r = await cypher("MATCH (a:Actor {id: 'nobody'}) RETURN a.id AS id, a.name AS name");
    expect(r.body).toMatchObject({ columns: ['id', 'name'], rows: [], truncated: false });
  });
});

describe('limits', () => {
  it('caps rows at 1,000 by default and says so', async () => {
    const r = await cypher('UNWIND range(1, 5000) AS i RETURN i');
    expect(r.body.rows).toHaveLength(1000);
    expect(r.body.truncated).toBe(true);
    expect(r.body.rows[999]).toEqual([1000]);
  });

  it('caps MATCH (n) RETURN n on a graph larger than the cap', async () => {
    const { nodes } = await counts(driver);
    expect(nodes).toBeGreaterThan(25);
    const r = await cypher('MATCH (n) RETURN n', {}, small.url);
    expect(r.body.rows).toHaveLength(25);
    expect(r.body.truncated).toBe(true);
    expect(r.body.graph.nodes).toHaveLength(25);
  });

  it('stops a query that would run for minutes, and answers other requests meanwhile', async () => {
    const t0 = Date.now();
    const long = cypher(
      'UNWIND range(1, 10000000000) AS a UNWIND range(1, 10000000000) AS b RETURN count(*)',
      {},
      small.url,
    );
    await new Promise((r) => setTimeout(r, 300));
    const t1 = Date.now();
    const other = await call<{ status: string }>(small.url, '/api/health');
    const quick = await cypher('RETURN 1 AS one', {}, small.url);
    const otherMs = Date.now() - t1;
    const r = await long;
    const longMs = Date.now() - t0;
    expect(other.status).toBe(200);
    expect(quick.body.rows).toEqual([[1]]);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('QUERY_TIMEOUT');
    expect(r.body.error.message).toMatch(/longer than 2 s/);
    expect(otherMs).toBeLessThan(longMs);
    expect(longMs).toBeLessThan(30_000);
  });

  it('refuses an oversized body and malformed JSON', async () => {
    const big = await cypher(`RETURN '${'x'.repeat(1024 * 1024)}'`);
    expect(big.status).toBe(413);
    const bad = await call<ApiErrorBody>(server.url, '/api/cypher', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "RETURN 1",',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('MALFORMED_JSON');
    for (const body of [
      {},
      { query: '' },
      { query: 5 },
      { query: 'RETURN 1', extra: 1 },
      { query: 'RETURN 1', params: [1] },
    ]) {
      const r = await postJson(server.url, '/api/cypher', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('gives Neo4j’s message for a syntax error', async () => {
    const r = await cypher('MATCH (n RETURN n');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('CYPHER_SYNTAX');
    expect(r.body.error.message).toMatch(/Invalid input|expected/i);
  });
});

describe('read-only', () => {
  const WRITES = [
    "CREATE (n:Hacked {at: 'x'}) RETURN n",
    "MERGE (n:Hacked {id: 'x'}) RETURN n",
    "MATCH (a:Actor) SET a.name = 'pwned'",
    "MATCH (a:Actor {id: 'person:kirill-dmitriev'}) REMOVE a.name",
    'MATCH (e:Event) DELETE e',
    'MATCH (n) DETACH DELETE n',
    'MATCH (a:Actor) FOREACH (x IN [1] | SET a.hacked = x)',
    'MATCH (a:Actor) FOREACH (x IN [1] | CREATE (:Hacked))',
    'CREATE INDEX hacked FOR (n:Actor) ON (n.hacked)',
    'CREATE CONSTRAINT hacked FOR (n:Hacked) REQUIRE n.id IS UNIQUE',
    'DROP INDEX actor_country',
    'DROP CONSTRAINT actor_id',
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "LOAD CSV WITH HEADERS FROM 'https://example.com/x.csv' AS row CREATE (:Hacked)",
    'CALL dbms.components()',
    'CALL dbms.listConfig()',
    "CALL dbms.security.createUser('eve', 'secret', false)",
    'CALL { MATCH (n) DETACH DELETE n } IN TRANSACTIONS',
    'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS',
    'SHOW USERS',
    'GRANT ROLE admin TO neo4j',
    'CREATE DATABASE hacked',
    'STOP DATABASE neo4j',
    'MATCH (n) // harmless\nCREATE (:Hacked)',
    'MATCH (n) /* RETURN only */ DETACH DELETE n',
  ];

  it('refuses every write, file, dbms and admin form with the graph unchanged', async () => {
    const before = await counts(driver);
    const indexes = await driver.executeQuery('SHOW INDEXES YIELD name RETURN count(*) AS c');
    for (const q of WRITES) {
      const r = await cypher(q);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code, q).toBe('CYPHER_REFUSED');
    }
    expect(await counts(driver)).toEqual(before);
    const after = await driver.executeQuery('SHOW INDEXES YIELD name RETURN count(*) AS c');
    expect(Number(after.records[0].get('c'))).toBe(Number(indexes.records[0].get('c')));
    const hacked = await driver.executeQuery(
      "MATCH (n) WHERE n:Hacked OR n.hacked IS NOT NULL OR n.name = 'pwned' RETURN count(n) AS c",
    );
    expect(Number(hacked.records[0].get('c'))).toBe(0);
  });

  it('lets Neo4j itself refuse writes when the guard is bypassed (READ access mode)', async () => {
    const before = await counts(driver);
    for (const q of WRITES.slice(0, 8)) {
      await expect(
        runReadOnly(driver, q, {}, { timeoutMs: 10_000, maxRows: 1000, guard: false }),
        q,
      ).rejects.toMatchObject({ code: 'CYPHER_REFUSED' });
    }
    await expect(
      runReadOnly(
        driver,
        "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
        {},
        {
          timeoutMs: 10_000,
          maxRows: 10,
          guard: false,
        },
      ),
    ).rejects.toThrow(/allow_csv_import_from_file_urls|LOAD CSV/);
    expect(await counts(driver)).toEqual(before);
  });

  it('does not refuse harmless reads that merely mention a write keyword', async () => {
    for (const q of [
      "RETURN 'CREATE (n)' AS text",
      'MATCH (a:Actor) // DETACH DELETE a\nRETURN count(a) AS actors',
      "MATCH (e:Event) WHERE e.text CONTAINS 'LOAD CSV' RETURN count(e)",
      'SHOW INDEXES YIELD name RETURN name',
    ]) {
      const r = await cypher(q);
      expect(r.status, q).toBe(200);
    }
  });
});
