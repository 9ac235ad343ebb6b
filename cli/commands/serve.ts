// `parley serve [--port 3000] [--host 127.0.0.1]`: the API and the viewer.
import { closeDriver, verifyNeo4j } from '../../db/connection.ts';
import { openNeo4j } from '../connect.ts';
import { ensureSchema } from '../../db/schema.ts';
import { locateStored } from '../../ingest/index.ts';
import { startServer } from '../../server/index.ts';
import { parseFlags, UsageError } from '../args.ts';
import { limitsFromEnv } from '../limits.ts';

export const summary = 'serve the API and the viewer';

const USAGE = 'usage: parley serve [--port 3000] [--host 127.0.0.1] [--quiet]';

export function parsePort(s: string | undefined, fallback: number): number {
  if (s === undefined) return fallback;
  const port = Number(s);
  if (!/^\d+$/.test(s) || port > 65535) throw new UsageError(`invalid port '${s}'\n${USAGE}`);
  return port;
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
    await locateStored(driver, cfg.database);
  } catch (e) {
    // The server still starts: it answers 503 until Neo4j is reachable, then recovers by itself.
    process.stderr.write(`parley serve: warning: ${(e as Error).message}\n`);
  }
  const server = await startServer({
    port,
    host,
    driver,
    limits: limitsFromEnv(),
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
