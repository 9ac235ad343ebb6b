// Keeps the address bar in step with the shareable state, and back/forward with the state.
import type { Store } from '../app/store.ts';
import { formatUrlState, parseUrlState, type View } from '../core/url/url-state.ts';

export function startUrlController(store: Store, views: readonly View[]): void {
  store.subscribe((s, prev) => {
    if (s.url === prev.url) return;
    const next = formatUrlState(s.url);
    if (next !== window.location.search)
      window.history.pushState(null, '', `${window.location.pathname}${next}`);
  });
  window.addEventListener('popstate', () => {
    store.set({ url: parseUrlState(window.location.search, views) });
  });
}
