// `parley query 'CYPHER' [--json] [--param name=value …]`: the console's read-only runner.
import { closeDriver, verifyNeo4j } from '../../db/connection.ts';
import { openNeo4j } from '../connect.ts';
import { runReadOnly } from '../../server/cypher/run.ts';
import { ApiError } from '../../server/errors.ts';
import { neo4jProblem } from '../../server/neo4j-errors.ts';
import { parseFlags, UsageError, wholeNumber } from '../args.ts';
import { limitsFromEnv } from '../limits.ts';

export const summary = 'run read-only Cypher and print a table';

const USAGE =
  "usage: parley query 'CYPHER' [--json] [--param name=value …] [--max-rows N] [--timeout SECONDS]";

/** A parameter value: JSON when it parses (numbers, lists, maps), else the text itself. */
function paramValue(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v && 'labels' in v && 'properties' in v) {
    const n = v as { labels: string[]; properties: Record<string, unknown> };
    const name = n.properties.name ?? n.properties.id ?? '';
    return `(:${n.labels.join(':')} ${String(name)})`;
  }
  return JSON.stringify(v);
}

/** A plain-text table; long cells are cut so a row stays on one line. */
export function formatTable(columns: string[], rows: unknown[][], maxWidth = 60): string {
  const cut = (s: string) => {
    const one = s.replace(/\s+/g, ' ');
    return one.length > maxWidth ? one.slice(0, maxWidth - 1) + '…' : one;
  };
  const body = rows.map((r) => r.map((v) => cut(cell(v))));
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join(' │ ')
      .trimEnd();
  return (
    [line(columns), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n') +
    '\n'
  );
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      json: { type: 'boolean' },
      param: { type: 'string', multiple: true },
      'max-rows': { type: 'string' },
      timeout: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length !== 1) throw new UsageError(`expected one Cypher query\n${USAGE}`);
  const params: Record<string, unknown> = {};
  for (const p of values.param ?? []) {
    const eq = p.indexOf('=');
    if (eq < 1) throw new UsageError(`--param wants name=value, got '${p}'\n${USAGE}`);
    params[p.slice(0, eq)] = paramValue(p.slice(eq + 1));
  }
  // The console's caps (PARLEY_CYPHER_*): the same byte cap keeps a huge answer out of memory.
  const limits = limitsFromEnv();
  const { cfg, driver } = openNeo4j('query');
  try {
    await verifyNeo4j(driver, cfg.uri);
    const result = await runReadOnly(driver, positionals[0], params, {
      database: cfg.database,
      maxRows:
        wholeNumber('--max-rows', values['max-rows'], { usage: USAGE }) ?? limits.cypherMaxRows,
      maxBytes: limits.cypherMaxBytes,
      timeoutMs:
        (wholeNumber('--timeout', values.timeout, { usage: USAGE }) ??
          limits.cypherTimeoutMs / 1000) * 1000,
    });
    if (values.json) {
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    } else {
      process.stdout.write(formatTable(result.columns, result.rows));
      const cap =
        result.truncatedBy === 'bytes'
          ? `the ${mb(limits.cypherMaxBytes)} cap (PARLEY_CYPHER_MAX_BYTES)`
          : 'the row cap (--max-rows)';
      const note = result.truncated ? ` (truncated at ${result.rows.length}: ${cap})` : '';
      process.stderr.write(`${result.rows.length} row(s)${note} in ${result.ms} ms\n`);
    }
    return 0;
  } catch (e) {
    const problem = e instanceof ApiError ? e : neo4jProblem(e);
    if (problem) {
      process.stderr.write(`parley query: ${problem.message.split('\n')[0]}\n`);
      return 1;
    }
    throw e;
  } finally {
    await closeDriver();
  }
}
