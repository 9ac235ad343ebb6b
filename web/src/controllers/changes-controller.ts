// What changed: loads the feed under its filters, keeps the watchlist in localStorage and counts
// the watched actors' changes since the analyst last looked (the badge; checked again every
// minute). Opening the feed is looking: the changes since the previous look are marked new.
import { api } from '../api/client.ts';
import type { ChangesFilter, Store } from '../app/store.ts';
import {
  formatWatchlist,
  parseWatchlist,
  unseenCount,
  unwatch,
  watch,
  WATCHLIST_KEY,
  type Watchlist,
} from '../core/changes/watchlist.ts';
import { message } from './data-controller.ts';

export interface ChangesController {
  reload(): Promise<void>;
  setFilter(patch: Partial<ChangesFilter>): void;
  watch(actor: { id: string; name: string }): void;
  unwatch(id: string): void;
  /** The analyst looks at the feed now. */
  look(): void;
}

const LIMIT = 200;
const BADGE_EVERY_MS = 60_000;

function loadWatchlist(): Watchlist {
  try {
    return parseWatchlist(localStorage.getItem(WATCHLIST_KEY));
  } catch {
    return parseWatchlist(null); // storage disabled
  }
}

export function createChangesController(store: Store): ChangesController {
  let seq = 0;
  const keep = (w: Watchlist): void => {
    try {
      localStorage.setItem(WATCHLIST_KEY, formatWatchlist(w));
    } catch {
      // Full or disabled storage: the watchlist lasts this visit only.
    }
    store.set({ watchlist: w });
  };

  async function reload(): Promise<void> {
    const n = ++seq;
    const f = store.get().changesFilter;
    store.set((s) => ({
      changes: { status: 'loading', data: 'data' in s.changes ? s.changes.data : undefined },
    }));
    try {
      const feed = await api.get('/api/changes', {
        actor: f.actor ?? undefined,
        since: f.since ?? undefined,
        until: f.until ?? undefined,
        limit: LIMIT,
      });
      if (n !== seq) return;
      const patch: Parameters<Store['set']>[0] = { changes: { status: 'ready', data: feed } };
      if (!f.actor && !f.since && !f.until) {
        const actors = new Map(feed.items.flatMap((e) => e.actors.map((a) => [a.id, a.name])));
        store.set({
          ...patch,
          changeActors: [...actors]
            .map(([id, name]) => ({ id, name }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        });
      } else store.set(patch);
    } catch (e) {
      if (n === seq) store.set({ changes: { status: 'error', message: message(e) } });
    }
  }

  /** The badge: the watched actors' changes ingested since the last look. */
  async function countUnseen(): Promise<void> {
    const w = store.get().watchlist;
    if (!w.actors.length) return store.set({ unseen: 0 });
    try {
      const feed = await api.get('/api/changes', {
        since: w.seenAt ?? undefined,
        limit: 1000,
      });
      store.set({ unseen: unseenCount(feed.items, store.get().watchlist) });
    } catch {
      // The banner tells when the server is away; the badge keeps its last count.
    }
  }

  store.set({ watchlist: loadWatchlist() });
  void countUnseen();
  setInterval(() => {
    if (document.visibilityState === 'visible') void countUnseen();
  }, BADGE_EVERY_MS);

  return {
    reload,
    setFilter(patch) {
      store.set((s) => ({ changesFilter: { ...s.changesFilter, ...patch } }));
      void reload();
    },
    watch(actor) {
      keep(watch(store.get().watchlist, actor));
      void countUnseen();
    },
    unwatch(id) {
      keep(unwatch(store.get().watchlist, id));
      void countUnseen();
    },
    look() {
      // The server's clock, not the browser's: the newest change the analyst has been shown.
      const { watchlist: w, changes } = store.get();
      const newest = 'data' in changes ? changes.data?.items[0]?.ingestedAt : undefined;
      store.set({ previousLook: w.seenAt, unseen: 0 });
      if (newest && (!w.seenAt || newest > w.seenAt)) keep({ ...w, seenAt: newest });
    },
  };
}
