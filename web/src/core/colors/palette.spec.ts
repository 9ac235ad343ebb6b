import { describe, expect, it } from 'vitest';
import {
  CATEGORICAL,
  countryColor,
  countryPalette,
  nodeColor,
  textOn,
  DEFAULT_COLORING,
  KIND_COLORS,
  NO_COUNTRY,
  OTHER_COUNTRY,
} from './palette.ts';

/** CIE76 colour difference of two #rrggbb colours. */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c > 0.04045 ? ((c + 0.055) / 1.055) ** 2.4 : c / 12.92;
    });
    const xyz = [
      (r * 0.4124 + g * 0.3576 + bl * 0.1805) / 0.95047,
      r * 0.2126 + g * 0.7152 + bl * 0.0722,
      (r * 0.0193 + g * 0.1192 + bl * 0.9505) / 1.08883,
    ].map((v) => (v > 0.008856 ? Math.cbrt(v) : 7.787 * v + 16 / 116));
    return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('palette', () => {
  it('every two categorical colours are clearly distinct (ΔE ≥ 20), and from the greys', () => {
    const all = [...CATEGORICAL, NO_COUNTRY, OTHER_COUNTRY];
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++)
        expect(deltaE(all[i], all[j]), `${all[i]} vs ${all[j]}`).toBeGreaterThanOrEqual(20);
  });
  it('gives the countries of a network distinct colours (Cambodia is not a second USA blue)', () => {
    const counts = new Map([
      ['USA', 40],
      ['KHM', 3],
      ['THA', 3],
      ['RUS', 9],
      ['UKR', 8],
    ]);
    const p = countryPalette(counts);
    expect(p.get('USA')).toBe('#1f77b4');
    expect(new Set(p.values()).size).toBe(5);
    expect(deltaE(p.get('KHM')!, p.get('USA')!)).toBeGreaterThan(20);
    // Past the palette, the rarest share one "other" colour; the same input, the same colours.
    const many = new Map(
      Array.from({ length: 20 }, (_, i) => [`C${String.fromCharCode(65 + i)}X`, 20 - i]),
    );
    const q = countryPalette(many);
    expect(q.get('CTX')).toBe(OTHER_COUNTRY);
    expect(new Set([...q.values()].filter((c) => c !== OTHER_COUNTRY)).size).toBe(
      CATEGORICAL.length,
    );
    expect([...countryPalette(many)]).toEqual([...q]);
    // A later, filtered network keeps the colours already shown and colours its new countries.
    const later = countryPalette(
      new Map([
        ['KHM', 1],
        ['LAO', 1],
      ]),
      p,
    );
    expect(later.get('KHM')).toBe(p.get('KHM'));
    expect([...p.values()]).not.toContain(later.get('LAO'));
  });
  it('colours nodes by kind, by country or by community', () => {
    const a = { id: 'state:RUS', kind: 'person' as const, country: 'RUS' };
    expect(nodeColor(DEFAULT_COLORING, a)).toBe(KIND_COLORS.person);
    const countries = countryPalette(new Map([['RUS', 2]]));
    expect(nodeColor({ ...DEFAULT_COLORING, by: 'country', countries }, a)).toBe(
      countries.get('RUS'),
    );
    const communities = new Map([['state:RUS', 1]]);
    expect(nodeColor({ ...DEFAULT_COLORING, by: 'community', communities }, a)).toBe(
      CATEGORICAL[1],
    );
    expect(countryColor(null)).toBe(NO_COUNTRY);
    expect(countryColor('XYZ')).toBe(countryColor('XYZ'));
    expect(countryColor('USA')).not.toBe(countryColor('RUS'));
  });
  it('picks readable text on chips', () => {
    expect(textOn('#ffffff')).toBe('#111');
    expect(textOn('#000000')).toBe('#fff');
    expect(textOn('nonsense')).toBe('#111');
  });
});
