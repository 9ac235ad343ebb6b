// Named-entity recognizer: PER, ORG and LOC (countries, cities and regions alike: GPE is folded
// into LOC) over the words of one sentence. A greedy left-to-right averaged perceptron gives each
// word a BILOU tag (Begin, Inside, Last, Unit, Outside); only tags that continue a well-formed
// sequence are allowed, so every prediction decodes to whole entities.
// Features are all in features(); train() learns the weights; tagEntities() predicts.
import { createHash } from 'node:crypto';
import { casedForNames } from './title-case.ts';
import { isCity, matchName, type EntityLexicon } from './entity-lexicon.ts';
import * as hash from './hash.ts';
import * as perceptron from './perceptron.ts';
import type { Weights } from './perceptron.ts';
import { shuffled, UPOS_ID } from './tagger.ts';
import type { EntityType, NlpEntity, NlpToken } from './types.ts';

// Hot functions bound once: tsx compiles imports to getter calls, which the inner loops avoid.
const { hashPrefix, hashString, hashSuffix, mix } = hash;
const { argmax, createTrainer, finish, score, scoreTrainer, tick, update } = perceptron;

export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC'];
/** Learned but never returned: other names (events, works, products, nationalities…), so that a
 * capitalised name that is none of the three is not learned as plain O. */
const MISC = 'MISC';
export const ENTITY_TAGS: readonly string[] = [
  'O',
  ...[...ENTITY_TYPES, MISC].flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`)),
];
const TAG_ID: ReadonlyMap<string, number> = new Map(ENTITY_TAGS.map((t, i) => [t, i]));
const N_TAGS = ENTITY_TAGS.length;

export interface EntityModel {
  weights: Weights;
  /** The dictionaries its features read, as when it was trained. */
  lexicon: EntityLexicon;
}

/** Whether `tag` may follow `prev` in a BILOU sequence. */
function follows(prev: string, tag: string): boolean {
  const open = prev[0] === 'B' || prev[0] === 'I';
  if (tag === 'O' || tag[0] === 'B' || tag[0] === 'U') return !open;
  return open && prev.slice(2) === tag.slice(2); // I- and L- continue an open entity
}
const ALLOWED: boolean[][] = ENTITY_TAGS.map((p) => ENTITY_TAGS.map((t) => follows(p, t)));
/** A sentence may not end inside an entity. */
const CLOSED: boolean[] = ENTITY_TAGS.map((t) => !(t[0] === 'B' || t[0] === 'I'));

// ---------------------------------------------------------------- features

/** What the lexicon's names say of each word: 0, or kind × 2 + (1 first word | 2 later word). */
function gazetteerCodes(lexicon: EntityLexicon, words: readonly string[]): Uint8Array {
  const codes = new Uint8Array(words.length);
  const starts: number[] = [];
  let text = '';
  for (const w of words) {
    starts.push(text.length);
    text += w + ' ';
  }
  for (let i = 0; i < words.length; i++) {
    if (codes[i]) continue;
    const c = words[i].charCodeAt(0);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127)) continue;
    if (c >= 97 && c <= 122 && !lexicon.lowerInitials.has(c)) continue;
    const hit = matchName(lexicon, text, starts[i]);
    if (!hit) continue;
    const end = starts[i] + hit.surface.length;
    const kind = hit.kind * 2;
    for (let j = i; j < words.length && starts[j] < end; j++) codes[j] = kind + (j === i ? 1 : 2);
  }
  return codes;
}

/** Whether a word starts with a capital letter (ASCII decided without a regex). */
function capitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(w);
}

/**
 * Which words start (1) or continue (2) the name of a city of GeoNames (ingest/geo: 25k places of
 * 15,000 people or more), longest first, up to three capitalised words.
 */
function cityCodes(
  lexicon: EntityLexicon,
  words: readonly string[],
  facts: readonly WordFacts[],
  capital: Uint8Array,
): Uint8Array {
  const n = words.length;
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!capital[i]) continue;
    // the run of capitalised words from i, at most three
    let run = 1;
    while (run < 3 && i + run < n && capital[i + run]) run++;
    for (let k = run; k >= 1; k--) {
      if (k === 1 ? !facts[i].city : !isCity(lexicon, words.slice(i, i + k).join(' '))) continue;
      for (let j = i; j < i + k; j++) codes[j] = j === i ? 1 : 2;
      i += k - 1;
      break;
    }
  }
  return codes;
}

/** A code unit's shape class: x, X, d, or the unit itself. */
function shapeClass(word: string, i: number): number {
  const c = word.charCodeAt(i);
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 48 && c <= 57) return 100; // d
  if (c < 128) return c;
  const ch = word[i];
  return ch.toLowerCase() !== ch ? 88 : ch.toUpperCase() !== ch ? 120 : c;
}

/**
 * The hash (hashString) of a word's shape — Xxxx → "Xx", NATO → "X", 1990s → "dx", U.S. →
 * "X.X.": letters and digits collapsed to runs, at most 8 characters — computed as the shape is
 * read, without building it.
 */
function shapeHash(word: string): number {
  let h = 0x811c9dc5;
  let length = 0;
  let last = -1;
  for (let i = 0; i < word.length && length < 8; i++) {
    const c = shapeClass(word, i);
    if (c !== last) {
      h = Math.imul(h ^ c, 0x01000193);
      length++;
    }
    last = c;
  }
  return h | 0;
}

/** A sentence's words as the features read them: each form's facts, and what the words around it
 * say (gazetteer and city codes, runs of capitalised words). */
interface Sentence {
  n: number;
  facts: WordFacts[];
  gaz: Uint8Array;
  city: Uint8Array;
  /** The first and last word of the run of capitalised words this word is in (-1: none). */
  runFirst: Int32Array;
  runLast: Int32Array;
}

const NONE = 0x7fffffff; // hash standing for "no word here"
const START = 0x7ffffffe;

/** What a word form alone gives the features, hashed once per form (see wordFacts). */
interface WordFacts {
  lower: number;
  form: number;
  shape: number;
  pre3: number;
  suf2: number;
  suf3: number;
  suf4: number;
  title: number;
  common: number;
  given: number;
  /** Whether the word starts with a capital letter, and is the name of a city alone. */
  capital: number;
  city: number;
  /** The summed weights of the features of the form alone (OWN_SLOTS) under `ownOf`. */
  own: Float32Array;
  ownOf: Weights | null;
  /** The same with those of the form after an O word (AFTER_O_SLOTS) under `afterOOf`. */
  afterO: Float32Array;
  afterOOf: Weights | null;
}

/**
 * Word forms already hashed, per lexicon: news text repeats its words, and lower-casing and
 * hashing a form and looking it up in three sets cost about a fifth of the recognizer's time.
 */
const factsCache = new WeakMap<EntityLexicon, Map<string, WordFacts>>();

function wordFacts(lexicon: EntityLexicon, word: string): WordFacts {
  let cache = factsCache.get(lexicon);
  if (!cache) factsCache.set(lexicon, (cache = new Map()));
  let f = cache.get(word);
  if (f) return f;
  if (cache.size >= 200_000) cache.clear();
  const lower = word.toLowerCase();
  f = {
    lower: hashString(lower),
    form: hashString(word),
    shape: shapeHash(word),
    pre3: hashPrefix(lower, 3),
    suf2: hashSuffix(lower, 2),
    suf3: hashSuffix(lower, 3),
    suf4: hashSuffix(lower, 4),
    title: lexicon.titles.has(lower) ? 1 : 0,
    common: lexicon.words.has(lower) ? 1 : 0,
    given: lexicon.given.has(lower) ? 1 : 0,
    capital: capitalised(word) ? 1 : 0,
    city: capitalised(word) && isCity(lexicon, word) ? 1 : 0,
    own: new Float32Array(N_TAGS),
    ownOf: null,
    afterO: new Float32Array(N_TAGS),
    afterOOf: null,
  };
  cache.set(word, f);
  return f;
}

function hashSentence(lexicon: EntityLexicon, words: readonly string[]): Sentence {
  const n = words.length;
  const facts = words.map((w) => wordFacts(lexicon, w));
  const capital = new Uint8Array(n);
  for (let i = 0; i < n; i++) capital[i] = facts[i].capital;
  const s: Sentence = {
    n,
    facts,
    gaz: gazetteerCodes(lexicon, words),
    city: cityCodes(lexicon, words, facts, capital),
    runFirst: new Int32Array(n).fill(-1),
    runLast: new Int32Array(n).fill(-1),
  };
  markRuns(words, capital, s.runFirst, s.runLast);
  return s;
}

/** Small words that may join the capitalised words of one name ("Bank of England", "Abelardo de
 * la Espriella"), at most two in a row. */
const NAME_JOINERS: ReadonlySet<string> = new Set(
  ['of', 'for', 'and', 'the', 'on', '&'].concat(
    ['de', 'la', 'le', 'del', 'della', 'da', 'di', 'du', 'des', 'van', 'von', 'der', 'den'],
    ['al', 'bin', 'ibn', 'y'],
  ),
);

/**
 * Runs of capitalised words, joined by NAME_JOINERS, as a name would be written: a greedy
 * left-to-right tagger sees the whole run at its first word ("Consumer Technology Association":
 * the head word "Association" tells an organization from the start).
 */
function markRuns(
  words: readonly string[],
  capital: Uint8Array,
  first: Int32Array,
  last: Int32Array,
): void {
  const n = words.length;
  for (let i = 0; i < n;) {
    if (!capital[i]) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      if (end < n && capital[end]) end++;
      else if (end + 1 < n && NAME_JOINERS.has(words[end]) && capital[end + 1]) end += 2;
      else if (
        end + 2 < n &&
        NAME_JOINERS.has(words[end]) &&
        NAME_JOINERS.has(words[end + 1]) &&
        capital[end + 2]
      )
        end += 3;
      else break;
    }
    for (let j = i; j < end; j++) {
      first[j] = i;
      last[j] = end - 1;
    }
    i = end;
  }
}

export const MAX_FEATURES = 40;

function at(s: Sentence, a: Uint8Array, k: number): number {
  return k < 0 ? START : k >= s.n ? NONE : a[k];
}
// A word's facts k words away from i (START before the sentence, NONE after it).
function lowerAt(s: Sentence, k: number): number {
  return k < 0 ? START : k >= s.n ? NONE : s.facts[k].lower;
}
function shapeAt(s: Sentence, k: number): number {
  return k < 0 ? START : k >= s.n ? NONE : s.facts[k].shape;
}
function titleAt(s: Sentence, k: number): number {
  return k < 0 ? START : k >= s.n ? NONE : s.facts[k].title;
}
function givenAt(s: Sentence, k: number): number {
  return k < 0 ? START : k >= s.n ? NONE : s.facts[k].given;
}

/** The features of word i given the two previous tags: the whole feature set in one place. */
function features(s: Sentence, i: number, p1: number, p2: number, out: Uint32Array): number {
  const w = s.facts[i];
  let n = 0;
  out[n++] = mix(0, 1);
  out[n++] = mix(1, w.lower);
  out[n++] = mix(2, lowerAt(s, i - 1));
  out[n++] = mix(3, lowerAt(s, i + 1));
  out[n++] = mix(4, lowerAt(s, i - 2));
  out[n++] = mix(5, lowerAt(s, i + 2));
  out[n++] = mix(6, lowerAt(s, i - 1), w.lower);
  out[n++] = mix(7, w.lower, lowerAt(s, i + 1));
  out[n++] = mix(8, w.shape);
  out[n++] = mix(9, shapeAt(s, i - 1));
  out[n++] = mix(10, shapeAt(s, i + 1));
  out[n++] = mix(11, w.shape, shapeAt(s, i + 1));
  out[n++] = mix(12, shapeAt(s, i - 1), w.shape);
  out[n++] = mix(13, w.pre3);
  out[n++] = mix(14, w.suf3);
  out[n++] = mix(15, w.suf2);
  out[n++] = mix(16, w.suf4);
  out[n++] = mix(17, s.gaz[i]);
  out[n++] = mix(18, at(s, s.gaz, i - 1));
  out[n++] = mix(19, at(s, s.gaz, i + 1));
  out[n++] = mix(20, w.form);
  out[n++] = mix(21, i === 0 ? 1 : 0, w.shape);
  out[n++] = mix(22, titleAt(s, i - 1), w.title);
  out[n++] = mix(23, p1);
  out[n++] = mix(24, p2, p1);
  out[n++] = mix(25, p1, w.lower);
  out[n++] = mix(26, p1, w.shape);
  out[n++] = mix(27, p1, s.gaz[i]);
  out[n++] = mix(28, lowerAt(s, i - 1), w.shape);
  out[n++] = mix(29, w.shape, lowerAt(s, i + 1));
  out[n++] = mix(30, s.city[i], s.gaz[i]);
  out[n++] = mix(31, at(s, s.city, i - 1), s.city[i], at(s, s.city, i + 1));
  // the run of capitalised words around this one: its last and first word, where this one is
  const first = s.runFirst[i];
  const last = s.runLast[i];
  const where = first < 0 ? 0 : first === last ? 1 : i === first ? 2 : i === last ? 3 : 4;
  out[n++] = mix(32, last < 0 ? NONE : s.facts[last].lower, where);
  out[n++] = mix(33, first < 0 ? NONE : s.facts[first].lower, where);
  out[n++] = mix(34, where, Math.min(last - first, 4), p1);
  // whether the word is an English word as well as (or rather than) a name
  out[n++] = mix(35, w.common, w.shape, i === 0 ? 1 : 0);
  // a given name, and the word after one: "Pablo Ortega" ends a run of offices
  out[n++] = mix(36, w.given * 2 + w.common, w.shape, shapeAt(s, i + 1));
  out[n++] = mix(37, givenAt(s, i - 1), w.shape, p1);
  return n;
}

/**
 * Where features() lists the features of the word form alone (the bias, the word, its shape,
 * prefix, suffixes and form): in prediction their weights are summed once per form (WordFacts).
 */
export const OWN_SLOTS: readonly number[] = [0, 1, 8, 13, 14, 15, 16, 20];
/**
 * Where features() lists the features that are those of the form alone too when the word is not
 * the first and follows an O word (most words scored): its shape at the sentence start or not,
 * the word and its shape after the previous tag, whether it is an English word there.
 */
export const AFTER_O_SLOTS: readonly number[] = [21, 25, 26, 35];
/** Per place in features()' list: 1 in OWN_SLOTS, 2 in AFTER_O_SLOTS, 0 neither. */
const SLOT_KIND = Uint8Array.from({ length: MAX_FEATURES }, (_, k) =>
  OWN_SLOTS.includes(k) ? 1 : AFTER_O_SLOTS.includes(k) ? 2 : 0,
);

/** The features of each word of a sentence with no tag history, as the fingerprint reads them. */
export function sentenceFeatures(lexicon: EntityLexicon, words: readonly string[]): Uint32Array[] {
  const s = hashSentence(lexicon, words);
  const feats = new Uint32Array(MAX_FEATURES);
  return Array.from({ length: s.n }, (_, i) =>
    feats.slice(0, features(s, i, i === 0 ? START : 0, START, feats)),
  );
}

/**
 * sha256 of every feature of every word of these sentences (with no tag history): the weights
 * record it for the held-out test sentences when trained, so that a change to the features
 * (code, lexicon, folding) that was not followed by retraining fails a test instead of silently
 * feeding the weights features they never saw.
 */
export function featureFingerprint(
  lexicon: EntityLexicon,
  sentences: readonly (readonly string[])[],
): string {
  const sha = createHash('sha256');
  for (const words of sentences)
    for (const f of sentenceFeatures(lexicon, words)) sha.update(new Uint8Array(f.buffer));
  return sha.digest('hex');
}

// ---------------------------------------------------------------- predict

/** Parts of speech a name may be tagged with (a name written in lower case: "canada"). */
const NAME_POS: ReadonlySet<number> = new Set(['PROPN', 'NOUN', 'X'].map((t) => UPOS_ID.get(t)!));

/** Whether a word is lower-case ASCII letters only ("said", "the"). */
function lowerCaseWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return w.length > 0;
}

/**
 * Whether word i is O without asking the weights: it opens no entity and continues none (the
 * previous word is O), is written in lower case outside any run of capitalised words, is an
 * English word (SCOWL) and names nothing in the lexicon, and the tagger made it a function
 * word, verb, adjective or adverb. About half the words of news text. Only English words: in
 * all-lower-case text the tagger calls names anything ("president biden said": an auxiliary).
 */
function plainlyOutside(s: Sentence, words: readonly string[], upos: ArrayLike<number>, i: number) {
  return (
    s.runFirst[i] < 0 &&
    s.gaz[i] === 0 &&
    s.city[i] === 0 &&
    s.facts[i].title === 0 &&
    s.facts[i].common === 1 &&
    !NAME_POS.has(upos[i]) &&
    lowerCaseWord(words[i])
  );
}

/** BILOU tag ids for the words of one sentence; with the tagger's UPOS ids of the words, the
 * words plainly outside any name are tagged O without scoring (plainlyOutside). */
export function tagIds(
  model: EntityModel,
  words: readonly string[],
  upos?: ArrayLike<number>,
): Uint8Array {
  const s = hashSentence(model.lexicon, words);
  const tags = new Uint8Array(s.n);
  const feats = new Uint32Array(MAX_FEATURES);
  const context = new Uint32Array(MAX_FEATURES);
  const scores = new Float32Array(N_TAGS);
  const weights = model.weights;
  let p1 = 0;
  let p2 = START;
  for (let i = 0; i < s.n; i++) {
    let t = 0;
    if (!(upos && p1 === 0 && plainlyOutside(s, words, upos, i))) {
      const n = features(s, i, i === 0 ? START : p1, p2, feats);
      const facts = s.facts[i];
      // the summed weights of the word's own features, computed on its first occurrence
      const afterO = i > 0 && p1 === 0;
      let own = facts.own;
      if (afterO) {
        own = facts.afterO;
        if (facts.afterOOf !== weights) {
          let m = 0;
          for (let k = 0; k < n; k++) if (SLOT_KIND[k] !== 0) context[m++] = feats[k];
          score(weights, context, m, own);
          facts.afterOOf = weights;
        }
      } else if (facts.ownOf !== weights) {
        for (let k = 0; k < OWN_SLOTS.length; k++) context[k] = feats[OWN_SLOTS[k]];
        score(weights, context, OWN_SLOTS.length, own);
        facts.ownOf = weights;
      }
      const skip = afterO ? 0 : 2; // the slot kinds looked up one by one
      let m = 0;
      for (let k = 0; k < n; k++)
        if (SLOT_KIND[k] === 0 || SLOT_KIND[k] === skip) context[m++] = feats[k];
      score(weights, context, m, scores);
      for (let c = 0; c < N_TAGS; c++) scores[c] += own[c];
      // the best tag that may follow p1 (and ends any entity at the last word); ties: lower id
      const row = ALLOWED[p1];
      const lastWord = i === s.n - 1;
      let best = -Infinity;
      for (let c = 0; c < N_TAGS; c++)
        if (row[c] && (!lastWord || CLOSED[c]) && scores[c] > best) {
          best = scores[c];
          t = c;
        }
    }
    tags[i] = t;
    p2 = i === 0 ? START : p1;
    p1 = t;
  }
  return tags;
}

/** Word ranges [first, last) of the PER, ORG and LOC entities a BILOU or BIO tag sequence
 * spells (MISC ones are left out). */
export function entitySpans(
  tags: readonly string[],
): { type: EntityType; first: number; last: number }[] {
  const out: { type: EntityType; first: number; last: number }[] = [];
  let open = -1;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 'O';
    const p = tag[0];
    const continues = (p === 'I' || p === 'L') && open >= 0 && tags[open].slice(2) === tag.slice(2);
    if (open >= 0 && !continues) {
      out.push({ type: tags[open].slice(2) as EntityType, first: open, last: i });
      open = -1;
    }
    if (open < 0 && p !== 'O') open = i;
    if ((p === 'L' || p === 'U') && open >= 0) {
      out.push({ type: tag.slice(2) as EntityType, first: open, last: i + 1 });
      open = -1;
    }
  }
  return out.filter((e) => (e.type as string) !== MISC);
}

/** The entities of one sentence's tokens, with offsets into the text; `words` are what the
 * recognizer reads (the tokens' text unless given), `upos` the tagger's tags (see tagIds). */
export function tagEntities(
  model: EntityModel,
  tokens: readonly NlpToken[],
  words: readonly string[] = tokens.map((t) => t.text),
  upos?: ArrayLike<number>,
): NlpEntity[] {
  const tags = Array.from(tagIds(model, words, upos), (t) => ENTITY_TAGS[t]);
  return entitySpans(tags).map((e) => ({
    ...e,
    start: tokens[e.first].start,
    end: tokens[e.last - 1].end,
  }));
}

/** How many words a lexicon name starting at word i spans (0: none). Its GeoNames cities do
 * not count: many are words as well ("Sparks", "Mobile", "Reading"). */
function knownNameAt(lexicon: EntityLexicon, words: readonly string[], i: number): number {
  // Ten words hold the longest name ("United Kingdom of Great Britain and Northern Ireland").
  const text = words.slice(i, i + 10).join(' ') + ' ';
  const hit = matchName(lexicon, text, 0);
  if (!hit) return 0;
  let n = 0;
  for (let at = 0; at < hit.surface.length && i + n < words.length; n++)
    at += words[i + n].length + 1;
  return n;
}

/** The entities of a document's sentences, title-case headlines read with the capitals that
 * the body confirms (title-case.ts); `upos`, the tagger's tags of each sentence (see tagIds). */
export function tagDocumentEntities(
  model: EntityModel,
  sentences: readonly (readonly NlpToken[])[],
  upos?: readonly ArrayLike<number>[],
): NlpEntity[][] {
  const words = casedForNames(
    sentences.map((tokens) => tokens.map((t) => t.text)),
    (w, i) => knownNameAt(model.lexicon, w, i),
  );
  return sentences.map((tokens, k) => tagEntities(model, tokens, words[k], upos?.[k]));
}

// ---------------------------------------------------------------- train

export interface EntitySentence {
  words: readonly string[];
  /** BIO tags: O, B-PER, I-PER, … */
  tags: readonly string[];
}

/** BIO → BILOU ids: a one-word entity is U-, the last word of a longer one L-. */
export function bilouIds(tags: readonly string[]): number[] {
  return tags.map((t, i) => {
    if (t === 'O') return 0;
    const next = tags[i + 1] ?? 'O';
    const more = next[0] === 'I' && next.slice(2) === t.slice(2);
    const p = t[0] === 'B' ? (more ? 'B' : 'U') : more ? 'I' : 'L';
    return TAG_ID.get(`${p}-${t.slice(2)}`) ?? 0;
  });
}

/**
 * Learns the weights. Each word's history is the tags the model itself predicted, as it will be
 * when used; a seeded shuffle per iteration keeps training deterministic.
 */
export function train(
  data: readonly EntitySentence[],
  lexicon: EntityLexicon,
  iterations: number,
  log: (line: string) => void = () => {},
): EntityModel {
  const t = createTrainer(N_TAGS, 1 << 20);
  const feats = new Uint32Array(MAX_FEATURES);
  const scores = new Float32Array(N_TAGS);
  const hashed = data.map((s) => hashSentence(lexicon, s.words));
  const gold = data.map((s) => bilouIds(s.tags));
  for (let it = 0; it < iterations; it++) {
    let wrong = 0;
    let total = 0;
    for (const k of shuffled(
      data.map((_, i) => i),
      it + 1,
    )) {
      const s = hashed[k];
      let p1 = 0;
      let p2 = START;
      for (let i = 0; i < s.n; i++) {
        const n = features(s, i, i === 0 ? START : p1, p2, feats);
        scoreTrainer(t, feats, n, scores);
        const guess = argmax(scores, N_TAGS);
        tick(t);
        update(t, feats, n, gold[k][i], guess);
        if (guess !== gold[k][i]) wrong++;
        total++;
        p2 = i === 0 ? START : p1;
        p1 = guess;
      }
    }
    log(`entities iteration ${it + 1}: train tag error ${(wrong / total).toFixed(4)}`);
  }
  return { weights: finish(t, 0.002), lexicon };
}
