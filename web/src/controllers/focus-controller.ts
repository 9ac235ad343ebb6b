// Carries out the store's focus requests (a search hit, a mark in a document): opens the network,
// selects the actor — adding it with its neighbours when it is not drawn, unhiding it — or the
// edge that shows the event, and flies the camera there.
import { api } from '../api/client.ts';
import type { FocusRequest, Store } from '../app/store.ts';
import { applyHidden } from '../core/history/history.ts';
import { edgeOfEvent } from '../core/network/edge-events.ts';
import { NO_COUNTRY } from '../core/filters/filters.ts';
import { foldOf, withOpen } from '../core/fold/folds.ts';
import type { Selection } from '../core/url/url-state.ts';
import { message, type DataController } from './data-controller.ts';
import type { GraphController } from './graph-controller.ts';

export function startFocusController(
  store: Store,
  graph: GraphController,
  data: DataController,
  nameOf: (id: string) => string,
): void {
  const show = (selection: Selection): void =>
    store.set((s) => ({ url: { ...s.url, view: 'network', selection } }));

  /** The next network read (or its failure), at most `ms` from now. */
  const nextNetwork = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stop();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const stop = store.subscribe((s, prev) => {
        if (s.network !== prev.network && s.network.status !== 'loading') done();
      });
    });

  /**
   * An actor folded into its country's node: the fold is opened and, once its actors are drawn
   * and laid out, whether the actor is among them (an opened fold draws its busiest only).
   */
  async function unfold(id: string, country: string | null | undefined): Promise<boolean> {
    const net = store.get().network;
    if (!('data' in net) || !net.data?.folded?.groups.length) return false;
    try {
      country ??= (await api.get('/api/actors/{id}', { id, limit: 1 })).actor.country;
    } catch {
      return false;
    }
    const code = country ?? NO_COUNTRY;
    if (!foldOf(net.data, country) || store.get().url.open.includes(code)) return false;
    const read = nextNetwork(60_000);
    store.set((s) => ({ url: { ...s.url, open: withOpen(s.url.open, code, true) } }));
    await read;
    await graph.idle();
    return graph.graph.hasNode(id);
  }

  async function actor(id: string, label: string, country?: string | null): Promise<void> {
    show({ type: 'actor', id });
    // An actor without relationships is in the network but not drawn: draw the isolates.
    const net = store.get().network;
    if (!graph.graph.hasNode(id) && 'data' in net && net.data?.nodes.some((n) => n.id === id))
      store.set((s) => ({ url: { ...s.url, isolates: true } }));
    if (!graph.graph.hasNode(id) && (await unfold(id, country)))
      store.set({
        toast: `${label} was folded into ${country ?? 'its country'}: its actors are drawn.`,
      });
    if (!graph.graph.hasNode(id)) {
      store.set({ toast: `${label} is not in the current view; showing it with its neighbours.` });
      await data.expand(id);
      await graph.idle();
    }
    store.set((s) => ({ hidden: applyHidden(s.hidden, { kind: 'hide', nodes: [id] }, true) }));
    graph.flyTo(id);
  }

  async function event(id: string): Promise<void> {
    try {
      const ev = await api.get('/api/events/{id}', { id: id });
      const edge = edgeOfEvent(ev, (e) => graph.graph.hasEdge(e));
      const first = ev.actors[0];
      if (edge) {
        show({ type: 'edge', id: edge });
        graph.flyTo(first.id);
      } else if (first) await actor(first.id, first.name);
      else store.set({ toast: 'That fact is not linked to an actor on the map.' });
    } catch (e) {
      store.set({ toast: `Could not open the event: ${message(e)}` });
    }
  }

  function carryOut(r: FocusRequest): Promise<void> {
    return r.type === 'event' ? event(r.id) : actor(r.id, r.label ?? nameOf(r.id), r.country);
  }

  store.subscribe((s, prev) => {
    if (s.focus && s.focus !== prev.focus) void carryOut(s.focus);
  });
}
