// Left-rail filters: quad classes with their categories, actor kinds, countries, dates.
import type { Ontology } from '../../../server/api/types.ts';
import {
  ACTOR_KINDS,
  KIND_LABELS,
  type ActorKind,
  type PloverCategory,
  type Quad,
} from '../../../domain/index.ts';
import type { AppState } from '../app/store.ts';
import {
  KIND_COLORS,
  NO_COUNTRY as NO_COUNTRY_COLOR,
  countryColor,
} from '../core/colors/palette.ts';
import {
  isFiltered,
  NO_COUNTRY,
  quadState,
  typeShown,
  type Filters,
} from '../core/filters/filters.ts';
import { binDays } from '../core/timeline/bins.ts';
import { el, mount } from '../dom/el.ts';
import { renderTimeline } from './timeline-brush.ts';

export interface FilterActions {
  toggleType(t: PloverCategory): void;
  toggleQuad(q: Quad): void;
  toggleKind(k: ActorKind): void;
  toggleCountry(c: string, known: string[]): void;
  setDates(r: { since: string; until: string } | null): void;
  reset(): void;
}

const QUAD_LABELS: Record<Quad, string> = {
  'verbal-cooperation': 'Verbal cooperation',
  'material-cooperation': 'Material cooperation',
  'verbal-conflict': 'Verbal conflict',
  'material-conflict': 'Material conflict',
};

function checkbox(
  label: string,
  checked: boolean,
  onChange: () => void,
  swatch?: string,
  indeterminate = false,
  title?: string,
): HTMLElement {
  const input = el('input', {
    type: 'checkbox',
    checked,
    'aria-label': label,
    on: { change: onChange },
  });
  input.indeterminate = indeterminate;
  return el('label', { class: 'check', title }, [
    input,
    swatch ? el('span', { class: 'swatch', style: { background: swatch } }) : null,
    el('span', { class: 'check-label', text: label }),
  ]);
}

function categories(
  o: Ontology,
  f: Filters,
  a: FilterActions,
  counts: Map<string, number>,
): HTMLElement {
  return el(
    'div',
    { class: 'quads' },
    o.quads.map((q) => {
      const st = quadState(f, o, q);
      return el('fieldset', { class: 'quad' }, [
        el('legend', {}, [
          checkbox(
            QUAD_LABELS[q] ?? q,
            st !== 'none',
            () => a.toggleQuad(q),
            undefined,
            st === 'some',
          ),
        ]),
        el(
          'div',
          { class: 'cats' },
          o.categories
            .filter((c) => c.quad === q)
            .map((c) =>
              checkbox(
                c.type,
                typeShown(f, c.type),
                () => a.toggleType(c.type),
                c.color,
                false,
                `${c.type}: ${counts.get(c.type) ?? 0} event${counts.get(c.type) === 1 ? '' : 's'} in view (score ${c.score})`,
              ),
            ),
        ),
      ]);
    }),
  );
}

export function renderFilters(root: HTMLElement, s: AppState, a: FilterActions): void {
  const f = s.url.filters;
  const net =
    s.network.status === 'ready' || s.network.status === 'loading' ? s.network.data : undefined;
  const counts = new Map<string, number>();
  const countries = new Set<string>([...f.countries, ...s.knownCountries]);
  countries.delete(NO_COUNTRY);
  const shown = (c: string) => f.countries.length === 0 || f.countries.includes(c);
  for (const e of net?.edges ?? [])
    for (const [t, c] of Object.entries(e.byType)) counts.set(t, (counts.get(t) ?? 0) + (c ?? 0));
  mount(root, [
    el('div', { class: 'rail-head' }, [
      el('h2', { text: 'Filters' }),
      isFiltered(f)
        ? el('button', { class: 'link', type: 'button', text: 'Reset', on: { click: a.reset } })
        : null,
    ]),
    el('section', { class: 'rail-section' }, [
      el('h3', { text: 'When' }),
      renderTimeline(binDays(s.eventDays), f.since, f.until, a.setDates),
    ]),
    el('section', { class: 'rail-section' }, [
      el('h3', { text: 'Event categories' }),
      s.ontology
        ? categories(s.ontology, f, a, counts)
        : el('p', { class: 'muted small', text: 'Loading the PLOVER ontology…' }),
    ]),
    el('section', { class: 'rail-section' }, [
      el('h3', { text: 'Actor kinds' }),
      el(
        'div',
        { class: 'cats' },
        ACTOR_KINDS.map((k) =>
          checkbox(
            KIND_LABELS[k],
            f.kinds.length === 0 || f.kinds.includes(k),
            () => a.toggleKind(k),
            KIND_COLORS[k],
          ),
        ),
      ),
      f.kinds.length
        ? el('p', {
            class: 'muted small',
            text: `Showing only: ${f.kinds.map((k) => KIND_LABELS[k]).join(', ')}`,
          })
        : null,
    ]),
    el('section', { class: 'rail-section' }, [
      el('h3', { text: 'Countries' }),
      countries.size
        ? el('div', { class: 'cats countries' }, [
            ...[...countries]
              .sort()
              .map((c) =>
                checkbox(
                  c,
                  shown(c),
                  () => a.toggleCountry(c, [...countries]),
                  countryColor(c, s.countryColors),
                ),
              ),
            // Actors with no known country stay until this one is unchecked too.
            checkbox(
              'No country',
              shown(NO_COUNTRY),
              () => a.toggleCountry(NO_COUNTRY, [...countries]),
              NO_COUNTRY_COLOR,
              false,
              'Actors without a known country',
            ),
          ])
        : el('p', { class: 'muted small', text: 'No countries yet.' }),
    ]),
  ]);
}
