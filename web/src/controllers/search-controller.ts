// Typeahead binding: debounced /api/search calls feeding the pure search state.
import type { SearchHit } from '../../../server/api/types.ts';
import { api } from '../api/client.ts';
import type { Store } from '../app/store.ts';
import { activeHit, close, move, receiveHits, setQuery } from '../core/search/search-state.ts';

export const DEBOUNCE_MS = 120;

export interface SearchController {
  input(q: string): void;
  move(delta: number): void;
  choose(hit: SearchHit | null): void;
  close(): void;
}

export function createSearchController(
  store: Store,
  onChoose: (hit: SearchHit) => void,
): SearchController {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Enter was pressed before this query's hits arrived: open the first one when they do. */
  let chooseOnArrival: string | null = null;

  async function fetchHits(query: string): Promise<void> {
    let hits: SearchHit[] = [];
    try {
      hits = (await api.get('/api/search', { q: query })).items;
    } catch {
      hits = [];
    }
    store.set((s) => ({ search: receiveHits(s.search, query, hits) }));
    if (chooseOnArrival === query && store.get().search.query === query) {
      chooseOnArrival = null;
      choose(null);
    }
  }

  function choose(hit: SearchHit | null): void {
    const s = store.get().search;
    // The hits on screen may be for an earlier prefix of what is typed now: wait for the real ones.
    if (!hit && s.loading && s.query.trim().length >= 2) {
      chooseOnArrival = s.query;
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        void fetchHits(s.query);
      }
      return;
    }
    const h = hit ?? activeHit(s);
    store.set((st) => ({ search: close(st.search) }));
    if (h) onChoose(h);
  }

  return {
    input(q) {
      store.set((s) => ({ search: setQuery(s.search, q) }));
      clearTimeout(timer);
      timer = undefined;
      const query = store.get().search.query;
      if (chooseOnArrival !== null && chooseOnArrival !== query) chooseOnArrival = null;
      if (!store.get().search.loading) return;
      timer = setTimeout(() => {
        timer = undefined;
        void fetchHits(query);
      }, DEBOUNCE_MS);
    },
    move(delta) {
      store.set((s) => ({ search: move(s.search, delta) }));
    },
    choose,
    close() {
      chooseOnArrival = null;
      store.set((s) => ({ search: close(s.search) }));
    },
  };
}
