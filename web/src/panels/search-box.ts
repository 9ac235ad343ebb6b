// The typeahead: an ARIA combobox over /api/search hits. Renders the list from state; the
// input's events are handed to callbacks (the search binding owns fetching).
import type { SearchHit } from '../../../server/api/types.ts';
import type { SearchState } from '../core/search/search-state.ts';
import { KIND_LABELS } from '../../../domain/index.ts';
import { el, mount } from '../dom/el.ts';

export interface SearchBox {
  root: HTMLElement;
  input: HTMLInputElement;
  render(s: SearchState): void;
}

export interface SearchCallbacks {
  input(q: string): void;
  move(delta: number): void;
  choose(hit: SearchHit | null): void;
  close(): void;
}

function describe(h: SearchHit): string {
  if (h.type === 'actor')
    return [h.kind ? KIND_LABELS[h.kind] : 'Actor', h.country].filter(Boolean).join(' · ');
  const what = h.factType ?? (h.type === 'event' ? 'Event' : 'Statement');
  return [h.type === 'statement' ? `Statement (${what})` : what, h.date]
    .filter(Boolean)
    .join(' · ');
}

/** A fact's row: who did it above the sentence, so facts of one sentence are told apart. */
function factLabel(h: SearchHit): HTMLElement {
  return el('span', { class: 'hit-label fact-hit' }, [
    h.who ? el('strong', { class: 'hit-who', text: h.who }) : null,
    el('span', { class: 'hit-text', text: h.label, title: h.label }),
  ]);
}

export function createSearchBox(cb: SearchCallbacks): SearchBox {
  const list = el('ul', {
    class: 'search-results',
    role: 'listbox',
    id: 'search-results',
    hidden: true,
  });
  const input = el('input', {
    type: 'search',
    class: 'search-input',
    placeholder: 'Search actors, events…  (/)',
    'aria-label': 'Search actors and events',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    'aria-autocomplete': 'list',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  input.addEventListener('input', () => cb.input(input.value));
  input.addEventListener('keydown', (e) => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step) {
      e.preventDefault();
      cb.move(step);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      cb.choose(null);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      if (input.value) {
        input.value = '';
        cb.input('');
      } else input.blur();
      cb.close();
    }
  });
  input.addEventListener('blur', () => setTimeout(() => cb.close(), 150));
  const root = el('div', { class: 'search' }, [input, list]);
  return {
    root,
    input,
    render(s) {
      const open = s.open && s.query.trim().length >= 2;
      list.hidden = !open;
      input.setAttribute('aria-expanded', String(open));
      if (!open) return;
      if (s.loading && !s.hits.length)
        return mount(list, [el('li', { class: 'muted search-status', text: 'Searching…' })]);
      if (!s.hits.length)
        return mount(list, [
          el('li', { class: 'muted search-status', text: `Nothing matches “${s.query}”.` }),
        ]);
      mount(
        list,
        s.hits.map((h, i) =>
          el(
            'li',
            {
              role: 'option',
              id: `search-hit-${i}`,
              class: `search-hit ${i === s.active ? 'active' : ''}`,
              'aria-selected': String(i === s.active),
              dataset: { id: h.id, type: h.type },
              on: { mousedown: (e) => (e.preventDefault(), cb.choose(h)) },
            },
            [
              h.type === 'actor' ? el('span', { class: 'hit-label', text: h.label }) : factLabel(h),
              el('span', { class: 'hit-kind', text: describe(h) }),
            ],
          ),
        ),
      );
      if (s.active >= 0) input.setAttribute('aria-activedescendant', `search-hit-${s.active}`);
    },
  };
}
