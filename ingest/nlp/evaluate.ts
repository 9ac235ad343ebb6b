// Tagger and parser accuracy on a gold treebank split, the one computation behind `npm run eval`
// and the quality tests. Gold tokenization (the treebank's words), predicted tags: UPOS accuracy,
// UAS, and LAS over universal relations (subtypes stripped), all words including punctuation,
// as in the CoNLL 2018 shared task's evaluation.
import type { GoldSentence } from './conllu.ts';
import {
  ENTITY_TAGS,
  ENTITY_TYPES,
  entitySpans,
  tagIds as entityTagIds,
  type EntityModel,
  type EntitySentence,
} from './entities.ts';
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

export interface EntityScore {
  type: string;
  p: number;
  r: number;
  f: number;
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Entity recognizer scores on gold sentences: exact span (both boundaries and the type must
 * match), per type and "all" (micro), as in the CoNLL shared tasks. With the tagger, the
 * recognizer reads its tags as analyse() gives them (see entities.ts tagIds).
 */
export function scoreEntities(
  model: EntityModel,
  gold: readonly EntitySentence[],
  tagger?: TaggerModel,
): EntityScore[] {
  const count = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const t of [...ENTITY_TYPES, 'all']) count.set(t, { tp: 0, fp: 0, fn: 0 });
  const key = (e: { type: string; first: number; last: number }): string =>
    `${e.type}:${e.first}:${e.last}`;
  const bump = (type: string, what: 'tp' | 'fp' | 'fn'): void => {
    count.get(type)![what]++;
    count.get('all')![what]++;
  };
  for (const s of gold) {
    const want = new Set(entitySpans(s.tags).map(key));
    const upos = tagger && tagIds(tagger, s.words);
    const got = entitySpans(Array.from(entityTagIds(model, s.words, upos), (t) => ENTITY_TAGS[t]));
    const gotKeys = new Set(got.map(key));
    for (const e of got) bump(e.type, want.has(key(e)) ? 'tp' : 'fp');
    for (const k of want) if (!gotKeys.has(k)) bump(k.split(':')[0], 'fn');
  }
  return [...count].map(([type, { tp, fp, fn }]) => {
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    return { type, p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
  });
}
