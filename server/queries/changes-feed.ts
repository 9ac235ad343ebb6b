// The feed of changes in memory: every listed revision's stored change (ingest/graph/changes.ts),
// newest first, and the actors as they are now (their names, and where merges took them). Built
// once per server (at start, so that the first request finds it warm), then kept current: each
// request reads the graph version (one index seek and the count store), and only when it moved
// are the revisions and curations since the last look read, looking back SLACK_MS for writes
// stamped before their commit (as graph-changes.ts does). A request is then a filter over an
// array instead of a query: the feed's p95 was 156 ms at 10,000 reports, the most of it Neo4j.
import type { ChangeFact, RevisionChange } from '../../domain/index.ts';
import { resolveMerged } from '../../ingest/index.ts';
import type { ChangeEntry, Changes } from '../api/types.ts';
import { read, type ServerContext } from '../context.ts';
import { VERSION_SUBQUERY } from '../graph-cache.ts';
import { lookBack } from './graph-changes.ts';

/** A listed revision's stored change. */
export interface Entry {
  documentId: string;
  title: string | null;
  revisionId: string;
  ingestedAt: string;
  change: RevisionChange;
}

interface Feed {
  /** Newest first; ties by revision, newest id first. */
  entries: Entry[];
  version: string;
  /** The newest revision and curation stamps read (what the next look starts from). */
  revisionsAt: string | null;
  curationsAt: string | null;
  /** Every actor's name as the graph has it now, and each merged actor's actor. */
  names: Map<string, string>;
  merged: Map<string, string>;
}

export interface ChangesFilter {
  since?: string;
  until?: string;
  actor?: string;
  limit: number;
}

const REVISION_ROW = `{documentId: d.id, title: d.title, revisionId: r.id,
  ingestedAt: r.ingestedAt, change: r.change, actorIds: coalesce(r.changeActors, [])}`;

const VERSION = `${VERSION_SUBQUERY} RETURN version`;

// Built from three reads: the version (first: whatever commits after it is caught up later),
// then the listed revisions and every actor, streamed as rows.
const NEWEST_CURATION = `${VERSION_SUBQUERY}
CALL () { OPTIONAL MATCH (c:Curation) WHERE c.recordedAt IS NOT NULL
  RETURN c.recordedAt AS newestCuration ORDER BY newestCuration DESC LIMIT 1 }
RETURN version, newestCuration`;
const ALL_REVISIONS = `MATCH (r:Revision) WHERE r.changeShown = true
MATCH (d:Document)-[:HAS_REVISION]->(r)
RETURN d.id AS documentId, d.title AS title, r.id AS revisionId, r.ingestedAt AS ingestedAt,
  r.change AS change`;
const ALL_ACTORS = `MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.mergedInto AS into`;

// What came since the last look: the listed revisions, and the actors whose names or merges
// curations (or their undoing) changed, with those the new revisions name.
const SINCE = `CALL () {
  MATCH (r:Revision) WHERE r.changeShown = true AND r.ingestedAt >= $revisions
  MATCH (d:Document)-[:HAS_REVISION]->(r)
  RETURN collect(${REVISION_ROW}) AS revisions
}
CALL () {
  MATCH (c:Curation) WHERE c.recordedAt >= $curations
  OPTIONAL MATCH (c)-[:UNDOES]->(u:Curation)
  WITH c, coalesce(u, c) AS x
  RETURN max(c.recordedAt) AS newestCuration,
    collect(DISTINCT CASE WHEN x.targetKind = 'actor' THEN x.target END) AS curated
}
CALL (revisions, curated) {
  UNWIND curated + reduce(ids = [], r IN revisions | ids + r.actorIds) AS id
  WITH DISTINCT id
  MATCH (a:Actor {id: id})
  RETURN collect([a.id, a.name, a.mergedInto]) AS actors
}
RETURN revisions, newestCuration, actors`;

/** A listed revision as read from Neo4j. */
export interface Row {
  documentId: string;
  title: string | null;
  revisionId: string;
  ingestedAt: unknown;
  change: string;
}

export const toEntry = (r: Row): Entry => ({
  documentId: r.documentId,
  title: r.title ?? null,
  revisionId: r.revisionId,
  ingestedAt: String(r.ingestedAt),
  change: JSON.parse(r.change) as RevisionChange,
});

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const newestFirst = (a: Entry, b: Entry) =>
  cmp(b.ingestedAt, a.ingestedAt) || cmp(b.revisionId, a.revisionId);

function putActors(feed: Feed, rows: [string, string | null, string | null][]): void {
  for (const [id, name, into] of rows) {
    if (name) feed.names.set(id, name);
    if (into) feed.merged.set(id, into);
    else feed.merged.delete(id);
  }
}

async function build(ctx: ServerContext): Promise<Feed> {
  const head = (await read(ctx, NEWEST_CURATION)).records[0];
  const [revisions, actors] = await Promise.all([read(ctx, ALL_REVISIONS), read(ctx, ALL_ACTORS)]);
  const entries = revisions.records.map((r) => toEntry(r.toObject() as Row)).sort(newestFirst);
  const feed: Feed = {
    entries,
    version: String(head.get('version')),
    revisionsAt: entries.reduce<string | null>(
      (m, e) => (m === null || e.ingestedAt > m ? e.ingestedAt : m),
      null,
    ),
    curationsAt: (head.get('newestCuration') as string | null) ?? null,
    names: new Map(),
    merged: new Map(),
  };
  putActors(
    feed,
    actors.records.map((r) => [
      r.get('id') as string,
      r.get('name') as string | null,
      r.get('into') as string | null,
    ]),
  );
  return feed;
}

/** Takes in what changed since the feed last looked (the graph is at `version` or later). */
async function catchUp(ctx: ServerContext, feed: Feed, version: string): Promise<void> {
  const { records } = await read(ctx, SINCE, {
    revisions: lookBack(feed.revisionsAt),
    curations: lookBack(feed.curationsAt),
  });
  const row = records[0];
  const fresh = (row.get('revisions') as Row[]).map(toEntry);
  if (fresh.length) {
    // A revision made CURRENT again is stamped anew: it moves rather than appearing twice.
    const ids = new Set(fresh.map((e) => e.revisionId));
    feed.entries = [...feed.entries.filter((e) => !ids.has(e.revisionId)), ...fresh].sort(
      newestFirst,
    );
    for (const e of fresh)
      if (!feed.revisionsAt || e.ingestedAt > feed.revisionsAt) feed.revisionsAt = e.ingestedAt;
  }
  const newest = row.get('newestCuration') as string | null;
  if (newest && (!feed.curationsAt || newest > feed.curationsAt)) feed.curationsAt = newest;
  putActors(feed, row.get('actors') as [string, string | null, string | null][]);
  feed.version = version;
}

// Per server: the feed, or its build under way; one catch-up at a time.
const feeds = new WeakMap<
  ServerContext,
  { feed: Promise<Feed>; built?: boolean; catching?: Promise<void> }
>();

/** The feed as the graph is now (built on first use). */
async function currentFeed(ctx: ServerContext): Promise<Feed> {
  const live = feeds.get(ctx);
  if (!live) {
    const feed = build(ctx);
    const l: { feed: Promise<Feed>; built?: boolean } = { feed };
    feeds.set(ctx, l);
    feed.then(
      () => (l.built = true),
      () => {
        if (feeds.get(ctx) === l) feeds.delete(ctx); // built again on the next request
      },
    );
    return feed;
  }
  const feed = await live.feed;
  const { records } = await read(ctx, VERSION);
  const version = String(records[0].get('version'));
  if (version === feed.version) return feed;
  const l = live;
  // Requests arriving meanwhile share the catch-up; one after it looks again.
  l.catching ??= catchUp(ctx, feed, version).finally(() => (l.catching = undefined));
  await l.catching;
  return feed;
}

/** Builds the feed now, so that the first request finds it (a failure is retried then). */
export function warmFeed(ctx: ServerContext): void {
  void currentFeed(ctx).catch(() => {});
}

/** Whether the feed is built (until then the feed is read from Neo4j page by page). */
export function feedBuilt(ctx: ServerContext): boolean {
  return feeds.get(ctx)?.built === true;
}

/** Forgets the feed (an older database's changes were just stored: built anew on next use). */
export function dropFeed(ctx: ServerContext): void {
  feeds.delete(ctx);
}

/**
 * A stored summary ("Russia → Ukraine", "A, B ↔ C") with each name as the actor is now called
 * (after a rename, or a merge into another actor); names stay sorted and unique as ingest
 * wrote them.
 */
export function renameSummary(summary: string, rename: ReadonlyMap<string, string>): string {
  const side = (s: string, sep: string) =>
    [...new Set(s.split(sep).map((n) => rename.get(n) ?? n))].sort().join(sep);
  if (summary.includes(' ↔ ')) return side(summary, ' ↔ ');
  const arrow = summary.indexOf(' → ');
  if (arrow < 0) return side(summary, ', ');
  return `${side(summary.slice(0, arrow), ', ')} → ${side(summary.slice(arrow + 3), ', ')}`;
}

/** A stored change with its actors as they are now: merged ones as their actor, renamed ones
 * by their name. */
function asNow(feed: Feed, e: Entry): ChangeEntry {
  const c = e.change;
  const now = (id: string) => resolveMerged(feed.merged, id);
  const rename = new Map<string, string>();
  const actors = new Map<string, { id: string; name: string }>();
  for (const a of c.actors) {
    const id = now(a.id);
    const name = feed.names.get(id) ?? a.name;
    if (name !== a.name) rename.set(a.name, name);
    if (!actors.has(id)) actors.set(id, { id, name });
  }
  const fact = (f: ChangeFact): ChangeFact =>
    rename.size || f.actors.some((id) => feed.merged.has(id))
      ? {
          ...f,
          actors: [...new Set(f.actors.map(now))].sort(),
          summary: renameSummary(f.summary, rename),
        }
      : f;
  return {
    documentId: e.documentId,
    title: e.title,
    revisionId: e.revisionId,
    ingestedAt: e.ingestedAt,
    ...c,
    added: c.added.map(fact),
    removed: c.removed.map(fact),
    actors: [...actors.values()].sort((a, b) => cmp(a.id, b.id)),
  };
}

/** Changes newest first, ingested in [since, until], concerning `actor` (as it is now) when given. */
export async function feedChanges(ctx: ServerContext, q: ChangesFilter): Promise<Changes> {
  const feed = await currentFeed(ctx);
  const items: ChangeEntry[] = [];
  let total = 0;
  for (const e of feed.entries) {
    if (q.until !== undefined && e.ingestedAt > q.until) continue;
    if (q.since !== undefined && e.ingestedAt < q.since) break; // newest first: none after
    if (
      q.actor !== undefined &&
      !e.change.actors.some((a) => resolveMerged(feed.merged, a.id) === q.actor)
    )
      continue;
    if (total++ < q.limit) items.push(asNow(feed, e));
  }
  return { items, total };
}
