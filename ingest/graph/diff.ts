// The revision diff: what a new revision adds to and removes from its document's current view.
import type {
  DiffActor,
  DiffFact,
  DocumentIdSource,
  RevisionDiff,
  RevisionOf,
} from '../../domain/index.ts';
import type { GraphPlan } from './plan.ts';

interface Named {
  id: string;
  name: string;
}
/** An event or statement of a revision as the feed of changes needs it (./changes.ts). */
export interface RevisionFact {
  id: string;
  type: string;
  text: string;
  date: string | null;
  actors: Named[];
  recipients: Named[];
}
/** A revision's text and facts, participants with ids and names. */
export interface RevisionFacts {
  id: string;
  text: string;
  events: RevisionFact[];
  statements: RevisionFact[];
}

/** A fact as the diff needs it, whether it comes from the plan or from the graph. */
export interface FactView {
  id: string;
  type: string;
  text: string;
  actors: string[]; // names
  recipients: string[]; // names
  reciprocal: boolean;
}

/** The previous CURRENT revision's facts, read from the graph. */
export interface RevisionView {
  revisionId: string;
  actors: DiffActor[];
  events: FactView[];
  statements: FactView[];
  /** Its text and facts with ids and dates, as the feed of changes needs them. */
  facts: RevisionFacts;
}

/** "Kirill Dmitriev → United States", or "A ↔ B ↔ C" for a meeting; a statement's speaker. */
export function factSummary(f: FactView): string {
  const names = (xs: string[]) => [...new Set(xs)].sort().join(', ');
  if (f.reciprocal) return [...new Set([...f.actors, ...f.recipients])].sort().join(' ↔ ');
  if (f.recipients.length === 0) return names(f.actors);
  return `${names(f.actors)} → ${names(f.recipients)}`;
}

const toDiffFact = (f: FactView): DiffFact => ({
  id: f.id,
  type: f.type,
  text: f.text,
  summary: factSummary(f),
});

/** The plan's own facts in the same shape as facts read back from the graph. */
export function planView(plan: GraphPlan): Omit<RevisionView, 'revisionId' | 'facts'> {
  const name = new Map(plan.actors.map((a) => [a.id, a.name]));
  const names = (ids: string[]) => ids.map((id) => name.get(id) ?? id);
  return {
    actors: plan.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
    events: plan.events.map((e) => ({
      id: e.id,
      type: e.type,
      text: e.text,
      actors: names(e.actors),
      recipients: names(e.recipients),
      reciprocal: e.reciprocal,
    })),
    statements: plan.statements.map((s) => ({
      id: s.id,
      type: s.verb,
      text: s.text,
      actors: names([s.speaker]),
      recipients: [],
      reciprocal: false,
    })),
  };
}

function compare<T extends { id: string }>(next: T[], previous: T[]): { added: T[]; removed: T[] } {
  const before = new Set(previous.map((x) => x.id));
  const after = new Set(next.map((x) => x.id));
  return {
    added: next.filter((x) => !before.has(x.id)),
    removed: previous.filter((x) => !after.has(x.id)),
  };
}

export function revisionDiff(
  plan: GraphPlan,
  previous: RevisionView | null,
  opts: { dryRun: boolean; ms: number },
): RevisionDiff {
  const next = planView(plan);
  const prev = previous ?? { revisionId: null, actors: [], events: [], statements: [] };
  const events = compare(next.events, prev.events);
  const statements = compare(next.statements, prev.statements);
  return {
    documentId: plan.document.id,
    title: plan.document.title,
    revisionId: plan.revision.id,
    previousRevisionId: prev.revisionId,
    status: previous ? 'updated' : 'created',
    dryRun: opts.dryRun,
    actors: compare(next.actors, prev.actors),
    events: { added: events.added.map(toDiffFact), removed: events.removed.map(toDiffFact) },
    statements: {
      added: statements.added.map(toDiffFact),
      removed: statements.removed.map(toDiffFact),
    },
    ms: opts.ms,
  };
}

export function unchangedDiff(
  documentId: string,
  title: string | null,
  revisionId: string,
  opts: { dryRun: boolean; ms: number },
): RevisionDiff {
  return {
    documentId,
    title,
    revisionId,
    previousRevisionId: revisionId,
    status: 'unchanged',
    dryRun: opts.dryRun,
    actors: { added: [], removed: [] },
    events: { added: [], removed: [] },
    statements: { added: [], removed: [] },
    ms: opts.ms,
  };
}

/**
 * Says that a report became a new revision of a document that existed before it, and why:
 * an edited report filed again is meant to, but two different reports should not be so silently.
 */
export function revisionOf(
  identity: { from: DocumentIdSource; by: string },
  documentId: string,
  dryRun: boolean,
): RevisionOf {
  const apart =
    identity.from === 'id' ? '' : '; if it is a different report, give it an id of its own';
  return {
    matchedBy: identity.from,
    message:
      `${dryRun ? 'would become' : 'became'} a new revision of the existing document ` +
      `'${documentId}', matched by ${identity.by}, and replaces its current facts${apart}`,
  };
}
