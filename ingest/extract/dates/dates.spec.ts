import { describe, expect, it } from 'vitest';
import { latestFullDate, resolveDate } from './index.ts';

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
  });

  it('finds the latest full date for reports without a publication date', () => {
    expect(latestFullDate('Met on March 2, 2024 and again on 9 April 2024; see May 2024.')).toBe(
      '2024-04-09',
    );
    expect(latestFullDate('No dates here.')).toBeNull();
  });
});
