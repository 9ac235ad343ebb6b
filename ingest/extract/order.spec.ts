import { describe, expect, it } from 'vitest';
import { sortInPlace } from './order.ts';

describe('sortInPlace', () => {
  const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;

  it('sorts a list out of order as Array.prototype.sort does, stably', () => {
    const xs = [3, 1, 2, 1, 3].map((start, i) => ({ start, i }));
    const expected = [...xs].sort(byStart);
    expect(sortInPlace(xs, byStart)).toBe(xs);
    expect(xs).toEqual(expected);
    expect(xs.map((x) => x.i)).toEqual([1, 3, 2, 0, 4]);
  });

  it('leaves a list in order (ties included) as it is', () => {
    const xs = [1, 1, 2, 5].map((start, i) => ({ start, i }));
    const copy = [...xs];
    expect(sortInPlace(xs, byStart)).toBe(xs);
    expect(xs).toEqual(copy);
    expect(sortInPlace([], byStart)).toEqual([]);
  });
});
