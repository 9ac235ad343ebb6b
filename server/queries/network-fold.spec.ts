import { describe, expect, it } from 'vitest';
import type { NetworkNode } from '../api/types.ts';
import { MAX_DRAWN_ACTORS, OPENED_ACTORS, opener, strongest } from './network-fold.ts';

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

describe('opener', () => {
  const actor = (i: number, country: string | null): NetworkNode =>
    ({ id: `a${i}`, name: `A${i}`, country }) as NetworkNode;
  /** 50 opened countries of 600 actors each, interleaved in rank order. */
  const ranked = Array.from({ length: 50 * 600 }, (_, i) =>
    actor(i, `C${String(i % 50).padStart(2, '0')}`),
  );
  const open = [...new Set(ranked.map((n) => n.country!))];

  it('draws at most 500 actors of each opened country, busiest first', () => {
    const o = opener(['C00', 'none'], MAX_DRAWN_ACTORS - 12);
    const taken = [...ranked, actor(-1, null)].filter((n) => o.take(n));
    expect(taken.filter((n) => n.country === 'C00')).toHaveLength(OPENED_ACTORS);
    expect(taken.filter((n) => n.country === null)).toHaveLength(1);
    expect(taken.every((n) => n.country === 'C00' || n.country === null)).toBe(true);
    expect(o.capped()).toBe(0);
  });

  it("never lets 50 opened countries past the answer's 5,000 actors, and counts who stayed folded", () => {
    for (const limit of [500, 4990, 5000]) {
      const o = opener(open, MAX_DRAWN_ACTORS - limit);
      const taken = ranked.filter((n) => o.take(n));
      expect(limit + taken.length).toBe(MAX_DRAWN_ACTORS);
      // The busiest of all opened countries got the room.
      expect(taken).toEqual(ranked.slice(0, taken.length));
      expect(o.capped()).toBe(50 * OPENED_ACTORS - taken.length);
    }
  });
});
