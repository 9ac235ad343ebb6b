// The shapes the NLP core (tokenizer, sentence splitter, tagger, parser, entity recognizer)
// hands to the extraction stages. Agreed first so that the components and their users can be
// built in parallel; every offset is a UTF-16 code-unit offset into the report text.

/** A token as the tokenizer cuts it. */
export interface NlpToken {
  text: string;
  start: number;
  end: number; // exclusive
}

/** Universal Dependencies part-of-speech tags (UPOS). */
export type Upos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X';

export interface TaggedToken extends NlpToken {
  upos: Upos;
  lemma: string;
}

export interface ParsedToken extends TaggedToken {
  /** Index of the head token within the same sentence (0-based), or -1 for the root. */
  head: number;
  /** Universal Dependencies relation, with subtype where the model predicts one (e.g. `nsubj:pass`, `obl`). */
  deprel: string;
}

/** Entity types the recognizer predicts (GPE is folded into LOC). */
export type EntityType = 'PER' | 'ORG' | 'LOC';

/** An entity over a token range of one sentence. */
export interface NlpEntity {
  type: EntityType;
  first: number; // token index in the sentence
  last: number; // exclusive
  start: number; // UTF-16 offsets into the report text
  end: number;
}

export interface ParsedSentence {
  index: number;
  start: number;
  end: number;
  tokens: ParsedToken[];
  entities: NlpEntity[];
}
