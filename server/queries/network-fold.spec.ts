import { describe, expect, it } from 'vitest';
import { strongest } from './network-fold.ts';

describe('strongest', () => {
  const items = [
    { id: 'c', n: 5 },
    { id: 'a', n: 1 },
    { id: 'd', n: 5 },
    { id: 'b', n: 9 },
  ];
  const keep = (max: number) =>
    strongest(
      items,
      (x) => x.n,
      max,
      (x) => x.id,
    ).map((x) => x.id);

  it('keeps the highest counts, ties by id, and returns them in id order', () => {
    expect(keep(2)).toEqual(['b', 'c']);
    expect(keep(3)).toEqual(['b', 'c', 'd']);
  });
  it('keeps all, sorted by id, when they fit', () => {
    expect(keep(4)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('equals sorting every item by count, then id, on many ties', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647);
    const many = Array.from({ length: 2000 }, (_, i) => ({
      id: `x${next() % 5000}-${i}`,
      n: next() % 7,
    }));
    for (const max of [1, 10, 333, 1999]) {
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      const expected = [...many]
        .sort((a, b) => b.n - a.n || byId(a, b))
        .slice(0, max)
        .sort(byId);
      expect(
        strongest(
          many,
          (x) => x.n,
          max,
          (x) => x.id,
        ),
      ).toEqual(expected);
    }
  });
});
