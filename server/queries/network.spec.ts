import { describe, expect, it } from 'vitest';
import { aggregateEdge } from './network.ts';

describe('edge aggregation', () => {
  it('counts per category, picks the dominant one (ties by PLOVER order), averages scores and spans dates', () => {
    const e = aggregateEdge({
      s: 'state:RUS',
      t: 'state:UKR',
      types: ['REJECT', 'CONSULT', 'REJECT', 'CONSULT', 'ASSAULT'],
      scores: [-2, 2.5, -2, 4, -9.5],
      dates: ['2025-12-20', null, '2025-12', '2025-12-21', '2025-11-30'],
    });
    expect(e).toEqual({
      id: 'state:RUS->state:UKR',
      source: 'state:RUS',
      target: 'state:UKR',
      count: 5,
      byType: { REJECT: 2, CONSULT: 2, ASSAULT: 1 },
      dominantType: 'CONSULT',
      meanScore: -1.4,
      firstDate: '2025-11-30',
      lastDate: '2025-12-21',
      // 2025-11-30, 2025-12-20 and 2025-12-21 as day numbers; '2025-12' and null have no day.
      days: [20422, 20442, 20443],
      undated: 2,
    });
  });
});
