// `parley serve [--port 3000] [--host 127.0.0.1]`: the API and the viewer.
import { closeDriver, verifyNeo4j } from '../../db/connection.ts';
import { openNeo4j } from '../connect.ts';
import { ensureSchema } from '../../db/schema.ts';
import { DEFAULT_LIMITS } from '../../server/context.ts';
import { startServer } from '../../server/index.ts';
import { parseFlags, UsageError } from '../args.ts';

export const summary = 'serve the API and the viewer';

const USAGE = 'usage: parley serve [--port 3000] [--host 127.0.0.1] [--quiet]';

export function parsePort(s: string | undefined, fallback: number): number {
  if (s === undefined) return fallback;
  const port = Number(s);
  if (!/^\d+$/.test(s) || port > 65535) throw new UsageError(`invalid port '${s}'\n${USAGE}`);
  return port;
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new UsageError(`${name} must be a positive whole number, got '${raw}'`);
  }
  return Number(raw);
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      quiet: { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'\n${USAGE}`);
  const port = parsePort(values.port ?? process.env.PARLEY_PORT ?? process.env.PORT, 3000);
  const host = values.host ?? process.env.PARLEY_HOST ?? '127.0.0.1';
  const { cfg, driver } = openNeo4j('serve');
  try {
    await verifyNeo4j(driver, cfg.uri);
    await ensureSchema(driver, cfg.database);
  } catch (e) {
    // The server still starts: it answers 503 until Neo4j is reachable, then recovers by itself.
    process.stderr.write(`parley serve: warning: ${(e as Error).message}\n`);
  }
  const server = await startServer({
    port,
    host,
    driver,
    limits: {
      cypherTimeoutMs: envNumber('PARLEY_CYPHER_TIMEOUT_MS', DEFAULT_LIMITS.cypherTimeoutMs),
      cypherMaxRows: envNumber('PARLEY_CYPHER_MAX_ROWS', DEFAULT_LIMITS.cypherMaxRows),
    },
    token: process.env.PARLEY_TOKEN || undefined,
    corsOrigin: process.env.PARLEY_CORS_ORIGIN || undefined,
    logger: !values.quiet,
  });
  process.stdout.write(`Parley is serving at ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('Shutting down…\n');
  await server.close();
  await closeDriver();
  return 0;
}
