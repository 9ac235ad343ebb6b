// `parley ingest FILE|DIR… [--jsonl FILE|-]`: reports into Neo4j, one revision each, one diff line
// each. Input is read as a stream, extraction runs in a pool of threads (ingest/pool), at most a
// few reports are in flight (memory stays flat), and Ctrl+C lets those finish before it exits.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Driver } from 'neo4j-driver';
import { closeDriver, Neo4jUnavailableError, verifyNeo4j } from '../../db/connection.ts';
import { ensureSchema } from '../../db/schema.ts';
import {
  defaultPoolSize,
  formatDiff,
  idProblem,
  IngestInterrupted,
  ingestStream,
  isCalendarDay,
  isDatabaseUnavailable,
  jsonlRecords,
  listReportFiles,
  newPlanPool,
  parleyExtractor,
  readReportFile,
  type IngestItem,
  type IngestOutcome,
  type IngestSummary,
  type PlanPool,
} from '../../ingest/index.ts';
import { parseFlags, UsageError, wholeNumber } from '../args.ts';
import { openNeo4j } from '../connect.ts';

export const summary =
  'ingest report files, directories and JSON Lines into Neo4j, printing each diff';

export const USAGE = `Usage: parley ingest [FILE|DIR…] [--jsonl FILE|-] [--workers N] [--json] [--published-at YYYY-MM-DD] [--id ID] [--dry-run]
Run 'parley ingest --help' for details.`;

export const HELP = `Usage: parley ingest [FILE|DIR…] [--jsonl FILE|-] [--workers N] [--json] [--published-at YYYY-MM-DD] [--id ID] [--dry-run]

Extracts each report and writes it to Neo4j as a revision of its document (the document id
comes from --id, else the file's front matter or JSON id, else the file name). Directories are
walked recursively for .txt, .md, .html and .json files. Prints one line per report: created,
updated (with the actors, events and statements added and removed) or unchanged.

Reports are read as a stream and extracted in a pool of threads while others are written; a
report already in the graph with the same content is skipped without extraction, so a run that
was interrupted finishes when run again.

Options:
  --jsonl FILE|-             also read reports from JSON Lines (- is stdin), one per line:
                             {"id", "title"?, "publishedAt"?, "source"?, "url"?, "text"}; a bad
                             line is reported with its line number and the rest go on
  --workers N                extraction threads (default: one per core, here ${defaultPoolSize()})
  --json                     print one JSON object per report, then a summary object, instead
                             of the diff lines
  --published-at YYYY-MM-DD  the publication date, used to resolve "Friday" or "in June"
  --id ID                    the document id, for a single file; reusing an id files the
                             report as a new revision of that document
  --dry-run                  compute and print the diffs, write nothing
  -h, --help                 this help

On a terminal a progress bar shows the rate and the time left, and a JSON summary is printed
at the end. Ctrl+C stops reading: reports in flight are finished (or rolled back) before it
exits with status 130; a second Ctrl+C exits at once (Neo4j rolls back what was open).

Neo4j: NEO4J_URI when set, else the embedded Neo4j at PARLEY_NEO4J_HOST:PARLEY_NEO4J_PORT
(default 127.0.0.1:7687), as \`parley start\` uses it; NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.
On a terminal the database in use is named first. PARLEY_INGEST_WORKER_HEAP_MB caps each
extraction thread's heap (a report that needs more fails alone).

Exit status: 0 when every report was ingested; 1 when a report failed (named on stderr; the
others are still ingested) or Neo4j cannot be reached; 2 for a usage error; 130 when
interrupted.
`;

const FLAGS = {
  jsonl: { type: 'string' },
  workers: { type: 'string' },
  json: { type: 'boolean' },
  'published-at': { type: 'string' },
  id: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** From this many reports on, a progress bar is drawn (on a terminal) and the pool extracts. */
const PROGRESS_FROM = 10;

/** Where the reports come from: files (listed up front, read one by one) and a JSONL stream. */
interface Input {
  files: string[];
  jsonl?: string;
  /** Bytes of the JSONL file, for progress through it (unknown for stdin). */
  jsonlBytes?: number;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals: paths } = parseFlags(argv, FLAGS, USAGE);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const jsonl = values.jsonl;
  if (paths.length === 0 && jsonl === undefined) {
    throw new UsageError(`no files or directories given\n${USAGE}`);
  }
  const publishedAt = values['published-at'];
  if (publishedAt !== undefined && !isCalendarDay(publishedAt)) {
    throw new UsageError(`--published-at must be a date YYYY-MM-DD, not '${publishedAt}'`);
  }
  const id = values.id;
  const problem = id === undefined ? null : idProblem(id);
  if (problem) throw new UsageError(`--id: ${problem}`);
  if (id !== undefined && jsonl !== undefined) {
    throw new UsageError('--id names one report; JSON Lines records carry their own "id"');
  }
  const workers = wholeNumber('--workers', values.workers);
  // Checked before anything is read or connected, like every other usage error.
  const heapMb = wholeNumber(
    'PARLEY_INGEST_WORKER_HEAP_MB',
    process.env.PARLEY_INGEST_WORKER_HEAP_MB || undefined,
  );
  const dryRun = values['dry-run'] ?? false;

  const input: Input = { files: await listReportFiles(paths), jsonl };
  if (id !== undefined && input.files.length > 1) {
    throw new UsageError(`--id names one report, but ${input.files.length} files were given`);
  }
  if (input.files.length === 0 && jsonl === undefined) {
    process.stderr.write(
      `parley ingest: no report files (.txt .md .html .json) in ${paths.join(', ')}\n`,
    );
    return 1;
  }
  if (jsonl !== undefined && jsonl !== '-') {
    const info = await stat(jsonl).catch(() => null);
    if (!info?.isFile()) {
      process.stderr.write(`parley ingest: ${jsonl}: no such file [NOT_FOUND]\n`);
      return 1;
    }
    input.jsonlBytes = info.size;
  }

  // A few files are extracted here; more go to the pool's threads, which keeps this thread free
  // to talk to Neo4j (each thread loads its own models: not worth it for a handful). The models
  // load on first use, for seconds, blocking: here that happens before any connection is
  // opened, so no transaction times out waiting behind it.
  const pooled = input.files.length >= PROGRESS_FROM || jsonl !== undefined;
  if (!pooled) parleyExtractor.extract('Kyiv met Moscow.', { id: 'warm-up' });
  const { cfg, driver } = openNeo4j('ingest');
  let pool: PlanPool | undefined;
  try {
    await verifyNeo4j(driver, cfg.uri);
    if (!dryRun) await ensureSchema(driver, cfg.database);
    if (pooled) pool = newPlanPool({ size: workers ?? defaultPoolSize(), heapMb });
    return await ingestAll(driver, input, {
      dryRun,
      id,
      publishedAt,
      database: cfg.database,
      pool,
      json: values.json ?? false,
    });
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
    await pool?.close();
    await closeDriver();
  }
}

/** The reports of the input as ingest items, read lazily: files first, then the JSONL lines. */
async function* itemsOf(
  input: Input,
  overrides: { id?: string; publishedAt?: string },
  onOffset: (bytes: number) => void,
): AsyncGenerator<IngestItem> {
  for (const path of input.files) {
    yield { path, load: () => readReportFile(path, overrides) };
  }
  if (input.jsonl === undefined) return;
  const stream = input.jsonl === '-' ? process.stdin : createReadStream(input.jsonl);
  const name = input.jsonl === '-' ? 'stdin' : input.jsonl;
  for await (const record of jsonlRecords(stream, name, overrides.publishedAt)) {
    onOffset(record.offset);
    const { report, error } = record;
    yield {
      path: record.label,
      load: async () => {
        if (!report) throw error;
        return report;
      },
    };
  }
}

/** The terminal's progress: a bar with rate and time left when the size is known, else a count. */
function progress(input: Input) {
  const known = input.jsonl === undefined || input.jsonlBytes !== undefined;
  const many = input.files.length >= PROGRESS_FROM || input.jsonl !== undefined;
  if (!many || process.stderr.isTTY !== true) return null;
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: known
        ? 'ingest [{bar}] {percentage}% | {done} reports | {rate} reports/s | {eta_formatted} left'
        : 'ingest {done} reports | {rate} reports/s',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  // Files count one each; a JSONL file counts by its bytes (its lines are not counted ahead).
  const total = input.files.length + (input.jsonlBytes ?? 0);
  const bar = bars.create(Math.max(1, total), 0, { done: 0, rate: '0.0' });
  const t0 = performance.now();
  let done = 0;
  let bytes = 0;
  return {
    bars,
    offset: (b: number) => (bytes = b),
    // Outcomes come in input order: the files' first, then the lines'.
    finished: () => {
      done += 1;
      const rate = (done / ((performance.now() - t0) / 1000)).toFixed(1);
      const files = Math.min(done, input.files.length);
      bar.update(Math.min(total, files + bytes), { done, rate });
    },
  };
}

async function ingestAll(
  driver: Driver,
  input: Input,
  opts: {
    dryRun: boolean;
    id?: string;
    publishedAt?: string;
    database?: string;
    pool?: PlanPool;
    json: boolean;
  },
): Promise<number> {
  const bar = progress(input);
  const bars = bar?.bars;
  // With the bar on the terminal, lines for the terminal go through it so they do not tear it.
  const out = (line: string) =>
    bars && process.stdout.isTTY ? bars.log(`${line}\n`) : process.stdout.write(`${line}\n`);
  const err = (line: string) => (bars ? bars.log(`${line}\n`) : process.stderr.write(`${line}\n`));

  const onOutcome = (o: IngestOutcome) => {
    bar?.finished();
    if (opts.json) out(JSON.stringify(outcomeJson(o)));
    else if (o.diff) out(formatDiff(o.diff));
    if (o.error) err(`parley ingest: ${o.error.message} [${o.error.code}]`);
  };

  // Ctrl+C: stop reading, let what is in flight finish; a second one leaves at once.
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    err('parley ingest: stopping: finishing the reports in flight (Ctrl+C again to quit now)');
  };
  process.on('SIGINT', onSigint);
  let result: IngestSummary;
  const rss = peakMemory();
  try {
    result = await ingestStream(
      driver,
      itemsOf(input, opts, (b) => bar?.offset(b)),
      {
        ...opts,
        concurrency: opts.pool ? opts.pool.size * 2 + 2 : undefined,
        total: input.jsonl === undefined ? input.files.length : undefined,
        signal: stop.signal,
        onOutcome,
      },
    );
  } finally {
    process.off('SIGINT', onSigint);
    rss.stop();
    bars?.update();
    bars?.stop();
  }
  const summary = {
    ...result,
    seconds: Number(result.seconds.toFixed(2)),
    reportsPerSecond: Number((result.read / Math.max(result.seconds, 1e-3)).toFixed(2)),
    workers: opts.pool?.size ?? 0,
    peakRssMb: rss.peakMb(),
  };
  if (opts.json) process.stdout.write(`${JSON.stringify({ summary })}\n`);
  else if (process.stderr.isTTY) process.stderr.write(`${JSON.stringify({ summary })}\n`);
  if (result.interrupted) {
    process.stderr.write(
      `parley ingest: interrupted after ${result.read} reports; run the same command again to finish (what is in shows as unchanged)\n`,
    );
    return 130;
  }
  if (result.failed > 0) {
    process.stderr.write(
      `parley ingest: ${result.failed} of ${result.read} reports failed; the others were ${opts.dryRun ? 'checked' : 'ingested'}\n`,
    );
    return 1;
  }
  return 0;
}

function outcomeJson(o: IngestOutcome) {
  if (!o.diff) return { path: o.path, error: o.error };
  const d = o.diff;
  const n = (x: { added: unknown[]; removed: unknown[] }) => ({
    added: x.added.length,
    removed: x.removed.length,
  });
  return {
    path: o.path,
    id: d.documentId,
    status: d.status,
    revisionId: d.revisionId,
    previousRevisionId: d.previousRevisionId,
    actors: n(d.actors),
    events: n(d.events),
    statements: n(d.statements),
    ms: Math.round(d.ms),
  };
}

/** The process's resident memory, sampled every half second: its peak over the run, in MB. */
function peakMemory() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 500);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage.rss()) / 1e6),
  };
}
