import { describe, expect, it } from 'vitest';
import { countryColor, nodeColor, textOn, KIND_COLORS, NO_COUNTRY } from './palette.ts';

describe('palette', () => {
  it('colours nodes by kind or by country', () => {
    expect(nodeColor('kind', 'person', 'RUS')).toBe(KIND_COLORS.person);
    expect(nodeColor('country', 'person', 'RUS')).toBe(countryColor('RUS'));
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
