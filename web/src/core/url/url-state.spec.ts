import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, formatUrlState, parseUrlState, type UrlState } from './url-state.ts';

const VIEWS = ['network', 'console', 'documents'];

describe('url state', () => {
  it('round-trips filters (with no country), selection, colour, view, isolates, map places, the play position and the open investigation', () => {
    const s: UrlState = {
      filters: {
        types: ['REJECT', 'CONSULT'],
        since: '2025-12-01',
        until: '2025-12-21',
        countries: ['RUS', 'USA', 'none'],
        kinds: ['person'],
      },
      selection: { type: 'actor', id: 'person:kirill-dmitriev' },
      colorBy: 'community',
      view: 'console',
      doc: 'miami-talks',
      isolates: true,
      places: ['place:miami', 'place:geneva'],
      at: '2025-12-20',
      window: 'month',
      undated: true,
      investigation: 'inv-0b5d7c1e-4f2a',
      top: 40,
      open: ['UKR', 'none'],
    };
    expect(parseUrlState(formatUrlState(s), VIEWS)).toEqual({ ...s, open: ['UKR', 'none'].sort() });
  });
  it('the default view has an empty query', () => {
    expect(formatUrlState(DEFAULT_STATE)).toBe('');
    expect(parseUrlState('', VIEWS)).toEqual(DEFAULT_STATE);
  });
  it('drops malformed or hostile values instead of failing', () => {
    const s = parseUrlState(
      '?types=REJECT,<script>,x&since=yesterday&countries=usa,RUS&kinds=alien,state&view=evil&color=pink&edge=a->b',
      VIEWS,
    );
    expect(s.filters.types).toEqual(['REJECT']);
    expect(s.filters.since).toBeNull();
    expect(s.filters.countries).toEqual(['RUS']);
    expect(s.filters.kinds).toEqual(['state']);
    expect(s.view).toBe('network');
    expect(s.colorBy).toBe('kind');
    expect(s.selection).toEqual({ type: 'edge', id: 'a->b' });
    expect(parseUrlState('?actor=' + 'x'.repeat(5000), VIEWS).selection).toBeNull();
    expect(parseUrlState('?places=' + 'p,'.repeat(5000), VIEWS).places).toEqual(['p']);
    expect(parseUrlState('?places=' + 'x'.repeat(5000), VIEWS).places).toEqual([]);
    const time = parseUrlState('?at=soon&window=decade&undated=yes', VIEWS);
    expect([time.at, time.window, time.undated]).toEqual([null, 'week', false]);
    const fold = parseUrlState('?top=0&open=ukr,UKR,UKR,<b>,none', VIEWS);
    expect([fold.top, fold.open]).toEqual([null, ['UKR', 'none']]);
    expect(parseUrlState('?top=99999', VIEWS).top).toBeNull();
    expect(parseUrlState('?top=12', VIEWS).top).toBe(12);
  });
});
