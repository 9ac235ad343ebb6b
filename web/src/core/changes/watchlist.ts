// The analyst's watchlist: actors whose changes are counted on the Changes tab's badge since the
// analyst last looked. Kept in the browser (localStorage); parsing is defensive (a hand-edited or
// old entry yields an empty list, never an exception).
import type { ChangeEntry } from '../../../../server/api/types.ts';

export const WATCHLIST_KEY = 'parley.watchlist.v1';
export const MAX_WATCHED = 200;

export interface Watchlist {
  actors: { id: string; name: string }[];
  /** When the analyst last opened the feed (ISO time); null: never. */
  seenAt: string | null;
}

export const EMPTY_WATCHLIST: Watchlist = { actors: [], seenAt: null };

export function parseWatchlist(text: string | null): Watchlist {
  if (!text) return EMPTY_WATCHLIST;
  try {
    const raw = JSON.parse(text) as { actors?: unknown; seenAt?: unknown };
    const actors = Array.isArray(raw.actors)
      ? raw.actors
          .filter(
            (a): a is { id: string; name: string } =>
              !!a &&
              typeof (a as { id?: unknown }).id === 'string' &&
              typeof (a as { name?: unknown }).name === 'string',
          )
          .map((a) => ({ id: a.id, name: a.name }))
          .slice(0, MAX_WATCHED)
      : [];
    const seenAt =
      typeof raw.seenAt === 'string' && !Number.isNaN(Date.parse(raw.seenAt)) ? raw.seenAt : null;
    return { actors, seenAt };
  } catch {
    return EMPTY_WATCHLIST;
  }
}

export const formatWatchlist = (w: Watchlist): string => JSON.stringify(w);

export function watch(w: Watchlist, actor: { id: string; name: string }): Watchlist {
  if (w.actors.some((a) => a.id === actor.id) || w.actors.length >= MAX_WATCHED) return w;
  return {
    ...w,
    actors: [...w.actors, actor].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export const unwatch = (w: Watchlist, id: string): Watchlist => ({
  ...w,
  actors: w.actors.filter((a) => a.id !== id),
});

/** Whether a change concerns one of the watched actors' ids. */
const concerns = (e: ChangeEntry, watched: ReadonlySet<string>): boolean =>
  e.actors.some((a) => watched.has(a.id));

/** The badge: changes to watched actors ingested after the analyst last looked. */
export function unseenCount(entries: readonly ChangeEntry[], w: Watchlist): number {
  const watched = new Set(w.actors.map((a) => a.id));
  return entries.filter(
    (e) => (w.seenAt === null || e.ingestedAt > w.seenAt) && concerns(e, watched),
  ).length;
}
