// Averaged perceptron over hashed features, shared by the tagger and the parser.
// A feature is a non-zero 32-bit hash (see hash.ts); the weights of one feature are a row of
// nClasses floats, of which only a few are not zero (a word like "the" only ever votes for a
// couple of relations), so rows are kept sparse: scoring a token is a handful of integer probes
// and a few additions per feature, with no strings and no per-token objects.

/**
 * Weights for prediction: an open-addressing table (capacity a power of two, key 0 = empty) of
 * `stride` 32-bit words a slot, the feature first. Lookups are bound by cache misses, so a row
 * sits in its slot where it can: with at most three classes (the parser's moves) the slot holds
 * the row itself. With more classes, where a row has a few non-zero weights among many (a word
 * like "the" only ever votes for a couple of relations), the slot holds where the row starts in
 * `entries` times 256 plus its length, and the row is (class, weight) pairs side by side.
 */
export interface Weights {
  nClasses: number;
  /** Home slots are 0 … mask; rows that do not fit at the end run on past it (no wrap-around). */
  mask: number;
  /** A feature's home slot is the top bits of its spread hash: spread(f) >>> shift. */
  shift: number;
  stride: number;
  /** The table as 32-bit words: feature, then the row or where it is. */
  slots: Uint32Array;
  /** The same table's words read as weights (inline rows). */
  weights: Float32Array;
  /** Sparse rows: class ids at even words (read through entryClasses), weights at odd ones. */
  entries: Float32Array;
  entryClasses: Uint32Array;
  /** Number of features. */
  size: number;
}

/** Rows of at most this many classes are kept inline in their slot. */
const INLINE_CLASSES = 3;

/**
 * A feature hash spread over 32 bits (Fibonacci hashing). Model files list features in this
 * order and tables take a feature's home slot from its top bits, so loading fills a table front
 * to back instead of writing all over it.
 */
export function spread(f: number): number {
  return Math.imul(f, 0x9e3779b1) >>> 0;
}

/** Training state: a growable row table, with the running totals for averaging (lazy updates). */
export interface Trainer {
  nClasses: number;
  keys: Uint32Array;
  rows: Int32Array;
  values: Float32Array;
  nRows: number;
  totals: Float64Array;
  stamps: Int32Array;
  clock: number;
}

export function createTrainer(nClasses: number, capacity = 1 << 16): Trainer {
  return {
    nClasses,
    keys: new Uint32Array(capacity),
    rows: new Int32Array(capacity),
    values: new Float32Array(1024 * nClasses),
    totals: new Float64Array(1024 * nClasses),
    stamps: new Int32Array(1024 * nClasses),
    nRows: 0,
    clock: 0,
  };
}

/**
 * How often each feature occurs in the training data, counted before training: a feature seen
 * fewer than k times is given no weights at all (keepFrequent), which keeps a model small and its
 * lookups in cache at little cost in accuracy (the rare features are mostly word pairs seen once).
 */
export interface FeatureCounts {
  keys: Uint32Array;
  counts: Uint32Array;
  size: number;
}

export function createCounts(capacity = 1 << 20): FeatureCounts {
  return { keys: new Uint32Array(capacity), counts: new Uint32Array(capacity), size: 0 };
}

/** The slot of f in the count table: where it is, or the empty slot where it would go. */
function countSlot(keys: Uint32Array, f: number): number {
  const mask = keys.length - 1;
  let slot = spread(f);
  for (;;) {
    slot &= mask;
    const k = keys[slot];
    if (k === f || k === 0) return slot;
    slot++;
  }
}

export function countFeatures(c: FeatureCounts, feats: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    if ((c.size + 1) * 2 > c.keys.length) {
      const { keys, counts } = c;
      c.keys = new Uint32Array(keys.length * 2);
      c.counts = new Uint32Array(keys.length * 2);
      for (let s = 0; s < keys.length; s++) {
        if (keys[s] === 0) continue;
        const to = countSlot(c.keys, keys[s]);
        c.keys[to] = keys[s];
        c.counts[to] = counts[s];
      }
    }
    const slot = countSlot(c.keys, feats[i]);
    if (c.keys[slot] === 0) {
      c.keys[slot] = feats[i];
      c.size++;
    }
    c.counts[slot]++;
  }
}

/** Moves the features counted at least minCount times to the front of feats; their number. */
export function keepFrequent(
  c: FeatureCounts,
  feats: Uint32Array,
  n: number,
  minCount: number,
): number {
  if (minCount <= 1) return n;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const slot = countSlot(c.keys, feats[i]);
    if (c.counts[slot] >= minCount) feats[kept++] = feats[i];
  }
  return kept;
}

/** How many features were counted at least minCount times. */
export function frequentCount(c: FeatureCounts, minCount: number): number {
  let n = 0;
  for (let s = 0; s < c.keys.length; s++) if (c.keys[s] !== 0 && c.counts[s] >= minCount) n++;
  return n;
}

/** The slot of feature f, or -1. */
function find(w: Trainer, f: number): number {
  const mask = w.keys.length - 1;
  let slot = Math.imul(f, 0x9e3779b1) >>> 0;
  for (;;) {
    slot &= mask;
    const k = w.keys[slot];
    if (k === f) return slot;
    if (k === 0) return -1;
    slot++;
  }
}

/** Row descriptors found by scoreSparse(), reused across calls. */
let found = new Uint32Array(64);
/** Where the touching loads go, so that they are not optimised away. */
let _sink = 0;

/**
 * Adds each feature's weights to scores (which it first zeroes). The tables are far larger than
 * the caches, so nearly every feature costs a cache miss; scoring is bound by them. Each step
 * below therefore first touches what the next one reads in a loop whose loads do not depend on
 * one another and that has no branch on what it loads: the misses then overlap instead of
 * waiting on each other (about 1.5× faster than probing feature by feature). The two layouts
 * have a function each, so that each stays small and monomorphic for the compiler.
 */
export function score(w: Weights, feats: Uint32Array, n: number, scores: Float32Array): void {
  if (w.nClasses === INLINE_CLASSES) scoreInline3(w, feats, n, scores);
  else if (w.nClasses < INLINE_CLASSES) scoreInline(w, feats, n, scores);
  else scoreSparse(w, feats, n, scores);
}

/**
 * Three classes inline (the parser's moves, its hottest loop): sums in locals, each add rounded
 * to float32 as a store into scores would be, so the result is the same to the bit.
 */
function scoreInline3(w: Weights, feats: Uint32Array, n: number, scores: Float32Array): void {
  const mask = w.mask;
  const shift = w.shift;
  const slots = w.slots;
  const weights = w.weights;
  let touched = 0;
  for (let i = 0; i < n; i++) touched ^= slots[((spread(feats[i]) >>> shift) & mask) << 2];
  _sink ^= touched;
  let a = 0;
  let b = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const f = feats[i];
    const key = spread(f);
    let slot = key >>> shift;
    for (;;) {
      const base = slot << 2;
      const k = slots[base];
      if (k === f) {
        a = Math.fround(a + weights[base + 1]);
        b = Math.fround(b + weights[base + 2]);
        c = Math.fround(c + weights[base + 3]);
        break;
      }
      if (k === 0 || spread(k) > key) break; // not in the table (see fromSparseArrays)
      slot++;
    }
  }
  scores[0] = a;
  scores[1] = b;
  scores[2] = c;
}

function scoreInline(w: Weights, feats: Uint32Array, n: number, scores: Float32Array): void {
  const C = w.nClasses;
  const { shift, stride, slots, weights } = w;
  scores.fill(0, 0, C);
  for (let i = 0; i < n; i++) {
    const f = feats[i];
    const key = spread(f);
    let slot = key >>> shift;
    for (;;) {
      const base = slot * stride;
      const k = slots[base];
      if (k === f) {
        for (let c = 0; c < C; c++) scores[c] += weights[base + 1 + c];
        break;
      }
      if (k === 0 || spread(k) > key) break;
      slot++;
    }
  }
}

function scoreSparse(w: Weights, feats: Uint32Array, n: number, scores: Float32Array): void {
  const mask = w.mask;
  const shift = w.shift;
  const slots = w.slots;
  scores.fill(0, 0, w.nClasses);
  let touched = 0;
  for (let i = 0; i < n; i++) touched ^= slots[((spread(feats[i]) >>> shift) & mask) << 1];
  if (found.length < n) found = new Uint32Array(n);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const f = feats[i];
    const key = spread(f);
    let slot = key >>> shift;
    for (;;) {
      const k = slots[slot << 1];
      if (k === f) {
        found[rows++] = slots[(slot << 1) + 1];
        break;
      }
      if (k === 0 || spread(k) > key) break;
      slot++;
    }
  }
  const entries = w.entries;
  const classes = w.entryClasses;
  for (let r = 0; r < rows; r++) touched ^= classes[(found[r] >>> 8) << 1];
  _sink ^= touched;
  for (let r = 0; r < rows; r++) {
    const row = found[r];
    let j = (row >>> 8) << 1;
    const end = j + ((row & 255) << 1);
    for (; j < end; j += 2) scores[classes[j]] += entries[j + 1];
  }
}

/** The same over a model in training. */
export function scoreTrainer(
  t: Trainer,
  feats: Uint32Array,
  n: number,
  scores: Float32Array,
): void {
  const C = t.nClasses;
  scores.fill(0, 0, C);
  for (let i = 0; i < n; i++) {
    const s = find(t, feats[i]);
    if (s < 0) continue;
    const base = t.rows[s] * C;
    for (let c = 0; c < C; c++) scores[c] += t.values[base + c];
  }
}

/** The best class among those allowed (all when allowed is omitted); ties go to the lower id. */
export function argmax(scores: Float32Array, n: number, allowed?: (c: number) => boolean): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    if (allowed && !allowed(c)) continue;
    if (scores[c] > bestScore) {
      best = c;
      bestScore = scores[c];
    }
  }
  return best;
}

function grow(t: Trainer): void {
  const keys = t.keys;
  const rows = t.rows;
  t.keys = new Uint32Array(keys.length * 2);
  t.rows = new Int32Array(keys.length * 2);
  const mask = t.keys.length - 1;
  for (let s = 0; s < keys.length; s++) {
    if (keys[s] === 0) continue;
    let slot = Math.imul(keys[s], 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= mask;
      if (t.keys[slot] === 0) break;
      slot++;
    }
    t.keys[slot] = keys[s];
    t.rows[slot] = rows[s];
  }
}

function rowFor(t: Trainer, f: number): number {
  const s = find(t, f);
  if (s >= 0) return t.rows[s];
  if ((t.nRows + 1) * 2 > t.keys.length) grow(t);
  const C = t.nClasses;
  if ((t.nRows + 1) * C > t.values.length) {
    const size = t.values.length * 2;
    const values = new Float32Array(size);
    values.set(t.values);
    const totals = new Float64Array(size);
    totals.set(t.totals);
    const stamps = new Int32Array(size);
    stamps.set(t.stamps);
    t.values = values;
    t.totals = totals;
    t.stamps = stamps;
  }
  const mask = t.keys.length - 1;
  let slot = Math.imul(f, 0x9e3779b1) >>> 0;
  for (;;) {
    slot &= mask;
    if (t.keys[slot] === 0) break;
    slot++;
  }
  t.keys[slot] = f;
  t.rows[slot] = t.nRows;
  return t.nRows++;
}

function bump(t: Trainer, i: number, delta: number): void {
  t.totals[i] += (t.clock - t.stamps[i]) * t.values[i];
  t.stamps[i] = t.clock;
  t.values[i] += delta;
}

/** One perceptron step: towards truth, away from guess. Call tick() once per example. */
export function update(
  t: Trainer,
  feats: Uint32Array,
  n: number,
  truth: number,
  guess: number,
): void {
  if (truth === guess) return;
  const C = t.nClasses;
  for (let i = 0; i < n; i++) {
    const base = rowFor(t, feats[i]) * C;
    bump(t, base + truth, 1);
    bump(t, base + guess, -1);
  }
}

export function tick(t: Trainer): void {
  t.clock++;
}

/** A feature and its non-zero weights as [class, weight] pairs. */
type Row = [feature: number, entries: Array<[cls: number, weight: number]>];

/** The averaged weights, leaving out every weight of magnitude at most minWeight. */
export function finish(t: Trainer, minWeight = 0): Weights {
  const C = t.nClasses;
  const clock = Math.max(1, t.clock);
  const averaged = new Float32Array(C);
  const rows: Row[] = [];
  for (let s = 0; s < t.keys.length; s++) {
    if (t.keys[s] === 0) continue;
    const base = t.rows[s] * C;
    const entries: Row[1] = [];
    for (let c = 0; c < C; c++) {
      const i = base + c;
      averaged[c] = (t.totals[i] + (t.clock - t.stamps[i]) * t.values[i]) / clock;
      if (Math.abs(averaged[c]) > minWeight) entries.push([c, averaged[c]]);
    }
    if (entries.length) rows.push([t.keys[s], entries]);
  }
  return fromSparseArrays(C, pack(rows));
}

/** The arrays of a model file: features (in spread order), their row lengths, and the rows' entries. */
export interface SparseArrays {
  features: Uint32Array;
  counts: Uint8Array;
  classes: Uint8Array;
  values: Float32Array;
}

/** Rows as file arrays, in spread order (see spread()): a file never depends on insertion history. */
function pack(rows: Row[]): SparseArrays {
  rows.sort((a, b) => spread(a[0]) - spread(b[0]));
  const n = rows.reduce((k, r) => k + r[1].length, 0);
  const out: SparseArrays = {
    features: new Uint32Array(rows.length),
    counts: new Uint8Array(rows.length),
    classes: new Uint8Array(n),
    values: new Float32Array(n),
  };
  let at = 0;
  rows.forEach(([f, entries], i) => {
    out.features[i] = f;
    out.counts[i] = entries.length;
    for (const [c, v] of entries) {
      out.classes[at] = c;
      out.values[at++] = v;
    }
  });
  return out;
}

/** Every feature of the weights with its non-zero weights. */
function rowsOf(w: Weights): Row[] {
  const rows: Row[] = [];
  for (let k = 0; k * w.stride < w.slots.length; k++) {
    const base = k * w.stride;
    if (w.slots[base] === 0) continue;
    const entries: Row[1] = [];
    if (w.nClasses <= INLINE_CLASSES) {
      for (let c = 0; c < w.nClasses; c++)
        if (w.weights[base + 1 + c] !== 0) entries.push([c, w.weights[base + 1 + c]]);
    } else {
      const row = w.slots[base + 1];
      for (let j = row >>> 8; j < (row >>> 8) + (row & 255); j++)
        entries.push([w.entryClasses[2 * j], w.entries[2 * j + 1]]);
    }
    rows.push([w.slots[base], entries]);
  }
  return rows;
}

/** The weights as the arrays of a model file. */
export function toSparseArrays(w: Weights): SparseArrays {
  return pack(rowsOf(w));
}

/** The lookup table over a model file's arrays. */
export function fromSparseArrays(nClasses: number, a: SparseArrays): Weights {
  if (nClasses > 255) throw new Error('a perceptron row holds at most 255 classes');
  if (a.classes.length >= 1 << 24) throw new Error('too many weights for one perceptron');
  let total = 0;
  for (let i = 0; i < a.counts.length; i++) total += a.counts[i];
  if (total !== a.classes.length || total !== a.values.length)
    throw new Error('row lengths do not match the weights');
  // Load factor at most 0.7: probes stay short, and a smaller table is quicker to allocate.
  let capacity = 1024;
  while (capacity * 0.7 < a.features.length) capacity *= 2;
  const shift = 32 - Math.log2(capacity);
  // The features go in spread order, each in the first free slot from its home, and a row that
  // finds no free slot before the end runs on past it instead of wrapping around: the table is
  // then sorted by spread, so a lookup stops at the first feature with a larger spread. A feature
  // that is not in the table (most unknown word pairs) is then known absent after a probe or two
  // instead of at the end of its cluster, which lies in the next cache line as often as not.
  let last = -1; // the slot of the previous feature
  for (let i = 0; i < a.features.length; i++) {
    if (i > 0 && spread(a.features[i]) <= spread(a.features[i - 1]))
      throw new Error('features are not in spread order');
    last = Math.max(spread(a.features[i]) >>> shift, last + 1);
  }
  const length = Math.max(capacity, last + 1) + 1; // an empty slot ends every probe
  const inline = nClasses <= INLINE_CLASSES;
  const stride = inline ? 1 + nClasses : 2;
  const table = new ArrayBuffer(length * stride * 4);
  const slots = new Uint32Array(table);
  const weights = new Float32Array(table);
  const pairs = new ArrayBuffer(inline ? 0 : total * 8);
  const entries = new Float32Array(pairs);
  const entryClasses = new Uint32Array(pairs);
  const mask = capacity - 1;
  let start = 0;
  let slot = -1;
  for (let i = 0; i < a.features.length; i++) {
    const f = a.features[i];
    slot = Math.max(spread(f) >>> shift, slot + 1);
    const base = slot * stride;
    const count = a.counts[i];
    slots[base] = f;
    if (inline) {
      for (let j = start; j < start + count; j++) weights[base + 1 + a.classes[j]] = a.values[j];
    } else {
      slots[base + 1] = start * 256 + count;
      for (let j = start; j < start + count; j++) {
        entryClasses[2 * j] = a.classes[j];
        entries[2 * j + 1] = a.values[j];
      }
    }
    start += count;
  }
  return {
    nClasses,
    mask,
    shift,
    stride,
    slots,
    weights,
    entries,
    entryClasses,
    size: a.features.length,
  };
}

/** Dense rows (features × nClasses weights, as older model files hold them) as sparse weights. */
export function fromArrays(nClasses: number, features: Uint32Array, values: Float32Array): Weights {
  const rows = Array.from(features, (f, i): Row => {
    const entries: Row[1] = [];
    for (let c = 0; c < nClasses; c++)
      if (values[i * nClasses + c] !== 0) entries.push([c, values[i * nClasses + c]]);
    return [f, entries];
  });
  return fromSparseArrays(nClasses, pack(rows));
}

/** The weights as dense rows (features × nClasses), the older model-file layout. */
export function toArrays(w: Weights): { features: Uint32Array; values: Float32Array } {
  const sparse = toSparseArrays(w);
  const C = w.nClasses;
  const values = new Float32Array(sparse.features.length * C);
  let at = 0;
  sparse.features.forEach((_, i) => {
    for (let j = 0; j < sparse.counts[i]; j++, at++)
      values[i * C + sparse.classes[at]] = sparse.values[at];
  });
  return { features: sparse.features, values };
}

/** The weights without those of magnitude at most minWeight (as finish(t, minWeight) gives). */
export function prune(w: Weights, minWeight: number): Weights {
  const rows = rowsOf(w)
    .map(([f, entries]): Row => [f, entries.filter(([, v]) => Math.abs(v) > minWeight)])
    .filter(([, entries]) => entries.length > 0);
  return fromSparseArrays(w.nClasses, pack(rows));
}

export function featureCount(w: Weights): number {
  return w.size;
}
