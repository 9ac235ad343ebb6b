import { describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../../../server/api/types.ts';
import {
  EMPTY_WATCHLIST,
  formatWatchlist,
  parseWatchlist,
  unseenCount,
  unwatch,
  watch,
} from './watchlist.ts';

const entry = (ingestedAt: string, actors: string[]): ChangeEntry => ({
  documentId: 'd',
  title: null,
  revisionId: `d@${ingestedAt}`,
  previousRevisionId: null,
  ingestedAt,
  status: 'updated',
  added: [],
  removed: [],
  figures: [],
  actors: actors.map((id) => ({ id, name: id })),
});

describe('watchlist', () => {
  it('round-trips through storage and refuses what is not a watchlist', () => {
    const w = watch(watch(EMPTY_WATCHLIST, { id: 'state:ukraine', name: 'Ukraine' }), {
      id: 'state:russia',
      name: 'Russia',
    });
    expect(w.actors.map((a) => a.name)).toEqual(['Russia', 'Ukraine']);
    expect(parseWatchlist(formatWatchlist({ ...w, seenAt: '2025-12-21T10:00:00.000Z' }))).toEqual({
      ...w,
      seenAt: '2025-12-21T10:00:00.000Z',
    });
    for (const bad of [null, '', '{', '[]', '{"actors": [{"id": 3}], "seenAt": "soon"}'])
      expect(parseWatchlist(bad)).toEqual(EMPTY_WATCHLIST);
    expect(watch(w, { id: 'state:ukraine', name: 'Ukraine' })).toBe(w);
    expect(unwatch(w, 'state:ukraine').actors.map((a) => a.id)).toEqual(['state:russia']);
  });

  it('counts the changes to watched actors since the analyst last looked', () => {
    const w = { ...watch(EMPTY_WATCHLIST, { id: 'a', name: 'A' }), seenAt: '2025-12-02' };
    const feed = [
      entry('2025-12-03T00:00:00Z', ['a', 'b']),
      entry('2025-12-03T00:00:00Z', ['b']),
      entry('2025-12-01T00:00:00Z', ['a']),
    ];
    expect(unseenCount(feed, w)).toBe(1);
    expect(unseenCount(feed, { ...w, seenAt: null })).toBe(2);
    expect(unseenCount(feed, EMPTY_WATCHLIST)).toBe(0);
  });
});
