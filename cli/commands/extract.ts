// `parley extract`: report files (or JSON lines on stdin) → extraction JSON on stdout. No database.
import cliProgress from 'cli-progress';
import { once } from 'node:events';
import type { Extraction, Extractor, ReadOverrides, ReportMeta } from '../../ingest/index.ts';
import { parseFlags, UsageError } from '../args.ts';
import { processIO, type CliIO } from '../io.ts';

export const summary = 'print the extraction JSON of report files (no database)';

export const USAGE = `Usage: parley extract FILE… [--published-at YYYY-MM-DD] [--id ID] [--format json|jsonl]
       parley extract --format jsonl [--published-at YYYY-MM-DD] < records.jsonl
Run 'parley extract --help' for the formats, the output and the exit status.`;

export const HELP = `Usage: parley extract FILE… [--published-at YYYY-MM-DD] [--id ID] [--format json|jsonl]
       parley extract --format jsonl [--published-at YYYY-MM-DD] < records.jsonl

Reads reports and prints what was extracted from them: actors, places, events and statements,
each tied to its sentence. No database is needed.

Inputs (up to 5 MB each, UTF-8):
  .txt          plain text
  .md           Markdown, optional YAML front matter: id, title, published, source, url
  .html         a web page; its main article text is used, scripts and navigation are dropped
  .json         {"id"?, "title"?, "publishedAt"?, "text"}

Output on stdout:
  one FILE            one pretty-printed JSON object
  several FILEs       JSON lines: one compact object per line, in the order given
  --format json       pretty-printed; several FILEs become one JSON array
  --format jsonl      JSON lines, even for one FILE
  --format jsonl and no FILE
                      reads JSON lines {"id", "text", "publishedAt"?} from stdin and writes one
                      line per record: the extraction with the record's "id" at the top level, or
                      {"id": …, "error": {"code", "message"}} for a record that cannot be extracted

Options:
  --published-at YYYY-MM-DD  the publication date, used to resolve "Friday" or "in June"
                             (wins over the date in the file; without either, the latest full
                             date in the text is used)
  --id ID                    the report's id, for one FILE (default: the id in the file, else
                             the file name)
  --format json|jsonl        see above
  -h, --help                 this help

Exit status: 0 when every report was extracted; 1 when one could not be (one line on stderr
for each; the others are still printed); 2 for a usage error.
`;

const FLAGS = {
  'published-at': { type: 'string' },
  id: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OutputFormat = 'json' | 'jsonl';

let ingest: typeof import('../../ingest/index.ts') | undefined;

/** Ingest, once run() has loaded it. */
function lib(): typeof import('../../ingest/index.ts') {
  if (!ingest) throw new Error('ingest is not loaded');
  return ingest;
}

const PROGRESS_FROM = 20;

/** `extractor`: what reads the reports; by default Parley's own. */
export async function run(
  argv: string[],
  io: CliIO = processIO(),
  extractor?: Extractor,
): Promise<number> {
  const { values, positionals: files } = parseFlags(argv, FLAGS, USAGE);
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  // Ingest (with the extraction core's gazetteers and models) loads only now, so --help is instant.
  ingest ??= await import('../../ingest/index.ts');
  const { idProblem, isCalendarDay } = ingest;
  const use = extractor ?? ingest.parleyExtractor;
  const format = values.format;
  if (format !== undefined && format !== 'json' && format !== 'jsonl') {
    throw new UsageError(`--format must be json or jsonl, not '${format}'`);
  }
  const publishedAt = values['published-at'];
  if (publishedAt !== undefined && !isCalendarDay(publishedAt)) {
    throw new UsageError(
      `invalid --published-at '${publishedAt}': expected a date as YYYY-MM-DD, e.g. 2025-12-21`,
    );
  }
  const id = values.id;
  if (id !== undefined) {
    const problem = idProblem(id);
    if (problem) throw new UsageError(`invalid --id: ${problem}`);
    if (files.length !== 1) throw new UsageError('--id names one report: give exactly one FILE');
  }

  if (files.length === 0) {
    if (format !== 'jsonl') throw new UsageError(`no input FILE given\n${USAGE}`);
    return extractRecords(io, publishedAt, use);
  }
  return extractFiles(
    io,
    files,
    { id, publishedAt },
    format ?? (files.length === 1 ? 'json' : 'jsonl'),
    use,
  );
}

async function extractFiles(
  io: CliIO,
  files: string[],
  overrides: ReadOverrides,
  format: OutputFormat,
  use: Extractor,
): Promise<number> {
  const { readReportFile } = lib();
  const progress = progressBar(io, files.length);
  const pretty: Extraction[] = [];
  let failures = 0;
  for (const file of files) {
    try {
      const report = await readReportFile(file, overrides);
      const extraction = await extractSafely(use, report.text, report.meta, file);
      if (format === 'jsonl') await write(io, `${JSON.stringify(extraction)}\n`);
      else pretty.push(extraction);
    } catch (e) {
      failures++;
      progress.log(`parley extract: ${(e as Error).message}\n`);
    }
    progress.increment();
  }
  progress.stop();
  if (format === 'json' && pretty.length > 0) {
    await write(io, `${JSON.stringify(files.length === 1 ? pretty[0] : pretty, null, 2)}\n`);
  }
  return failures > 0 ? 1 : 0;
}

/** Many files on a terminal get a progress bar on stderr; error lines are printed above it. */
function progressBar(io: CliIO, total: number) {
  if (total < PROGRESS_FROM || io.stderr.isTTY !== true) {
    return { increment() {}, stop() {}, log: (line: string) => io.stderr.write(line) };
  }
  const bars = new cliProgress.MultiBar(
    {
      stream: io.stderr as NodeJS.WriteStream,
      format: 'extract [{bar}] {value}/{total} reports | {eta_formatted} left',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0);
  return {
    increment: () => bar.increment(),
    // MultiBar prints logged lines on its next redraw; redraw once so none are lost at the end.
    stop: () => {
      bars.update();
      bars.stop();
    },
    log: (line: string) => bars.log(line),
  };
}

/** JSON-lines batch mode: one record in, one line out, a bad record never stops the rest. */
async function extractRecords(
  io: CliIO,
  publishedAt: string | undefined,
  use: Extractor,
): Promise<number> {
  const { jsonlRecords } = lib();
  let records = 0;
  let failures = 0;
  for await (const record of jsonlRecords(io.stdin, 'stdin', publishedAt)) {
    records++;
    try {
      if (!record.report) throw record.error;
      const { text, meta } = record.report;
      const extraction = await extractSafely(use, text, meta, record.label);
      await write(io, `${JSON.stringify({ id: meta.id, ...extraction })}\n`);
    } catch (e) {
      failures++;
      const error = e instanceof lib().ReadError ? e.toJSON() : errorInfo(e);
      await write(io, `${JSON.stringify({ id: record.id, error })}\n`);
    }
  }
  if (failures > 0) {
    io.stderr.write(`parley extract: ${failures} of ${records} records could not be extracted\n`);
  }
  return failures > 0 ? 1 : 0;
}

class ExtractionError extends Error {}

/** Runs the extractor; a failure there is reported against the report, not as a crash. */
async function extractSafely(
  extractor: Extractor,
  text: string,
  meta: ReportMeta,
  label: string,
): Promise<Extraction> {
  try {
    return extractor.extract(text, meta);
  } catch (e) {
    throw new ExtractionError(`${label}: extraction failed: ${(e as Error).message}`);
  }
}

function errorInfo(e: unknown): { code: string; message: string } {
  const code = e instanceof ExtractionError ? 'EXTRACTION_FAILED' : 'INTERNAL';
  return { code, message: (e as Error).message };
}

/** Writes to stdout, waiting when the pipe is full so a large batch is not buffered in memory. */
async function write(io: CliIO, text: string): Promise<void> {
  if (!io.stdout.write(text)) await once(io.stdout, 'drain');
}
