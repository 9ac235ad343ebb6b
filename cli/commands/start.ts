// `parley start` (npm start): everything a first-time user needs in one command — the viewer
// build, Neo4j (embedded unless NEO4J_URI is set), the schema, the sample reports when the
// database is empty, and the server. Ctrl+C undoes it in reverse order.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { closeDriver, configFromEnv, getDriver, verifyNeo4j } from '../../db/connection.ts';
import {
  EmbeddedError,
  REPO_ROOT,
  embeddedOptionsFromEnv,
  startEmbedded,
  stopEmbedded,
  type EmbeddedOptions,
} from '../../db/embedded.ts';
import { ensureSchema } from '../../db/schema.ts';
import { formatDiff, ingestFiles, locateStored } from '../../ingest/index.ts';
import { startServer } from '../../server/index.ts';
import { parseFlags, UsageError } from '../args.ts';
import { limitsFromEnv } from '../limits.ts';

export const summary = 'Neo4j (embedded unless NEO4J_URI is set), the server, and the samples';

const USAGE = 'usage: parley start [--port 3000] [--host 127.0.0.1] [--no-samples]';

const say = (s: string) => process.stdout.write(`${s}\n`);
const warn = (s: string) => process.stderr.write(`parley start: ${s}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new UsageError(`invalid port '${raw}'\n${USAGE}`);
  return port;
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** vite build into dist/web when it is missing or older than web/ (or no viewer exists yet). */
async function buildViewerIfStale(): Promise<void> {
  const src = join(REPO_ROOT, 'web');
  const config = join(REPO_ROOT, 'vite.config.ts');
  const out = join(REPO_ROOT, 'dist', 'web', 'index.html');
  if (!existsSync(join(src, 'index.html'))) return;
  const sources = Math.max(newestMtime(src), existsSync(config) ? statSync(config).mtimeMs : 0);
  if (existsSync(out) && statSync(out).mtimeMs >= sources) return;
  const t0 = Date.now();
  say('Building the viewer…');
  const { build } = await import('vite');
  // vite.config.ts (the viewer's) sets root and outDir; without it, the same by hand.
  await build(
    existsSync(config)
      ? { configFile: config, logLevel: 'warn' }
      : {
          configFile: false,
          root: src,
          base: './',
          build: { outDir: join(REPO_ROOT, 'dist', 'web'), emptyOutDir: true },
          logLevel: 'warn',
        },
  );
  say(`Viewer built in ${seconds(Date.now() - t0)}.`);
}

/** The top-level files of samples/ (subfolders such as samples/updates are for re-ingest demos). */
function sampleFiles(): string[] {
  const dir = join(REPO_ROOT, 'samples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(dir, e.name))
    .sort();
}

async function count(driver: Driver, database: string | undefined, label: string): Promise<number> {
  const { records } = await driver.executeQuery(
    `MATCH (n:${label}) RETURN count(n) AS n`,
    {},
    { database, routing: 'READ' },
  );
  return Number(records[0].get('n'));
}

async function ingestSamples(driver: Driver, database: string | undefined): Promise<void> {
  if ((await count(driver, database, 'Document')) > 0) return;
  const files = sampleFiles();
  if (files.length === 0) return;
  say(`The database is empty: ingesting ${files.length} sample report(s) from samples/…`);
  const outcomes = await ingestFiles(driver, files, { database });
  for (const o of outcomes) {
    if (o.diff) say(`  ${formatDiff(o.diff).split('\n')[0]}`);
    else if (o.error) warn(`sample ${o.path}: ${o.error.message}`);
  }
}

async function neo4jVersion(driver: Driver, database: string | undefined): Promise<string> {
  const { records } = await driver.executeQuery(
    'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition',
    {},
    { database, routing: 'READ' },
  );
  return `Neo4j ${records[0].get('v')} ${records[0].get('edition')}`;
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      'no-samples': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    say(USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'\n${USAGE}`);
  const port = parsePort(values.port ?? process.env.PARLEY_PORT ?? process.env.PORT);
  const host = values.host ?? (process.env.PARLEY_HOST || '127.0.0.1');

  configFromEnv(); // loads .env, so that NEO4J_URI there counts as set
  // Ctrl+C during start-up must not orphan an embedded Neo4j: note it, finish the step, clean up.
  let interrupted: string | undefined;
  const signalled = waitForSignal().then((s) => {
    interrupted = s;
    if (!server) say(`\n${s}: stopping once the current step is done…`);
    return s;
  });
  let embedded: EmbeddedOptions | undefined; // set only when this process started Neo4j
  let server: { url: string; close(): Promise<void> } | undefined;
  let neo4jNote = '';
  try {
    try {
      await buildViewerIfStale();
    } catch (e) {
      warn(`the viewer could not be built (${(e as Error).message}); the API still runs`);
    }

    if (!process.env.NEO4J_URI) {
      const opts = embeddedOptionsFromEnv();
      say('NEO4J_URI is not set: using the embedded Neo4j.');
      const r = await startEmbedded(opts, say);
      if (r.status === 'started') {
        embedded = opts;
        neo4jNote = `embedded, started in ${seconds(r.ms)}`;
      } else {
        neo4jNote = `embedded, already running as pid ${r.pid}; left running on exit`;
      }
      process.env.NEO4J_URI = r.uri;
    }
    if (interrupted) return 0;
    const cfg = configFromEnv();
    const driver = getDriver(cfg);
    await verifyNeo4j(driver, cfg.uri);
    await ensureSchema(driver, cfg.database);
    await locateStored(driver, cfg.database);
    if (interrupted) return 0;
    if (!values['no-samples']) await ingestSamples(driver, cfg.database);
    if (interrupted) return 0;

    try {
      server = await startServer({
        port,
        host,
        driver,
        database: cfg.database,
        limits: limitsFromEnv(),
        token: process.env.PARLEY_TOKEN || undefined,
        corsOrigin: process.env.PARLEY_CORS_ORIGIN || undefined,
        logger: false,
      });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === 'EADDRINUSE' || code === 'EACCES') {
        throw new Error(
          `cannot listen on ${host}:${port} (${code === 'EADDRINUSE' ? 'port in use' : 'permission denied'}); ` +
            'choose another with --port or PARLEY_PORT',
          { cause: e },
        );
      }
      throw e;
    }

    const [version, documents, actors, events] = await Promise.all([
      neo4jVersion(driver, cfg.database),
      count(driver, cfg.database, 'Document'),
      count(driver, cfg.database, 'Actor'),
      count(driver, cfg.database, 'Event'),
    ]);
    say('');
    say(`Parley is running at ${server.url}`);
    say(
      `${version} at ${cfg.uri}${neo4jNote ? ` (${neo4jNote})` : ''}; ` +
        `${documents} documents, ${actors} actors, ${events} events. Press Ctrl+C to stop.`,
    );

    const signal = await signalled;
    say(`\n${signal}: shutting down…`);
    return 0;
  } catch (e) {
    if (e instanceof EmbeddedError) {
      process.stderr.write(`parley start: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  } finally {
    await server?.close().catch((e: Error) => warn(`closing the server: ${e.message}`));
    await closeDriver().catch(() => {});
    if (embedded) {
      const r = await stopEmbedded(embedded);
      if (r.status === 'stopped') say(`Embedded Neo4j stopped in ${seconds(r.ms)}.`);
    }
  }
}
