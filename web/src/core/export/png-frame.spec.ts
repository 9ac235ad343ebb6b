import { describe, expect, it } from 'vitest';
import { legendItems } from '../colors/legend.ts';
import { KIND_COLORS, NO_COUNTRY, scoreScale } from '../colors/palette.ts';
import { NO_FILTERS } from '../filters/filters.ts';
import { frameFor } from './png-frame.ts';

const at = new Date('2026-11-30T09:00:00Z');

describe('the PNG frame', () => {
  it('titles the image with what it shows, its filters and the day', () => {
    const f = frameFor({
      filters: { ...NO_FILTERS, types: ['ACCUSE', 'REJECT'], countries: ['RUS'], since: '2025-06' },
      actors: 12,
      relationships: 1,
      colorBy: 'kind',
      legend: legendItems('kind', [], new Map()),
      scale: scoreScale(),
      at,
    });
    expect(f.title).toBe('Parley — actor network');
    expect(f.subtitle).toBe(
      '12 actors · 1 relationship · categories: ACCUSE, REJECT · countries: RUS · 2025-06 to today · exported 2026-11-30',
    );
    expect(f.legendTitle).toBe('Actors by kind');
    expect(f.legend).toContainEqual(['Person', KIND_COLORS.person]);
  });

  it('says when nothing is filtered, and lists the countries on show for a country colouring', () => {
    const nodes = [{ country: 'UKR' }, { country: 'UKR' }, { country: 'RUS' }, { country: null }];
    const f = frameFor({
      filters: NO_FILTERS,
      actors: 4,
      relationships: 3,
      colorBy: 'country',
      legend: legendItems('country', nodes, new Map()),
      scale: scoreScale(),
      at,
    });
    expect(f.subtitle).toBe('4 actors · 3 relationships · no filter · exported 2026-11-30');
    expect(f.legend.map(([label]) => label)).toEqual(['UKR', 'RUS', 'no country']);
    expect(f.legend.at(-1)).toEqual(['no country', NO_COUNTRY]);
  });
});
