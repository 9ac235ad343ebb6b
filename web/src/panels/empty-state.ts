// What a new user sees over an empty canvas: what to do next.
import type { AppState } from '../app/store.ts';
import { isFiltered } from '../core/filters/filters.ts';
import { el, mount } from '../dom/el.ts';

export function renderEmptyNetwork(
  root: HTMLElement,
  s: AppState,
  toDocuments: () => void,
  resetFilters: () => void,
): void {
  const n = s.network;
  if (n.status === 'loading' && !n.data) {
    root.hidden = false;
    return mount(root, [
      el('div', { class: 'empty-card' }, [el('p', { text: 'Loading the network…' })]),
    ]);
  }
  if (n.status === 'error') {
    root.hidden = false;
    return mount(root, [
      el('div', { class: 'empty-card' }, [
        el('h2', { text: 'The network could not be loaded' }),
        el('p', { class: 'error', text: n.message }),
      ]),
    ]);
  }
  if (n.status === 'ready' && n.data.nodes.length === 0) {
    root.hidden = false;
    if (isFiltered(s.url.filters)) {
      return mount(root, [
        el('div', { class: 'empty-card' }, [
          el('h2', { text: 'Nothing matches these filters' }),
          el('p', { text: 'Widen the date range or tick more categories, countries or kinds.' }),
          el('button', {
            type: 'button',
            class: 'primary',
            text: 'Reset filters',
            on: { click: resetFilters },
          }),
        ]),
      ]);
    }
    return mount(root, [
      el('div', { class: 'empty-card' }, [
        el('h2', { text: 'No reports yet' }),
        el('p', {
          text: 'Parley draws the actors of the reports you ingest and the events between them.',
        }),
        el('p', {}, [
          'Drop a news report (.txt, .md, .html, .json) in ',
          el('strong', { text: 'Documents' }),
          ', or run ',
          el('code', { text: 'npx parley ingest samples/' }),
          ' and reload.',
        ]),
        el('button', {
          type: 'button',
          class: 'primary',
          text: 'Add a report',
          on: { click: toDocuments },
        }),
      ]),
    ]);
  }
  root.hidden = true;
  root.replaceChildren();
}
