import { describe, expect, it } from 'vitest';
import { binDates, binDays, brushRange, rangeExtent } from './bins.ts';

describe('timeline bins', () => {
  it('bins a week of talks by day', () => {
    const h = binDates([
      '2025-12-20',
      '2025-12-20',
      '2025-12-14',
      null,
      'garbage',
      '2025-12-21T10:00:00Z',
    ]);
    expect(h.min).toBe('2025-12-14');
    expect(h.max).toBe('2025-12-21');
    expect(h.bins.length).toBe(8);
    expect(h.bins[6]).toEqual({ start: '2025-12-20', end: '2025-12-20', count: 2 });
    expect(h.bins.reduce((s, b) => s + b.count, 0)).toBe(4);
    expect(h.max_count).toBe(2);
  });
  it('widens bins for long spans', () => {
    const h = binDates(['2020-01-01', '2025-12-31'], 40);
    expect(h.bins.length).toBeLessThanOrEqual(40);
    expect(h.bins[0].start).toBe('2020-01-01');
    expect(h.bins[h.bins.length - 1].end).toBe('2025-12-31');
  });
  it('bins per-day counts as the dates they stand for', () => {
    const days = [
      { date: '2025-12-01', events: 3 },
      { date: '2025-12-03', events: 700 },
    ];
    expect(binDays(days)).toEqual(
      binDates([...Array<string>(3).fill('2025-12-01'), ...Array<string>(700).fill('2025-12-03')]),
    );
    expect(binDays(days).max_count).toBe(700);
  });

  it('has no bins without dates', () => {
    expect(binDates([]).bins).toEqual([]);
    expect(brushRange(binDates([]), 0, 10, 100)).toBeNull();
  });
  it('turns a brush into a date range and back', () => {
    const h = binDates(['2025-12-01', '2025-12-10']); // 10 daily bins
    const r = brushRange(h, 95, 20, 100);
    expect(r).toEqual({ since: '2025-12-03', until: '2025-12-10' });
    expect(rangeExtent(h, r!.since, r!.until, 100)).toEqual([20, 100]);
    expect(rangeExtent(h, null, null, 100)).toBeNull();
  });
});
