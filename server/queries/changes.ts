// What changed: every revision of every document as a change, newest first — the events and
// statements it added and retracted against the document's revision before it (the same fact
// view and summaries as the documents' diff) and the figures its text changed. A revision's facts
// never change, so the feed is kept in memory and only revisions stamped since the last check are
// read (one seek on the ingestedAt index, at most once a second): a request filters in memory.
// A revision is stamped before its transaction commits, so the seek looks back as the graph
// index's change feed does (graph-changes.ts lookBack) and reads the facts of unseen ones only.
import { figureChanges } from '../../domain/index.ts';
import { factSummary, factView } from '../../ingest/index.ts';
import type { ChangeEntry, ChangeFact, Changes } from '../api/types.ts';
import { read, type ServerContext } from '../context.ts';
import { lookBack } from './graph-changes.ts';

interface Named {
  id: string;
  name: string;
}
interface RevisionFact {
  id: string;
  type: string;
  text: string;
  date: string | null;
  actors: Named[];
  recipients: Named[];
}
interface Revision {
  id: string;
  documentId: string;
  title: string | null;
  at: string;
  events: RevisionFact[];
  statements: RevisionFact[];
}

interface Feed {
  revisions: Map<string, Revision>;
  /** Each document's revisions, oldest first. */
  byDocument: Map<string, Revision[]>;
  entries: Map<string, ChangeEntry>;
  /** Newest first (ingestedAt, then revision id). */
  sorted: ChangeEntry[];
  /** The newest ingestedAt read. */
  last: string;
}

interface Slot {
  feed: Feed;
  refresh: Promise<void> | null;
  /** When the feed last asked Neo4j for new revisions (performance.now()); -Infinity: never. */
  checkedAt: number;
}

const feeds = new WeakMap<ServerContext, Slot>();

/**
 * How long the feed answers from memory before it asks Neo4j again: a script polling in a loop
 * costs one indexed seek a second, and a report ingested by another process (the CLI) is listed
 * within a second. An upload to this server is listed at once (`changesStale`).
 */
export const RECHECK_MS = 1000;

/** A report was ingested through this server: the next request reads it. */
export function changesStale(ctx: ServerContext): void {
  const slot = feeds.get(ctx);
  if (slot) slot.checkedAt = -Infinity;
}

const FACTS = (rel: string, who: string, whom: string | null) => `COLLECT {
    MATCH (f:${rel})-[:EVIDENCED_BY]->(r) WITH DISTINCT f
    RETURN {id: f.id, type: ${rel === 'Event' ? 'f.type' : 'f.verb'}, text: f.text, date: f.date,
      actors: COLLECT { MATCH (a:Actor)-[:${who}]->(f) RETURN {id: a.id, name: a.name} },
      recipients: ${whom ? `COLLECT { MATCH (f)-[:${whom}]->(a:Actor) RETURN {id: a.id, name: a.name} }` : '[]'}}
  }`;

const STAMPED_SINCE = `
MATCH (r:Revision) WHERE r.ingestedAt >= $from
RETURN r.id AS id, r.ingestedAt AS at`;

const REVISIONS = `
MATCH (r:Revision) WHERE r.id IN $ids
MATCH (d:Document)-[:HAS_REVISION]->(r)
RETURN r.id AS id, d.id AS documentId, d.title AS title, r.ingestedAt AS at,
  ${FACTS('Event', 'PERFORMED', 'DIRECTED_AT')} AS events,
  ${FACTS('Statement', 'SAID', null)} AS statements`;

function changeFact(f: RevisionFact, kind: 'event' | 'statement'): ChangeFact {
  const names = (xs: Named[]) => xs.map((a) => a.name);
  const view = factView(
    { ...f, actors: names(f.actors), recipients: names(f.recipients) },
    kind === 'event',
  );
  return {
    id: f.id,
    kind,
    type: f.type,
    text: f.text,
    date: f.date,
    summary: factSummary(view),
    actors: [...new Set([...f.actors, ...f.recipients].map((a) => a.id))],
  };
}

/** The change a revision made to the one before it (texts only when there is one before). */
function entryOf(r: Revision, prev: Revision | undefined, texts: Map<string, string>): ChangeEntry {
  const facts = (rev: Revision | undefined) => [
    ...(rev?.events ?? []).map((f) => ({ f, kind: 'event' as const })),
    ...(rev?.statements ?? []).map((f) => ({ f, kind: 'statement' as const })),
  ];
  const now = facts(r);
  const before = facts(prev);
  const ids = (xs: typeof now) => new Set(xs.map((x) => x.f.id));
  const [nowIds, beforeIds] = [ids(now), ids(before)];
  const added = now.filter((x) => !beforeIds.has(x.f.id)).map((x) => changeFact(x.f, x.kind));
  const removed = before.filter((x) => !nowIds.has(x.f.id)).map((x) => changeFact(x.f, x.kind));
  const figures = prev ? figureChanges(texts.get(prev.id) ?? '', texts.get(r.id) ?? '') : [];
  // Who a changed figure concerns: the actors of the facts told in its sentence.
  const names = new Map<string, string>();
  const touched = new Set([...added, ...removed].flatMap((f) => f.actors));
  for (const { f } of [...now, ...before]) {
    for (const a of [...f.actors, ...f.recipients]) names.set(a.id, a.name);
    if (figures.some((c) => c.now.includes(f.text) || c.was.includes(f.text)))
      for (const a of [...f.actors, ...f.recipients]) touched.add(a.id);
  }
  return {
    documentId: r.documentId,
    title: r.title,
    revisionId: r.id,
    previousRevisionId: prev?.id ?? null,
    ingestedAt: r.at,
    status: prev ? 'updated' : 'created',
    added,
    removed,
    figures,
    actors: [...touched].sort().map((id) => ({ id, name: names.get(id) ?? id })),
  };
}

async function refresh(ctx: ServerContext, feed: Feed): Promise<void> {
  const stamped = await read(ctx, STAMPED_SINCE, { from: lookBack(feed.last) });
  // A revision stamped again (an older text made current anew) counts as unseen.
  const unseen = stamped.records
    .filter((rec) => feed.revisions.get(rec.get('id') as string)?.at !== String(rec.get('at')))
    .map((rec) => rec.get('id') as string);
  if (!unseen.length) return;
  const { records } = await read(ctx, REVISIONS, { ids: unseen });
  const changedDocs = new Set<string>();
  for (const rec of records) {
    const r: Revision = {
      id: rec.get('id') as string,
      documentId: rec.get('documentId') as string,
      title: (rec.get('title') as string | null) ?? null,
      at: String(rec.get('at')),
      events: rec.get('events') as RevisionFact[],
      statements: rec.get('statements') as RevisionFact[],
    };
    // A revision stamped again (an older text made current anew) moves to its new place.
    feed.revisions.set(r.id, r);
    const revs = (feed.byDocument.get(r.documentId) ?? []).filter((x) => x.id !== r.id);
    revs.push(r);
    feed.byDocument.set(r.documentId, revs);
    changedDocs.add(r.documentId);
    if (r.at > feed.last) feed.last = r.at;
  }
  // Rebuilt for the documents that moved; their texts are read only when a revision has one
  // before it (figures are compared between the two).
  const withPrev = [...changedDocs].flatMap((d) => {
    const revs = feed.byDocument
      .get(d)!
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    return revs.length > 1 ? revs.map((r) => r.id) : [];
  });
  const texts = new Map<string, string>();
  if (withPrev.length) {
    const t = await read(
      ctx,
      'MATCH (r:Revision) WHERE r.id IN $ids RETURN r.id AS id, r.text AS text',
      {
        ids: withPrev,
      },
    );
    for (const rec of t.records) texts.set(rec.get('id') as string, String(rec.get('text') ?? ''));
  }
  for (const doc of changedDocs) {
    const revs = feed.byDocument.get(doc)!;
    revs.forEach((r, i) => feed.entries.set(r.id, entryOf(r, revs[i - 1], texts)));
  }
  feed.sorted = [...feed.entries.values()].sort(
    (a, b) => b.ingestedAt.localeCompare(a.ingestedAt) || b.revisionId.localeCompare(a.revisionId),
  );
}

/** The feed as of now: revisions stamped since the last request are read first (one at a time). */
async function currentFeed(ctx: ServerContext): Promise<Feed> {
  let slot = feeds.get(ctx);
  if (!slot) {
    slot = {
      feed: {
        revisions: new Map(),
        byDocument: new Map(),
        entries: new Map(),
        sorted: [],
        last: '',
      },
      refresh: null,
      checkedAt: -Infinity,
    };
    feeds.set(ctx, slot);
  }
  const s = slot;
  while (s.refresh) await s.refresh;
  if (performance.now() - s.checkedAt < RECHECK_MS) return s.feed;
  const started = performance.now();
  s.refresh = refresh(ctx, s.feed)
    .then(() => void (s.checkedAt = started))
    .finally(() => (s.refresh = null));
  await s.refresh;
  return s.feed;
}

export interface ChangesFilter {
  since?: string;
  until?: string;
  actor?: string;
  limit: number;
}

/** Changes newest first, ingested in [since, until], touching `actor` when given. */
export async function listChanges(ctx: ServerContext, q: ChangesFilter): Promise<Changes> {
  const feed = await currentFeed(ctx);
  // A day as `until` takes the whole day.
  const until =
    q.until && /^\d{4}-\d{2}-\d{2}$/.test(q.until) ? `${q.until}T23:59:59.999Z` : q.until;
  const matching = feed.sorted.filter(
    (e) =>
      (!q.since || e.ingestedAt >= q.since) &&
      (!until || e.ingestedAt <= until) &&
      (!q.actor || e.actors.some((a) => a.id === q.actor)) &&
      (e.status === 'created' || e.added.length + e.removed.length + e.figures.length > 0),
  );
  return { items: matching.slice(0, q.limit), total: matching.length };
}
