// The console against a corpus of hostile queries (tests/fixtures/cypher/hostile.json) and one of
// analyst queries (analyst.json). A hostile query counts as executed when it answers 200, when
// the local HTTP listener its LOAD CSV points at is fetched, or when the graph, its schema or its
// users change; the run prints "N refused, 0 executed".
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { runReadOnly } from '../../server/cypher/run.ts';
import { postCypher, seededApi, type Api } from './api.helpers.ts';

const corpus = (name: string) =>
  (
    JSON.parse(readFileSync(new URL(`../fixtures/cypher/${name}`, import.meta.url), 'utf8')) as {
      queries: string[];
    }
  ).queries;
const HOSTILE = corpus('hostile.json');
const ANALYST = corpus('analyst.json');

let api: Api;
let driver: Driver;
let server: { url: string; close(): Promise<void> };
let listener: Server;
let listenerUrl: string;
const fetched: string[] = [];

/** Everything a hostile query could change, read straight from Neo4j. */
async function state(): Promise<string> {
  const q = async (cypher: string, database?: string) =>
    JSON.stringify(
      (await driver.executeQuery(cypher, {}, { database })).records.map((r) => r.toObject()),
    );
  return [
    await q('MATCH (n) RETURN count(n) AS nodes'),
    await q('MATCH ()-[r]->() RETURN count(r) AS rels'),
    await q("MATCH (n) WHERE n:Hacked OR n.hacked IS NOT NULL OR n.name = 'pwned' RETURN count(n)"),
    await q('MATCH (a:Actor) RETURN a.id, a.name, labels(a) ORDER BY a.id'),
    await q('SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name'),
    await q('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name'),
    await q('SHOW USERS YIELD user, roles RETURN user, roles ORDER BY user', 'system'),
    await q('SHOW DATABASES YIELD name, currentStatus RETURN name, currentStatus', 'system'),
  ].join('\n');
}

const withUrl = (q: string) => q.replaceAll('{{URL}}', listenerUrl);

beforeAll(async () => {
  listener = createServer((req, res) => {
    fetched.push(req.url ?? '');
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  ({ driver, server } = api = await seededApi());
});
afterAll(async () => {
  await api?.close();
  await new Promise((resolve) => listener?.close(resolve));
});

describe('hostile corpus', () => {
  it('has at least 150 queries', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(150);
  });

  it('refuses every hostile query through POST /api/cypher, and none runs', async () => {
    const before = await state();
    let refused = 0;
    const executed: string[] = [];
    for (const raw of HOSTILE) {
      const q = withUrl(raw);
      const hits = fetched.length;
      const r = await postCypher(server.url, q);
      if (r.status === 200 || fetched.length > hits) executed.push(q);
      else {
        expect(r.status, JSON.stringify(q)).toBe(400);
        expect(r.body.error.code, JSON.stringify(q)).toMatch(/^CYPHER_/);
        refused += 1;
      }
    }
    const after = await state();
    console.log(`hostile Cypher corpus: ${refused} refused, ${executed.length} executed`);
    expect(executed).toEqual([]);
    expect(fetched).toEqual([]);
    expect(after).toBe(before);
  }, 300_000);

  it('is refused by the plan check alone, without the lexical filter', async () => {
    const before = await state();
    const ran: string[] = [];
    for (const raw of HOSTILE) {
      const q = withUrl(raw);
      const hits = fetched.length;
      const outcome = await runReadOnly(
        driver,
        q,
        {},
        {
          timeoutMs: 10_000,
          maxRows: 10,
          lexical: false,
        },
      ).then(
        () => 'ran',
        (e: unknown) => e,
      );
      if (outcome === 'ran' || fetched.length > hits) ran.push(q);
    }
    expect(ran).toEqual([]);
    expect(fetched).toEqual([]);
    expect(await state()).toBe(before);
  }, 300_000);
});

describe('analyst corpus', () => {
  it('runs every legitimate analyst query', async () => {
    const failed: string[] = [];
    for (const q of ANALYST) {
      const r = await postCypher(server.url, q);
      if (r.status !== 200) failed.push(`${JSON.stringify(q)} → ${JSON.stringify(r.body)}`);
    }
    expect(failed).toEqual([]);
  }, 120_000);
});

describe('the embedded Neo4j itself', () => {
  it('fetches no URL even with every console check off, and loads only Parley’s procedures', async () => {
    if (!inject('neo4jEmbedded')) return; // an external Neo4j has its own settings (README)
    const unchecked = (q: string) =>
      runReadOnly(driver, q, {}, { timeoutMs: 10_000, maxRows: 10, guard: false });
    await expect(unchecked(`LOAD CSV FROM '${listenerUrl}/direct' AS l RETURN l`)).rejects.toThrow(
      /blocked/i,
    );
    expect(fetched).toEqual([]);
    // Community Neo4j always registers its built-in procedures (the console's plan check refuses
    // them); the allow-list keeps any plugin's procedures from loading.
    const { records } = await driver.executeQuery(
      "SHOW SETTINGS 'dbms.security.procedures.allowlist' YIELD value RETURN value",
    );
    expect(String(records[0].get('value'))).toContain('db.index.fulltext.queryNodes');
    expect(String(records[0].get('value'))).not.toContain('*');
  });
});
