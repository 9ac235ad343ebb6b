import { describe, expect, it } from 'vitest';
import { ONTOLOGY, PLOVER_CATEGORIES, eventScore, scoreColor } from './plover.ts';

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('PLOVER ontology', () => {
  it('gives every category a score in [−10, 10], and modes override it', () => {
    for (const t of PLOVER_CATEGORIES) {
      expect(Math.abs(ONTOLOGY[t].score)).toBeLessThanOrEqual(10);
    }
    expect(eventScore('ASSAULT', 'aerial')).toBe(-9.5);
    expect(eventScore('ASSAULT', null)).toBe(-9);
    expect(eventScore('ASSAULT', 'no-such-mode')).toBe(-9);
  });
  it('colours conflict red, cooperation green, neutral and missing scores grey', () => {
    const [r1, g1] = channels(scoreColor(-2));
    expect(r1).toBeGreaterThan(g1);
    const [r2, g2] = channels(scoreColor(2.5));
    expect(g2).toBeGreaterThan(r2);
    expect(scoreColor(0)).toBe('#969696');
    expect(scoreColor(Number.NaN)).toBe('#969696');
    expect(scoreColor(-15)).toBe(scoreColor(-10));
  });
});
