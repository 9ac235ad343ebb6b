import { describe, expect, it } from 'vitest';
import { formatTimestamp } from './timestamp.ts';

describe('formatTimestamp', () => {
  it('reads as a date and a time in UTC', () => {
    expect(formatTimestamp('2026-11-30T05:12:44.123Z')).toBe('30 Nov 2026, 05:12 UTC');
  });
  it('leaves what is not a timestamp as it is', () => {
    expect(formatTimestamp('')).toBe('');
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });
});
