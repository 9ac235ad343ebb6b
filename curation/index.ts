// The curation module's front door: analysts' judgements as durable records over the graph.
export { curate, undo, type CurateOptions } from './curate.ts';
export { CurationError } from './effects.ts';
export { curationLog, type LogEntry, type LogFilter } from './log.ts';
export {
  exportCurations,
  importCurations,
  type ExportFile,
  type ImportResult,
} from './exchange.ts';
export { reapplyCurations } from './records.ts';
export {
  evaluateCurations,
  type CurationEval,
  type Planner,
  type ReportToPlan,
} from './evaluate.ts';
export type { Scored, ScoreSummary, Verdict } from './score.ts';
export {
  analystName,
  curationRequest,
  targetKind,
  type CurationRecord,
  type CurationRequest,
} from './operations.ts';
