import { describe, expect, it } from 'vitest';
import { isCalendarDay, publicationDay } from './dates.ts';

describe('isCalendarDay', () => {
  it('accepts real days only', () => {
    expect(isCalendarDay('2025-12-21')).toBe(true);
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-13-01')).toBe(false);
    expect(isCalendarDay('21/12/2025')).toBe(false);
    expect(isCalendarDay('2025-12-21T10:00:00Z')).toBe(false);
  });
});

describe('publicationDay', () => {
  it('keeps the publisher’s calendar day of a timestamp', () => {
    expect(publicationDay('2025-12-20T23:30:00-05:00')).toBe('2025-12-20');
    expect(publicationDay(' 2025-12-20 ')).toBe('2025-12-20');
    expect(publicationDay(new Date(Date.UTC(2025, 11, 20)))).toBe('2025-12-20');
  });
  it('gives null for anything else', () => {
    expect(publicationDay('yesterday')).toBeNull();
    expect(publicationDay(20251220)).toBeNull();
    expect(publicationDay(undefined)).toBeNull();
  });
});
