// Issue 17 finding 3: no console query stalls the server. The hostile queries run over
// real HTTP against the real server and Neo4j, from two client addresses (127.0.0.2 and .3: all of
// 127/8 is loopback on Linux), while the rest of the API is timed. Their answers are capped in
// bytes, every one ends within the time limit, extra queries get 429 with Retry-After, and the
// API keeps answering. The API is timed by a separate client process (a stalled server cannot
// hide its stall from it): what the server answers itself, /api/health included, within 100 ms
// at the median and within 100 ms of its own 95th percentile without the hostile queries (robust
// on a loaded 2-core machine); what asks Neo4j — which the hostile queries keep busy — always,
// and never as late as a stall would.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { ApiErrorBody, CypherResult } from '../../server/api/types.ts';
import { DEFAULT_LIMITS } from '../../server/context.ts';
import { call, seed, serve, testDriver, wipe } from './api.helpers.ts';

interface Answer {
  status: number;
  ms: number;
  bytes: number;
  retryAfter: string | undefined;
  body: Partial<CypherResult & ApiErrorBody>;
}

let driver: Driver;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  driver = testDriver(inject('neo4jUri'));
  await wipe(driver);
  await seed(driver);
  server = await serve(driver);
});
afterAll(async () => {
  await server?.close();
  // Neo4j may still be building a huge value nobody will read: the next test file gets it idle.
  for (let i = 0; i < 120 && (await otherTransactions()) > 0; i++) {
    await new Promise((next) => setTimeout(next, 500));
  }
  await driver?.close();
});

async function otherTransactions(): Promise<number> {
  const { records } = await driver.executeQuery(
    "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS n",
  );
  return Number(records[0].get('n'));
}

/** A request from a chosen loopback address (fetch cannot pick its source address). */
function send(method: 'GET' | 'POST', path: string, body?: unknown, from = '127.0.0.1') {
  const url = new URL(path, server.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const t0 = performance.now();
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        localAddress: from,
        agent: false,
        headers: payload ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - t0,
            bytes: raw.length,
            retryAfter: res.headers['retry-after'],
            body: JSON.parse(raw.toString('utf8')) as Answer['body'],
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Node's own script for the timing client: GETs each path over and over, 10 ms apart, for
 * `ms` (one loop per path, so a slow answer on one path delays no other). */
const SAMPLER = `
const [base, ms, ...paths] = process.argv.slice(1);
const end = Date.now() + Number(ms);
const loop = async (path) => {
  const times = [];
  while (Date.now() < end) {
    const t0 = performance.now();
    const res = await fetch(base + path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(path + ' answered ' + res.status);
    times.push(performance.now() - t0);
    await new Promise((next) => setTimeout(next, 10));
  }
  return [path, times];
};
Promise.all(paths.map(loop)).then((all) => process.stdout.write(JSON.stringify(Object.fromEntries(all))));`;

/** Latencies (ms) per path, from a client in its own process. */
function timeApi(paths: string[], ms: number): Promise<Record<string, number[]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SAMPLER, server.url, String(ms), ...paths]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Record<string, number[]>) : reject(new Error(err)),
    );
  });
}

const cypher = (query: string, from: string) => send('POST', '/api/cypher', { query }, from);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const HOSTILE = {
  bigList: 'RETURN [x IN range(1,3000000) | x]',
  longPaths: 'MATCH p=(a)-[*1..40]-(b) RETURN p LIMIT 5000',
  hugeString: 'RETURN reduce(s="x", i IN range(1,28) | s+s)',
};

describe('the byte cap', () => {
  it('stops a large answer at the cap and says which cap it was', async () => {
    const capped = await serve(driver, { limits: { cypherMaxBytes: 20_000 } });
    try {
      const r = await call<CypherResult & ApiErrorBody>(capped.url, '/api/cypher', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'MATCH (n) RETURN n' }),
      });
      expect(r.status, JSON.stringify(r.body.error)).toBe(200);
      expect(r.body).toMatchObject({ truncated: true, truncatedBy: 'bytes' });
      expect(r.body.rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(r.body.rows).length).toBeLessThan(20_000);
    } finally {
      await capped.close();
    }
  });
});

describe('hostile console queries', () => {
  it('cannot stall the API, are capped and bounded, and extra ones get 429', async () => {
    const limits = DEFAULT_LIMITS;
    const a = '127.0.0.2';
    const b = '127.0.0.3';
    // Three workers started (a new one takes seconds on a busy machine; not part of the test).
    const warm = await Promise.all([a, a, b].map((from) => cypher('RETURN 1 AS one', from)));
    expect(warm.map((r) => r.status)).toEqual([200, 200, 200]);
    const heapBefore = process.memoryUsage().heapUsed;
    // Answered at once by the server (health waits a few tens of ms for Neo4j, then answers with
    // its last check), and answered by asking Neo4j.
    const own = ['/api/ontology', '/api/health'];
    const neo4j = ['/api/documents?limit=5'];
    const baseline = await timeApi([...own, ...neo4j], 4_000);

    const timing = timeApi([...own, ...neo4j], limits.cypherTimeoutMs);
    await new Promise((next) => setTimeout(next, 200));
    const fromA = Array.from({ length: 4 }, () => cypher(HOSTILE.bigList, a));
    const fromB = [cypher(HOSTILE.hugeString, b), cypher(HOSTILE.longPaths, b)];
    await new Promise((next) => setTimeout(next, 300));
    // Three are running (two of A's, one of B's): B's second and a third client wait their turn.
    const third = await cypher('RETURN 1 AS one', '127.0.0.4');
    const answers = await Promise.all([...fromA, ...fromB]);
    const loaded = await timing;
    console.log(
      'console answers (status, ms, bytes, code):',
      [...answers, third].map((r) => [
        r.status,
        Math.round(r.ms),
        r.bytes,
        r.body.error?.code ?? r.body.truncatedBy ?? '',
      ]),
    );

    // Per client: two of client A's four run, two are refused at once with a Retry-After.
    const refused = answers.slice(0, 4).filter((r) => r.status === 429);
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r.body.error?.code).toBe('TOO_MANY_QUERIES');
      expect(r.body.error?.message).toMatch(/at most 2 at once/);
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(r.ms).toBeLessThan(1000);
    }
    // Overall: three running, the rest refused.
    expect(answers[5].status).toBe(429);
    expect(third.status).toBe(429);
    expect(third.body.error?.message).toMatch(/at most 3 at once/);

    // Every hostile query ends within the time limit (transfer and serialisation included),
    // either stopped with a clear error or with an answer under the byte cap that says so.
    for (const r of answers.filter((x) => x.status !== 429)) {
      expect(r.ms).toBeLessThan(limits.cypherTimeoutMs + 2_000);
      expect(r.bytes).toBeLessThan(limits.cypherMaxBytes + 64 * 1024);
      if (r.status === 200) expect(r.body.truncated).toBe(true);
      else expect(r.body.error?.code).toMatch(/^(QUERY_TIMEOUT|RESULT_TOO_LARGE)$/);
    }

    // The API kept answering.
    const all = (t: Record<string, number[]>, paths: string[]) => paths.flatMap((p) => t[p]);
    const figures = (xs: number[]) =>
      `median ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms (${xs.length})`;
    for (const [label, paths] of [
      ['server alone', own],
      ['via Neo4j', neo4j],
    ] as const) {
      console.log(
        `API ${label}: without console load ${figures(all(baseline, paths))}; ` +
          `with the hostile queries ${figures(all(loaded, paths))}`,
      );
    }
    const ownBefore = all(baseline, own);
    const ownLoaded = all(loaded, own);
    expect(ownLoaded.length).toBeGreaterThan(30);
    expect(quantile(ownLoaded, 0.5)).toBeLessThan(100);
    expect(quantile(ownLoaded, 0.95)).toBeLessThan(quantile(ownBefore, 0.95) + 100);
    for (const path of neo4j) {
      // Answers kept coming through the 10 s (a stall would let one or two through; a loaded
      // two-core machine manages a few a second).
      expect(loaded[path].length, path).toBeGreaterThanOrEqual(4);
      // Neo4j is busy, not stalled: nearly every answer comes within the time limit. Not every
      // one: Neo4j Community evaluates one expression without looking at the transaction's
      // timeout, and the list and string-doubling queries go on allocating past their
      // 10 s; a read that meets the garbage collection they cause has waited 30-40 s (in 2 of 5
      // CI runs, quiet machine included; README, "Cypher console", Limit). That one read is
      // printed, not asserted on.
      // With a handful of answers the 95th percentile is the slowest one, so it is taken
      // without that one read.
      const kept = [...loaded[path]].sort((x, y) => x - y).slice(0, -1);
      expect(quantile(kept, 0.95), path).toBeLessThan(limits.cypherTimeoutMs);
      expect(quantile(loaded[path], 0.5), path).toBeLessThan(1_000);
      console.log(
        `${path}: slowest answer under the hostile queries ${Math.max(...loaded[path]).toFixed(0)} ms`,
      );
    }
    // The records were decoded in worker threads, not in the server's heap.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 1024 * 1024);

    // The console works again at once.
    const after = await cypher('RETURN 1 AS one', a);
    expect(after.status).toBe(200);
    expect(after.body.rows).toEqual([[1]]);
  });
});
