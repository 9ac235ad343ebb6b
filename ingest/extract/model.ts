// The working document that flows through the extraction stages (unified-style: one shape,
// each stage adds its part). Internal to the extractor; `types.ts` is the public output.
import type { EntityType, ParsedSentence } from '../nlp/types.ts';
import type { ExtractedEvent, ExtractedStatement, ReportMeta } from './types.ts';
import type { ActorKind } from '../../domain/index.ts';

export interface Token {
  index: number;
  text: string;
  lower: string;
  /** Starts with a capital letter A–Z. */
  cap: boolean;
  lemma: string;
  pos: string; // universal POS tag from the tagger
  start: number; // UTF-16 offsets into the document text
  end: number;
  sentence: number;
  /** Dependency head: the index of the head token in the document, or -1 for the root. */
  head: number;
  /** Universal Dependencies relation to the head (nsubj, obj, obl, nsubj:pass …). */
  deprel: string;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  first: number; // token range [first, last)
  last: number;
  /** A title, subtitle or other line without final punctuation. */
  heading: boolean;
}

/** What a mention refers to before resolution gives it a canonical id. */
export interface ActorRef {
  kind: ActorKind;
  name: string;
  country: string | null;
  sector: string | null;
  title?: string | null;
  /** Organization subtype, e.g. media; lets statements use media only as reporters. */
  media?: boolean;
  /** A nominal ("the envoy", "Russian envoy") that coreference should replace by a named person. */
  nominal?: boolean;
  plural?: boolean;
  /** The body a described speaker speaks for ("a defense ministry spokesman" → "defense ministry"). */
  unit?: string;
  /** A lone capitalised word with no cue: kept only if resolve links it to a known name. */
  tentative?: boolean;
}

export interface Mention {
  first: number; // token range [first, last)
  last: number;
  start: number;
  end: number;
  sentence: number;
  text: string;
  /** Actor reference, or a place when `place` is set. */
  actor?: ActorRef;
  place?: { name: string; country: string | null; alias?: string };
  /** Pronouns get their antecedent in resolve. */
  pronoun?: 'he' | 'she' | 'it' | 'they';
  /** The further actors a "they" stands for: the rest of a pair ("A and B met. They agreed"). */
  also?: Mention[];
  /** A described speaker that resolve replaced by its body: "he" and "she" may refer to it. */
  spokesperson?: boolean;
  /** Canonical id assigned by resolve. */
  id?: string;
  /** Tokens of a title/demonym prefix swallowed into this mention ("Russian envoy"). */
  prefixFirst?: number;
}

export interface ActorRecord {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  sector: string | null;
  aliases: Set<string>;
  title: string | null;
  affiliation: string | null;
  media: boolean;
  mentions: { start: number; end: number }[];
}

export interface PlaceRecord {
  id: string;
  name: string;
  country: string | null;
  aliases: Set<string>;
  mentions: { start: number; end: number }[];
}

/** A resolved date expression inside a sentence. */
export interface DateMention {
  sentence: number;
  start: number;
  end: number;
  text: string;
  value: string; // YYYY-MM-DD, YYYY-MM or YYYY
}

/** A named entity the recognizer found, over document token indices [first, last). */
export interface Entity {
  type: EntityType;
  first: number;
  last: number;
}

export interface Doc {
  meta: ReportMeta;
  text: string;
  publishedAt: string | null;
  tokens: Token[];
  sentences: Sentence[];
  entities: Entity[];
  /** The NLP core's parse of each sentence, by sentence index (heads relative to the sentence). */
  parsed: ParsedSentence[];
  mentions: Mention[];
  actors: Map<string, ActorRecord>;
  places: Map<string, PlaceRecord>;
  dates: DateMention[];
  events: ExtractedEvent[];
  statements: ExtractedStatement[];
}
