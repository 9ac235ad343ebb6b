// Saved investigations: lists, saves, opens, renames, re-saves, deletes and imports them through
// the API, and opens the one a link names. Opening one sets the shareable state, then, once the
// network it asks for is drawn, the neighbours expanded, then the hidden and pinned actors and the
// saved positions.
import { api } from '../api/client.ts';
import type { Investigation, Network } from '../../../server/api/types.ts';
import type { Store } from '../app/store.ts';
import {
  captureView,
  positionsOf,
  readInvestigationFile,
  restoredUrl,
} from '../core/investigations/view-state.ts';
import { replayExpansions } from '../core/investigations/replay.ts';
import type { View } from '../core/url/url-state.ts';
import { message } from './data-controller.ts';
import { sameFilters } from '../core/filters/filters.ts';

export interface InvestigationsController {
  reload(): Promise<void>;
  /** Saves the current view under a new name. */
  save(name: string, notes: string): Promise<boolean>;
  /** Saves the current view (and notes) over an investigation. */
  resave(id: string, notes: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  open(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  importFile(file: File): Promise<void>;
}

export function createInvestigationsController(
  store: Store,
  views: readonly View[],
  /** An actor's neighbours (the data controller's); opening draws them through the store. */
  neighbours: (id: string) => Promise<Network>,
): InvestigationsController {
  const fail = (what: string) => (e: unknown) =>
    store.set({ toast: `Could not ${what}: ${message(e)}` });
  const current = () => {
    const s = store.get();
    return captureView(s.url, s.drawn, s.hidden, s.pinned, s.expanded);
  };

  async function reload(): Promise<void> {
    store.set((s) => ({
      investigations: {
        status: 'loading',
        data: s.investigations.status === 'ready' ? s.investigations.data : undefined,
      },
    }));
    try {
      const { items } = await api.get('/api/investigations');
      store.set({ investigations: { status: 'ready', data: items } });
    } catch (e) {
      store.set({ investigations: { status: 'error', message: message(e) } });
    }
  }

  /** Counts openings: an opening still under way when another starts gives up. */
  let opening = 0;

  /** The investigation's state now; the rest once the network it asks for is drawn. */
  function apply(inv: Investigation, seq: number): void {
    const before = store.get();
    const url = restoredUrl(inv.view, inv.id, views);
    const refetch = !sameFilters(url.filters, before.url.filters);
    const current = () => seq === opening;
    const finish = async (): Promise<void> => {
      const done = await replayExpansions(
        inv.view.expanded ?? [],
        neighbours,
        (near, network) => store.set({ expansion: { near, network } }),
        (_, e) => store.set({ toast: `Could not expand: ${message(e)}` }),
        current,
      );
      if (!done) return;
      store.set({
        hidden: new Set(inv.view.hidden),
        pinned: new Set(inv.view.pinned),
        restore: { positions: positionsOf(inv.view) },
      });
    };
    store.set({ url, investigation: inv });
    if (!refetch && store.get().network.status === 'ready') return void finish();
    const stop = store.subscribe((s, prev) => {
      if (!current()) return stop();
      if (s.network === prev.network) return;
      if (s.network.status === 'ready') void finish();
      if (s.network.status === 'ready' || s.network.status === 'error') stop();
    });
  }

  async function open(id: string): Promise<void> {
    const seq = ++opening;
    try {
      const inv = await api.get('/api/investigations/{id}', { id });
      if (seq === opening) apply(inv, seq);
    } catch (e) {
      store.set((s) => ({
        toast: `Could not open the investigation: ${message(e)}`,
        url: s.url.investigation === id ? { ...s.url, investigation: null } : s.url,
      }));
    }
  }

  const opened = (inv: Investigation) =>
    store.set((s) => ({
      investigation: inv,
      url: { ...s.url, investigation: inv.id },
    }));

  return {
    reload,
    async save(name, notes) {
      try {
        const inv = await api.post('/api/investigations', { name, notes, view: current() });
        opened(inv);
        store.set({ toast: `Saved “${inv.name}”` });
        await reload();
        return true;
      } catch (e) {
        fail('save the investigation')(e);
        return false;
      }
    },
    async resave(id, notes) {
      try {
        const inv = await api.patch('/api/investigations/{id}', { view: current(), notes }, { id });
        opened(inv);
        store.set({ toast: `Saved the current view into “${inv.name}”` });
        await reload();
      } catch (e) {
        fail('save the investigation')(e);
      }
    },
    async rename(id, name) {
      try {
        const inv = await api.patch('/api/investigations/{id}', { name }, { id });
        if (store.get().investigation?.id === id) store.set({ investigation: inv });
        await reload();
      } catch (e) {
        fail('rename the investigation')(e);
      }
    },
    open,
    async remove(id) {
      try {
        await api.delete('/api/investigations/{id}', { id });
        store.set((s) =>
          s.investigation?.id === id
            ? { investigation: null, url: { ...s.url, investigation: null } }
            : {},
        );
        await reload();
      } catch (e) {
        fail('delete the investigation')(e);
      }
    },
    async importFile(file) {
      const read = readInvestigationFile(await file.text());
      if ('error' in read) return store.set({ toast: `Not imported: ${read.error}` });
      try {
        const inv = await api.post('/api/investigations/import', read.file);
        store.set({ toast: `Imported “${inv.name}”` });
        await reload();
      } catch (e) {
        fail('import the investigation')(e);
      }
    },
  };
}
