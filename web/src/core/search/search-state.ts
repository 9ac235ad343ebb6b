// Typeahead state: the query, the hits for it, the highlighted row. Late answers for an
// older query are ignored so fast typing never shows stale results.
import type { SearchHit } from '../../../../server/api/types.ts';

export interface SearchState {
  query: string;
  hits: SearchHit[];
  active: number;
  open: boolean;
  loading: boolean;
}

export const EMPTY_SEARCH: SearchState = {
  query: '',
  hits: [],
  active: -1,
  open: false,
  loading: false,
};
export const MIN_QUERY = 2;
export const MAX_HITS = 12;

export function setQuery(s: SearchState, query: string): SearchState {
  const q = query.slice(0, 200);
  if (q.trim().length < MIN_QUERY) return { ...EMPTY_SEARCH, query: q };
  return { ...s, query: q, loading: true, open: true };
}

export function receiveHits(s: SearchState, query: string, hits: SearchHit[]): SearchState {
  if (query !== s.query) return s;
  // Actors first (they can be drawn), then facts; best score first within each.
  const sorted = [...hits]
    .sort(
      (a, b) => (a.type === 'actor' ? 0 : 1) - (b.type === 'actor' ? 0 : 1) || b.score - a.score,
    )
    .slice(0, MAX_HITS);
  return { ...s, hits: sorted, active: sorted.length ? 0 : -1, loading: false, open: true };
}

export function move(s: SearchState, delta: number): SearchState {
  if (!s.hits.length) return s;
  const n = s.hits.length;
  return { ...s, active: (((s.active + delta) % n) + n) % n, open: true };
}

export function activeHit(s: SearchState): SearchHit | null {
  return s.active >= 0 ? (s.hits[s.active] ?? null) : null;
}

export function close(s: SearchState): SearchState {
  return { ...s, open: false };
}
