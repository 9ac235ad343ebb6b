// The shareable part of the view (filters, selection, colour mode, open tab) ⇄ the URL query.
// Parsing is defensive: a hand-edited or hostile URL yields defaults, never an exception.
import { ACTOR_KINDS, type ActorKind, type PloverCategory } from '../../../../domain/index.ts';
import type { ColorBy } from '../colors/palette.ts';
import { NO_FILTERS, type Filters } from '../filters/filters.ts';
import { MAX_TOP, MIN_TOP } from '../fold/folds.ts';
import { WINDOW_SIZES, type WindowSize } from '../time/window.ts';

export type Selection = { type: 'actor'; id: string } | { type: 'edge'; id: string } | null;
/** The id of a view in the registry (web/src/app/views.ts). */
export type View = string;

export interface UrlState {
  filters: Filters;
  selection: Selection;
  colorBy: ColorBy;
  view: View;
  doc: string | null;
  /** Whether actors without relationships are drawn (by default they are not). */
  isolates: boolean;
  /** The places chosen on the map: their events are listed and their actors marked. */
  places: string[];
  /** Time playback's position: the last day of the window shown (null: the whole network). */
  at: string | null;
  /** The playback window's length. */
  window: WindowSize;
  /** In a time window, also the relationships whose events have no full date (shown faded). */
  undated: boolean;
  /** The saved investigation this view was opened from (a link with it opens that one). */
  investigation: string | null;
  /** Actors drawn as themselves before the rest is folded by country (null: DRAWN_ACTORS). */
  top: number | null;
  /** Countries whose fold is opened (`none`: actors without a country). */
  open: string[];
}

export const DEFAULT_STATE: UrlState = {
  filters: NO_FILTERS,
  selection: null,
  colorBy: 'kind',
  view: 'network',
  doc: null,
  isolates: false,
  places: [],
  at: null,
  window: 'week',
  undated: false,
  investigation: null,
  top: null,
  open: [],
};

/** At most this many opened folds (the API's bound). */
export const MAX_OPEN = 50;

/** At most this many places in a map selection (a cluster of a dense region). */
export const MAX_PLACES = 200;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TYPE = /^[A-Z]{3,12}$/;
const COUNTRY = /^([A-Z]{3}|none)$/;
const ID_MAX = 300;
const INVESTIGATION = /^inv-[\w-]{1,100}$/;

function list(v: string | null): string[] {
  return v ? v.split(',').filter(Boolean) : [];
}

/** `views`: the ids of the views there are; an unknown `view` opens the first. */
export function parseUrlState(search: string, views: readonly View[]): UrlState {
  const q = new URLSearchParams(search);
  const filters: Filters = {
    types: [...new Set(list(q.get('types')).filter((t) => TYPE.test(t)))] as PloverCategory[],
    since: DATE.test(q.get('since') ?? '') ? q.get('since') : null,
    until: DATE.test(q.get('until') ?? '') ? q.get('until') : null,
    countries: [...new Set(list(q.get('countries')).filter((c) => COUNTRY.test(c)))].sort(),
    kinds: ACTOR_KINDS.filter((k) => list(q.get('kinds')).includes(k)) as ActorKind[],
  };
  const actor = q.get('actor');
  const edge = q.get('edge');
  const selection: Selection =
    actor && actor.length <= ID_MAX
      ? { type: 'actor', id: actor }
      : edge && edge.length <= ID_MAX
        ? { type: 'edge', id: edge }
        : null;
  const view = q.get('view');
  const doc = q.get('doc');
  const top = /^\d{1,5}$/.test(q.get('top') ?? '') ? Number(q.get('top')) : null;
  return {
    filters,
    selection,
    colorBy:
      q.get('color') === 'country' || q.get('color') === 'community'
        ? (q.get('color') as ColorBy)
        : 'kind',
    view: view && views.includes(view) ? view : views[0],
    doc: doc && doc.length <= ID_MAX ? doc : null,
    isolates: q.get('isolates') === '1',
    places: [...new Set(list(q.get('places')).filter((p) => p.length <= ID_MAX))].slice(
      0,
      MAX_PLACES,
    ),
    at: DATE.test(q.get('at') ?? '') ? q.get('at') : null,
    window: WINDOW_SIZES.find((w) => w === q.get('window')) ?? DEFAULT_STATE.window,
    undated: q.get('undated') === '1',
    investigation: INVESTIGATION.test(q.get('investigation') ?? '') ? q.get('investigation') : null,
    top: top !== null && top >= MIN_TOP && top <= MAX_TOP ? top : null,
    open: [...new Set(list(q.get('open')).filter((c) => COUNTRY.test(c)))]
      .sort()
      .slice(0, MAX_OPEN),
  };
}

export function formatUrlState(s: UrlState): string {
  const q = new URLSearchParams();
  const f = s.filters;
  if (f.types.length) q.set('types', f.types.join(','));
  if (f.since) q.set('since', f.since);
  if (f.until) q.set('until', f.until);
  if (f.countries.length) q.set('countries', f.countries.join(','));
  if (f.kinds.length) q.set('kinds', f.kinds.join(','));
  if (s.selection?.type === 'actor') q.set('actor', s.selection.id);
  if (s.selection?.type === 'edge') q.set('edge', s.selection.id);
  if (s.colorBy !== 'kind') q.set('color', s.colorBy);
  if (s.view !== DEFAULT_STATE.view) q.set('view', s.view);
  if (s.doc) q.set('doc', s.doc);
  if (s.isolates) q.set('isolates', '1');
  if (s.places.length) q.set('places', s.places.join(','));
  if (s.at) q.set('at', s.at);
  if (s.window !== DEFAULT_STATE.window) q.set('window', s.window);
  if (s.undated) q.set('undated', '1');
  if (s.investigation) q.set('investigation', s.investigation);
  if (s.top !== null) q.set('top', String(s.top));
  if (s.open.length) q.set('open', s.open.join(','));
  const str = q.toString();
  return str ? `?${str}` : '';
}
