import { describe, expect, it } from 'vitest';
import { extract } from '../index.ts';
import { latestFullDate, resolveDate, resolveRelative } from './index.ts';

const published = new Date('2025-12-21T00:00:00Z'); // a Sunday

describe('dates', () => {
  it('resolves weekdays to the last such day on or before publication', () => {
    expect(resolveDate('Friday', published)).toBe('2025-12-19');
    expect(resolveDate('Saturday', published)).toBe('2025-12-20');
    expect(resolveDate('Sunday', published)).toBe('2025-12-21');
    expect(resolveDate('Monday', published)).toBe('2025-12-15');
  });

  it('resolves months without a year to the last such month', () => {
    expect(resolveDate('June', published)).toBe('2025-06');
    expect(resolveDate('December', published)).toBe('2025-12');
    expect(resolveDate('March 3', new Date('2025-02-01T00:00:00Z'))).toBe('2024-03-03');
  });

  it('keeps absolute dates', () => {
    expect(resolveDate('December 15, 2025', published)).toBe('2025-12-15');
    expect(resolveDate('15 December 2025', published)).toBe('2025-12-15');
    expect(resolveDate('June 2024', published)).toBe('2024-06');
    expect(resolveDate('Sept. 9th, 2021', published)).toBe('2021-09-09');
  });

  it('names no day that the calendar lacks', () => {
    expect(resolveDate('February 29, 2024', published)).toBe('2024-02-29');
    expect(resolveDate('February 29, 2023', published)).toBeNull();
    expect(resolveDate('31 April 2025', published)).toBeNull();
    expect(resolveDate('June 0, 2025', published)).toBeNull();
  });

  it('finds the latest full date for reports without a publication date', () => {
    expect(latestFullDate('Met on March 2, 2024 and again on 9 April 2024; see May 2024.')).toBe(
      '2024-04-09',
    );
    expect(latestFullDate('No dates here.')).toBeNull();
  });

  it('resolves expressions relative to the publication date', () => {
    expect(resolveRelative('yesterday', published)).toBe('2025-12-20');
    expect(resolveRelative('last night', published)).toBe('2025-12-20');
    expect(resolveRelative('tonight', published)).toBe('2025-12-21');
    expect(resolveRelative('earlier this month', published)).toBe('2025-12');
    expect(resolveRelative('last month', published)).toBe('2025-11');
    expect(resolveRelative('last month', new Date('2026-01-05T00:00:00Z'))).toBe('2025-12');
    expect(resolveRelative('last week', published)).toBe('2025-12');
    expect(resolveRelative('last year', published)).toBe('2024');
  });

  it('dates events by relative expressions, and by the report date where the sentence has none', () => {
    const x = extract(
      'Israel attacked Hamas positions last night. Egypt condemned Israel. Kerry visited Japan last month.',
      { id: 'd', publishedAt: '2025-12-21' },
    );
    const date = (type: string) => x.events.find((e) => e.type === type)?.date;
    expect(date('ASSAULT')).toBe('2025-12-20');
    expect(date('ACCUSE')).toBe('2025-12-21');
    expect(date('CONSULT')).toBe('2025-11');
  });
});
