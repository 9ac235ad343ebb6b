// The revision diff: what a new revision adds to and removes from its document's current view.
import {
  ONTOLOGY,
  isPloverCategory,
  type DiffActor,
  type DiffFact,
  type DocumentIdSource,
  type RevisionDiff,
  type RevisionOf,
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

/** A fact of a revision as the diff compares and summarises it (reciprocal from the ontology). */
export function factView(f: RevisionFact, isEvent: boolean): FactView {
  const reciprocal = isEvent && isPloverCategory(f.type) && ONTOLOGY[f.type].reciprocal;
  const names = (xs: Named[]) => xs.map((a) => a.name);
  return {
    id: f.id,
    type: f.type,
    text: f.text,
    actors: names(f.actors),
    recipients: names(f.recipients),
    reciprocal,
  };
}

/** The plan's own text and facts in the shape read back from the graph. */
export function planFacts(plan: GraphPlan): RevisionFacts {
  const name = new Map(plan.actors.map((a) => [a.id, a.name]));
  const named = (ids: string[]) => ids.map((id) => ({ id, name: name.get(id) ?? id }));
  return {
    id: plan.revision.id,
    text: plan.revision.text,
    events: plan.events.map((e) => ({
      id: e.id,
      type: e.type,
      text: e.text,
      date: e.date,
      actors: named(e.actors),
      recipients: named(e.recipients),
    })),
    statements: plan.statements.map((s) => ({
      id: s.id,
      type: s.verb,
      text: s.text,
      date: s.date,
      actors: named([s.speaker]),
      recipients: [],
    })),
  };
}

/** The plan's facts as the diff views them, the same as facts read back from the graph. */
export function planView(plan: GraphPlan): Omit<RevisionView, 'revisionId' | 'facts'> {
  const facts = planFacts(plan);
  return {
    actors: plan.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
    events: facts.events.map((f) => factView(f, true)),
    statements: facts.statements.map((f) => factView(f, false)),
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
