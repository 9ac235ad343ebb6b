// The map's side panel (what is on the map, what is not, the chosen places' events with their
// sentences), its tooltip and its empty state. Render only: report text goes in as text.
import { QUADS } from '../../../domain/index.ts';
import type { AppState } from '../app/store.ts';
import type { Cluster } from '../core/map/cluster.ts';
import { QUAD_COLORS, QUAD_LABELS, quadSummary } from '../core/map/quads.ts';
import { isFiltered } from '../core/filters/filters.ts';
import { el, mount } from '../dom/el.ts';
import { eventItem } from './fact-items.ts';
import { plural } from '../dom/plural.ts';

export interface MapPanelActions {
  choosePlace(id: string): void;
  clear(): void;
  showInNetwork(): void;
  openActor(id: string): void;
  more(): void;
  toDocuments(): void;
  resetFilters(): void;
}

export function renderMapTooltip(root: HTMLElement, c: Cluster | null, x: number, y: number): void {
  root.hidden = !c;
  if (!c) return;
  const names = c.places.slice(0, 4).map((p) => p.name);
  const rest = c.places.length - names.length;
  mount(root, [
    el('strong', { text: names.join(', ') + (rest > 0 ? ` and ${rest} more` : '') }),
    el('div', { text: plural(c.events, 'event') }),
    el('div', { class: 'muted small', text: quadSummary(c.byQuad) }),
  ]);
  root.style.left = `${x + 14}px`;
  root.style.top = `${y + 14}px`;
}

export function renderMapEmpty(root: HTMLElement, s: AppState, a: MapPanelActions): void {
  const p = s.places;
  const card = (...children: (HTMLElement | null)[]) => {
    root.hidden = false;
    mount(root, [el('div', { class: 'empty-card' }, children)]);
  };
  if (p.status === 'idle' || (p.status === 'loading' && !p.data))
    return card(el('p', { text: 'Loading the map…' }));
  if (p.status === 'error')
    return card(
      el('h2', { text: 'The map could not be loaded' }),
      el('p', { class: 'error', text: p.message }),
    );
  const d = p.data;
  if (d && d.total === 0) {
    return isFiltered(s.url.filters)
      ? card(
          el('h2', { text: 'Nothing matches these filters' }),
          el('button', {
            type: 'button',
            class: 'primary',
            text: 'Reset filters',
            on: { click: a.resetFilters },
          }),
        )
      : card(
          el('h2', { text: 'No events yet' }),
          el('p', { text: 'Ingest a report: its events appear here at the places it names.' }),
          el('button', {
            type: 'button',
            class: 'primary',
            text: 'Go to Documents',
            on: { click: a.toDocuments },
          }),
        );
  }
  root.hidden = true;
}

function legend(): HTMLElement {
  return el(
    'ul',
    { class: 'map-legend', 'aria-label': 'Marker colours' },
    QUADS.map((q) =>
      el('li', {}, [
        el('span', { class: 'swatch', style: { background: QUAD_COLORS[q] } }),
        el('span', { text: QUAD_LABELS[q] }),
      ]),
    ),
  );
}

export function renderMapSide(root: HTMLElement, s: AppState, a: MapPanelActions): void {
  const d = s.places.status === 'ready' || s.places.status === 'loading' ? s.places.data : null;
  if (!d) return mount(root, [el('h2', { text: 'Map' })]);
  const chosen = s.url.places;
  const onMap = d.items.reduce((n, p) => n + p.events, 0);
  const unlocatedEvents = d.unlocated.reduce((n, p) => n + p.events, 0);
  const summary = el('div', { class: 'map-summary' }, [
    el('p', {
      text: `${plural(onMap, 'event')} at ${plural(d.items.length, 'place')} on the map.`,
    }),
    d.unplaced
      ? el('p', { class: 'muted small', text: `${plural(d.unplaced, 'event')} name no place.` })
      : null,
    d.unlocated.length
      ? el('details', { class: 'unlocated' }, [
          el('summary', {
            text: `${plural(unlocatedEvents, 'event')} at ${plural(d.unlocated.length, 'place')} not found in the place data`,
          }),
          el(
            'ul',
            {},
            d.unlocated.map((u) =>
              el('li', {
                text: `${u.name}${u.country ? `, ${u.country}` : ''} (${plural(u.events, 'event')})`,
              }),
            ),
          ),
        ])
      : null,
    legend(),
  ]);

  if (!chosen.length) {
    return mount(root, [
      el('h2', { id: 'map-title', text: 'Map' }),
      summary,
      el('h3', { text: 'Places' }),
      d.items.length
        ? el(
            'ol',
            { class: 'place-list', 'aria-label': 'Places by number of events' },
            d.items.slice(0, 200).map((p) =>
              el('li', {}, [
                el('button', {
                  type: 'button',
                  class: 'link',
                  dataset: { place: p.id },
                  text: `${p.name}${p.country ? `, ${p.country}` : ''}`,
                  on: { click: () => a.choosePlace(p.id) },
                }),
                el('span', { class: 'muted small', text: ` ${plural(p.events, 'event')}` }),
              ]),
            ),
          )
        : el('p', { class: 'muted small', text: 'No event here names a place we could locate.' }),
    ]);
  }

  const names = chosen.map(
    (id) => d.items.find((p) => p.id === id)?.name ?? id.replace(/^place:/, ''),
  );
  const ev = s.placeEvents;
  mount(root, [
    el('div', { class: 'panel-header' }, [
      el('div', {}, [
        el('h2', {
          id: 'map-title',
          text:
            names.length > 3
              ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
              : names.join(', '),
        }),
        el('div', {
          class: 'subtitle',
          text:
            ev.status === 'ready' ? `${plural(s.placeActors.size, 'actor')} in these events` : '',
        }),
      ]),
      el('button', {
        type: 'button',
        class: 'icon-button',
        'aria-label': 'Close',
        text: '×',
        on: { click: a.clear },
      }),
    ]),
    el('div', { class: 'actions' }, [
      el('button', {
        type: 'button',
        text: 'Show their actors in the network',
        disabled: ev.status !== 'ready' || s.placeActors.size === 0,
        on: { click: a.showInNetwork },
      }),
    ]),
    ev.status === 'loading'
      ? el('p', { class: 'muted', text: 'Loading events…' })
      : ev.status === 'error'
        ? el('p', { class: 'error', role: 'alert', text: ev.message })
        : ev.status === 'ready'
          ? el(
              'ul',
              { class: 'facts' },
              ev.data.items.map((e) => eventItem(e, s.ontology, a.openActor)),
            )
          : null,
    ev.status === 'ready' && ev.data.nextCursor
      ? el('button', { type: 'button', class: 'link', text: 'More events', on: { click: a.more } })
      : null,
  ]);
}
