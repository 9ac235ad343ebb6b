// A thin layer over node:util parseArgs: unknown flags are usage errors (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
}

/**
 * A whole number of at least 1 (and at most `max`) from a flag or an environment variable;
 * `name` is what the user typed ("--workers", "PARLEY_CYPHER_MAX_ROWS"), so the error names it,
 * followed by `usage` when given. Absent: undefined.
 */
export function wholeNumber(
  name: string,
  raw: string | undefined,
  { max, usage }: { max?: number; usage?: string } = {},
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < 1 || (max !== undefined && n > max)) {
    const range = max === undefined ? 'of at least 1' : `from 1 to ${max}`;
    const message = `${name} must be a whole number ${range}, not '${raw}'`;
    throw new UsageError(usage ? `${message}\n${usage}` : message);
  }
  return n;
}
