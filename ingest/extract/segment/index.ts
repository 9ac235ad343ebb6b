// Segment: the document text becomes sentences and tokens with UTF-16 offsets, UPOS, lemma and
// dependency parse, and the recognizer's entities, from the NLP core (ingest/nlp). A line break ends a sentence (unless the line
// is hard-wrapped mid-sentence), so headlines and subtitles without a full stop stand alone.
import { analyse } from '../../nlp/index.ts';
import type { ParsedSentence } from '../../nlp/types.ts';
import type { Entity, Sentence, Token } from '../model.ts';

export interface Segmented {
  sentences: Sentence[];
  tokens: Token[];
  /** The recognizer's entities over document token indices, in text order. */
  entities: Entity[];
  /** The NLP core's sentences as it gave them: the parse coder's trees read them unchanged. */
  parsed: ParsedSentence[];
}

/** Starts with a capital letter A–Z. */
const capital = (w: string): boolean => w.charCodeAt(0) >= 65 && w.charCodeAt(0) <= 90;
const FINAL = /[.!?"”’)]$/;

export function segment(text: string): Segmented {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const entities: Entity[] = [];
  const parsed = analyse(text);
  for (let i = 0; i < parsed.length; i++) {
    const s = parsed[i];
    const first = tokens.length;
    const index = sentences.length;
    for (let j = 0; j < s.tokens.length; j++) {
      const t = s.tokens[j];
      tokens.push({
        index: tokens.length,
        text: t.text,
        lower: t.text.toLowerCase(),
        cap: capital(t.text),
        lemma: t.lemma,
        pos: t.upos,
        start: t.start,
        end: t.end,
        sentence: index,
        head: t.head < 0 ? -1 : first + t.head,
        deprel: t.deprel,
      });
    }
    for (let j = 0; j < s.entities.length; j++) {
      const e = s.entities[j];
      entities.push({ type: e.type, first: first + e.first, last: first + e.last });
    }
    // A heading: the sentence ends its line without final punctuation.
    const lineEnd = text.indexOf('\n', s.end);
    const restOfLine = text.slice(s.end, lineEnd < 0 ? text.length : lineEnd);
    const heading = restOfLine.trim() === '' && !FINAL.test(text.slice(s.start, s.end));
    sentences.push({ index, start: s.start, end: s.end, first, last: tokens.length, heading });
  }
  return { sentences, tokens, entities, parsed };
}
