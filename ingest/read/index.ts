// The read stage: a report file's bytes and name → its text and metadata. Pure (no disk, no
// network), so the CLI, the HTTP upload handler and tests all share it; ./file.ts does the I/O.
import type { ReportMeta } from '../extract/types.ts';
import { isCalendarDay } from './dates.ts';
import { decodeReportBytes, isBlank } from './decode.ts';
import { ReadError } from './errors.ts';
import { reportFormat, type ReportFormat } from './format.ts';
import { splitFrontMatter } from './front-matter.ts';
import { readHtml } from './html.ts';
import { jsonReport, parseJsonReport } from './json-report.ts';
import { markdownToText } from './markdown-text.ts';
import { idProblem, reportIdentity, type IdentityInput, type ReportIdentity } from './report-id.ts';

export { ReadError, type ReadErrorCode, type ReadErrorInfo } from './errors.ts';
export { MAX_REPORT_BYTES, MAX_REPORT_LABEL } from './limits.ts';
export { isCalendarDay } from './dates.ts';
export { jsonReport, parseJsonObject, parseJsonReport, type JsonReport } from './json-report.ts';
export type { ReportFormat } from './format.ts';

export interface ReadReport {
  text: string;
  meta: ReportMeta;
  format: ReportFormat;
  /** How meta.id was decided (./report-id.ts): ingest says so when it matches an existing document. */
  identity: ReportIdentity;
}

/** What the caller says about a report, winning over what the file says (CLI flags, form fields). */
export interface ReadOverrides {
  id?: string;
  publishedAt?: string; // YYYY-MM-DD
  title?: string;
}

/** What a file yields before the caller's overrides and the file-name fallback are applied. */
interface FileContent {
  text: string;
  id?: string | null;
  title?: string | null;
  publishedAt?: string | null;
  source?: string | null;
  url?: string | null;
}

/**
 * Reads one report. Throws ReadError (with a stable `code` and a one-line message that starts
 * with the file name) for anything that is not a readable report.
 */
export function readReport(
  bytes: Uint8Array,
  fileName: string,
  overrides: ReadOverrides = {},
): ReadReport {
  checkOverrides(overrides);
  const format = reportFormat(fileName);
  const source = decodeReportBytes(bytes, fileName);
  if (isBlank(source)) throw new ReadError('EMPTY', `${fileName}: the file has no text`);

  const content = readContent(format, source, fileName);
  if (isBlank(content.text)) {
    throw new ReadError('EMPTY', `${fileName}: no report text found`);
  }
  return named(
    {
      ...content,
      id: overrides.id ?? content.id,
      title: overrides.title?.trim() || content.title,
      publishedAt: overrides.publishedAt ?? content.publishedAt,
    },
    format,
    fileName,
  );
}

/** A report given as a JSON record (an API body), without a file name: its id if any, else derived. */
export function readJsonRecord(value: unknown, label: string): ReadReport {
  return named(jsonReport(value, label), 'json', null);
}

function named(content: FileContent, format: ReportFormat, fileName: string | null): ReadReport {
  const fields: IdentityInput = { ...content, fileName };
  const identity = reportIdentity(fields);
  const meta: ReportMeta = {
    id: identity.id,
    title: content.title ?? null,
    publishedAt: content.publishedAt ?? null,
    source: content.source ?? null,
    url: content.url ?? null,
  };
  return { text: content.text, meta, format, identity };
}

function readContent(format: ReportFormat, source: string, fileName: string): FileContent {
  switch (format) {
    case 'text':
      return { text: source };
    case 'markdown': {
      const { frontMatter, body } = splitFrontMatter(source, fileName);
      return { ...frontMatter, text: markdownToText(body) };
    }
    case 'html':
      return readHtml(source);
    case 'json':
      return parseJsonReport(source, fileName);
  }
}

function checkOverrides(overrides: ReadOverrides): void {
  if (overrides.id !== undefined) {
    const problem = idProblem(overrides.id);
    if (problem) throw new ReadError('INVALID_OPTION', `invalid id: ${problem}`);
  }
  if (overrides.publishedAt !== undefined && !isCalendarDay(overrides.publishedAt)) {
    throw new ReadError(
      'INVALID_OPTION',
      `invalid publication date '${overrides.publishedAt}' (expected YYYY-MM-DD)`,
    );
  }
}
