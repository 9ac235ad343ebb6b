// What changed: every revision of every document as a change, newest first — the events and
// statements it added and retracted against the document's revision before it and the figures
// its text changed. Each revision's change is stored with it at ingest (ingest/graph/changes.ts),
// so a request is one query over stored rows: a seek on the ingestedAt index, newest first.
// Revisions of an older database without one get theirs computed and stored once, before this
// server's first answer.
import type { RevisionChange } from '../../domain/index.ts';
import { storeMissingChanges } from '../../ingest/index.ts';
import type { ChangeEntry, Changes } from '../api/types.ts';
import { int, read, type ServerContext } from '../context.ts';

const stored = new WeakMap<ServerContext, Promise<unknown>>();

/** Stores the changes missing from older revisions, once per server (retried if it failed). */
function ensureStored(ctx: ServerContext): Promise<unknown> {
  let done = stored.get(ctx);
  if (!done) {
    done = storeMissingChanges(ctx.driver, ctx.database);
    done.catch(() => stored.delete(ctx));
    stored.set(ctx, done);
  }
  return done;
}

const MATCHING = `MATCH (r:Revision)
  WHERE r.ingestedAt >= $since AND r.ingestedAt <= $until AND r.changeShown = true
    AND ($actor IS NULL OR $actor IN r.changeActors)`;

const LIST = `
CALL () { ${MATCHING} RETURN count(r) AS total }
CALL () {
  ${MATCHING}
  WITH r ORDER BY r.ingestedAt DESC, r.id DESC LIMIT $limit
  MATCH (d:Document)-[:HAS_REVISION]->(r)
  RETURN collect({documentId: d.id, title: d.title, revisionId: r.id, ingestedAt: r.ingestedAt,
    change: r.change}) AS items
}
RETURN total, items`;

export interface ChangesFilter {
  since?: string;
  until?: string;
  actor?: string;
  limit: number;
}

interface Row {
  documentId: string;
  title: string | null;
  revisionId: string;
  ingestedAt: unknown;
  change: string;
}

/** Changes newest first, ingested in [since, until], touching `actor` when given. */
export async function listChanges(ctx: ServerContext, q: ChangesFilter): Promise<Changes> {
  await ensureStored(ctx);
  // A day as `until` takes the whole day.
  const until =
    q.until && /^\d{4}-\d{2}-\d{2}$/.test(q.until) ? `${q.until}T23:59:59.999Z` : q.until;
  const { records } = await read(ctx, LIST, {
    since: q.since ?? '',
    until: until ?? '9999',
    actor: q.actor ?? null,
    limit: int(q.limit),
  });
  const rec = records[0];
  // Newest first in the index's order (it stops at the page's end, reading on only through the
  // stamps equal to its last: ties are broken by revision, here as in the query, so a page cut
  // through equal stamps is always the same one).
  const rows = (rec.get('items') as Row[]).sort(
    (a, b) =>
      String(b.ingestedAt).localeCompare(String(a.ingestedAt)) ||
      b.revisionId.localeCompare(a.revisionId),
  );
  const items = rows.map((r): ChangeEntry => ({
    documentId: r.documentId,
    title: r.title ?? null,
    revisionId: r.revisionId,
    ingestedAt: String(r.ingestedAt),
    ...(JSON.parse(r.change) as RevisionChange),
  }));
  return { items, total: Number(rec.get('total')) };
}
