// GET /api/health: Neo4j version, edition, node count and whether it answers (503 when not).
import { readFileSync } from 'node:fs';
import type { Health } from '../api/types.ts';
import { read, type ServerContext } from '../context.ts';
import { firstLine } from '../neo4j-errors.ts';
import { toNumber } from '../cypher/values.ts';
import { reply, type Handlers } from './handler.ts';

const PARLEY_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

// Neo4j's version and edition, asked once per server while Neo4j answers (forgotten when it does
// not, so a restarted or upgraded Neo4j is asked again): a health check costs one round trip.
const kernels = new WeakMap<ServerContext, { version: string; edition: string }>();

async function kernel(ctx: ServerContext): Promise<{ version: string; edition: string }> {
  const known = kernels.get(ctx);
  if (known) return known;
  const { records } = await read(
    ctx,
    "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' " +
      'RETURN versions[0] AS version, edition',
  );
  const found = {
    version: String(records[0]?.get('version') ?? ''),
    edition: String(records[0]?.get('edition') ?? ''),
  };
  kernels.set(ctx, found);
  return found;
}

export async function health(ctx: ServerContext): Promise<Health> {
  try {
    const { version, edition } = await kernel(ctx);
    // count(n) without a label is answered from the count store, not a scan.
    const count = await read(ctx, 'MATCH (n) RETURN count(n) AS nodes');
    return {
      status: 'ok',
      version: PARLEY_VERSION,
      neo4j: {
        connected: true,
        uri: ctx.neo4jUri,
        version,
        edition,
        nodes: toNumber(count.records[0]?.get('nodes')),
      },
    };
  } catch (e) {
    kernels.delete(ctx);
    return {
      status: 'degraded',
      version: PARLEY_VERSION,
      neo4j: { connected: false, uri: ctx.neo4jUri, error: firstLine((e as Error).message) },
    };
  }
}

export function healthHandlers(ctx: ServerContext): Handlers<'health'> {
  return {
    health: async () => {
      const h = await health(ctx);
      return reply(h.neo4j.connected ? 200 : 503, h);
    },
  };
}
