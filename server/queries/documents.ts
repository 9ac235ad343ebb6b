// Documents: the list, one document's text with every fact's offsets, its revisions, and the
// diff between two revisions computed from the facts each revision evidences.
import type { DocumentSummary, DocumentView, Page, RevisionSummary } from '../api/types.ts';
import type {
  ActorKind,
  DiffActor,
  DiffFact,
  PloverCategory,
  RevisionDiff,
} from '../../domain/index.ts';
import { int, read, type ServerContext } from '../context.ts';
import { toJson } from '../cypher/values.ts';
import { encodeCursor } from '../validate.ts';
import { findMentions } from './mentions.ts';
import { factSummary, readRevisionViewOnce, type FactView } from '../../ingest/index.ts';

const documentSummary = (d: string, r: string) => `${d} {
  .id, title: ${d}.title, source: ${d}.source, url: ${d}.url, publishedAt: ${d}.publishedAt,
  currentRevisionId: ${r}.id, ingestedAt: ${r}.ingestedAt,
  revisions: COUNT { (${d})-[:HAS_REVISION]->(:Revision) }
}`;

function toSummary(raw: unknown): DocumentSummary {
  const s = toJson(raw) as DocumentSummary;
  return { ...s, ingestedAt: String(s.ingestedAt ?? '') };
}

/** Newest publication first (undated last), then id; keyset cursor on both. */
export async function listDocuments(
  ctx: ServerContext,
  limit: number,
  cursor: { key: string; id: string } | undefined,
): Promise<Page<DocumentSummary>> {
  const { records } = await read(
    ctx,
    `MATCH (d:Document)-[:CURRENT]->(r:Revision)
     WITH d, r, coalesce(d.publishedAt, '') AS k
     WHERE $ck IS NULL OR k < $ck OR (k = $ck AND d.id > $cid)
     ORDER BY k DESC, d.id
     LIMIT $take
     RETURN ${documentSummary('d', 'r')} AS doc, k`,
    { ck: cursor?.key ?? null, cid: cursor?.id ?? null, take: int(limit + 1) },
  );
  const more = records.length > limit;
  const kept = records.slice(0, limit);
  const items = kept.map((r) => toSummary(r.get('doc')));
  const last = kept[kept.length - 1];
  return {
    items,
    nextCursor:
      more && last ? encodeCursor(last.get('k') as string, items[items.length - 1].id) : null,
  };
}

const revisionSummary = (r: string) =>
  `${r} {.id, .hash, ingestedAt: ${r}.ingestedAt, current: EXISTS { (:Document)-[:CURRENT]->(${r}) }}`;

function toRevision(raw: unknown): RevisionSummary {
  const r = toJson(raw) as RevisionSummary;
  return { ...r, ingestedAt: String(r.ingestedAt ?? '') };
}

/** Oldest first. Null when the document does not exist. */
export async function listRevisions(
  ctx: ServerContext,
  id: string,
): Promise<RevisionSummary[] | null> {
  const { records } = await read(
    ctx,
    `MATCH (d:Document {id: $id})
     OPTIONAL MATCH (d)-[:HAS_REVISION]->(r:Revision)
     WITH d, r ORDER BY r.ingestedAt, r.id
     RETURN d.id AS id, collect(${revisionSummary('r')}) AS revisions`,
    { id },
  );
  if (!records.length) return null;
  return (records[0].get('revisions') as unknown[]).map(toRevision);
}

/** The current revision's text (or the given revision's) with mention, event and statement offsets. */
export async function documentView(
  ctx: ServerContext,
  id: string,
  revisionId: string | undefined,
): Promise<DocumentView | null> {
  const { records } = await read(
    ctx,
    `MATCH (d:Document {id: $id})-[:CURRENT]->(cur:Revision)
     OPTIONAL MATCH (d)-[:HAS_REVISION]->(chosen:Revision {id: $rev})
     WITH d, cur, CASE WHEN $rev IS NULL THEN cur ELSE chosen END AS r
     WHERE r IS NOT NULL
     RETURN ${documentSummary('d', 'cur')} AS doc, ${revisionSummary('r')} AS revision, r.text AS text,
       [(a:Actor)-[m:MENTIONED_IN]->(r) | {actorId: a.id, name: a.name, kind: a.kind,
          forms: coalesce(a.aliases, []), spans: m.spans}] AS actors,
       [(e:Event)-[ev:EVIDENCED_BY]->(r) | {id: e.id, type: e.type, start: ev.start, end: ev.end}] AS events,
       [(s:Statement)-[ev:EVIDENCED_BY]->(r) | {id: s.id,
          speakerId: head([(x:Actor)-[:SAID]->(s) | x.id]), start: ev.start, end: ev.end}] AS statements`,
    { id, rev: revisionId ?? null },
  );
  if (!records.length) return null;
  const r = records[0];
  const text = String(r.get('text') ?? '');
  const actors = toJson(r.get('actors')) as {
    actorId: string;
    name: string;
    kind: string;
    forms: string[];
    spans: number[] | null;
  }[];
  const byStart = (a: { start: number; id: string }, b: typeof a) =>
    a.start - b.start || a.id.localeCompare(b.id);
  return {
    document: toSummary(r.get('doc')),
    revision: toRevision(r.get('revision')),
    text,
    mentions: findMentions(text, actors).map((m) => ({ ...m, kind: m.kind as ActorKind })),
    events: (
      toJson(r.get('events')) as { id: string; type: PloverCategory; start: number; end: number }[]
    ).sort(byStart),
    statements: (
      toJson(r.get('statements')) as { id: string; speakerId: string; start: number; end: number }[]
    ).sort(byStart),
  };
}

interface RevisionFacts {
  actors: DiffActor[];
  events: DiffFact[];
  statements: DiffFact[];
}

// The same view and summaries the ingest's own diff uses, so both diffs read alike.
async function revisionFacts(ctx: ServerContext, revisionId: string): Promise<RevisionFacts> {
  const view = await readRevisionViewOnce(ctx.driver, revisionId, ctx.database);
  const fact = (f: FactView): DiffFact => ({
    id: f.id,
    type: f.type,
    text: f.text,
    summary: factSummary(f),
  });
  return {
    actors: view.actors,
    events: view.events.map(fact),
    statements: view.statements.map(fact),
  };
}

function added<T extends { id: string }>(before: T[], after: T[]): T[] {
  const seen = new Set(before.map((x) => x.id));
  return after.filter((x) => !seen.has(x.id)).sort((a, b) => a.id.localeCompare(b.id));
}

export type DiffProblem = 'document' | 'from' | 'to' | 'no-previous';

/**
 * The diff between two revisions of a document: `to` defaults to the current revision and
 * `from` to the revision before `to`.
 */
export async function revisionDiff(
  ctx: ServerContext,
  documentId: string,
  from: string | undefined,
  to: string | undefined,
): Promise<RevisionDiff | DiffProblem> {
  const t0 = performance.now();
  const revisions = await listRevisions(ctx, documentId);
  if (!revisions) return 'document';
  const toRev = to ? revisions.find((r) => r.id === to) : revisions.find((r) => r.current);
  if (!toRev) return 'to';
  let fromRev: RevisionSummary | undefined;
  if (from) {
    fromRev = revisions.find((r) => r.id === from);
    if (!fromRev) return 'from';
  } else {
    const i = revisions.indexOf(toRev);
    fromRev = i > 0 ? revisions[i - 1] : undefined;
  }
  const { records } = await read(ctx, 'MATCH (d:Document {id: $id}) RETURN d.title AS title', {
    id: documentId,
  });
  const after = await revisionFacts(ctx, toRev.id);
  const before = fromRev
    ? await revisionFacts(ctx, fromRev.id)
    : { actors: [], events: [], statements: [] };
  const diff: RevisionDiff = {
    documentId,
    title: (records[0]?.get('title') as string | null) ?? null,
    revisionId: toRev.id,
    previousRevisionId: fromRev?.id ?? null,
    status: 'unchanged',
    dryRun: false,
    actors: {
      added: added(before.actors, after.actors),
      removed: added(after.actors, before.actors),
    },
    events: {
      added: added(before.events, after.events),
      removed: added(after.events, before.events),
    },
    statements: {
      added: added(before.statements, after.statements),
      removed: added(after.statements, before.statements),
    },
    ms: 0,
  };
  const changed =
    fromRev === undefined ||
    fromRev.id !== toRev.id ||
    [diff.actors, diff.events, diff.statements].some((d) => d.added.length || d.removed.length);
  diff.status = fromRev === undefined ? 'created' : changed ? 'updated' : 'unchanged';
  diff.ms = Math.round(performance.now() - t0);
  return diff;
}
