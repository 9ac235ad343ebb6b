// Segment: the document text becomes sentences and tokens with UTF-16 offsets, UPOS, lemma and
// dependency parse, and the recognizer's entities, from the NLP core (ingest/nlp). A line break ends a sentence (unless the line
// is hard-wrapped mid-sentence), so headlines and subtitles without a full stop stand alone.
import { analyse } from '../../nlp/index.ts';
import type { Entity, Sentence, Token } from '../model.ts';

export interface Segmented {
  sentences: Sentence[];
  tokens: Token[];
  /** The recognizer's entities over document token indices, in text order. */
  entities: Entity[];
}

const CAPITAL = /^[A-Z]/;
const FINAL = /[.!?"”’)]$/;

export function segment(text: string): Segmented {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const entities: Entity[] = [];
  for (const s of analyse(text)) {
    const first = tokens.length;
    const index = sentences.length;
    for (const t of s.tokens) {
      tokens.push({
        index: tokens.length,
        text: t.text,
        lower: t.text.toLowerCase(),
        cap: CAPITAL.test(t.text),
        lemma: t.lemma,
        pos: t.upos,
        start: t.start,
        end: t.end,
        sentence: index,
        head: t.head < 0 ? -1 : first + t.head,
        deprel: t.deprel,
      });
    }
    for (const e of s.entities)
      entities.push({ type: e.type, first: first + e.first, last: first + e.last });
    // A heading: the sentence ends its line without final punctuation.
    const lineEnd = text.indexOf('\n', s.end);
    const restOfLine = text.slice(s.end, lineEnd < 0 ? text.length : lineEnd);
    const heading = restOfLine.trim() === '' && !FINAL.test(text.slice(s.start, s.end));
    sentences.push({ index, start: s.start, end: s.end, first, last: tokens.length, heading });
  }
  return { sentences, tokens, entities };
}
