// The database a benchmark runs against: NEO4J_URI when set, else an embedded Neo4j of its own
// on a free port, in a temporary directory (or in `keepDir`, kept across runs).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../db/connection.ts';
import { embeddedOptionsFromEnv, freePort, startEmbedded, stopEmbedded } from '../db/embedded.ts';

/** Runs `body` with a driver; `neo4jPid` is the embedded JVM's pid (null for NEO4J_URI). */
export async function withBenchNeo4j<T>(
  name: string,
  body: (driver: Driver, neo4jPid: number | null) => Promise<T>,
  keepDir?: string,
): Promise<T> {
  let stop = async () => {};
  let pid: number | null = null;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    const dir = keepDir ? resolve(keepDir) : mkdtempSync(join(tmpdir(), `parley-bench-${name}-`));
    mkdirSync(dir, { recursive: true });
    const opts = {
      // Only the compiler choice from the environment, to compare PARLEY_NEO4J_JIT=quick|full.
      ...embeddedOptionsFromEnv({ PARLEY_NEO4J_JIT: process.env.PARLEY_NEO4J_JIT }),
      port: await freePort(),
      dataDir: join(dir, 'neo4j'),
      heap: '1g',
      pageCache: '512m',
    };
    const started = await startEmbedded(opts);
    uri = started.uri;
    pid = started.pid;
    stop = async () => {
      await stopEmbedded(opts);
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    };
  }
  const driver = createDriver({
    uri,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD || '',
    database: undefined,
  });
  try {
    await driver.verifyConnectivity();
    return await body(driver, pid);
  } finally {
    await driver.close();
    await stop();
  }
}
