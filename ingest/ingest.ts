// Reports into the graph: read → extract → plan → one write transaction per revision.
import type { Driver } from 'neo4j-driver';
import { Neo4jError } from 'neo4j-driver';
import { awaitFulltext } from '../db/schema.ts';
import { isNeo4jUnavailable } from '../db/unavailable.ts';
import { extractorLabel, parleyExtractor, type Extractor } from './extract/extractor.ts';
import type { ReportMeta } from './extract/types.ts';
import type { RevisionDiff } from '../domain/index.ts';
import { revisionDiff, revisionOf, unchangedDiff } from './graph/diff.ts';
import { contentHash } from './graph/ids.ts';
import { locatePlan } from './geo/index.ts';
import { planReport } from './plan-report.ts';
import { WorkerCrashed, type PlanPool } from './pool/index.ts';
import { readCurrent, readRevisionViewOnce } from './graph/read.ts';
import { writeRevision } from './graph/write.ts';
import { listReportFiles } from './files.ts';
import { ReadError } from './read/errors.ts';
import { readReportFile } from './read/file.ts';
import type { ReportIdentity } from './read/report-id.ts';

export interface IngestOptions {
  dryRun?: boolean;
  database?: string;
  /** What turns the report into an extraction (default: Parley's own). */
  extractor?: Extractor;
  /** Threads that extract and plan reports (ingest/pool); without one, this thread does. */
  pool?: PlanPool;
  /** Told when a revision's transaction failed transiently (a deadlock) and is written again. */
  onRetry?: (error: Error) => void;
}

export interface IngestOutcome {
  path: string;
  diff?: RevisionDiff;
  error?: { code: string; message: string };
}

export type IngestPathsOptions = IngestOptions & {
  publishedAt?: string;
  id?: string;
  onProgress?: (done: number, total: number) => void;
  /** Called as each file finishes, so callers can print results while the rest run. */
  onOutcome?: (outcome: IngestOutcome) => void;
};

/** A report to ingest; `identity` (from the read stage) says how its id was decided. */
export interface IngestableReport {
  text: string;
  meta: ReportMeta;
  identity?: Pick<ReportIdentity, 'from' | 'by'>;
}

/**
 * Ingests one report as a revision of the document `report.meta.id` and returns its diff.
 * The same content as the CURRENT revision returns "unchanged" after one indexed read, before
 * any extraction; the same text read by another extractor version is updated content. With
 * dryRun the diff is computed from the graph and nothing is written.
 * A new revision of an existing document says so, and what matched (diff.revisionOf).
 */
export async function ingestReport(
  driver: Driver,
  report: IngestableReport,
  opts: IngestOptions = {},
): Promise<RevisionDiff> {
  const diff = await ingestRevision(driver, report, opts);
  if (diff.status !== 'updated') return diff;
  const identity = report.identity ?? { from: 'id', by: `the id '${report.meta.id}'` };
  return { ...diff, revisionOf: revisionOf(identity, diff.documentId, diff.dryRun) };
}

async function ingestRevision(
  driver: Driver,
  report: IngestableReport,
  opts: IngestOptions,
): Promise<RevisionDiff> {
  const t0 = performance.now();
  const dryRun = opts.dryRun ?? false;
  const ms = () => performance.now() - t0;
  const { meta } = report;
  const extractor = opts.extractor ?? parleyExtractor;
  const hash = contentHash(report.text, meta, extractorLabel(extractor));

  const current = await readCurrent(driver, meta.id, opts.database);
  if (current && current.hash === hash) {
    return unchangedDiff(meta.id, current.title, current.revisionId, { dryRun, ms: ms() });
  }

  // Parley's own extractor runs in the pool's threads when there is one; another runs here.
  const plan =
    opts.pool && extractor === parleyExtractor
      ? await opts.pool.plan(report)
      : locatePlan(planReport(report.text, meta, extractor));

  const previous = current
    ? await readRevisionViewOnce(driver, current.revisionId, opts.database)
    : null;
  if (dryRun) return revisionDiff(plan, previous, { dryRun, ms: ms() });

  const written = await writeRevision(
    driver,
    plan,
    opts.database,
    { revisionId: current?.revisionId ?? null, view: previous },
    opts.onRetry,
  );
  if (written.status === 'unchanged') {
    // Another process wrote this very content between our read and our write.
    return unchangedDiff(meta.id, plan.document.title, written.revisionId, { dryRun, ms: ms() });
  }
  return revisionDiff(plan, written.previous, { dryRun, ms: ms() });
}

/** Errors that mean the database, not the file, is the problem: the run stops (db/unavailable.ts). */
export { isNeo4jUnavailable as isDatabaseUnavailable };

/** Neo4j became unavailable during a run: what had committed by then, and why it stopped. */
export class IngestInterrupted extends Error {
  readonly code = 'NEO4J_UNAVAILABLE';
  readonly counts: {
    total: number;
    written: number;
    unchanged: number;
    failed: number;
    /** Cut off by the outage: committed or not, a re-run tells (unchanged if it was). */
    inFlight: number;
  };

  constructor(cause: unknown, counts: IngestInterrupted['counts']) {
    const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    const { total, written, unchanged, failed, inFlight } = counts;
    super(
      `Neo4j became unavailable (${why}): ${written} of ${total} reports were written` +
        (unchanged ? `, ${unchanged} unchanged` : '') +
        (inFlight ? `; ${inFlight} in progress may or may not have committed` : '') +
        `; the other ${total - written - unchanged - failed - inFlight} were not. ` +
        'Run the same command again to finish: what was written shows as unchanged.',
      { cause },
    );
    this.name = 'IngestInterrupted';
    this.counts = counts;
  }
}

function fileError(path: string, e: unknown): { code: string; message: string } {
  if (e instanceof ReadError) return { code: e.code, message: e.message };
  if (e instanceof WorkerCrashed) return { code: e.code, message: `${path}: ${e.message}` };
  const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
  if (e instanceof Neo4jError) return { code: 'NEO4J', message: `${path}: ${why}` };
  return { code: 'INGEST_FAILED', message: `${path}: ${why}` };
}

/** One report to ingest: a label for messages (its path) and how to load it. */
export interface IngestItem {
  path: string;
  load: () => Promise<IngestableReport>;
}

/** Reports in flight at once: enough to overlap extraction, round trips and commits. */
export const DEFAULT_CONCURRENCY = 4;

export type IngestStreamOptions = IngestPathsOptions & {
  /** Reports in flight at once (read, extracted or being written); the source is read no further. */
  concurrency?: number;
  /** How many items the source holds, when known (for progress and the interruption message). */
  total?: number;
  /** Aborting stops reading: reports in flight finish (commit or roll back), the run returns. */
  signal?: AbortSignal;
};

/** What a run did; `interrupted` when its signal stopped it before the source ended. */
export interface IngestSummary {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Revision transactions written again after a transient failure (a deadlock). */
  retried: number;
  interrupted: boolean;
  seconds: number;
}

/**
 * Ingests a stream of items with at most `concurrency` in flight: the source is read only as
 * fast as reports finish (back-pressure), and nothing is kept of a finished report but its
 * count, so memory does not grow with the corpus. Revisions of the same document id are
 * written in the order given (an update after its original); outcomes are reported in that
 * order too. A failing item is reported and the rest continue; an unreachable database stops
 * the run (IngestInterrupted). It returns once the full-text indexes have taken in every write.
 */
export async function ingestStream(
  driver: Driver,
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  opts: IngestStreamOptions = {},
): Promise<IngestSummary> {
  const t0 = performance.now();
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY);
  const source =
    Symbol.asyncIterator in items
      ? items[Symbol.asyncIterator]()
      : (items as Iterable<IngestItem>)[Symbol.iterator]();
  const summary: IngestSummary = {
    read: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    retried: 0,
    interrupted: false,
    seconds: 0,
  };
  const options: IngestOptions = {
    ...opts,
    onRetry: (e) => {
      summary.retried += 1;
      opts.onRetry?.(e);
    },
  };
  const lastOfDocument = new Map<string, Promise<unknown>>();
  const finished = new Map<number, IngestOutcome>();
  const running = new Set<Promise<void>>();
  let reported = 0;
  let completed = 0;
  let fatal: unknown = null;
  let inFlight = 0;
  // Items are loaded one after another in input order, so revisions of one document register
  // (and are then written) in that order even though several are in flight.
  let loading: Promise<unknown> = Promise.resolve();
  opts.onProgress?.(0, opts.total ?? 0);

  const one = async (item: IngestItem): Promise<IngestOutcome> => {
    try {
      const loaded = loading.then(() => item.load());
      loading = loaded.catch(() => {});
      const report = await loaded;
      const id = report.meta.id;
      const before = lastOfDocument.get(id);
      const mine = (async () => {
        if (before) await before.catch(() => {});
        return ingestReport(driver, report, options);
      })();
      lastOfDocument.set(id, mine);
      try {
        return { path: item.path, diff: await mine };
      } finally {
        if (lastOfDocument.get(id) === mine) lastOfDocument.delete(id);
      }
    } catch (e) {
      if (isNeo4jUnavailable(e)) {
        inFlight += 1; // its commit may or may not have reached Neo4j
        throw e;
      }
      return { path: item.path, error: fileError(item.path, e) };
    }
  };
  const count = (o: IngestOutcome) => {
    if (o.error) summary.failed += 1;
    else if (o.diff) summary[o.diff.status] += 1;
  };
  // Report in input order: flush every finished outcome at the head of the line.
  const flush = () => {
    while (finished.has(reported)) {
      const o = finished.get(reported) as IngestOutcome;
      finished.delete(reported);
      reported += 1;
      opts.onOutcome?.(o);
    }
  };

  while (fatal === null) {
    if (opts.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    if (running.size >= concurrency) {
      await Promise.race(running);
      continue;
    }
    const next = await source.next();
    if (next.done) break;
    const index = summary.read++;
    const task = one(next.value).then(
      (o) => {
        count(o);
        finished.set(index, o);
        completed += 1;
        opts.onProgress?.(completed, opts.total ?? summary.read);
        flush();
      },
      (e: unknown) => {
        fatal ??= e;
      },
    );
    running.add(task);
    void task.finally(() => running.delete(task));
  }
  await Promise.all(running);
  if (fatal !== null) {
    // Every report that committed is reported, also those that finished after one in front of
    // them failed; the counts come from the transactions' outcomes, not from what was printed.
    for (const i of [...finished.keys()].sort((a, b) => a - b)) {
      opts.onOutcome?.(finished.get(i) as IngestOutcome);
    }
    throw new IngestInterrupted(fatal, {
      total: opts.total ?? summary.read,
      written: summary.created + summary.updated,
      unchanged: summary.unchanged,
      failed: summary.failed,
      inFlight,
    });
  }
  // Once the run returns, search finds what it wrote (the full-text indexes lag commits).
  if (!opts.dryRun && summary.created + summary.updated > 0) {
    await awaitFulltext(driver, opts.database);
  }
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}

/** ingestStream over a list, returning every outcome in the list's order. */
export async function ingestItems(
  driver: Driver,
  items: IngestItem[],
  opts: IngestStreamOptions = {},
): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  await ingestStream(driver, items, {
    total: items.length,
    ...opts,
    onOutcome: (o) => {
      outcomes.push(o);
      opts.onOutcome?.(o);
    },
  });
  return outcomes;
}

/**
 * Ingests files and directories (walked for .txt .md .html .json), one revision per file.
 * A file that fails is reported in its outcome and the rest continue; an unreachable database
 * stops the run (the error is thrown; reports already written stay).
 */
export async function ingestPaths(
  driver: Driver,
  paths: string[],
  opts: IngestPathsOptions & { concurrency?: number } = {},
): Promise<IngestOutcome[]> {
  return ingestFiles(driver, await listReportFiles(paths), opts);
}

/** ingestPaths for report files already listed (with listReportFiles), as the CLI does. */
export async function ingestFiles(
  driver: Driver,
  files: string[],
  opts: IngestPathsOptions & { concurrency?: number } = {},
): Promise<IngestOutcome[]> {
  if (opts.id !== undefined && files.length > 1) {
    throw new ReadError(
      'INVALID_OPTION',
      `--id names one report, but ${files.length} files were given`,
    );
  }
  const overrides = { id: opts.id, publishedAt: opts.publishedAt };
  return ingestItems(
    driver,
    files.map((path) => ({ path, load: () => readReportFile(path, overrides) })),
    opts,
  );
}
