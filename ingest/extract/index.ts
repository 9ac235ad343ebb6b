// The extraction core: text and metadata in, the extraction object out. Pure: no file,
// network or database access. Stages run in order over one working document.
import { dates, latestFullDate } from './dates/index.ts';
import { events } from './events/index.ts';
import { issuer } from './issuer/index.ts';
import type { Doc } from './model.ts';
import { output } from './output.ts';
import { recognize } from './recognize/index.ts';
import { resolve } from './resolve/index.ts';
import { segment } from './segment/index.ts';
import { statements } from './statements/index.ts';
import type { Extraction, ReportMeta } from './types.ts';

export type { Extraction, ReportMeta } from './types.ts';

export function extract(text: string, meta: ReportMeta): Extraction {
  const { sentences, tokens } = segment(text);
  const doc: Doc = {
    meta,
    text,
    publishedAt: meta.publishedAt ?? null,
    tokens,
    sentences,
    mentions: [],
    actors: new Map(),
    places: new Map(),
    dates: [],
    events: [],
    statements: [],
  };
  doc.publishedAt ??= latestFullDate(text);
  recognize(doc);
  resolve(doc);
  issuer(doc);
  dates(doc);
  events(doc);
  statements(doc);
  return output(doc);
}
