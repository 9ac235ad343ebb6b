// The server's limits from the environment (PARLEY_CYPHER_*), for `parley serve`, `parley start`
// and the caps `parley query` shares with the console.
import { DEFAULT_LIMITS, type Limits } from '../server/context.ts';
import { UsageError } from './args.ts';

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new UsageError(`${name} must be a positive whole number, got '${raw}'`);
  }
  return Number(raw);
}

export function limitsFromEnv(): Limits {
  const d = DEFAULT_LIMITS;
  return {
    ...d,
    cypherTimeoutMs: envNumber('PARLEY_CYPHER_TIMEOUT_MS', d.cypherTimeoutMs),
    cypherMaxRows: envNumber('PARLEY_CYPHER_MAX_ROWS', d.cypherMaxRows),
    cypherMaxBytes: envNumber('PARLEY_CYPHER_MAX_BYTES', d.cypherMaxBytes),
    cypherConcurrency: envNumber('PARLEY_CYPHER_CONCURRENCY', d.cypherConcurrency),
    cypherPerClient: envNumber('PARLEY_CYPHER_PER_CLIENT', d.cypherPerClient),
  };
}
