// Tagger and parser accuracy on a gold treebank split, the one computation behind `npm run eval`
// and the quality tests. Gold tokenization (the treebank's words), predicted tags: UPOS accuracy,
// UAS, and LAS over universal relations (subtypes stripped), all words including punctuation,
// as in the CoNLL 2018 shared task's evaluation.
import type { GoldSentence } from './conllu.ts';
import { parse, type ParserModel } from './parser.ts';
import { tagIds, UPOS, type TaggerModel } from './tagger.ts';

export interface TreebankScores {
  sentences: number;
  words: number;
  upos: number;
  lemma: number;
  uas: number;
  las: number;
}

export function scoreTreebank(
  sentences: readonly GoldSentence[],
  tagger: TaggerModel,
  parser: ParserModel | null,
): TreebankScores {
  let words = 0;
  let upos = 0;
  let lemma = 0;
  let uas = 0;
  let las = 0;
  for (const s of sentences) {
    const forms = s.words.map((w) => w.form);
    const tags = tagIds(tagger, forms);
    const tree = parser ? parse(parser, { words: forms, tags }) : null;
    s.words.forEach((w, i) => {
      words++;
      const tag = UPOS[tags[i]];
      if (tag === w.upos) upos++;
      if (tagger.lemmatizer.lemma(w.form, tag) === w.lemma) lemma++;
      if (tree && tree.heads[i] === w.head) {
        uas++;
        const rel = parser!.relations[tree.labels[i]] ?? '';
        if (rel.split(':')[0] === w.deprel.split(':')[0]) las++;
      }
    });
  }
  const r = (x: number) => (words ? x / words : 0);
  return {
    sentences: sentences.length,
    words,
    upos: r(upos),
    lemma: r(lemma),
    uas: r(uas),
    las: r(las),
  };
}
