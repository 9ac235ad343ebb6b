// Fetches what the state asks for: the ontology once, the network when filters change, the
// selected actor's card or edge's events, the timeline's event dates, an actor's neighbours.
// Everything goes into the store (the graph controller draws from there). Stale answers are dropped.
import { api, ApiError } from '../api/client.ts';
import type { Store } from '../app/store.ts';
import type { Network } from '../../../server/api/types.ts';
import { countryPalette } from '../core/colors/palette.ts';
import { networkParams, sameFilters } from '../core/filters/filters.ts';
import { EMPTY_HISTORY } from '../core/history/history.ts';
import { parseEdgeId } from '../core/network/edge-events.ts';

export function message(e: unknown): string {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e);
}

export interface DataController {
  reloadNetwork(): Promise<void>;
  expand(id: string): Promise<void>;
  /** An actor's neighbours, fetched only (expand() also draws them). */
  neighbours(id: string): Promise<Network>;
  reloadAll(): Promise<void>;
  /** The next page of the selected edge's events. */
  moreEdgeEvents(): Promise<void>;
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

  async function reloadNetwork(): Promise<void> {
    const seq = ++networkSeq;
    const prev = store.get().network;
    store.set({ network: { status: 'loading', data: 'data' in prev ? prev.data : undefined } });
    try {
      const net = await api.get('/api/network', networkParams(store.get().url.filters));
      if (seq !== networkSeq) return;
      const counts = new Map<string, number>();
      for (const n of net.nodes)
        if (n.country) counts.set(n.country, (counts.get(n.country) ?? 0) + 1);
      const countries = new Set(store.get().knownCountries);
      for (const c of counts.keys()) countries.add(c);
      store.set({
        // In the same change as the network, so it is drawn with these colours.
        countryColors: countryPalette(counts, store.get().countryColors),
        network: { status: 'ready', data: net },
        knownCountries: [...countries].sort(),
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

  async function loadSelection(): Promise<void> {
    const sel = store.get().url.selection;
    if (sel?.type === 'actor') {
      const seq = ++cardSeq;
      store.set({ card: { status: 'loading' }, edgeEvents: { status: 'idle' } });
      try {
        const card = await api.get('/api/actors/{id}', { id: sel.id });
        if (seq === cardSeq) store.set({ card: { status: 'ready', data: card } });
      } catch (e) {
        if (seq === cardSeq) store.set({ card: { status: 'error', message: message(e) } });
      }
    } else if (sel?.type === 'edge') {
      const seq = ++edgeSeq;
      const ends = parseEdgeId(sel.id);
      store.set({ edgeEvents: { status: 'loading' }, card: { status: 'idle' } });
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
    if (!sameFilters(s.url.filters, prev.url.filters)) {
      void reloadNetwork();
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

  return { reloadNetwork, expand, neighbours, reloadAll, moreEdgeEvents };
}
