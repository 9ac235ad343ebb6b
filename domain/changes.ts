// What a revision changed against its document's revision before it, as the feed of changes
// lists it: written once with the revision at ingest (ingest/graph/changes.ts), read by
// GET /api/changes.
import type { FigureChange } from './text-diff.ts';

/** An event or statement a revision added or retracted. */
export interface ChangeFact {
  id: string;
  kind: 'event' | 'statement';
  /** PLOVER category for events, the reporting verb for statements. */
  type: string;
  text: string;
  /** "Russia → Ukraine", or the speaker. */
  summary: string;
  date: string | null;
  /** The ids of its actors (performers and recipients, or the speaker). */
  actors: string[];
}

export interface RevisionChange {
  previousRevisionId: string | null;
  /** created: the document's first revision (everything in it is new). */
  status: 'created' | 'updated';
  added: ChangeFact[];
  removed: ChangeFact[];
  /** Figures the text changed ("$105 billion" → "$90 billion"). */
  figures: FigureChange[];
  /** The actors the change concerns (of the facts added or retracted, and of a changed figure's sentence). */
  actors: { id: string; name: string }[];
}

/** Whether the feed lists it: a first revision always, a later one when it changed something. */
export const changeShown = (c: RevisionChange): boolean =>
  c.status === 'created' || c.added.length + c.removed.length + c.figures.length > 0;
