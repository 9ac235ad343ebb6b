// What changed: every revision of every document as a change, newest first — the events and
// statements it added and retracted against the document's revision before it and the figures
// its text changed. Each revision's change is stored with it at ingest (ingest/graph/changes.ts)
// and the feed answers from memory (changes-feed.ts), with the actors as they are now.
// A database with revisions from before that format gets them brought up to date once, in the
// background: until then the feed reads the stored rows the slow way (every revision's
// properties), and revisions with no change stored at all are listed once they have theirs.
import { changesCurrent, storeMissingChanges } from '../../ingest/index.ts';
import type { ChangeEntry, Changes } from '../api/types.ts';
import { int, read, type ServerContext } from '../context.ts';
import {
  dropFeed,
  feedBuilt,
  feedChanges,
  newestFirst,
  toEntry,
  warmFeed,
  type ChangesFilter,
  type Row,
} from './changes-feed.ts';

/** Per server: whether every revision's change is in the current format, or the update running. */
const formats = new WeakMap<ServerContext, true | Promise<unknown>>();

/**
 * Whether the feed can read the current format. The first request asks (two counts); if some
 * revisions are older, their update starts in the background (once per server, retried on a
 * later request if it failed) and this answers false until it is done.
 */
async function currentFormat(ctx: ServerContext): Promise<boolean> {
  const known = formats.get(ctx);
  if (known === true) return true;
  if (known) return false;
  if (await changesCurrent(ctx.driver, ctx.database)) {
    formats.set(ctx, true);
    return true;
  }
  if (formats.has(ctx)) return false; // another request started it meanwhile
  const update = storeMissingChanges(ctx.driver, ctx.database).then(
    () => {
      formats.set(ctx, true);
      dropFeed(ctx); // read anew, with every revision's change
    },
    (e: unknown) => {
      formats.delete(ctx);
      process.stderr.write(`parley: storing older revisions' changes failed: ${String(e)}\n`);
    },
  );
  formats.set(ctx, update);
  return false;
}

/** While the feed is being built: changes listed in [since, until], by the feed index; of one
 * actor, by its edges (the names and ids stored at ingest). */
const ALL = `MATCH (r:Revision)
  WHERE r.changeShown = true AND r.ingestedAt >= $since AND r.ingestedAt <= $until`;
// `r` without its label: the planner would otherwise seek every listed change on the index and
// keep those joined to the actor (357k db hits for an actor of 1,079 changes in 10,000).
const OF_ACTOR = `MATCH (:Actor {id: $actor})-[:CHANGED_IN]->(r)
  WHERE r.changeShown = true AND r.ingestedAt >= $since AND r.ingestedAt <= $until`;
/** Older formats: every revision in the range read and filtered. */
const SCANNED = `MATCH (r:Revision)
  WHERE r.ingestedAt >= $since AND r.ingestedAt <= $until AND r.changeShown = true
    AND ($actor IS NULL OR $actor IN r.changeActors)`;

// The page in the index's order (changeShown first, equal in every row): it stops at the page's
// end, reading on only through the stamps equal to its last; ties are broken by revision, here
// as in the sort after it, so a page cut through equal stamps is always the same one.
const LIST = (matching: string) => `
CALL () { ${matching} RETURN count(r) AS total }
CALL () {
  ${matching}
  WITH r ORDER BY r.changeShown DESC, r.ingestedAt DESC, r.id DESC LIMIT $limit
  MATCH (d:Document)-[:HAS_REVISION]->(r)
  RETURN collect({documentId: d.id, title: d.title, revisionId: r.id, ingestedAt: r.ingestedAt,
    change: r.change}) AS items
}
RETURN total, items`;

/** Changes newest first, ingested in [since, until], touching `actor` when given. */
export async function listChanges(ctx: ServerContext, q: ChangesFilter): Promise<Changes> {
  // A day as `until` takes the whole day.
  const until =
    q.until && /^\d{4}-\d{2}-\d{2}$/.test(q.until) ? `${q.until}T23:59:59.999Z` : q.until;
  const current = await currentFormat(ctx);
  if (current && feedBuilt(ctx)) return feedChanges(ctx, { ...q, until });
  const matching = !current ? SCANNED : q.actor ? OF_ACTOR : ALL;
  const { records } = await read(ctx, LIST(matching), {
    since: q.since ?? '',
    until: until ?? '9999',
    actor: q.actor ?? null,
    limit: int(q.limit),
  });
  // Built once this page is read, so that a first answer on a cold Neo4j does not share it.
  if (current) warmFeed(ctx);
  const rec = records[0];
  // Newest first, ties by revision (collect keeps no order).
  const items = (rec.get('items') as Row[])
    .map(toEntry)
    .sort(newestFirst)
    .map(({ change, ...e }): ChangeEntry => ({ ...e, ...change }));
  return { items, total: Number(rec.get('total')) };
}
