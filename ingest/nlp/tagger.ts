// Part-of-speech tagger: UPOS by a greedy left-to-right averaged perceptron (after Honnibal's
// 2013 "A good POS tagger in about 200 lines"), with the lemma from lemma.ts.
// Features are all in features(); train() learns the weights; tag() predicts.
import * as hash from './hash.ts';
import type { Lemmatizer } from './lemma.ts';
import * as perceptron from './perceptron.ts';
import type { Weights } from './perceptron.ts';
import type { Upos } from './types.ts';

// Hot functions bound once: tsx compiles imports to getter calls, which the inner loops avoid.
const { hashPrefix, hashString, hashSuffix, mix } = hash;
const { argmax, createTrainer, finish, score, scoreTrainer, tick, update } = perceptron;

export const UPOS: readonly Upos[] = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
];
export const UPOS_ID: ReadonlyMap<string, number> = new Map(UPOS.map((t, i) => [t, i]));

export interface TaggerModel {
  weights: Weights;
  /** Frequent words that always take one tag: lower-cased form → tag id. */
  tagDict: Map<string, number>;
  lemmatizer: Lemmatizer;
}

/** What a word form alone gives the features, hashed once per form (see formHashes). */
interface FormHashes {
  /** Lower-cased and normalised: the tag dictionary's key. */
  key: string;
  lower: number;
  form: number;
  suf1: number;
  suf2: number;
  suf3: number;
  suf4: number;
  pre1: number;
  pre3: number;
  shape: number;
  /** The tag dictionary's tag for key (-1: none) in `dictOf`, looked up once per dictionary. */
  dictTag: number;
  dictOf: ReadonlyMap<string, number> | null;
}

/** A sentence's words as the features read them. */
interface Sentence {
  n: number;
  words: FormHashes[];
}

const NONE = 0x7fffffff; // hash standing for "no token here" (before start / after end)
const START = 0x7ffffffe;

/** A code unit's shape class: X, x, d, or the unit itself. */
function shapeClass(w: string, i: number): number {
  const c = w.charCodeAt(i);
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 48 && c <= 57) return 100; // d
  if (c < 128) return c;
  const ch = w[i];
  return /\p{Lu}/u.test(ch) ? 88 : /\p{Ll}/u.test(ch) ? 120 : /\p{N}/u.test(ch) ? 100 : c;
}

/**
 * The hash (hashString) of a word's shape — Xxxx, dd, X.X. … with runs longer than two
 * collapsed, at most 6 characters kept — computed as the shape is read, without building it.
 */
function shapeHash(w: string): number {
  let h = 0x811c9dc5;
  let length = 0;
  let last = -1;
  let run = 0;
  for (let i = 0; i < w.length && length < 6; i++) {
    const c = shapeClass(w, i);
    if (c === last) run++;
    else run = 0;
    last = c;
    if (run < 2) {
      h = Math.imul(h ^ c, 0x01000193);
      length++;
    }
  }
  return h | 0;
}

/**
 * Word forms already hashed: text repeats its words, and lower-casing, normalising and hashing a
 * form nine ways cost more than the map lookup. Bounded: cleared when full.
 */
const formCache = new Map<string, FormHashes>();

function formHashes(w: string): FormHashes {
  let f = formCache.get(w);
  if (f) return f;
  if (formCache.size >= 200_000) formCache.clear();
  const lower = normalise(w.toLowerCase());
  f = {
    key: lower,
    lower: hashString(lower),
    form: hashString(w),
    suf1: hashSuffix(lower, 1),
    suf2: hashSuffix(lower, 2),
    suf3: hashSuffix(lower, 3),
    suf4: hashSuffix(lower, 4),
    pre1: hashPrefix(w, 1),
    pre3: hashPrefix(lower, 3),
    shape: shapeHash(w),
    dictTag: -1,
    dictOf: null,
  };
  formCache.set(w, f);
  return f;
}

function hashSentence(words: readonly string[]): Sentence {
  return { n: words.length, words: words.map(formHashes) };
}

/** The tag dictionary's tag for a form (undefined: none), remembered with the form. */
function dictTag(dict: ReadonlyMap<string, number>, f: FormHashes): number | undefined {
  if (f.dictOf !== dict) {
    f.dictTag = dict.get(f.key) ?? -1;
    f.dictOf = dict;
  }
  return f.dictTag < 0 ? undefined : f.dictTag;
}

/** Digits collapse (1984 and 2023 look alike); curly quotes become straight. */
function normalise(lower: string): string {
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 48 && c <= 57) return lower.replace(/\d/g, '0');
    if (c >= 0x2018 && c <= 0x201d) return lower.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  }
  return lower;
}

export const MAX_FEATURES = 32;

// A word's hashes k words away from i (START before the sentence, NONE after it).
function lowerAt(s: Sentence, k: number): number {
  return k < 0 ? START : k >= s.n ? NONE : s.words[k].lower;
}
function suf3At(s: Sentence, k: number): number {
  return k < 0 ? START : k >= s.n ? NONE : s.words[k].suf3;
}
function suf2At(s: Sentence, k: number): number {
  return k < 0 ? START : k >= s.n ? NONE : s.words[k].suf2;
}
function shapeAt(s: Sentence, k: number): number {
  return k < 0 ? START : k >= s.n ? NONE : s.words[k].shape;
}

/** The features of token i given the two previous tags: the whole feature set in one place. */
function features(s: Sentence, i: number, p1: number, p2: number, out: Uint32Array): number {
  const w = s.words[i];
  let n = 0;
  out[n++] = mix(0, 1);
  out[n++] = mix(1, w.lower);
  out[n++] = mix(2, w.suf3);
  out[n++] = mix(3, w.pre1);
  out[n++] = mix(4, p1);
  out[n++] = mix(5, p2);
  out[n++] = mix(6, p1, p2);
  out[n++] = mix(7, w.lower, p1);
  out[n++] = mix(8, lowerAt(s, i - 1));
  out[n++] = mix(9, suf3At(s, i - 1));
  out[n++] = mix(10, lowerAt(s, i - 2));
  out[n++] = mix(11, lowerAt(s, i + 1));
  out[n++] = mix(12, suf3At(s, i + 1));
  out[n++] = mix(13, lowerAt(s, i + 2));
  out[n++] = mix(14, w.suf2);
  out[n++] = mix(15, w.suf4);
  out[n++] = mix(16, w.shape);
  out[n++] = mix(17, w.form);
  out[n++] = mix(18, w.suf1);
  out[n++] = mix(19, w.pre3);
  out[n++] = mix(20, shapeAt(s, i - 1), w.shape);
  out[n++] = mix(21, w.lower, lowerAt(s, i + 1));
  out[n++] = mix(22, lowerAt(s, i - 1), w.lower);
  out[n++] = mix(23, p1, lowerAt(s, i + 1));
  out[n++] = mix(24, shapeAt(s, i + 1));
  out[n++] = mix(25, i === 0 ? 1 : 0, w.shape);
  out[n++] = mix(26, p1, w.suf3);
  out[n++] = mix(27, suf2At(s, i + 1), suf2At(s, i + 2));
  return n;
}

/** UPOS ids of a sentence's words. */
export function tagIds(model: TaggerModel, words: readonly string[]): Uint8Array {
  const s = hashSentence(words);
  const tags = new Uint8Array(s.n);
  const feats = new Uint32Array(MAX_FEATURES);
  const scores = new Float32Array(UPOS.length);
  let p1 = START;
  let p2 = START;
  for (let i = 0; i < s.n; i++) {
    let t = dictTag(model.tagDict, s.words[i]);
    if (t === undefined) {
      const n = features(s, i, p1, p2, feats);
      score(model.weights, feats, n, scores);
      t = argmax(scores, UPOS.length);
    }
    tags[i] = t;
    p2 = p1;
    p1 = t;
  }
  return tags;
}

export interface TaggedWord {
  upos: Upos;
  lemma: string;
}

export function tag(model: TaggerModel, words: readonly string[]): TaggedWord[] {
  const ids = tagIds(model, words);
  return words.map((w, i) => {
    const upos = UPOS[ids[i]];
    return { upos, lemma: model.lemmatizer.lemma(w, upos) };
  });
}

export interface TrainingSentence {
  words: readonly string[];
  tags: readonly number[];
}

/** Words seen at least `minCount` times with one tag at least `purity` of the time. */
function buildTagDict(data: readonly TrainingSentence[], minCount = 20, purity = 0.995) {
  const counts = new Map<string, number[]>();
  for (const s of data)
    s.words.forEach((w, i) => {
      const key = normalise(w.toLowerCase());
      let c = counts.get(key);
      if (!c) counts.set(key, (c = new Array<number>(UPOS.length).fill(0)));
      c[s.tags[i]]++;
    });
  const dict = new Map<string, number>();
  for (const [w, c] of counts) {
    const total = c.reduce((a, b) => a + b, 0);
    const best = c.indexOf(Math.max(...c));
    if (total >= minCount && c[best] / total >= purity) dict.set(w, best);
  }
  return dict;
}

/** A seeded shuffle (mulberry32), so training is reproducible. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function train(
  data: readonly TrainingSentence[],
  lemmatizer: Lemmatizer,
  iterations: number,
  log: (line: string) => void = () => {},
  /** Weights of magnitude at most this are left out of the model (see perceptron.prune). */
  minWeight = 0.002,
): TaggerModel {
  const tagDict = buildTagDict(data);
  const t = createTrainer(UPOS.length, 1 << 20);
  const feats = new Uint32Array(MAX_FEATURES);
  const scores = new Float32Array(UPOS.length);
  const hashed = data.map((s) => hashSentence(s.words));
  for (let it = 0; it < iterations; it++) {
    let correct = 0;
    let total = 0;
    for (const k of shuffled(
      data.map((_, i) => i),
      it + 1,
    )) {
      const s = hashed[k];
      const gold = data[k].tags;
      let p1 = START;
      let p2 = START;
      for (let i = 0; i < s.n; i++) {
        let guess = dictTag(tagDict, s.words[i]);
        if (guess === undefined) {
          const n = features(s, i, p1, p2, feats);
          scoreTrainer(t, feats, n, scores);
          guess = argmax(scores, UPOS.length);
          tick(t);
          update(t, feats, n, gold[i], guess);
        }
        if (guess === gold[i]) correct++;
        total++;
        p2 = p1;
        p1 = guess;
      }
    }
    log(`tagger iteration ${it + 1}: train accuracy ${(correct / total).toFixed(4)}`);
  }
  return { weights: finish(t, minWeight), tagDict, lemmatizer };
}
