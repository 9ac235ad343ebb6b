// The server's limits from the environment (PARLEY_CYPHER_*), for `parley serve`, `parley start`
// and the caps `parley query` shares with the console.
import { DEFAULT_LIMITS, type Limits } from '../server/context.ts';
import { wholeNumber } from './args.ts';

function envNumber(name: string, fallback: number): number {
  return wholeNumber(name, process.env[name] || undefined) ?? fallback;
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
