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
});
