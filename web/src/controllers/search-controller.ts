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
  return {
    input(q) {
      store.set((s) => ({ search: setQuery(s.search, q) }));
      clearTimeout(timer);
      const query = store.get().search.query;
      if (!store.get().search.loading) return;
      timer = setTimeout(async () => {
        try {
          const hits = (await api.search(query)).items;
          store.set((s) => ({ search: receiveHits(s.search, query, hits) }));
        } catch {
          store.set((s) => ({ search: receiveHits(s.search, query, []) }));
        }
      }, DEBOUNCE_MS);
    },
    move(delta) {
      store.set((s) => ({ search: move(s.search, delta) }));
    },
    choose(hit) {
      const h = hit ?? activeHit(store.get().search);
      store.set((s) => ({ search: close(s.search) }));
      if (h) onChoose(h);
    },
    close() {
      store.set((s) => ({ search: close(s.search) }));
    },
  };
}
