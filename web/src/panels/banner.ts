// The banner when Neo4j or the server is down, and the transient toast.
import type { AppState } from '../app/store.ts';
import { el, mount } from '../dom/el.ts';

export function renderBanner(root: HTMLElement, s: AppState): void {
  root.hidden = !s.neo4jDown;
  if (s.neo4jDown)
    mount(root, [
      el('strong', { text: 'Database unavailable. ' }),
      el('span', { text: s.neo4jDown }),
    ]);
}

export function renderToast(root: HTMLElement, s: AppState): void {
  root.hidden = !s.toast;
  root.textContent = s.toast ?? '';
}
