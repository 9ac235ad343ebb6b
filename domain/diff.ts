// What one ingest did to the graph: printed by the CLI, returned by POST /api/documents.

export interface DiffActor {
  id: string;
  name: string;
  kind: string;
}

export interface DiffFact {
  id: string;
  /** PLOVER category for events, the reporting verb for statements. */
  type: string;
  text: string;
  /** Actor names: actor → recipients for events, speaker for statements. */
  summary: string;
}

/**
 * What named a report's document, most specific first: the id it was given (in the file, the
 * form or --id), its web address, its title with source and date, its file name, or its text.
 */
export type DocumentIdSource = 'id' | 'url' | 'title' | 'file-name' | 'text';

/** Why a report became a new revision of a document that already existed. */
export interface RevisionOf {
  matchedBy: DocumentIdSource;
  /** One sentence for the analyst: which document, what matched, how to keep them apart. */
  message: string;
}

export interface RevisionDiff {
  documentId: string;
  title: string | null;
  /** The revision now CURRENT (its id is derived from the content hash). */
  revisionId: string;
  previousRevisionId: string | null;
  /** created: first revision of this id; updated: new revision; unchanged: same content, nothing written. */
  status: 'created' | 'updated' | 'unchanged';
  dryRun: boolean;
  actors: { added: DiffActor[]; removed: DiffActor[] };
  events: { added: DiffFact[]; removed: DiffFact[] };
  statements: { added: DiffFact[]; removed: DiffFact[] };
  ms: number;
  /** Set when status is updated: the report matched a document that existed before it. */
  revisionOf?: RevisionOf;
}
