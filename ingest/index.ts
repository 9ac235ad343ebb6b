// Ingest's front door: everything the CLI and the server use of ingest comes from here (a unit
// test checks it). Read a report, extract it, plan and write a revision, read revision views.
// What lies behind it (stages, queries, row shapes) may change without touching callers.

// Read: a file's bytes and name → text and metadata (./read/index.ts is pure; ./read/file.ts does I/O).
export {
  isCalendarDay,
  jsonReport,
  parseJsonObject,
  MAX_REPORT_BYTES,
  MAX_REPORT_LABEL,
  readJsonRecord,
  readReport,
  ReadError,
  type ReadErrorCode,
  type ReadErrorInfo,
  type ReadOverrides,
  type ReadReport,
} from './read/index.ts';
export { readReportFile } from './read/file.ts';
export { decodeReportBytes } from './read/decode.ts';
export { tooLargeError } from './read/limits.ts';
export { idProblem } from './read/report-id.ts';
export { listReportFiles } from './files.ts';
export { jsonlRecords, type JsonlRecord } from './read/jsonl.ts';

// Extract: the pure extraction core, and the Extractor that names and versions it.
export { extract } from './extract/index.ts';
export { extractorLabel, parleyExtractor, type Extractor } from './extract/extractor.ts';
export type { Extraction, ReportMeta } from './extract/types.ts';

// Plan, write and read revisions; the diff of a revision.
export {
  DEFAULT_CONCURRENCY,
  IngestInterrupted,
  ingestFiles,
  ingestItems,
  ingestPaths,
  ingestReport,
  ingestStream,
  isDatabaseUnavailable,
  type IngestItem,
  type IngestableReport,
  type IngestOptions,
  type IngestOutcome,
  type IngestPathsOptions,
  type IngestStreamOptions,
  type IngestSummary,
} from './ingest.ts';
export { planReport } from './plan-report.ts';
// The extraction pool: threads that turn reports into write plans.
export { defaultPoolSize, newPlanPool, WorkerCrashed, type PlanPool } from './pool/index.ts';
export { readRevisionViewOnce } from './graph/read.ts';
export { factSummary, type FactView, type RevisionView } from './graph/diff.ts';
export { formatDiff } from './graph/format.ts';
// What each revision changed (the feed of changes): stored with it; older ones once, here.
export { changesCurrent, resolveMerged, storeMissingChanges } from './graph/changes.ts';

// Coordinates of places and states written before ingest located them (ingest/geo).
export { locateStored } from './geo/backfill.ts';
