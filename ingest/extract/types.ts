// The extraction object: what the pure extraction core returns for one report.
// It is exactly the format `../shared/eval/score.mjs` reads (see shared/eval/README.md).
// Offsets are UTF-16 code-unit offsets into `document.text`, end exclusive.

import type { ActorKind, PloverCategory } from '../../domain/index.ts';

export interface Span {
  start: number;
  end: number;
}

export interface SentenceSpan extends Span {
  index: number;
}

export interface ExtractedDocument {
  id: string;
  title: string | null;
  publishedAt: string | null; // YYYY-MM-DD
  source?: string | null;
  url?: string | null;
  text: string;
  sentences: SentenceSpan[];
}

export interface ExtractedActor {
  /** Canonical id, stable across reports: state:UKR, person:kirill-dmitriev, org:european-union, group:UKR-MIL */
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null; // ISO 3166-1 alpha-3
  sector: string | null; // a code of domain/sectors.ts
  aliases: string[];
  title?: string | null; // role for people: "envoy", "Chancellor"
  /** For people and groups: the state they belong to (state:XXX), if known. */
  affiliation?: string | null;
  mentions: Span[];
}

export interface ExtractedPlace {
  id: string; // place:miami, place:kostiantynivka
  name: string;
  country: string | null;
  aliases?: string[];
  mentions: Span[];
}

export interface ExtractedEvent {
  id: string;
  type: PloverCategory;
  mode: string | null;
  actors: string[]; // actor ids
  recipients: string[]; // actor ids
  place: string | null; // place id
  date: string | null; // YYYY-MM-DD, YYYY-MM or YYYY
  dateText?: string | null;
  sentence: number;
  text: string;
  trigger?: Span;
  /** Further sentences that report the same event (a headline restating the body). */
  alsoIn?: number[];
  /** The news outlet the sentence attributes the report to ("…, Reuters reported"). */
  reportedBy?: string | null;
}

export interface ExtractedStatement {
  id: string;
  speaker: string; // actor id
  verb: string;
  text: string;
  quote: boolean;
  date: string | null;
  sentence: number;
  about: string[];
  reportedBy: string | null;
}

export interface Extraction {
  document: ExtractedDocument;
  actors: ExtractedActor[];
  places: ExtractedPlace[];
  events: ExtractedEvent[];
  statements: ExtractedStatement[];
}

/** What the caller knows about a report besides its text. */
export interface ReportMeta {
  id: string;
  title?: string | null;
  publishedAt?: string | null; // YYYY-MM-DD
  source?: string | null;
  url?: string | null;
}
