import { describe, expect, it } from 'vitest';
// The test may compare against the ontology's own scale; the web app itself never imports ingest/.
import { scoreColor as ontologyScoreColor } from '../../../../ingest/ontology/plover.ts';
import { countryColor, nodeColor, scoreColor, textOn, KIND_COLORS, NO_COUNTRY } from './palette.ts';

describe('palette', () => {
  it('edge colours follow the ontology scale exactly', () => {
    for (const s of [-10, -9.5, -7, -2, 0, 1, 2.5, 4, 9.5, 10, 12, -15]) {
      expect(scoreColor(s)).toBe(ontologyScoreColor(s));
    }
  });
  it('conflict is red, cooperation green, neutral grey', () => {
    const [r1, g1] = [scoreColor(-2).slice(1, 3), scoreColor(-2).slice(3, 5)].map((x) =>
      parseInt(x, 16),
    );
    expect(r1).toBeGreaterThan(g1);
    const [r2, g2] = [scoreColor(2.5).slice(1, 3), scoreColor(2.5).slice(3, 5)].map((x) =>
      parseInt(x, 16),
    );
    expect(g2).toBeGreaterThan(r2);
    expect(scoreColor(0)).toBe('#969696');
    expect(scoreColor(Number.NaN)).toBe('#969696');
  });
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
