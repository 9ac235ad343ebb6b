// Averaged perceptron over hashed features, shared by the tagger and the parser.
// A feature is a non-zero 32-bit hash (see hash.ts); the weights of one feature are a row of
// nClasses floats. Rows live in typed arrays behind an open-addressing table, so scoring a
// token is a handful of integer probes and row additions: no strings, no per-token objects.

/**
 * Weights for prediction: an open-addressing table whose slot k holds, at table[k * stride],
 * the feature hash (read through the Uint32 view `keys`) followed by its nClasses weights, so a
 * feature costs one probe into one cache line. Capacity is a power of two; key 0 = empty.
 */
export interface Weights {
  nClasses: number;
  stride: number;
  mask: number;
  keys: Uint32Array;
  table: Float32Array;
  /** Number of features. */
  size: number;
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

/** Adds each feature's weights to scores (which it first zeroes). */
export function score(w: Weights, feats: Uint32Array, n: number, scores: Float32Array): void {
  const C = w.nClasses;
  const stride = w.stride;
  const mask = w.mask;
  const keys = w.keys;
  const table = w.table;
  scores.fill(0, 0, C);
  for (let i = 0; i < n; i++) {
    const f = feats[i];
    let slot = Math.imul(f, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= mask;
      const base = slot * stride;
      const k = keys[base];
      if (k === f) {
        for (let c = 0; c < C; c++) scores[c] += table[base + 1 + c];
        break;
      }
      if (k === 0) break;
      slot++;
    }
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

/** The averaged weights, dropping features whose every weight is below minWeight. */
export function finish(t: Trainer, minWeight = 0): Weights {
  const C = t.nClasses;
  const averaged = new Float32Array(t.nRows * C);
  const clock = Math.max(1, t.clock);
  for (let i = 0; i < t.nRows * C; i++) {
    const total = t.totals[i] + (t.clock - t.stamps[i]) * t.values[i];
    averaged[i] = total / clock;
  }
  const kept: Array<[number, number]> = []; // [feature hash, row]
  for (let s = 0; s < t.keys.length; s++) {
    if (t.keys[s] === 0) continue;
    const r = t.rows[s];
    let big = false;
    for (let c = 0; c < C; c++) if (Math.abs(averaged[r * C + c]) > minWeight) big = true;
    if (big) kept.push([t.keys[s], r]);
  }
  // Ordered by feature hash so the file does not depend on insertion history.
  kept.sort((a, b) => a[0] - b[0]);
  const features = new Uint32Array(kept.length);
  const values = new Float32Array(kept.length * C);
  kept.forEach(([f, r], i) => {
    features[i] = f;
    values.set(averaged.subarray(r * C, r * C + C), i * C);
  });
  return fromArrays(C, features, values);
}

/** The weights as two flat arrays for a model file: feature hashes (ascending) and their rows. */
export function toArrays(w: Weights): { features: Uint32Array; values: Float32Array } {
  const C = w.nClasses;
  const slots: number[] = [];
  for (let k = 0; k <= w.mask; k++) if (w.keys[k * w.stride] !== 0) slots.push(k);
  slots.sort((a, b) => w.keys[a * w.stride] - w.keys[b * w.stride]);
  const features = new Uint32Array(slots.length);
  const values = new Float32Array(slots.length * C);
  slots.forEach((k, i) => {
    features[i] = w.keys[k * w.stride];
    values.set(w.table.subarray(k * w.stride + 1, k * w.stride + 1 + C), i * C);
  });
  return { features, values };
}

/** Builds the lookup table from a model file's arrays (load factor at most 0.5). */
export function fromArrays(nClasses: number, features: Uint32Array, values: Float32Array): Weights {
  let capacity = 1024;
  while (capacity < features.length * 2) capacity *= 2;
  const stride = nClasses + 1;
  const buffer = new ArrayBuffer(capacity * stride * 4);
  const keys = new Uint32Array(buffer);
  const table = new Float32Array(buffer);
  const mask = capacity - 1;
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    let slot = Math.imul(f, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= mask;
      if (keys[slot * stride] === 0) break;
      slot++;
    }
    keys[slot * stride] = f;
    table.set(values.subarray(i * nClasses, i * nClasses + nClasses), slot * stride + 1);
  }
  return { nClasses, stride, mask, keys, table, size: features.length };
}

export function featureCount(w: Weights): number {
  return w.size;
}
