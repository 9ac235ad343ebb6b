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
  analystName,
  curationRequest,
  targetKind,
  type CurationRecord,
  type CurationRequest,
} from './operations.ts';
