// `parley db start|stop|status` as a user runs it: the real CLI in child processes, a real
// embedded Neo4j on its own free port and temporary data directory (not the global-setup one).
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../setup/neo4j.global.ts';

const BIN = resolve(import.meta.dirname, '../../bin/parley.mjs');

type Run = { code: number | null; stdout: string; stderr: string };

/** The environment of a user without NEO4J_URI (the global setup sets it for the tests). */
function userEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { NEO4J_URI: _uri, ...rest } = process.env;
  return { ...rest, NEO4J_PASSWORD: '', ...env };
}

function parley(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: userEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

// Each start is a JVM boot; on a busy two-core machine that can take most of a minute.
describe('parley db', { timeout: 240_000 }, () => {
  let root: string;
  let env: Record<string, string>;
  let port: number;
  const pidFile = () => join(root, 'neo4j.pid');
  const debugLog = () => join(root, 'neo4j', 'logs', 'debug.log');

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-db-cli-'));
    port = await freePort();
    env = {
      PARLEY_NEO4J_PORT: String(port),
      PARLEY_NEO4J_DATA: join(root, 'neo4j'),
      PARLEY_NEO4J_HEAP: '512m',
      PARLEY_NEO4J_PAGECACHE: '64m',
      PARLEY_NEO4J_TX_MEMORY: '16m',
      PARLEY_NEO4J_JIT: 'quick',
    };
  });

  afterAll(async () => {
    // Never leave a Neo4j behind, whatever failed above.
    await parley(['db', 'stop'], env);
    rmSync(root, { recursive: true, force: true });
  });

  it('rejects an unknown subcommand or flag with usage and exit 2', async () => {
    const unknown = await parley(['db', 'launch'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown subcommand 'launch'/);
    expect(unknown.stderr).toMatch(/usage: parley db start\|stop\|status/);
    const flag = await parley(['db', 'start', '--turbo'], env);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--turbo/);
    const none = await parley(['db'], env);
    expect(none.code).toBe(2);
    const badPort = await parley(['db', 'start'], { ...env, PARLEY_NEO4J_PORT: '99999' });
    expect(badPort.code).not.toBe(0);
    expect(badPort.stderr).toMatch(/PARLEY_NEO4J_PORT/);
    const badJit = await parley(['db', 'start'], { ...env, PARLEY_NEO4J_JIT: 'turbo' });
    expect(badJit.code).not.toBe(0);
    expect(badJit.stderr).toMatch(/PARLEY_NEO4J_JIT must be quick or full, got 'turbo'/);
  });

  it('reports a stopped database with status exit 1', async () => {
    const r = await parley(['db', 'status'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not running/);
  });

  it('gives up after the start timeout: stops Neo4j, leaves no PID file, says why in the log', async () => {
    // A start budget no JVM meets; the build check before it must not count against it.
    const r = await parley(['db', 'start'], { ...env, PARLEY_NEO4J_START_TIMEOUT_MS: '1000' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`did not answer on bolt://127\\.0\\.0\\.1:${port} within 1\\.0 s and was stopped`),
    );
    expect(r.stderr).toMatch(/raise PARLEY_NEO4J_START_TIMEOUT_MS/);
    expect(existsSync(pidFile())).toBe(false);
    expect(readFileSync(join(root, 'neo4j.log'), 'utf8')).toMatch(
      /parley-db timeout: no answer on \S+ within 1\.0 s of starting; stopped pid \d+/,
    );
    const status = await parley(['db', 'status'], env);
    expect(status.stdout).toMatch(/not running/);
  });

  it('starts, answers, says so when already running, and stops gracefully', async () => {
    const start = await parley(['db', 'start'], env);
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    expect(start.stdout).toMatch(
      new RegExp(`started at bolt://127\\.0\\.0\\.1:${port} \\(pid \\d+\\) in [\\d.]+ s`),
    );
    expect(existsSync(pidFile())).toBe(true);
    // The quick compiler when asked for (db/embedded.ts JIT_ARGS: C1 alone halves a write's CPU).
    const pid = readFileSync(pidFile(), 'utf8').trim();
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain(
      '-XX:TieredStopAtLevel=1',
    );

    const status = await parley(['db', 'status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/answers/);

    const again = await parley(['db', 'start'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already running/);

    // Leave something in the store to find after a restart.
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`);
    await driver.executeQuery("UNWIND range(1, 50) AS i CREATE (:Probe {i: i, name: 'Kyiv'})");
    // One transaction may not hold more than PARLEY_NEO4J_TX_MEMORY: Neo4j stops it, and answers.
    // (A session's run, which is not retried as executeQuery retries a transient error.)
    const session = driver.session();
    const hog = session.run('UNWIND range(1, 3000000) AS i RETURN size(collect(i)) AS n');
    await expect(hog).rejects.toMatchObject({
      code: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      message: expect.stringMatching(/db\.memory\.transaction\.max/),
    });
    await session.close();
    const { records } = await driver.executeQuery('MATCH (p:Probe) RETURN count(p) AS n');
    expect(records[0].get('n').toNumber()).toBe(50);
    await driver.close();

    const stop = await parley(['db', 'stop'], env);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toMatch(/stopped/);
    expect(existsSync(pidFile())).toBe(false);
    expect(readFileSync(join(root, 'neo4j.log'), 'utf8')).toMatch(/parley-db stopped/);

    const after = await parley(['db', 'status'], env);
    expect(after.code).toBe(1);
    const stopAgain = await parley(['db', 'stop'], env);
    expect(stopAgain.code).toBe(0);
    expect(stopAgain.stdout).toMatch(/not running/);
  });

  it('cleans a stale PID file and restarts a cleanly stopped store without recovery', async () => {
    // A PID that cannot belong to a live process (beyond pid_max on Linux).
    writeFileSync(pidFile(), '4194999\n');
    const logSizeBefore = statSync(debugLog()).size;

    const start = await parley(['db', 'start'], env);
    expect(start.code).toBe(0);
    expect(start.stdout).toMatch(/stale PID file/);
    expect(start.stdout).toMatch(/started at/);
    expect(Number(readFileSync(pidFile(), 'utf8'))).not.toBe(4194999);

    const thisRun = readFileSync(debugLog(), 'utf8').slice(logSizeBefore);
    expect(thisRun).toMatch(/Bolt enabled/);
    expect(thisRun).not.toMatch(/recovery/i);

    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`);
    const { records } = await driver.executeQuery('MATCH (p:Probe) RETURN count(p) AS n');
    await driver.close();
    expect(records[0].get('n').toNumber()).toBe(50);
  });

  it('names the directory when the store is locked by another Neo4j (exit 4)', async () => {
    // The running instance holds the store; a second launcher that does not know about it
    // (its PID file is gone) must fail on the lock, not corrupt anything.
    const pid = readFileSync(pidFile(), 'utf8');
    rmSync(pidFile());
    try {
      const other = await parley(['db', 'start'], {
        ...env,
        PARLEY_NEO4J_PORT: String(await freePort()),
      });
      expect(other.code).toBe(4);
      expect(other.stderr).toContain(join(root, 'neo4j'));
      expect(other.stderr).toMatch(/locked/);
    } finally {
      writeFileSync(pidFile(), pid);
    }
    const status = await parley(['db', 'status'], env);
    expect(status.code).toBe(0);
    const stop = await parley(['db', 'stop'], env);
    expect(stop.code).toBe(0);
  });

  it('names the port when another process holds it (exit 3)', async () => {
    const taken = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((r) => holder.listen(taken, '127.0.0.1', r));
    const dir = mkdtempSync(join(tmpdir(), 'parley-db-port-'));
    try {
      const r = await parley(['db', 'start'], {
        ...env,
        PARLEY_NEO4J_PORT: String(taken),
        PARLEY_NEO4J_DATA: join(dir, 'neo4j'),
      });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`port ${taken}\\b.*in use`));
      expect(existsSync(join(dir, 'neo4j.pid'))).toBe(false);
    } finally {
      holder.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** `parley db start` on a free port with the store in `dataDir`. */
  const startIn = async (dataDir: string) =>
    parley(['db', 'start'], {
      ...env,
      PARLEY_NEO4J_PORT: String(await freePort()),
      PARLEY_NEO4J_DATA: dataDir,
    });

  it('names the directory when the store is corrupt (exit 4)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-db-corrupt-'));
    const store = join(dir, 'neo4j', 'data', 'databases', 'neo4j');
    mkdirSync(store, { recursive: true });
    for (const f of ['neostore', 'neostore.nodestore.db', 'neostore.counts.db']) {
      writeFileSync(join(store, f), Buffer.from('this is not a Neo4j store '.repeat(300)));
    }
    try {
      const r = await startIn(join(dir, 'neo4j'));
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(join(dir, 'neo4j'));
      expect(r.stderr).toMatch(/corrupt or unreadable/);
      expect(existsSync(join(dir, 'neo4j.pid'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A real small disk needs a tmpfs mount, which only root may make (CI runs as root).
  const canMount = spawnSync('id', ['-u']).stdout?.toString().trim() === '0';
  it.skipIf(!canMount)('names a full disk as the cause (exit 4)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-db-small-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=40m', 'tmpfs', dir]);
    expect(mounted.status, mounted.stderr?.toString()).toBe(0);
    try {
      const r = await startIn(join(dir, 'neo4j'));
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/no space left on device/);
      expect(r.stderr).not.toMatch(/corrupt/);
    } finally {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without Java names the two alternatives', async () => {
    const r = await parley(['db', 'start'], { ...env, PATH: '/nonexistent' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Java 17 or newer/);
    expect(r.stderr).toMatch(/NEO4J_URI/);
    expect(r.stderr).toMatch(/docker compose up/);
  });
});

describe('parley start', { timeout: 300_000 }, () => {
  it('starts the embedded Neo4j and the server, ingests the samples, and undoes it all on SIGTERM', async () => {
    const root = mkdtempSync(join(tmpdir(), 'parley-start-'));
    const env = {
      PARLEY_NEO4J_PORT: String(await freePort()),
      PARLEY_NEO4J_DATA: join(root, 'neo4j'),
      PARLEY_NEO4J_HEAP: '512m',
      PARLEY_NEO4J_PAGECACHE: '64m',
    };
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0'], {
      env: userEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        const timer = setInterval(() => {
          const m = /Parley is running at (http:\/\/\S+)/.exec(stdout);
          if (m) resolveUrl(m[1]);
          if (child.exitCode !== null)
            reject(new Error(`start exited early:\n${stdout}\n${stderr}`));
          if (m || child.exitCode !== null) clearInterval(timer);
        }, 200);
      });
      expect(stdout).toMatch(
        /Neo4j 5\.26\.\d+ community at bolt:\/\/127\.0\.0\.1:\d+ \(embedded, started in/,
      );
      expect(stdout).toMatch(/ingesting \d+ sample report/);
      const health = (await (await fetch(`${url}/api/health`)).json()) as {
        neo4j: { connected: boolean; version: string; nodes: number };
      };
      expect(health.neo4j.connected).toBe(true);
      expect(health.neo4j.version).toMatch(/^5\.26\./);
      expect(health.neo4j.nodes).toBeGreaterThan(10); // the samples are in
      expect(existsSync(join(root, 'neo4j.pid'))).toBe(true);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toMatch(/Embedded Neo4j stopped/);
      expect(existsSync(join(root, 'neo4j.pid'))).toBe(false);
      await expect(fetch(`${url}/api/health`)).rejects.toThrow();
      const status = await parley(['db', 'status'], env);
      expect(status.code).toBe(1);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await parley(['db', 'stop'], env);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
