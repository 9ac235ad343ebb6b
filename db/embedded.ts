// Builds, starts, stops and checks the embedded Neo4j launcher (db/src/main/java/parley/db/Launcher.java).
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDriver } from './connection.ts';

export const DB_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(DB_DIR, '..');
const JAR = join(DB_DIR, 'target', 'parley-db.jar');
const LIB = join(DB_DIR, 'target', 'lib');
/**
 * A class-data-sharing archive of the classes Neo4j loads while starting, written by one training
 * run after each build. Loading ~200 jars dominates start-up; with the archive it takes about half
 * the time. The JVM checks that the archive matches the jars and ignores it otherwise.
 */
const CLASS_ARCHIVE = join(DB_DIR, 'target', 'neo4j.jsa');
const CLASS_ARCHIVE_FAILED = `${CLASS_ARCHIVE}.failed`;

function javaArgs(extra: string[]): string[] {
  return [
    ...extra,
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    // The archive's notes (skipped signed jars, a stale archive) are not for users.
    '-Xlog:cds=off',
    '-Xlog:cds+dynamic=off',
    '-cp',
    `${JAR}:${LIB}/*`,
    'parley.db.Launcher',
  ];
}

export interface EmbeddedOptions {
  host: string;
  port: number;
  /** The Neo4j store; the PID file and log sit in its parent folder. */
  dataDir: string;
  heap: string;
  pageCache: string;
  /** Heap one transaction may use before Neo4j stops it; empty: half the heap. */
  txMemory: string;
  password: string;
  txTimeoutSeconds: number;
  /** How long to wait for Bolt, in milliseconds. */
  startTimeoutMs: number;
  /** The JVM's compilers: `quick` (C1 only) or `full` (C1, then C2 for hot code). See JIT_ARGS. */
  jit: Jit;
}

export type Jit = 'quick' | 'full';

// Neo4j is a large body of code, and C2 (the JVM's optimising compiler) keeps compiling it for
// thousands of transactions: on 2 cores it took as much CPU as the writes themselves. C1 alone
// halves Neo4j's CPU per ingested report from a cold start (176/60/46/39 → 85/24/21/21 ms over
// the first four windows of 250 reports) for reads about a fifth slower once warm. But `full`
// stays the default: under C1, heavy console queries (a 3-million-element list) ran into their
// time limit and kept Neo4j so busy that an ordinary API read waited 33 s (console-load test);
// with C2 they finish in time. `quick` is for a dedicated bulk ingest (`PARLEY_NEO4J_JIT=quick
// parley db start`, then `parley ingest`).
const JIT_ARGS: Record<Jit, string[]> = {
  quick: ['-XX:TieredStopAtLevel=1'],
  full: [],
};

function jitFrom(env: NodeJS.ProcessEnv): Jit {
  const raw = env.PARLEY_NEO4J_JIT;
  if (raw === undefined || raw === '') return 'full';
  if (raw === 'quick' || raw === 'full') return raw;
  throw new EmbeddedError(`PARLEY_NEO4J_JIT must be quick or full, got '${raw}'`);
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < 1 || n > max) {
    throw new EmbeddedError(`${name} must be a whole number from 1 to ${max}, got '${raw}'`);
  }
  return n;
}

function sizeFrom(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+[kmg]?$/i.test(raw.trim())) {
    throw new EmbeddedError(`${name} must be a size such as 512m or 2g, got '${raw}'`);
  }
  return raw.trim().toLowerCase();
}

export function embeddedOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EmbeddedOptions {
  return {
    host: env.PARLEY_NEO4J_HOST || '127.0.0.1',
    port: numberFrom(env, 'PARLEY_NEO4J_PORT', 7687, 65535),
    dataDir: resolve(REPO_ROOT, env.PARLEY_NEO4J_DATA || 'data/neo4j'),
    heap: sizeFrom(env, 'PARLEY_NEO4J_HEAP', '1g'),
    pageCache: sizeFrom(env, 'PARLEY_NEO4J_PAGECACHE', '512m'),
    txMemory: sizeFrom(env, 'PARLEY_NEO4J_TX_MEMORY', ''),
    password: env.NEO4J_PASSWORD || '',
    txTimeoutSeconds: numberFrom(env, 'PARLEY_NEO4J_TX_TIMEOUT_SECONDS', 60, 86_400),
    startTimeoutMs: numberFrom(env, 'PARLEY_NEO4J_START_TIMEOUT_MS', 120_000, 3_600_000),
    jit: jitFrom(env),
  };
}

/** exitCode follows the launcher: 3 the port is taken, 4 the data directory is locked or corrupt. */
export class EmbeddedError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const pidFile = (o: EmbeddedOptions) => join(dirname(o.dataDir), 'neo4j.pid');
export const logFile = (o: EmbeddedOptions) => join(dirname(o.dataDir), 'neo4j.log');
export const boltUri = (o: EmbeddedOptions) => `bolt://${o.host}:${o.port}`;

const ALTERNATIVES =
  'Either point Parley at an existing Neo4j 5 with NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD), ' +
  'or run `docker compose up`.';

/** Java 17+ is required by Neo4j 5.26. */
export function checkJava(): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new EmbeddedError(
      `Java 17 or newer is needed for the embedded Neo4j, and none was found. ${ALTERNATIVES}`,
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  const major = m ? Number(m[1] === '1' ? m[2] : m[1]) : 0;
  if (major < 17) {
    throw new EmbeddedError(
      `Java 17 or newer is needed for the embedded Neo4j; found Java ${major}. ${ALTERNATIVES}`,
    );
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function isBuilt(): boolean {
  if (!existsSync(JAR) || !existsSync(LIB)) return false;
  const built = statSync(JAR).mtimeMs;
  return (
    built >= statSync(join(DB_DIR, 'pom.xml')).mtimeMs && built >= newestMtime(join(DB_DIR, 'src'))
  );
}

const BUILD_LOCK = join(DB_DIR, '.build.lock');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a build step as a child process and, since a first build can take minutes on a loaded
 * machine, says every 15 s that it is still going. Resolves with the exit code.
 */
function runWithProgress(
  what: string,
  command: string,
  args: string[],
  options: SpawnOptions,
  log: (s: string) => void,
): Promise<{ status: number | null; error?: Error }> {
  const t0 = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, options);
    const ticker = setInterval(
      () => log(`  …${what}: ${Math.round((Date.now() - t0) / 1000)} s so far`),
      15_000,
    );
    const finish = (r: { status: number | null; error?: Error }) => {
      clearInterval(ticker);
      done(r);
    };
    child.on('error', (error) => finish({ status: null, error }));
    child.on('exit', (status) => finish({ status }));
  });
}

/**
 * Builds the launcher with the Maven Wrapper (which fetches Maven itself) unless it is up to
 * date. Test projects may start their Neo4j at the same time on a clean clone, so one build runs
 * at a time under a lock directory; the others wait and then find it built.
 */
export async function ensureBuilt(log: (s: string) => void = () => {}): Promise<void> {
  if (isBuilt() && (existsSync(CLASS_ARCHIVE) || existsSync(CLASS_ARCHIVE_FAILED))) return;
  checkJava();
  const t0 = Date.now();
  let waitingSaid = false;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // A lock older than 15 minutes belongs to a build that died.
      if (existsSync(BUILD_LOCK) && Date.now() - statSync(BUILD_LOCK).mtimeMs > 15 * 60_000) {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - t0 > 15 * 60_000)
        throw new EmbeddedError(`timed out waiting for ${BUILD_LOCK}`);
      if (!waitingSaid) log('Another process is building the embedded Neo4j; waiting for it…');
      waitingSaid = true;
      await sleep(500);
    }
  }
  try {
    if (!isBuilt()) await buildWithMaven(log);
    await ensureClassArchive(log);
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

async function buildWithMaven(log: (s: string) => void): Promise<void> {
  const t0 = Date.now();
  log('Building the embedded Neo4j launcher (first run downloads Neo4j from Maven Central)…');
  const r = await runWithProgress(
    'building db/ with Maven',
    join(DB_DIR, 'mvnw'),
    ['-q', '-B', 'package', '-DskipTests'],
    { cwd: DB_DIR, stdio: ['ignore', 'inherit', 'inherit'] },
    log,
  );
  if (r.error || r.status !== 0) {
    throw new EmbeddedError(
      `building db/ with Maven failed (${r.error?.message ?? `exit ${r.status}`}). ${ALTERNATIVES}`,
    );
  }
  log(`Launcher built in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  rmSync(CLASS_ARCHIVE, { force: true });
  rmSync(CLASS_ARCHIVE_FAILED, { force: true });
}

/** One training start and stop that writes the class archive; failures only cost speed. */
async function ensureClassArchive(log: (s: string) => void): Promise<void> {
  if (existsSync(CLASS_ARCHIVE) || existsSync(CLASS_ARCHIVE_FAILED)) return;
  const dir = mkdtempSync(join(tmpdir(), 'parley-db-train-'));
  const tmp = `${CLASS_ARCHIVE}.${process.pid}.tmp`;
  const t0 = Date.now();
  log('Preparing a class archive so that Neo4j starts faster (once per build)…');
  try {
    const r = await runWithProgress(
      'preparing the class archive',
      'java',
      javaArgs(['-Xmx512m', '-XX:+UseG1GC', `-XX:ArchiveClassesAtExit=${tmp}`]),
      {
        stdio: 'ignore',
        timeout: 10 * 60_000,
        env: {
          ...process.env,
          PARLEY_NEO4J_HOST: '127.0.0.1',
          // Any port: the run ends as soon as it is ready; a taken one only means no archive.
          PARLEY_NEO4J_PORT: String(20_000 + Math.floor(Math.random() * 40_000)),
          PARLEY_NEO4J_DATA: join(dir, 'neo4j'),
          PARLEY_NEO4J_PAGECACHE: '32m',
          PARLEY_NEO4J_EXIT_WHEN_READY: '1',
          NEO4J_PASSWORD: '',
        },
      },
      log,
    );
    if (r.status === 0 && existsSync(tmp)) {
      renameSync(tmp, CLASS_ARCHIVE);
      log(`Class archive ready in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
    } else {
      writeFileSync(CLASS_ARCHIVE_FAILED, `exit ${r.status ?? r.error?.message}\n`);
    }
  } finally {
    rmSync(tmp, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether pid is our launcher and not some unrelated process that reused the number after a
 * crash. Where /proc is missing (macOS) a live pid has to be taken on trust.
 */
function isLauncher(pid: number): boolean {
  if (!alive(pid)) return false;
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync('/proc/self/cmdline')) return true;
  try {
    return readFileSync(cmdline, 'utf8').includes('parley.db.Launcher');
  } catch {
    return false;
  }
}

function readPid(o: EmbeddedOptions): number | undefined {
  if (!existsSync(pidFile(o))) return undefined;
  const pid = Number(readFileSync(pidFile(o), 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Answers a Bolt handshake and a trivial query within a couple of seconds. */
export async function answers(o: EmbeddedOptions): Promise<boolean> {
  const driver = createDriver({
    uri: boltUri(o),
    user: 'neo4j',
    password: o.password,
    database: undefined,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

/** Where the launcher last said it was ready, from the log. */
function lastReadyUri(o: EmbeddedOptions): string | undefined {
  if (!existsSync(logFile(o))) return undefined;
  const all = [...readFileSync(logFile(o), 'utf8').matchAll(/parley-db (ready (\S+)|stopped)/g)];
  const last = all.at(-1);
  return last?.[2];
}

export type StartResult = {
  status: 'started' | 'already-running';
  uri: string;
  pid: number;
  ms: number;
};

export async function startEmbedded(
  o: EmbeddedOptions,
  log: (s: string) => void = () => {},
): Promise<StartResult> {
  const t0 = Date.now();
  const existing = readPid(o);
  if (existing !== undefined) {
    if (isLauncher(existing)) {
      // Ours and alive: answering already, or still starting (another `db start`, a test setup),
      // or listening elsewhere because it was started with another PARLEY_NEO4J_PORT.
      const readyAt = lastReadyUri(o);
      if (readyAt !== undefined && readyAt !== boltUri(o)) {
        throw new EmbeddedError(
          `embedded Neo4j with data directory ${o.dataDir} is already running at ${readyAt} ` +
            `(pid ${existing}); stop it with \`parley db stop\` or use that port`,
          4,
        );
      }
      while (Date.now() - t0 < o.startTimeoutMs) {
        if (await answers(o)) {
          return { status: 'already-running', uri: boltUri(o), pid: existing, ms: Date.now() - t0 };
        }
        if (!isLauncher(existing)) break;
        await sleep(250);
      }
      if (isLauncher(existing)) {
        throw new EmbeddedError(
          `embedded Neo4j (pid ${existing}) is running but does not answer on ${boltUri(o)}; ` +
            `stop it with \`parley db stop\` and see ${logFile(o)}`,
        );
      }
    }
    log(`Removing stale PID file ${pidFile(o)} (process ${existing} is gone).`);
    rmSync(pidFile(o), { force: true });
  }
  checkJava();
  await ensureBuilt(log);
  // The timeout is for Neo4j's start only: a first build may take minutes and must not count.
  const startedAt = Date.now();
  mkdirSync(o.dataDir, { recursive: true });
  const logPath = logFile(o);
  // The log keeps earlier runs for troubleshooting; this run's part starts at `from`.
  if (!existsSync(logPath)) writeFileSync(logPath, '');
  const from = statSync(logPath).size;
  const thisRun = () => readFileSync(logPath, 'utf8').slice(from);
  const out = openSync(logPath, 'a');
  const archive = existsSync(CLASS_ARCHIVE) ? [`-XX:SharedArchiveFile=${CLASS_ARCHIVE}`] : [];
  const child = spawn(
    'java',
    javaArgs([`-Xmx${o.heap}`, '-XX:+UseG1GC', ...JIT_ARGS[o.jit], ...archive]),
    {
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        PARLEY_NEO4J_HOST: o.host,
        PARLEY_NEO4J_PORT: String(o.port),
        PARLEY_NEO4J_DATA: o.dataDir,
        PARLEY_NEO4J_PAGECACHE: o.pageCache,
        PARLEY_NEO4J_TX_MEMORY: o.txMemory,
        PARLEY_NEO4J_TX_TIMEOUT_SECONDS: String(o.txTimeoutSeconds),
        NEO4J_PASSWORD: o.password,
      },
    },
  );
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new EmbeddedError('could not start java');
  child.unref();
  writeFileSync(pidFile(o), `${pid}\n`);

  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? 1));
  while (Date.now() - startedAt < o.startTimeoutMs) {
    if (exited !== null || !alive(pid)) {
      // Let the exit event arrive so that the launcher's exit code is known.
      for (let i = 0; i < 20 && exited === null; i++) await sleep(50);
      rmSync(pidFile(o), { force: true });
      const text = thisRun();
      const why =
        /parley-db error: (.*)/.exec(text)?.[1] ?? text.trim().split('\n').slice(-5).join('\n');
      const code: number = exited === 3 || exited === 4 ? exited : 1;
      throw new EmbeddedError(`embedded Neo4j did not start: ${why} (log: ${logPath})`, code);
    }
    if (thisRun().includes('parley-db ready') && (await answers(o))) {
      return { status: 'started', uri: boltUri(o), pid, ms: Date.now() - startedAt };
    }
    await sleep(200);
  }
  // Gave up: stop it for good (no stale PID file, no Neo4j left half-started) and say why in
  // the log, which Neo4j itself may not have written to yet.
  const waited = `${(o.startTimeoutMs / 1000).toFixed(1)} s`;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(pidFile(o), { force: true });
  const lastWords = thisRun().trim().split('\n').filter(Boolean).slice(-3).join(' | ');
  appendFileSync(
    logPath,
    `parley-db timeout: no answer on ${boltUri(o)} within ${waited} of starting; stopped pid ${pid}\n`,
  );
  throw new EmbeddedError(
    `embedded Neo4j did not answer on ${boltUri(o)} within ${waited} and was stopped` +
      (lastWords ? ` (its last output: ${lastWords})` : ' (it had written nothing yet)') +
      `. On a slow or busy machine raise PARLEY_NEO4J_START_TIMEOUT_MS (now ${o.startTimeoutMs}). Log: ${logPath}`,
  );
}

export type StopResult = { status: 'stopped' | 'not-running'; ms: number };

/** Graceful stop: SIGTERM lets Neo4j close its store cleanly; we wait for the process to end. */
export async function stopEmbedded(o: EmbeddedOptions, timeoutMs = 60_000): Promise<StopResult> {
  const t0 = Date.now();
  const pid = readPid(o);
  if (pid === undefined || !isLauncher(pid)) {
    rmSync(pidFile(o), { force: true });
    return { status: 'not-running', ms: 0 };
  }
  process.kill(pid, 'SIGTERM');
  while (alive(pid)) {
    if (Date.now() - t0 > timeoutMs) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await sleep(100);
  }
  rmSync(pidFile(o), { force: true });
  return { status: 'stopped', ms: Date.now() - t0 };
}

export type Status = { running: boolean; answering: boolean; pid?: number; uri: string };

export async function statusEmbedded(o: EmbeddedOptions): Promise<Status> {
  const pid = readPid(o);
  const running = pid !== undefined && isLauncher(pid);
  return { running, answering: running && (await answers(o)), pid, uri: boltUri(o) };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now (for tests and benches). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
