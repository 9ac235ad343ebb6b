// Training examples for the tagger and the parser, built from a treebank the same way by
// `npm run train` and by experiments, so that a model trained here is the model shipped.
import type { GoldSentence } from '../ingest/nlp/conllu.ts';
import type { LemmaExample } from '../ingest/nlp/lemma.ts';
import { trainLemmatizer } from '../ingest/nlp/lemma.ts';
import type { ParserTrainingSentence } from '../ingest/nlp/parser.ts';
import {
  tagIds,
  train as trainTagger,
  UPOS_ID,
  type TrainingSentence,
} from '../ingest/nlp/tagger.ts';

const X = UPOS_ID.get('X')!;

export function taggerData(sentences: readonly GoldSentence[]): TrainingSentence[] {
  return sentences.map((s) => ({
    words: s.words.map((w) => w.form),
    tags: s.words.map((w) => UPOS_ID.get(w.upos) ?? X),
  }));
}

export function lemmaData(sentences: readonly GoldSentence[]): LemmaExample[] {
  return sentences.flatMap((s) => s.words);
}

/** Relations as the treebank spells them (with subtypes), in a fixed order. */
export function relationsOf(sentences: readonly GoldSentence[]): string[] {
  return [...new Set(sentences.flatMap((s) => s.words.map((w) => w.deprel)))].sort();
}

/**
 * Each sentence's UPOS as a tagger that never saw it predicts them (k-fold jackknifing), so the
 * parser learns from tags as noisy as those it will be given.
 */
export function jackknifedTags(
  sentences: readonly GoldSentence[],
  folds: number,
  iterations: number,
  log: (line: string) => void = () => {},
): Uint8Array[] {
  const data = taggerData(sentences);
  const lemmatizer = trainLemmatizer([]);
  const out: Uint8Array[] = new Array<Uint8Array>(sentences.length);
  for (let f = 0; f < folds; f++) {
    const model = trainTagger(
      data.filter((_, i) => i % folds !== f),
      lemmatizer,
      iterations,
    );
    let right = 0;
    let total = 0;
    data.forEach((s, i) => {
      if (i % folds !== f) return;
      out[i] = tagIds(model, s.words);
      out[i].forEach((t, k) => {
        total++;
        if (t === s.tags[k]) right++;
      });
    });
    log(`jackknife fold ${f + 1}/${folds}: held-out UPOS ${(right / total).toFixed(4)}`);
  }
  return out;
}

export function parserData(
  sentences: readonly GoldSentence[],
  relations: readonly string[],
  tags?: readonly ArrayLike<number>[],
): ParserTrainingSentence[] {
  const gold = taggerData(sentences);
  return sentences.map((s, i) => ({
    words: gold[i].words,
    tags: tags ? tags[i] : gold[i].tags,
    heads: s.words.map((w) => w.head),
    labels: s.words.map((w) => relations.indexOf(w.deprel)),
  }));
}
