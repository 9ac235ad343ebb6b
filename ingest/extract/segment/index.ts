// Segment: the document text becomes sentences and tokens with UTF-16 offsets.
// Line breaks always end a sentence, so headlines and subtitles without a full stop stand alone.
import { tag } from '../tagger.ts';
import type { Sentence, Token } from '../model.ts';

export interface Segmented {
  sentences: Sentence[];
  tokens: Token[];
}

const CAPITAL = /^[A-Z]/;
const FINAL = /[.!?"”’)]$/;

export function segment(text: string): Segmented {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) {
      let cursor = 0;
      for (const s of tag(line)) {
        const first = tokens.length;
        for (const t of s.tokens) {
          // The tagger keeps token text verbatim; find it to get offsets.
          const at = line.indexOf(t.value, cursor);
          if (at < 0) continue;
          cursor = at + t.value.length;
          tokens.push({
            index: tokens.length,
            text: t.value,
            lower: t.value.toLowerCase(),
            cap: CAPITAL.test(t.value),
            lemma: t.lemma,
            pos: t.pos,
            start: lineStart + at,
            end: lineStart + cursor,
            sentence: sentences.length,
          });
        }
        if (tokens.length === first) continue;
        const last = tokens.length;
        sentences.push({
          index: sentences.length,
          start: tokens[first].start,
          end: tokens[last - 1].end,
          first,
          last,
          heading: false,
        });
      }
      const lastSentence = sentences[sentences.length - 1];
      if (lastSentence && lastSentence.start >= lineStart && !FINAL.test(line.trimEnd())) {
        lastSentence.heading = true;
      }
    }
    lineStart = lineEnd + 1;
  }
  return { sentences, tokens };
}
