// Stable ids of the graph's nodes. Every id is a pure function of content, so re-ingesting a
// report MERGEs onto the same nodes and two processes writing the same fact converge.
import { createHash } from 'node:crypto';
import type { ReportMeta } from '../extract/types.ts';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The content hash that names a revision: the text, the metadata that change what is extracted
 * or shown (the publication date anchors relative dates) and the extractor (id@version) that
 * read it — a new extractor version makes a new revision. The document id is not part of it.
 */
export function contentHash(text: string, meta: ReportMeta, extractor: string): string {
  return sha256(
    JSON.stringify([
      extractor,
      text,
      meta.publishedAt ?? null,
      meta.title ?? null,
      meta.source ?? null,
      meta.url ?? null,
    ]),
  );
}

/** Revision ids are unique per document: the same text filed under two ids is two revisions. */
export function revisionId(documentId: string, hash: string): string {
  return `${documentId}@${hash.slice(0, 16)}`;
}

/**
 * The de-duplication key of an event: category, sorted actors, sorted recipients and date —
 * the event-data convention. The mode is left out ("met" and "visited" on one day are one
 * meeting). An undated event carries its document id, because two reports' undated "X
 * criticised Y" are as likely to be different occasions as the same one.
 */
export function eventKey(
  type: string,
  actors: string[],
  recipients: string[],
  date: string | null,
  documentId: string,
): string {
  const sorted = (ids: string[]) => [...new Set(ids)].sort().join(',');
  const when = date ?? `undated:${documentId}`;
  return `${type}|${sorted(actors)}|${sorted(recipients)}|${when}`;
}

export function eventId(key: string): string {
  return `event:${sha256(key).slice(0, 20)}`;
}

/**
 * The key of a statement: speaker, what was said (whitespace- and case-folded) and date, with
 * the document id when undated — so the same quote reported twice on one day is one node.
 */
export function statementKey(
  speaker: string,
  text: string,
  date: string | null,
  documentId: string,
): string {
  const said = text.replace(/\s+/g, ' ').trim().toLowerCase();
  return `${speaker}|${said}|${date ?? `undated:${documentId}`}`;
}

export function statementId(key: string): string {
  return `statement:${sha256(key).slice(0, 20)}`;
}
