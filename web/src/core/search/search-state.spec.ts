import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../server/api/types.ts';
import { EMPTY_SEARCH, activeHit, close, move, receiveHits, setQuery } from './search-state.ts';

const hit = (type: SearchHit['type'], label: string, score: number): SearchHit => ({
  type,
  id: label,
  label,
  score,
});

describe('search state', () => {
  it('waits for two characters', () => {
    expect(setQuery(EMPTY_SEARCH, 'W').open).toBe(false);
    expect(setQuery(EMPTY_SEARCH, 'Wi').loading).toBe(true);
  });
  it('ignores answers to an older query', () => {
    const s = setQuery(setQuery(EMPTY_SEARCH, 'Wi'), 'Witk');
    expect(receiveHits(s, 'Wi', [hit('actor', 'Wilson', 1)])).toBe(s);
    const r = receiveHits(s, 'Witk', [
      hit('event', 'Witkoff met', 3),
      hit('actor', 'Steve Witkoff', 2),
    ]);
    expect(r.hits.map((h) => h.label)).toEqual(['Steve Witkoff', 'Witkoff met']);
    expect(activeHit(r)?.label).toBe('Steve Witkoff');
  });
  it('moves the highlight with wrap-around and closes', () => {
    const s = receiveHits(setQuery(EMPTY_SEARCH, 'ab'), 'ab', [
      hit('actor', 'a', 2),
      hit('actor', 'b', 1),
    ]);
    expect(activeHit(move(s, 1))?.label).toBe('b');
    expect(activeHit(move(s, -1))?.label).toBe('b');
    expect(activeHit(move(move(s, 1), 1))?.label).toBe('a');
    expect(close(s).open).toBe(false);
    expect(move(EMPTY_SEARCH, 1)).toBe(EMPTY_SEARCH);
  });
});
