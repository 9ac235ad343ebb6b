// The app's state in one place with a tiny subscribe/notify. Panels read it and render;
// controllers change it. No framework: a set() merges a patch and tells every listener.
import type {
  ActorCard,
  Changes,
  CurationLogEntry,
  CypherResult,
  DocumentSummary,
  DocumentView,
  EventItem,
  Investigation,
  InvestigationSummary,
  Network,
  Ontology,
  PlacesOnMap,
  RevisionSummary,
} from '../../../server/api/types.ts';
import { dayNumber, type RevisionDiff } from '../../../domain/index.ts';
import { EMPTY_HISTORY, type History } from '../core/history/history.ts';
import { EMPTY_WATCHLIST, type Watchlist } from '../core/changes/watchlist.ts';
import type { Point } from '../core/layout/seed.ts';
import { EMPTY_SEARCH, type SearchState } from '../core/search/search-state.ts';
import { DEFAULT_STATE, type UrlState } from '../core/url/url-state.ts';

export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  | { status: 'error'; message: string; data?: T };

export interface AppState {
  url: UrlState;
  ontology: Ontology | null;
  network: Loadable<Network>;
  /** The network a curation's patch was applied to and the one it gave (the graph controller
   * then patches its drawing instead of drawing `to` afresh; `relayout`: and lays out the actors
   * it added, as for an opened fold; `gone`: actors merged into another, dropped wherever they
   * were drawn from, an expansion included). */
  networkPatch: { from: Network; to: Network; relayout?: boolean; gone?: string[] } | null;
  /** Event dates under the current non-date filters, for the timeline histogram. */
  /** Current events per day under the filters but the dates (GET /api/timeline). */
  eventDays: { date: string; events: number }[];
  /** Every country seen in any network loaded this session (what the country filter offers). */
  knownCountries: string[];
  /** Colours of the countries in the current network (distinct for the most frequent). */
  countryColors: Map<string, string>;
  hovered: string | null;
  hidden: Set<string>;
  pinned: Set<string>;
  history: History;
  /** The actors whose neighbours were expanded and not undone, in order (not capped). */
  expanded: readonly string[];
  card: Loadable<ActorCard>;
  /** The events between the two ends of the selected edge, both ways, newest first, paged. */
  edgeEvents: Loadable<EdgeEvents>;
  search: SearchState;
  neo4jDown: string | null;
  layoutRunning: boolean;
  console: {
    query: string;
    result: Loadable<CypherResult>;
    history: string[];
  };
  documents: Loadable<DocumentSummary[]>;
  /** The cursor of the next page of documents; null when all are listed. */
  documentsNext: string | null;
  docView: Loadable<DocumentView>;
  /** The text of the revision before the one shown, for the sentence-level text diff. */
  previousText: { revisionId: string; text: string } | null;
  revisions: RevisionSummary[];
  lastDiff: RevisionDiff | null;
  upload: { status: 'idle' | 'uploading' | 'error'; message?: string };
  toast: string | null;
  /** The latest request to show an actor or an event's edge on the network (from search, the
   * documents' marks, …); the network view carries it out. */
  focus: FocusRequest | null;
  /** The latest neighbours fetched to add around an actor; the graph controller merges them. */
  expansion: { near: string; network: Network } | null;
  /** The curation log and the analyst's filter over it. */
  curations: Loadable<CurationLogEntry[]>;
  curationFilter: string;
  /** The map: events by place under the filters (loaded once the map is opened). */
  places: Loadable<PlacesOnMap>;
  /** The events at the places chosen on the map (url.places), paged like an edge's. */
  placeEvents: Loadable<EdgeEvents>;
  /** The actors of those events: marked in the network. */
  placeActors: ReadonlySet<string>;
  /** Time playback (playback-controller): not in the URL while it moves, url.at once paused. */
  playback: Playback;
  /** Where the drawn actors are (graph coordinates), as of the last layout or drag. */
  drawn: ReadonlyMap<string, Point>;
  /** Positions to draw the actors at (an investigation opened); the graph controller applies them. */
  restore: { positions: ReadonlyMap<string, Point> } | null;
  /** Saved investigations, and the one open (url.investigation). */
  investigations: Loadable<InvestigationSummary[]>;
  investigation: Investigation | null;
  /** What changed (GET /api/changes) under the feed's own filters. */
  changes: Loadable<Changes>;
  changesFilter: ChangesFilter;
  /** Actors the unfiltered feed concerns (what the actor filter offers). */
  changeActors: { id: string; name: string }[];
  watchlist: Watchlist;
  /** When the analyst had looked before this look (changes after it are marked new). */
  previousLook: string | null;
  /** Changes to watched actors since the analyst last looked (the tab's badge). */
  unseen: number;
}

export interface ChangesFilter {
  actor: string | null;
  /** Days (YYYY-MM-DD) of ingest. */
  since: string | null;
  until: string | null;
}

export interface Playback {
  playing: boolean;
  /** Days of the corpus played per second of playback. */
  speed: number;
  /** The day the window ends on (domain/days.ts), null when the whole network is shown. */
  head: number | null;
}

/** `country`: an actor's, when known (a search hit's): which fold holds it if it is not drawn. */
export type FocusRequest = {
  type: 'actor' | 'event';
  id: string;
  label?: string;
  country?: string | null;
};

export interface EdgeEvents {
  items: EventItem[];
  /** The next page's cursor; null when every event between the two is loaded. */
  nextCursor: string | null;
}

export type Listener = (s: AppState, prev: AppState) => void;

export interface Store {
  get(): AppState;
  set(patch: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void;
  subscribe(fn: Listener): () => void;
}

export function initialState(url: UrlState = DEFAULT_STATE): AppState {
  return {
    url,
    ontology: null,
    network: { status: 'idle' },
    networkPatch: null,
    eventDays: [],
    knownCountries: [],
    countryColors: new Map(),
    hovered: null,
    hidden: new Set(),
    pinned: new Set(),
    history: EMPTY_HISTORY,
    expanded: [],
    card: { status: 'idle' },
    edgeEvents: { status: 'idle' },
    search: EMPTY_SEARCH,
    neo4jDown: null,
    layoutRunning: false,
    console: { query: '', result: { status: 'idle' }, history: [] },
    documents: { status: 'idle' },
    documentsNext: null,
    docView: { status: 'idle' },
    previousText: null,
    revisions: [],
    lastDiff: null,
    upload: { status: 'idle' },
    toast: null,
    focus: null,
    expansion: null,
    curations: { status: 'idle' },
    curationFilter: '',
    places: { status: 'idle' },
    placeEvents: { status: 'idle' },
    placeActors: new Set(),
    playback: { playing: false, speed: 2, head: dayNumber(url.at) },
    drawn: new Map(),
    restore: null,
    investigations: { status: 'idle' },
    investigation: null,
    changes: { status: 'idle' },
    changesFilter: { actor: null, since: null, until: null },
    changeActors: [],
    watchlist: EMPTY_WATCHLIST,
    previousLook: null,
    unseen: 0,
  };
}

export function createStore(init: AppState): Store {
  let state = init;
  const listeners = new Set<Listener>();
  // A listener may set() in turn: that change is told to every listener after the current one
  // has been told to all, so each listener sees the changes in order and never an older state last.
  const pending: [AppState, AppState][] = [];
  let notifying = false;
  return {
    get: () => state,
    set(patch) {
      const prev = state;
      const p = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...p };
      pending.push([state, prev]);
      if (notifying) return;
      notifying = true;
      try {
        for (let change = pending.shift(); change; change = pending.shift())
          for (const fn of listeners) fn(...change);
      } finally {
        notifying = false;
        pending.length = 0;
      }
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
