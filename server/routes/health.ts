// GET /api/health: Neo4j version, edition, node count and whether it answers (503 when not),
// answered within a few tens of milliseconds however busy Neo4j is.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
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

/** Asks Neo4j now: one round trip once the kernel is known. */
async function check(ctx: ServerContext): Promise<Health> {
  let answer: Pick<Health['neo4j'], 'connected' | 'version' | 'edition' | 'nodes' | 'error'>;
  try {
    const { version, edition } = await kernel(ctx);
    // count(n) without a label is answered from the count store, not a scan.
    const count = await read(ctx, 'MATCH (n) RETURN count(n) AS nodes');
    answer = { connected: true, version, edition, nodes: toNumber(count.records[0]?.get('nodes')) };
  } catch (e) {
    kernels.delete(ctx);
    answer = { connected: false, error: firstLine((e as Error).message) };
  }
  return {
    status: answer.connected ? 'ok' : 'degraded',
    version: PARLEY_VERSION,
    neo4j: { ...answer, uri: ctx.neo4jUri, checkedAt: new Date().toISOString() },
  };
}

// A health check must answer at once even while Neo4j is busy (console queries, a big ingest):
// it waits WAIT_MS for Neo4j, then answers with the last check and how long this one has waited.
// One check runs at a time; requests meanwhile share it, so a slow Neo4j gets no pile of them.
const WAIT_MS = 25;
/** Waiting longer than this, Neo4j is reported busy (still 200: it is there, and it works). */
const BUSY_MS = 2_000;

interface Checks {
  running?: { since: number; answer: Promise<Health> };
  last?: Health;
}
const checks = new WeakMap<ServerContext, Checks>();

export async function health(ctx: ServerContext): Promise<Health> {
  const state = checks.get(ctx) ?? {};
  checks.set(ctx, state);
  if (ctx.watch?.down) {
    // Known to be down: the watched driver refuses at once, so this answers at once too, and a
    // check that hung when Neo4j went away is not waited for once it is back.
    state.running = undefined;
    state.last = await check(ctx);
    return state.last;
  }
  if (!state.running) {
    const running: NonNullable<Checks['running']> = {
      since: Date.now(),
      answer: check(ctx).then((h) => {
        if (state.running === running) {
          state.last = h;
          state.running = undefined;
        }
        return h;
      }),
    };
    state.running = running;
  }
  const { since, answer } = state.running;
  const last = state.last;
  if (!last) return answer;
  const fresh = await Promise.race([answer, sleep(WAIT_MS, undefined, { ref: false })]);
  if (fresh) return fresh;
  const waitingMs = Date.now() - since;
  return {
    ...last,
    status: last.status === 'ok' && waitingMs > BUSY_MS ? 'busy' : last.status,
    neo4j: { ...last.neo4j, waitingMs },
  };
}

export function healthHandlers(ctx: ServerContext): Handlers<'health'> {
  return {
    health: async () => {
      const h = await health(ctx);
      return reply(h.neo4j.connected ? 200 : 503, h);
    },
  };
}
