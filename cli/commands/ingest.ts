// `parley ingest FILE|DIR…`: reports into Neo4j, one revision per file, one diff line each.
import cliProgress from 'cli-progress';
import type { Driver } from 'neo4j-driver';
import { closeDriver, Neo4jUnavailableError, verifyNeo4j } from '../../db/connection.ts';
import { ensureSchema } from '../../db/schema.ts';
import {
  formatDiff,
  idProblem,
  IngestInterrupted,
  ingestFiles,
  isCalendarDay,
  isDatabaseUnavailable,
  listReportFiles,
  parleyExtractor,
  type IngestOutcome,
} from '../../ingest/index.ts';
import { parseFlags, UsageError } from '../args.ts';
import { openNeo4j } from '../connect.ts';

export const summary = 'ingest report files and directories into Neo4j, printing each diff';

export const USAGE = `Usage: parley ingest FILE|DIR… [--published-at YYYY-MM-DD] [--id ID] [--dry-run]
Run 'parley ingest --help' for details.`;

export const HELP = `Usage: parley ingest FILE|DIR… [--published-at YYYY-MM-DD] [--id ID] [--dry-run]

Extracts each report and writes it to Neo4j as a revision of its document (the document id
comes from --id, else the file's front matter or JSON id, else the file name). Directories are
walked recursively for .txt, .md, .html and .json files. Prints one line per report: created,
updated (with the actors, events and statements added and removed) or unchanged.

Options:
  --published-at YYYY-MM-DD  the publication date, used to resolve "Friday" or "in June"
  --id ID                    the document id, for a single file; reusing an id files the
                             report as a new revision of that document
  --dry-run                  compute and print the diffs, write nothing
  -h, --help                 this help

Neo4j: NEO4J_URI when set, else the embedded Neo4j at PARLEY_NEO4J_HOST:PARLEY_NEO4J_PORT
(default 127.0.0.1:7687), as \`parley start\` uses it; NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.
On a terminal the database in use is named first.

Exit status: 0 when every report was ingested; 1 when a report failed (named on stderr; the
others are still ingested) or Neo4j cannot be reached; 2 for a usage error.
`;

const FLAGS = {
  'published-at': { type: 'string' },
  id: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Above this many files a progress bar is drawn (only when stderr is a terminal). */
const PROGRESS_FROM = 10;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals: paths } = parseFlags(argv, FLAGS, USAGE);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (paths.length === 0) throw new UsageError(`no files or directories given\n${USAGE}`);
  const publishedAt = values['published-at'];
  if (publishedAt !== undefined && !isCalendarDay(publishedAt)) {
    throw new UsageError(`--published-at must be a date YYYY-MM-DD, not '${publishedAt}'`);
  }
  const id = values.id;
  const problem = id === undefined ? null : idProblem(id);
  if (problem) throw new UsageError(`--id: ${problem}`);
  const dryRun = values['dry-run'] ?? false;

  const files = await listReportFiles(paths);
  if (id !== undefined && files.length > 1) {
    throw new UsageError(`--id names one report, but ${files.length} files were given`);
  }
  if (files.length === 0) {
    process.stderr.write(
      `parley ingest: no report files (.txt .md .html .json) in ${paths.join(', ')}\n`,
    );
    return 1;
  }

  // The models load on first use, for seconds on a busy machine, blocking the event loop: loaded
  // before any connection is opened, they cannot make a transaction time out in the pool.
  parleyExtractor.extract('Kyiv met Moscow.', { id: 'warm-up' });
  const { cfg, driver } = openNeo4j('ingest');
  try {
    await verifyNeo4j(driver, cfg.uri);
    if (!dryRun) await ensureSchema(driver, cfg.database);
    return await ingestAll(driver, files, { dryRun, id, publishedAt, database: cfg.database });
  } catch (e) {
    if (e instanceof IngestInterrupted) {
      throw new Neo4jUnavailableError(`lost the connection to Neo4j at ${cfg.uri}. ${e.message}`);
    }
    if (isDatabaseUnavailable(e) && !(e instanceof Neo4jUnavailableError)) {
      throw new Neo4jUnavailableError(
        `lost the connection to Neo4j at ${cfg.uri}: ${(e as Error).message.split('\n')[0]}. ` +
          'Reports printed above were ingested; the one in progress was rolled back.',
      );
    }
    throw e;
  } finally {
    await closeDriver();
  }
}

async function ingestAll(
  driver: Driver,
  files: string[],
  opts: { dryRun: boolean; id?: string; publishedAt?: string; database?: string },
): Promise<number> {
  const showBar = files.length >= PROGRESS_FROM && process.stderr.isTTY === true;
  const bars = showBar
    ? new cliProgress.MultiBar(
        {
          stream: process.stderr,
          format: 'ingest [{bar}] {value}/{total} reports | {eta_formatted} left',
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const bar = bars?.create(files.length, 0);
  // With the bar on the terminal, lines for the terminal go through it so they do not tear it.
  const out = (line: string) =>
    bars && process.stdout.isTTY ? bars.log(`${line}\n`) : process.stdout.write(`${line}\n`);
  const err = (line: string) => (bars ? bars.log(`${line}\n`) : process.stderr.write(`${line}\n`));

  let failed = 0;
  const onOutcome = (o: IngestOutcome) => {
    if (o.diff) out(formatDiff(o.diff));
    else {
      failed += 1;
      err(`parley ingest: ${o.error?.message ?? o.path} [${o.error?.code ?? 'ERROR'}]`);
    }
  };
  try {
    await ingestFiles(driver, files, {
      ...opts,
      onOutcome,
      onProgress: (done) => bar?.update(done),
    });
  } finally {
    bars?.stop();
  }
  if (failed > 0) {
    process.stderr.write(
      `parley ingest: ${failed} of ${files.length} reports failed; the others were ${opts.dryRun ? 'checked' : 'ingested'}\n`,
    );
    return 1;
  }
  return 0;
}
