// Fetches what the map shows: the places under the filters (once the map has been opened, again
// with every new network) and the events at the places chosen on it (url.places), whose actors
// the network then marks. Stale answers are dropped.
import { api } from '../api/client.ts';
import type { AppState, EdgeEvents, Store } from '../app/store.ts';
import { networkParams, sameFilters } from '../core/filters/filters.ts';
import { message } from './data-controller.ts';

/** Events per page in the place panel; the actors of the loaded ones are marked. */
const PAGE = 100;

export interface MapData {
  /** Loads the places if the map has never been shown (the map view calls it when opened). */
  ensurePlaces(): void;
  morePlaceEvents(): Promise<void>;
}

function actorsOf(items: EdgeEvents['items']): Set<string> {
  const ids = new Set<string>();
  for (const e of items) for (const a of [...e.actors, ...e.recipients]) ids.add(a.id);
  return ids;
}

/** Whether the state moved to another network from `prev`: one asked for again (loading; the
 * app's first network, asked for once a view wants it, is not another one), or a curation's
 * patch applied (ready to ready, no loading between), whose places changed too. */
export function networkRenewed(s: AppState, prev: AppState): boolean {
  if (s.network.status === 'loading' && prev.network.status !== 'loading')
    return prev.network.status !== 'idle';
  return s.networkPatch !== null && s.networkPatch !== prev.networkPatch;
}

export function createMapData(store: Store): MapData {
  let placesSeq = 0;
  let eventsSeq = 0;
  let wanted = false;
  // When the places and the network were last asked for: a network asked for before the places
  // (the app's first load) brings nothing the places do not already show.
  let clock = 0;
  let placesAsked = -1;
  let networkAsked = store.get().network.status === 'loading' ? clock : -1;

  async function loadPlaces(): Promise<void> {
    const seq = ++placesSeq;
    placesAsked = ++clock;
    const prev = store.get().places;
    store.set({ places: { status: 'loading', data: 'data' in prev ? prev.data : undefined } });
    try {
      const data = await api.get('/api/places', networkParams(store.get().url.filters));
      if (seq === placesSeq) store.set({ places: { status: 'ready', data } });
    } catch (e) {
      if (seq === placesSeq) store.set({ places: { status: 'error', message: message(e) } });
    }
  }

  function page(cursor?: string) {
    const s = store.get();
    return api.get('/api/events', {
      ...networkParams(s.url.filters),
      places: s.url.places.join(','),
      order: 'newest',
      limit: PAGE,
      cursor,
    });
  }

  async function loadPlaceEvents(): Promise<void> {
    const seq = ++eventsSeq;
    if (!store.get().url.places.length) {
      store.set({ placeEvents: { status: 'idle' }, placeActors: new Set() });
      return;
    }
    store.set({ placeEvents: { status: 'loading' } });
    try {
      const p = await page();
      if (seq !== eventsSeq) return;
      store.set({
        placeEvents: { status: 'ready', data: { items: p.items, nextCursor: p.nextCursor } },
        placeActors: actorsOf(p.items),
      });
    } catch (e) {
      if (seq === eventsSeq)
        store.set({
          placeEvents: { status: 'error', message: message(e) },
          placeActors: new Set(),
        });
    }
  }

  async function morePlaceEvents(): Promise<void> {
    const current = store.get().placeEvents;
    if (current.status !== 'ready' || !current.data.nextCursor) return;
    const seq = eventsSeq;
    try {
      const p = await page(current.data.nextCursor);
      if (seq !== eventsSeq) return;
      const items = [...current.data.items, ...p.items];
      store.set({
        placeEvents: { status: 'ready', data: { items, nextCursor: p.nextCursor } },
        placeActors: actorsOf(items),
      });
    } catch (e) {
      if (seq === eventsSeq) store.set({ toast: `Could not load more events: ${message(e)}` });
    }
  }

  store.subscribe((s, prev) => {
    const filtersChanged = !sameFilters(s.url.filters, prev.url.filters);
    if (networkRenewed(s, prev)) networkAsked = ++clock;
    // A new network (filters changed, a report uploaded, Neo4j back) means new places too,
    // unless the places were asked for after it.
    const newNetwork = s.network.status === 'ready' && s.network !== prev.network;
    if (wanted && newNetwork && networkAsked > placesAsked) void loadPlaces();
    // No network loaded yet (none wanted so far): new filters ask for the places themselves.
    else if (wanted && filtersChanged && s.network.status === 'idle') void loadPlaces();
    if (filtersChanged || s.url.places.join() !== prev.url.places.join()) void loadPlaceEvents();
  });
  if (store.get().url.places.length) void loadPlaceEvents();

  return {
    ensurePlaces() {
      if (wanted) return;
      wanted = true;
      void loadPlaces();
    },
    morePlaceEvents,
  };
}
