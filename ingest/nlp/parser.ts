// Labelled dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) with the root
// at the end of the buffer, two averaged perceptrons (one picks the transition, one the relation
// of each new arc) and a dynamic oracle for training (Goldberg & Nivre 2013), so the parser learns
// to recover from its own mistakes. Features are all in transitionFeatures() and labelFeatures();
// train() learns the weights; parse() predicts. Linear time: 2n transitions for n words.
import * as hash from './hash.ts';
import * as perceptron from './perceptron.ts';
import type { FeatureCounts, Weights } from './perceptron.ts';
import { shuffled } from './tagger.ts';

// Hot functions bound once: tsx compiles imports to getter calls, which the inner loops avoid.
const { hashString, hashSuffix, mix } = hash;
const { argmax, createTrainer, finish, score, scoreTrainer, tick, update } = perceptron;
const { countFeatures, createCounts, frequentCount, keepFrequent } = perceptron;

export const SHIFT = 0;
export const LEFT = 1; // arc b0 → s0, pop s0
export const RIGHT = 2; // arc s1 → s0, pop s0
export const N_MOVES = 3;

export interface ParserModel {
  moves: Weights;
  labels: Weights;
  /** Relation names; a relation's id is its index. */
  relations: string[];
}

/** A parser input: word forms and their UPOS ids (from the tagger). */
export interface ParserInput {
  words: readonly string[];
  tags: ArrayLike<number>;
}

export interface Parse {
  heads: Int32Array; // 0-based, -1 root
  labels: Int32Array; // relation ids
}

const NONE = 0x7fffffff;
const DIGITS = /\d/g;
const ROOT_WORD = hashString('<root>');

/**
 * The parser state: stack, buffer front, arcs so far, and for each word its leftmost and
 * rightmost dependents (two of each) and how many it has on each side, kept up to date so that
 * features are array lookups.
 */
interface State {
  n: number;
  stack: Int32Array;
  depth: number;
  b: number; // buffer front; n is the root
  heads: Int32Array;
  labels: Int32Array;
  left1: Int32Array;
  left2: Int32Array;
  right1: Int32Array;
  right2: Int32Array;
  nLeft: Int32Array;
  nRight: Int32Array;
  // per-word hashed attributes
  word: Int32Array;
  tag: Int32Array;
  suffix: Int32Array;
}

/** Digits as 0 (1984 and 2023 look alike); most words have none and are returned as they are. */
function zeroDigits(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return w.replace(DIGITS, '0');
  }
  return w;
}

/** A word form's hashes as the features read them, [word, suffix], computed once per form. */
const formCache = new Map<string, Int32Array>();

function formHashes(w: string): Int32Array {
  let h = formCache.get(w);
  if (h) return h;
  if (formCache.size >= 200_000) formCache.clear();
  const lower = zeroDigits(w.toLowerCase());
  h = Int32Array.of(hashString(lower), hashSuffix(lower, 3));
  formCache.set(w, h);
  return h;
}

function newState(input: ParserInput): State {
  const n = input.words.length;
  const s: State = {
    n,
    stack: new Int32Array(n + 1),
    depth: 0,
    b: 0,
    heads: new Int32Array(n).fill(-2),
    labels: new Int32Array(n).fill(-1),
    left1: new Int32Array(n + 1).fill(-1),
    left2: new Int32Array(n + 1).fill(-1),
    right1: new Int32Array(n + 1).fill(-1),
    right2: new Int32Array(n + 1).fill(-1),
    nLeft: new Int32Array(n + 1),
    nRight: new Int32Array(n + 1),
    word: new Int32Array(n + 1),
    tag: new Int32Array(n + 1),
    suffix: new Int32Array(n + 1),
  };
  for (let i = 0; i < n; i++) {
    const h = formHashes(input.words[i]);
    s.word[i] = h[0];
    s.tag[i] = input.tags[i];
    s.suffix[i] = h[1];
  }
  s.word[n] = ROOT_WORD;
  s.tag[n] = 99;
  s.suffix[n] = 0;
  return s;
}

function isValid(s: State, move: number): boolean {
  if (move === SHIFT) return s.b < s.n;
  if (move === LEFT) return s.depth > 0 && (s.b < s.n || s.depth === 1);
  return s.depth > 1;
}

function addArc(s: State, head: number, dep: number, label: number): void {
  s.heads[dep] = head === s.n ? -1 : head;
  s.labels[dep] = label;
  if (dep < head) {
    if (s.left1[head] === -1 || dep < s.left1[head]) {
      s.left2[head] = s.left1[head];
      s.left1[head] = dep;
    } else if (s.left2[head] === -1 || dep < s.left2[head]) s.left2[head] = dep;
    s.nLeft[head]++;
  } else {
    if (s.right1[head] === -1 || dep > s.right1[head]) {
      s.right2[head] = s.right1[head];
      s.right1[head] = dep;
    } else if (s.right2[head] === -1 || dep > s.right2[head]) s.right2[head] = dep;
    s.nRight[head]++;
  }
}

/** Applies a move; the arc's label is given for LEFT and RIGHT. */
function apply(s: State, move: number, label: number): void {
  if (move === SHIFT) {
    s.stack[s.depth++] = s.b++;
  } else if (move === LEFT) {
    addArc(s, s.b, s.stack[--s.depth], label);
  } else {
    const dep = s.stack[--s.depth];
    addArc(s, s.stack[s.depth - 1], dep, label);
  }
}

/** The head the move would give s0 (the dependent of every arc). */
function headOf(s: State, move: number): number {
  return move === LEFT ? s.b : s.stack[s.depth - 2];
}

// Attribute accessors that tolerate "no such word" (-1 or past the end).
function W(s: State, i: number): number {
  return i < 0 ? NONE : s.word[i];
}
function T(s: State, i: number): number {
  return i < 0 ? 100 : s.tag[i];
}
function L(s: State, i: number): number {
  return i < 0 || i >= s.n ? 200 : s.labels[i];
}

export const MAX_MOVE_FEATURES = 64;

/** Features for choosing the next move: the whole transition feature set in one place. */
function transitionFeatures(s: State, out: Uint32Array): number {
  const d = s.depth;
  const s0 = d > 0 ? s.stack[d - 1] : -1;
  const s1 = d > 1 ? s.stack[d - 2] : -1;
  const s2 = d > 2 ? s.stack[d - 3] : -1;
  const b0 = s.b;
  const b1 = b0 + 1 <= s.n ? b0 + 1 : -1;
  const b2 = b0 + 2 <= s.n ? b0 + 2 : -1;
  const b1x = b1 === s.n ? -1 : b1; // the root has no following words
  const b2x = b2 >= s.n || b1x < 0 ? -1 : b2;
  const s0l = s0 >= 0 ? s.left1[s0] : -1;
  const s0l2 = s0 >= 0 ? s.left2[s0] : -1;
  const s0r = s0 >= 0 ? s.right1[s0] : -1;
  const s0r2 = s0 >= 0 ? s.right2[s0] : -1;
  const s1l = s1 >= 0 ? s.left1[s1] : -1;
  const s1r = s1 >= 0 ? s.right1[s1] : -1;
  const b0l = s.left1[b0];
  const b0l2 = s.left2[b0];
  const dist = s0 >= 0 ? Math.min(b0 - s0, 8) : 0;
  const ds01 = s0 >= 0 && s1 >= 0 ? Math.min(s0 - s1, 8) : 0;
  const s0w = W(s, s0);
  const s0t = T(s, s0);
  const s1w = W(s, s1);
  const s1t = T(s, s1);
  const b0w = W(s, b0);
  const b0t = T(s, b0);
  const b1w = W(s, b1x);
  const b1t = T(s, b1x);
  const b2t = T(s, b2x);
  const s2t = T(s, s2);
  let n = 0;
  out[n++] = mix(1, 1);
  // single words
  out[n++] = mix(2, s0w);
  out[n++] = mix(3, s0t);
  out[n++] = mix(4, s0w, s0t);
  out[n++] = mix(5, s1w);
  out[n++] = mix(6, s1t);
  out[n++] = mix(7, s1w, s1t);
  out[n++] = mix(8, b0w);
  out[n++] = mix(9, b0t);
  out[n++] = mix(10, b0w, b0t);
  out[n++] = mix(11, b1w);
  out[n++] = mix(12, b1t);
  out[n++] = mix(13, b1w, b1t);
  out[n++] = mix(14, T(s, b2x));
  out[n++] = mix(15, W(s, b2x));
  out[n++] = mix(16, s2t);
  // pairs
  out[n++] = mix(17, s0w, s0t, mix(0, b0w, b0t));
  out[n++] = mix(18, s0w, s0t, b0w);
  out[n++] = mix(19, s0w, b0w, b0t);
  out[n++] = mix(20, s0w, s0t, b0t);
  out[n++] = mix(21, s0t, b0w, b0t);
  out[n++] = mix(22, s0w, b0w);
  out[n++] = mix(23, s0t, b0t);
  out[n++] = mix(24, b0t, b1t);
  out[n++] = mix(25, s1w, s1t, mix(0, s0w, s0t));
  out[n++] = mix(26, s1t, s0t);
  out[n++] = mix(27, s1w, s0w);
  out[n++] = mix(28, s1t, s0w);
  out[n++] = mix(29, s1w, s0t);
  // triples of tags
  out[n++] = mix(30, b0t, b1t, b2t);
  out[n++] = mix(31, s0t, b0t, b1t);
  out[n++] = mix(32, s1t, s0t, b0t);
  out[n++] = mix(33, s2t, s1t, s0t);
  out[n++] = mix(34, s0t, T(s, s0l), b0t);
  out[n++] = mix(35, s0t, T(s, s0r), b0t);
  out[n++] = mix(36, s0t, b0t, T(s, b0l));
  out[n++] = mix(37, s1t, s0t, T(s, s0l));
  out[n++] = mix(38, s1t, s0t, T(s, s0r));
  out[n++] = mix(39, s1t, T(s, s1r), s0t);
  out[n++] = mix(40, s1t, T(s, s1l), s0t);
  // distance
  out[n++] = mix(41, s0w, dist);
  out[n++] = mix(42, s0t, dist);
  out[n++] = mix(43, b0w, dist);
  out[n++] = mix(44, b0t, dist);
  out[n++] = mix(45, s0w, b0w, dist);
  out[n++] = mix(46, s0t, b0t, dist);
  out[n++] = mix(47, s1t, s0t, ds01);
  out[n++] = mix(48, s1w, s0w, ds01);
  // valency
  out[n++] = mix(49, s0w, s0 >= 0 ? s.nRight[s0] : 0);
  out[n++] = mix(50, s0t, s0 >= 0 ? s.nRight[s0] : 0);
  out[n++] = mix(51, s0w, s0 >= 0 ? s.nLeft[s0] : 0);
  out[n++] = mix(52, s0t, s0 >= 0 ? s.nLeft[s0] : 0);
  out[n++] = mix(53, b0w, s.nLeft[b0]);
  out[n++] = mix(54, b0t, s.nLeft[b0]);
  out[n++] = mix(55, s1t, s1 >= 0 ? s.nRight[s1] : 0);
  // children: words, tags, labels
  out[n++] = mix(56, W(s, s0l), T(s, s0l), L(s, s0l));
  out[n++] = mix(57, W(s, s0r), T(s, s0r), L(s, s0r));
  out[n++] = mix(58, W(s, b0l), T(s, b0l), L(s, b0l));
  out[n++] = mix(59, s0t, L(s, s0l), L(s, s0l2));
  out[n++] = mix(60, s0t, L(s, s0r), L(s, s0r2));
  out[n++] = mix(61, b0t, L(s, b0l), L(s, b0l2));
  out[n++] = mix(62, s0w, L(s, s0r), b0t);
  out[n++] = mix(63, s.suffix[b0 < 0 ? s.n : b0], b0t, s0t);
  return n;
}

export const MAX_LABEL_FEATURES = 32;

/** Features for the relation of a new arc head → dep: the whole label feature set. */
function labelFeatures(s: State, head: number, dep: number, out: Uint32Array): number {
  const hw = W(s, head);
  const ht = T(s, head);
  const dw = W(s, dep);
  const dt = T(s, dep);
  const dir = head < dep ? 1 : 2;
  const dist = Math.min(Math.abs(head - dep), 10);
  const dl = s.left1[dep];
  const dr = s.right1[dep];
  const hl = s.left1[head];
  const hr = s.right1[head];
  const prev = dep > 0 ? dep - 1 : -1;
  const next = dep + 1 < s.n ? dep + 1 : -1;
  let n = 0;
  out[n++] = mix(101, 1);
  out[n++] = mix(102, dw);
  out[n++] = mix(103, dt);
  out[n++] = mix(104, dw, dt);
  out[n++] = mix(105, hw);
  out[n++] = mix(106, ht);
  out[n++] = mix(107, hw, ht);
  out[n++] = mix(108, dt, ht, dir);
  out[n++] = mix(109, dw, ht, dir);
  out[n++] = mix(110, dt, hw, dir);
  out[n++] = mix(111, dw, hw);
  out[n++] = mix(112, dt, ht, dist);
  out[n++] = mix(113, dt, dir, dist);
  out[n++] = mix(114, dw, dir);
  out[n++] = mix(115, s.suffix[dep], dt, dir);
  out[n++] = mix(116, dt, T(s, dl), L(s, dl));
  out[n++] = mix(117, dt, T(s, dr), L(s, dr));
  out[n++] = mix(118, ht, L(s, hl), dir);
  out[n++] = mix(119, ht, L(s, hr), dir);
  out[n++] = mix(120, dt, ht, mix(0, L(s, hl), L(s, hr)));
  out[n++] = mix(121, dt, T(s, prev), T(s, next));
  out[n++] = mix(122, W(s, dl), dt);
  out[n++] = mix(123, dt, head === s.n ? 1 : 0);
  out[n++] = mix(124, ht, s.nLeft[dep], s.nRight[dep]);
  out[n++] = mix(125, dt, ht, W(s, prev));
  out[n++] = mix(126, hw, dt, dir);
  return n;
}

/** Scratch buffers reused across calls (the parser is synchronous and single-threaded). */
const moveFeats = new Uint32Array(MAX_MOVE_FEATURES);
const labelFeats = new Uint32Array(MAX_LABEL_FEATURES);
const moveScores = new Float32Array(N_MOVES);
let labelScores = new Float32Array(64);

function bestValid(s: State, scores: Float32Array): number {
  let best = -1;
  for (let m = 0; m < N_MOVES; m++)
    if (isValid(s, m) && (best < 0 || scores[m] > scores[best])) best = m;
  return best;
}

/**
 * The one valid move where there is no choice (an empty stack shifts; once every word is on the
 * stack it is reduced right to left), else -1: no need to score.
 */
function forcedMove(s: State): number {
  if (s.depth === 0) return SHIFT;
  if (s.b === s.n) return s.depth === 1 ? LEFT : RIGHT;
  return -1;
}

export function parse(model: ParserModel, input: ParserInput): Parse {
  const s = newState(input);
  if (labelScores.length < model.relations.length)
    labelScores = new Float32Array(model.relations.length);
  while (s.depth > 0 || s.b < s.n) {
    let move = forcedMove(s);
    if (move < 0) {
      const nf = transitionFeatures(s, moveFeats);
      score(model.moves, moveFeats, nf, moveScores);
      move = bestValid(s, moveScores);
    }
    let label = -1;
    if (move !== SHIFT) {
      const nl = labelFeatures(s, headOf(s, move), s.stack[s.depth - 1], labelFeats);
      score(model.labels, labelFeats, nl, labelScores);
      label = argmax(labelScores, model.relations.length);
    }
    apply(s, move, label);
  }
  return { heads: s.heads, labels: s.labels };
}

// ---------------------------------------------------------------------------------------------
// Training with a dynamic oracle.

export interface ParserTrainingSentence extends ParserInput {
  heads: readonly number[]; // gold, 0-based, -1 root
  labels: readonly number[]; // gold relation ids
}

/** How many gold arcs a move makes unreachable (arc-hybrid, Goldberg & Nivre 2013). */
function cost(s: State, move: number, gold: Int32Array): number {
  const d = s.depth;
  const s0 = d > 0 ? s.stack[d - 1] : -1;
  const b = s.b;
  const n = s.n;
  let c = 0;
  if (move === SHIFT) {
    // b0 loses heads deeper in the stack than s0, and its dependents on the stack.
    for (let k = 0; k < d; k++) {
      const x = s.stack[k];
      if (gold[b] === x && x !== s0) c++;
      if (gold[x] === b) c++;
    }
    return c;
  }
  // LEFT and RIGHT both pop s0: it loses its dependents still in the buffer …
  for (let k = b; k < n; k++) if (gold[k] === s0) c++;
  const h = gold[s0];
  if (move === LEFT) {
    // … and its head if that is s1 or in the buffer (other than b0).
    const s1 = d > 1 ? s.stack[d - 2] : -1;
    if (h !== b && (h === s1 || h > b)) c++;
  } else {
    // … and its head if that is in the buffer (root included).
    if (h >= b) c++;
  }
  return c;
}

/**
 * How often each move and label feature occurs along the gold path of every training sentence
 * (the least-costly move at each step, the gold relation of each arc): the counts for a feature
 * cutoff (see ParserTraining.minCount).
 */
function countGoldFeatures(data: readonly ParserTrainingSentence[]): {
  moves: FeatureCounts;
  labels: FeatureCounts;
} {
  const moves = createCounts(1 << 22);
  const labels = createCounts(1 << 20);
  for (const sentence of data) {
    const s = newState(sentence);
    const gold = Int32Array.from(sentence.heads, (h) => (h < 0 ? s.n : h));
    while (s.depth > 0 || s.b < s.n) {
      countFeatures(moves, moveFeats, transitionFeatures(s, moveFeats));
      let move = -1;
      let bestCost = Infinity;
      for (let m = 0; m < N_MOVES; m++) {
        if (!isValid(s, m)) continue;
        const c = cost(s, m, gold);
        if (c < bestCost) {
          move = m;
          bestCost = c;
        }
      }
      let label = -1;
      if (move !== SHIFT) {
        const head = headOf(s, move);
        const dep = s.stack[s.depth - 1];
        if (gold[dep] === head) {
          countFeatures(labels, labelFeats, labelFeatures(s, head, dep, labelFeats));
          label = sentence.labels[dep];
        }
      }
      apply(s, move, label);
    }
  }
  return { moves, labels };
}

export interface ParserTraining {
  iterations: number;
  /** Features seen fewer times than this on the gold path get no weights (1: all do). */
  minCount?: number;
  /** Weights of magnitude at most this are left out of the model (see perceptron.prune). */
  minWeight?: number;
  log?: (line: string) => void;
  /** Called with the averaged model after each iteration (the same as training that many). */
  onIteration?: (iteration: number, model: ParserModel) => void;
}

export function train(
  data: readonly ParserTrainingSentence[],
  relations: string[],
  { iterations, minCount = 1, minWeight = 0, log = () => {}, onIteration }: ParserTraining,
): ParserModel {
  const counts = minCount > 1 ? countGoldFeatures(data) : null;
  if (counts)
    log(
      `parser features seen ≥ ${minCount} times: ${frequentCount(counts.moves, minCount)} of ` +
        `${counts.moves.size} move, ${frequentCount(counts.labels, minCount)} of ` +
        `${counts.labels.size} label`,
    );
  const frequent = (c: FeatureCounts | undefined, feats: Uint32Array, n: number) =>
    c ? keepFrequent(c, feats, n, minCount) : n;
  const moves = createTrainer(N_MOVES, 1 << 22);
  const labels = createTrainer(relations.length, 1 << 20);
  const scores = new Float32Array(relations.length);
  let rand = 12345;
  const random = () => {
    rand = (Math.imul(rand, 1103515245) + 12345) >>> 0;
    return rand / 4294967296;
  };
  for (let it = 0; it < iterations; it++) {
    let correct = 0;
    let total = 0;
    const explore = it > 0;
    for (const k of shuffled(
      data.map((_, i) => i),
      1000 + it,
    )) {
      const sentence = data[k];
      const s = newState(sentence);
      // gold heads with the root as index n
      const gold = Int32Array.from(sentence.heads, (h) => (h < 0 ? s.n : h));
      while (s.depth > 0 || s.b < s.n) {
        const nf = frequent(counts?.moves, moveFeats, transitionFeatures(s, moveFeats));
        scoreTrainer(moves, moveFeats, nf, moveScores);
        const guess = bestValid(s, moveScores);
        // the best-scoring move among those of least cost
        let best = -1;
        let bestCost = Infinity;
        const costs = [0, 0, 0];
        for (let m = 0; m < N_MOVES; m++) {
          if (!isValid(s, m)) continue;
          costs[m] = cost(s, m, gold);
          if (costs[m] < bestCost || (costs[m] === bestCost && moveScores[m] > moveScores[best])) {
            best = m;
            bestCost = costs[m];
          }
        }
        tick(moves);
        if (costs[guess] > bestCost) update(moves, moveFeats, nf, best, guess);
        const move = explore && random() < 0.9 ? guess : best;
        let label = -1;
        if (move !== SHIFT) {
          const head = headOf(s, move);
          const dep = s.stack[s.depth - 1];
          const nl = frequent(counts?.labels, labelFeats, labelFeatures(s, head, dep, labelFeats));
          scoreTrainer(labels, labelFeats, nl, scores);
          label = argmax(scores, relations.length);
          if (gold[dep] === head) {
            tick(labels);
            update(labels, labelFeats, nl, sentence.labels[dep], label);
            if (label === sentence.labels[dep]) correct++;
            total++;
            label = sentence.labels[dep];
          }
        }
        apply(s, move, label);
      }
    }
    log(
      `parser iteration ${it + 1}: ${moves.nRows} move features, label accuracy on right arcs ${(correct / total).toFixed(4)}`,
    );
    if (onIteration && it + 1 < iterations)
      onIteration(it + 1, {
        moves: finish(moves, minWeight),
        labels: finish(labels, minWeight),
        relations,
      });
  }
  return { moves: finish(moves, minWeight), labels: finish(labels, minWeight), relations };
}
