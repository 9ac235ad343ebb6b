// Fail fast while Neo4j is down. Once one request has found Neo4j unavailable (db/unavailable.ts),
// the driver the routes use refuses at once with 503 instead of letting every request wait through
// the driver's connection timeouts and retries (16–32 s each), and a probe asks Neo4j every half
// second whether it is back; the first answer lets requests through again.
import { Neo4jError, type Driver } from 'neo4j-driver';
import { isNeo4jUnavailable } from '../db/unavailable.ts';

export interface Neo4jWatch {
  /** Since when, and why, Neo4j has been unavailable; null while it answers. */
  down: { since: Date; reason: string } | null;
  probing: boolean;
  /** Set when the server closes: no more probes. */
  stopped: boolean;
}

export const newNeo4jWatch = (): Neo4jWatch => ({ down: null, probing: false, stopped: false });

const PROBE_MS = 500;

function unavailable(watch: Neo4jWatch): Neo4jError {
  const down = watch.down as { since: Date; reason: string };
  return new Neo4jError(
    `${down.reason} (since ${down.since.toISOString()}; Parley checks again every ${PROBE_MS} ms)`,
    'ServiceUnavailable',
    '08000',
    'connection exception',
  );
}

async function probe(driver: Driver, watch: Neo4jWatch): Promise<void> {
  if (watch.probing) return;
  watch.probing = true;
  try {
    while (watch.down && !watch.stopped) {
      await new Promise((r) => setTimeout(r, PROBE_MS).unref());
      try {
        await driver.getServerInfo();
        watch.down = null;
      } catch {
        // still down: try again
      }
    }
  } finally {
    watch.probing = false;
  }
}

/** Fails fast while Neo4j is known to be down, for work that does not go through the routes' driver. */
export function assertNeo4jUp(watch: Neo4jWatch | undefined): void {
  if (watch?.down) throw unavailable(watch);
}

/** Records that a request found Neo4j unavailable, and starts the probe. */
export function noteNeo4jError(driver: Driver, watch: Neo4jWatch, err: unknown): void {
  if (!isNeo4jUnavailable(err) || watch.stopped) return;
  if (!watch.down) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    watch.down = { since: new Date(), reason };
  }
  void probe(driver, watch);
}

/**
 * The driver as the routes see it: while Neo4j is known to be down, opening a session or running
 * a query fails at once with a ServiceUnavailable error (so 503), and any unavailability a query
 * meets is noted.
 */
export function watchedDriver(driver: Driver, watch: Neo4jWatch): Driver {
  return new Proxy(driver, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop === 'session') {
        return (...args: unknown[]) => {
          if (watch.down) throw unavailable(watch);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (prop === 'executeQuery') {
        return async (...args: unknown[]) => {
          if (watch.down) throw unavailable(watch);
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } catch (e) {
            noteNeo4jError(target, watch, e);
            throw e;
          }
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}
