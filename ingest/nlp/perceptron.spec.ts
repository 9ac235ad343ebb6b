import { describe, expect, it } from 'vitest';
import {
  countFeatures,
  createCounts,
  createTrainer,
  finish,
  frequentCount,
  fromArrays,
  fromSparseArrays,
  keepFrequent,
  prune,
  score,
  spread,
  tick,
  toArrays,
  toSparseArrays,
  update,
  type Weights,
} from './perceptron.ts';

/** A trainer fed a few fixed updates: feature 7 favours class 1, feature 9 class 0, … */
function trained(nClasses: number): Weights {
  const t = createTrainer(nClasses, 16);
  const steps: Array<[number[], number, number]> = [
    [[7, 9], 1, 0],
    [[9, 11], 0, 1],
    [[7, 13], nClasses - 1, 0],
    [[11], 1, nClasses - 1],
    [[9], 0, 1],
  ];
  for (let round = 0; round < 30; round++)
    for (const [feats, truth, guess] of steps) {
      tick(t);
      update(t, Uint32Array.from(feats), feats.length, truth, guess);
    }
  // Feature 21 learnt in the last steps only, so its averaged weights are small but not zero.
  tick(t);
  update(t, Uint32Array.from([21]), 1, 1, 0);
  tick(t);
  return finish(t);
}

/** Scores of each feature alone, as a plain array. */
function scoresOf(w: Weights, feature: number): number[] {
  const out = new Float32Array(w.nClasses);
  score(w, Uint32Array.of(feature), 1, out);
  return [...out];
}

describe('perceptron weights', () => {
  // Three classes are stored inline in the table (the parser's moves), more as sparse rows.
  for (const nClasses of [3, 12]) {
    it(`scores the same through the file arrays and back (${nClasses} classes)`, () => {
      const w = trained(nClasses);
      const again = fromSparseArrays(nClasses, toSparseArrays(w));
      const dense = fromArrays(nClasses, toArrays(w).features, toArrays(w).values);
      for (const f of [7, 9, 11, 13, 21, 99]) {
        expect(scoresOf(again, f)).toEqual(scoresOf(w, f));
        expect(scoresOf(dense, f)).toEqual(scoresOf(w, f));
      }
      expect(scoresOf(w, 7)[1]).toBeGreaterThan(0);
      expect(scoresOf(w, 99)).toEqual(new Array(nClasses).fill(0));
      // Several features add up.
      const both = new Float32Array(nClasses);
      score(w, Uint32Array.of(7, 9), 2, both);
      both.forEach((x, c) => expect(x).toBeCloseTo(scoresOf(w, 7)[c] + scoresOf(w, 9)[c], 4));
    });

    it(`prune leaves out small weights and only those (${nClasses} classes)`, () => {
      const w = trained(nClasses);
      const small = Math.max(...scoresOf(w, 21).map(Math.abs));
      expect(small).toBeGreaterThan(0);
      const p = prune(w, small);
      expect(scoresOf(p, 21)).toEqual(new Array(nClasses).fill(0));
      expect(p.size).toBe(w.size - 1);
      for (const f of [7, 9, 11, 13])
        scoresOf(p, f).forEach((x, c) =>
          expect(x).toBe(Math.abs(scoresOf(w, f)[c]) > small ? scoresOf(w, f)[c] : 0),
        );
    });
  }

  it('rejects file arrays whose row lengths do not match the weights', () => {
    expect(() =>
      fromSparseArrays(4, {
        features: Uint32Array.of(5),
        counts: Uint8Array.of(2),
        classes: Uint8Array.of(1),
        values: Float32Array.of(0.5),
      }),
    ).toThrow(/row lengths/);
  });

  // Rows sit in spread order and a lookup stops at the first larger spread; rows whose home is
  // the last slot run on past the end of the table instead of wrapping around to its start.
  for (const nClasses of [3, 12]) {
    it(`finds rows that run past the end of the table, and no others (${nClasses} classes)`, () => {
      const last: number[] = []; // features whose home is the last of 1,024 slots
      for (let f = 1; last.length < 7; f++) if (spread(f) >>> 22 === 1023) last.push(f);
      const first: number[] = []; // and the first
      for (let f = 1; first.length < 3; f++) if (spread(f) >>> 22 === 0) first.push(f);
      const stored = [...first, ...last.slice(0, 5)].sort((a, b) => spread(a) - spread(b));
      const w = fromSparseArrays(nClasses, {
        features: Uint32Array.from(stored),
        counts: new Uint8Array(stored.length).fill(1),
        classes: Uint8Array.from(stored, (_, i) => i % nClasses),
        values: Float32Array.from(stored, (_, i) => i + 1),
      });
      stored.forEach((f, i) => {
        const expected = new Array<number>(nClasses).fill(0);
        expected[i % nClasses] = i + 1;
        expect(scoresOf(w, f)).toEqual(expected);
      });
      // not stored, with the home of stored rows: nothing, and the lookup ends
      for (const f of last.slice(5)) expect(scoresOf(w, f)).toEqual(new Array(nClasses).fill(0));
      expect([...toSparseArrays(w).features]).toEqual(stored);
    });
  }

  it('rejects file arrays whose features are not in spread order', () => {
    const [a, b] = [5, 6].sort((x, y) => spread(y) - spread(x));
    expect(() =>
      fromSparseArrays(3, {
        features: Uint32Array.of(a, b),
        counts: Uint8Array.of(1, 1),
        classes: Uint8Array.of(0, 1),
        values: Float32Array.of(0.5, 0.25),
      }),
    ).toThrow(/spread order/);
  });

  it('keeps only the features counted at least k times, in order, through table growth', () => {
    const c = createCounts(4);
    // feature f counted f % 5 times; 40 features overflow the table of 4 several times
    for (let f = 1; f <= 40; f++)
      for (let k = 0; k < f % 5; k++) countFeatures(c, Uint32Array.of(f), 1);
    expect(c.size).toBe(32);
    expect(frequentCount(c, 3)).toBe(16);
    const feats = Uint32Array.of(3, 1, 4, 99, 8, 2);
    const n = keepFrequent(c, feats, feats.length, 3);
    expect([...feats.subarray(0, n)]).toEqual([3, 4, 8]);
    // k ≤ 1 keeps everything, unseen features included
    expect(keepFrequent(c, Uint32Array.of(99, 1), 2, 1)).toBe(2);
  });
});
