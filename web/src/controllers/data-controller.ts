// Fetches what the state asks for: the ontology once, the network when filters change, the
// selected actor's card or edge's events, the timeline's event dates, an actor's neighbours.
// Everything goes into the store (the graph controller draws from there). Stale answers are dropped.
import { api, ApiError } from '../api/client.ts';
import type { Store } from '../app/store.ts';
import { applyNetworkPatch } from '../../../server/api/network-patch.ts';
import type { GraphFilterParams, Network, NetworkPatch } from '../../../server/api/types.ts';
import { countryPalette } from '../core/colors/palette.ts';
import { networkParams, sameFilters } from '../core/filters/filters.ts';
import { cappedNote, foldParams } from '../core/fold/folds.ts';
import type { UrlState } from '../core/url/url-state.ts';
import { EMPTY_HISTORY } from '../core/history/history.ts';
import { parseEdgeId } from '../core/network/edge-events.ts';

export function message(e: unknown): string {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e);
}

/** What a curation is sent holding: the query of the network on show (its answer patches that
 * network), and that network itself. The version is the whole graph's, so another filter's
 * answer can carry the same one: only the very object held may be patched. */
export interface NetworkHeld {
  query: ReturnType<typeof networkQuery> & { base: string };
  network: Network;
}

/** Whether a patch may be applied to `current`: the network the curation was sent holding, at
 * the version the patch starts from. */
export function canPatch(current: Network, held: Network | undefined, patch: NetworkPatch) {
  return held !== undefined && current === held && current.version === patch.from;
}

export interface DataController {
  /** Loads the network from now on (the first call loads it; until then it stays idle). */
  wantNetwork(): void;
  reloadNetwork(): Promise<void>;
  /** The network on show and its query with its version (null: none ready). */
  networkHeld(): NetworkHeld | null;
  /** Applies a curation's patch to the network on show; false when it is not the network the
   * curation was sent holding (`held`), nor the one the patch starts from (then reload).
   * `gone`: actors the curation merged into another (see AppState.networkPatch). */
  patchNetwork(patch: NetworkPatch, held: Network | undefined, gone?: string[]): boolean;
  /** The selected actor's card or edge's events again, showing the old ones meanwhile. */
  refreshSelection(): Promise<void>;
  /** The timeline's event dates again. */
  reloadDates(): Promise<void>;
  expand(id: string): Promise<void>;
  /** An actor's neighbours, fetched only (expand() also draws them). */
  neighbours(id: string): Promise<Network>;
  reloadAll(): Promise<void>;
  /** The next page of the selected edge's events. */
  moreEdgeEvents(): Promise<void>;
}

/** The network the view asks for: the filters, the top drawn and the rest folded by country
 * but the opened countries. */
export function networkQuery(url: UrlState): GraphFilterParams & ReturnType<typeof foldParams> {
  return { ...networkParams(url.filters), ...foldParams(url.top, url.open) };
}

/** Events per page in the edge panel. */
const EDGE_PAGE = 50;

/** A page of the events between an edge's two ends, both ways, newest first. */
function edgePage(ends: { source: string; target: string }, cursor?: string) {
  return api.get('/api/events', {
    actor: ends.source,
    counterpart: ends.target,
    order: 'newest',
    limit: EDGE_PAGE,
    cursor,
  });
}

export function createDataController(store: Store): DataController {
  // The network (12 MB at 5k actors / 50k edges, and parsing it holds the main thread) is loaded
  // once a view asks for it: the network view when shown, the map once it has drawn.
  let networkWanted = false;
  let networkSeq = 0;
  let cardSeq = 0;
  let edgeSeq = 0;
  let datesSeq = 0;

  async function loadOntology(): Promise<void> {
    try {
      const o = await api.get('/api/ontology');
      if (o && Array.isArray(o.categories) && Array.isArray(o.quads)) store.set({ ontology: o });
    } catch {
      // The filters wait for it; the banner explains a down server.
    }
  }

  /** A network with its country colours (in the same change, so it is drawn with them). */
  function withColours(net: Network) {
    const counts = new Map<string, number>();
    for (const n of net.nodes)
      if (n.country) counts.set(n.country, (counts.get(n.country) ?? 0) + 1);
    const { knownCountries, countryColors } = store.get();
    const countries = new Set(knownCountries);
    for (const c of counts.keys()) countries.add(c);
    // A country whose actors are all folded is in the network too (the country filter offers it).
    for (const g of net.folded?.groups ?? []) if (g.country) countries.add(g.country);
    const palette = countryPalette(counts, countryColors);
    // The same objects when no country is new: nothing is repainted (a curation's patch).
    return {
      countryColors: palette.size === countryColors.size ? countryColors : palette,
      network: { status: 'ready' as const, data: net },
      knownCountries:
        countries.size === knownCountries.length ? knownCountries : [...countries].sort(),
    };
  }

  function networkHeld(): NetworkHeld | null {
    const s = store.get();
    if (s.network.status !== 'ready' || !s.network.data.version) return null;
    const network = s.network.data;
    const base = s.network.data.version;
    return { query: { ...networkQuery(s.url), base }, network };
  }

  /** Unlike a reload, what the analyst did to the drawing (hidden, pinned, expanded) stays. */
  function patchNetwork(patch: NetworkPatch, held: Network | undefined, gone?: string[]): boolean {
    const s = store.get();
    if (s.network.status !== 'ready' || !canPatch(s.network.data, held, patch)) return false;
    ++networkSeq; // a network read still on its way is older than this
    const from = s.network.data;
    const to = applyNetworkPatch(from, patch);
    store.set({ ...withColours(to), networkPatch: { from, to, gone } });
    return true;
  }

  async function reloadNetwork(): Promise<void> {
    if (!networkWanted) return;
    const seq = ++networkSeq;
    const prev = store.get().network;
    store.set({ network: { status: 'loading', data: 'data' in prev ? prev.data : undefined } });
    try {
      const net = await api.get('/api/network', networkQuery(store.get().url));
      if (seq !== networkSeq) return;
      store.set({
        ...withColours(net),
        networkPatch: null,
        hidden: new Set(),
        pinned: new Set(),
        history: EMPTY_HISTORY,
        expanded: [],
      });
    } catch (e) {
      if (seq !== networkSeq) return;
      store.set({ network: { status: 'error', message: message(e) } });
    }
  }

  /**
   * The network with folds opened or closed (url.open changed): drawn into the graph on show in
   * place, like a curation's patch, so what the analyst did to the drawing stays; the actors a
   * fold brings are laid out among the others.
   */
  async function refold(): Promise<void> {
    const seq = ++networkSeq;
    const from = store.get().network;
    if (from.status !== 'ready') return reloadNetwork();
    try {
      const to = await api.get('/api/network', networkQuery(store.get().url));
      if (seq !== networkSeq) return;
      const capped = cappedNote(to);
      store.set({
        ...withColours(to),
        networkPatch: { from: from.data, to, relayout: true },
        ...(capped ? { toast: capped } : {}),
      });
    } catch (e) {
      if (seq === networkSeq) store.set({ toast: `Could not open the fold: ${message(e)}` });
    }
  }

  async function loadDates(): Promise<void> {
    const seq = ++datesSeq;
    const f = store.get().url.filters;
    try {
      // Every event counts: the brush's range is the corpus's, not a first page's.
      const timeline = await api.get(
        '/api/timeline',
        networkParams({ ...f, since: null, until: null }),
      );
      if (seq !== datesSeq) return;
      store.set({ eventDays: timeline.days });
    } catch {
      if (seq === datesSeq) store.set({ eventDays: [] });
    }
  }

  /** `quiet`: the card or the events on show stay until the new ones come. */
  async function loadSelection(quiet = false): Promise<void> {
    const sel = store.get().url.selection;
    if (sel?.type === 'actor') {
      const seq = ++cardSeq;
      if (!quiet) store.set({ card: { status: 'loading' }, edgeEvents: { status: 'idle' } });
      try {
        const card = await api.get('/api/actors/{id}', { id: sel.id });
        if (seq === cardSeq) store.set({ card: { status: 'ready', data: card } });
      } catch (e) {
        if (seq === cardSeq) store.set({ card: { status: 'error', message: message(e) } });
      }
    } else if (sel?.type === 'edge') {
      const seq = ++edgeSeq;
      const ends = parseEdgeId(sel.id);
      if (!quiet) store.set({ edgeEvents: { status: 'loading' }, card: { status: 'idle' } });
      if (!ends) {
        store.set({ edgeEvents: { status: 'error', message: 'Not a valid edge.' } });
        return;
      }
      try {
        const page = await edgePage(ends);
        if (seq === edgeSeq)
          store.set({
            edgeEvents: {
              status: 'ready',
              data: { items: page.items, nextCursor: page.nextCursor },
            },
          });
      } catch (e) {
        if (seq === edgeSeq) store.set({ edgeEvents: { status: 'error', message: message(e) } });
      }
    } else {
      store.set({ card: { status: 'idle' }, edgeEvents: { status: 'idle' } });
    }
  }

  async function moreEdgeEvents(): Promise<void> {
    const sel = store.get().url.selection;
    const current = store.get().edgeEvents;
    const ends = sel?.type === 'edge' ? parseEdgeId(sel.id) : null;
    if (!ends || current.status !== 'ready' || !current.data.nextCursor) return;
    const seq = edgeSeq;
    try {
      const page = await edgePage(ends, current.data.nextCursor);
      if (seq !== edgeSeq) return;
      store.set({
        edgeEvents: {
          status: 'ready',
          data: { items: [...current.data.items, ...page.items], nextCursor: page.nextCursor },
        },
      });
    } catch (e) {
      if (seq === edgeSeq) store.set({ toast: `Could not load more events: ${message(e)}` });
    }
  }

  const neighbours = (id: string) => api.get('/api/actors/{id}/neighbors', { id, limit: 50 });

  async function expand(id: string): Promise<void> {
    try {
      store.set({ expansion: { near: id, network: await neighbours(id) } });
    } catch (e) {
      store.set({ toast: `Could not expand: ${message(e)}` });
    }
  }

  store.subscribe((s, prev) => {
    const refolded = s.url.open.join() !== prev.url.open.join();
    if (s.url.top !== prev.url.top) void reloadNetwork();
    else if (refolded && sameFilters(s.url.filters, prev.url.filters)) void refold();
    if (!sameFilters(s.url.filters, prev.url.filters)) {
      if (s.url.top === prev.url.top) void reloadNetwork();
      const f = s.url.filters;
      const p = prev.url.filters;
      if (!sameFilters({ ...f, since: null, until: null }, { ...p, since: null, until: null }))
        void loadDates();
    }
    if (JSON.stringify(s.url.selection) !== JSON.stringify(prev.url.selection))
      void loadSelection();
  });

  async function reloadAll(): Promise<void> {
    await Promise.all([reloadNetwork(), loadDates(), loadSelection()]);
  }

  void loadOntology();
  void reloadAll();

  return {
    wantNetwork() {
      if (networkWanted) return;
      networkWanted = true;
      void reloadNetwork();
    },
    reloadNetwork,
    networkHeld,
    patchNetwork,
    refreshSelection: () => loadSelection(true),
    reloadDates: loadDates,
    expand,
    neighbours,
    reloadAll,
    moreEdgeEvents,
  };
}
