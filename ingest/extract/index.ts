// The extraction core: text and metadata in, the extraction object out. Pure: no file,
// network or database access. Stages run in order over one working document.
import { dates, latestFullDate } from './dates/index.ts';
import { code } from './coder/index.ts';
import { events, mergeRestatements } from './events/index.ts';
import { issuer } from './issuer/index.ts';
import { newDoc } from './doc.ts';
import { output } from './output.ts';
import { recognize } from './recognize/index.ts';
import { resolve } from './resolve/index.ts';
import { statements } from './statements/index.ts';
import type { ParsedSentence } from '../nlp/types.ts';
import type { Extraction, ReportMeta } from './types.ts';

export type { Extraction, ReportMeta } from './types.ts';

export interface ExtractOptions {
  /**
   * A dependency parser: when given, events and statements are coded on its parse
   * (`coder/`) instead of by the clause rules (`events/`, `statements/`).
   */
  parse?: (text: string) => ParsedSentence[];
}

export function extract(text: string, meta: ReportMeta, options: ExtractOptions = {}): Extraction {
  const doc = newDoc(text, meta);

  doc.publishedAt ??= latestFullDate(text);
  recognize(doc);
  resolve(doc);
  const issuing = issuer(doc);
  dates(doc);
  if (options.parse) {
    const coded = code(doc, options.parse(text), issuing?.body ?? issuing?.person ?? null);
    doc.events = coded.events;
    mergeRestatements(doc);
    doc.statements = coded.statements;
  } else {
    events(doc, issuing?.body ?? issuing?.person ?? null);
    statements(doc);
  }
  return output(doc);
}
