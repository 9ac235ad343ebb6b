// `parley serve`, `parley query` and `parley export` as a user runs them, against the test Neo4j.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { CypherResult, Network } from '../../server/api/types.ts';
import { counts, seed, testDriver, wipe } from './api.helpers.ts';

let driver: Driver;
let dir: string;
const env = () => ({ ...process.env, NEO4J_URI: inject('neo4jUri') });
const parley = (...args: string[]) =>
  spawnSync('node', ['bin/parley.mjs', ...args], { env: env(), encoding: 'utf8', timeout: 60_000 });

/** `parley serve --port 0 …` started, once it has printed its URL; `output` is all it wrote. */
async function serve(args: string[], extraEnv: Record<string, string> = {}) {
  const child = spawn('node', ['bin/parley.mjs', 'serve', '--port', '0', ...args], {
    env: { ...env(), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in: ${out}`)), 60_000);
    child.stdout.on('data', () => {
      const m = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  return { child, url, output: () => out };
}

beforeAll(async () => {
  driver = testDriver(inject('neo4jUri'));
  await wipe(driver);
  await seed(driver);
  dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
});
afterAll(async () => {
  await driver?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('parley query', () => {
  it('prints a table, or JSON with --json', () => {
    const table = parley(
      'query',
      "MATCH (a:Actor {id: 'person:kirill-dmitriev'}) RETURN a.name AS name, a.kind AS kind",
    );
    expect(table.status).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^name\s+│ kind/);
    expect(table.stdout).toContain('Kirill Dmitriev');
    expect(table.stderr).toMatch(/1 row\(s\)/);
    const json = parley(
      'query',
      '--json',
      '--param',
      'n=3',
      'UNWIND range(1, 10) AS i RETURN i LIMIT $n',
    );
    expect(json.status).toBe(0);
    const result = JSON.parse(json.stdout) as CypherResult;
    expect(result.rows).toEqual([[1], [2], [3]]);
  });

  it('is read-only and fails with a one-line error', async () => {
    const before = await counts(driver);
    for (const q of [
      'CREATE (n:Hacked)',
      'MATCH (n) DETACH DELETE n',
      "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    ]) {
      const r = parley('query', q);
      expect(r.status, q).toBe(1);
      expect(r.stderr.trim().split('\n'), q).toHaveLength(1);
    }
    expect(await counts(driver)).toEqual(before);
    const syntax = parley('query', 'MATCH (n RETURN n');
    expect(syntax.status).toBe(1);
    expect(parley('query').status).toBe(2);
    expect(parley('query', 'RETURN 1', '--bogus').status).toBe(2);
  });
});

describe('parley export', () => {
  it('writes the same network as the API in each format', () => {
    const out = join(dir, 'net.json');
    expect(parley('export', '--format', 'json', '--out', out).status).toBe(0);
    const net = JSON.parse(readFileSync(out, 'utf8')) as Network;
    expect(net.nodes.map((n) => n.id)).toContain('person:kirill-dmitriev');
    const graphml = parley('export', '--format', 'graphml');
    expect(graphml.stdout.match(/<node /g)).toHaveLength(net.nodes.length);
    const gexf = parley('export', '--format', 'gexf');
    expect(gexf.stdout).toMatch(/<gexf[\s>]/);
    expect(parley('export', '--format', 'pdf').status).toBe(2);
  });
});

describe('parley serve', () => {
  it('prints its URL, serves, and shuts down cleanly on SIGTERM', async () => {
    const { child, url } = await serve(['--quiet']);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    expect(parley('serve', '--port', 'eighty').status).toBe(2);
    // PARLEY_PORT is read as `parley start` reads it (PORT only when it is unset).
    const fromEnv = spawnSync('node', ['bin/parley.mjs', 'serve'], {
      env: { ...env(), PARLEY_PORT: 'eighty', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(fromEnv.status).toBe(2);
    expect(fromEnv.stderr).toContain('eighty');
  });
  it('logs each API request without the access token', async () => {
    const token = 'tok-9f2c41d7-never-in-a-log';
    const { child, url, output } = await serve([], { PARLEY_TOKEN: token });
    try {
      // A write with the token (its body is refused, after the token was checked).
      const res = await fetch(`${url}/api/investigations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(400);
      await expect.poll(output, { timeout: 10_000 }).toContain('/api/investigations');
      expect(output()).not.toContain(token);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
