import { describe, expect, it } from 'vitest';
import { actorDays, pairDays, sparkBins } from './sparkline.ts';

const edges = [
  { source: 'a', target: 'b', days: [10, 12, 40] },
  { source: 'b', target: 'a', days: [11] },
  { source: 'c', target: 'a', days: [] },
  { source: 'b', target: 'c', days: [20, 49] },
];

describe('sparklines', () => {
  it('collects an actor’s and a pair’s event days', () => {
    expect(actorDays(edges, 'a')).toEqual([10, 11, 12, 40]);
    expect(pairDays(edges, 'b', 'a')).toEqual([10, 11, 12, 40]);
    expect(pairDays(edges, 'a', 'c')).toEqual([]);
  });

  it('counts the days in equal bins over the span, the last day in the last bin', () => {
    expect(sparkBins([10, 11, 12, 40, 49], { first: 10, last: 49 }, 4)).toEqual([3, 0, 0, 2]);
    expect(sparkBins([5, 60], { first: 10, last: 49 }, 4)).toEqual([0, 0, 0, 0]);
    expect(sparkBins([10], { first: 10, last: 10 }, 3)).toEqual([1, 0, 0]);
  });
});
