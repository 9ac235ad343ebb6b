// What every view is given: the store, the actions that change the shareable state, and the data
// controller that fetches what the state asks for.
import type { DataController } from '../controllers/data-controller.ts';
import type { Filters } from '../core/filters/filters.ts';
import type { Selection, UrlState, View } from '../core/url/url-state.ts';
import type { FocusRequest, Store } from './store.ts';

export interface App {
  store: Store;
  data: DataController;
  /** The ids of the registered views (what a URL may name). */
  views: readonly View[];
  setUrl(patch: Partial<UrlState>): void;
  setFilters(fn: (f: Filters) => Filters): void;
  select(sel: Selection): void;
  /** Shows an actor, or the edge of an event, on the network view (which carries it out). */
  focus(req: FocusRequest): void;
}

export function createApp(store: Store, data: DataController, views: readonly View[]): App {
  const setUrl = (patch: Partial<UrlState>): void =>
    store.set((s) => ({ url: { ...s.url, ...patch } }));
  return {
    store,
    data,
    views,
    setUrl,
    setFilters: (fn) => store.set((s) => ({ url: { ...s.url, filters: fn(s.url.filters) } })),
    select: (selection) => setUrl({ selection }),
    focus: (req) => store.set({ focus: { ...req } }),
  };
}
