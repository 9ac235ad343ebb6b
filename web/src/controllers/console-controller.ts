// Runs Cypher through the read-only endpoint, keeps the history in localStorage, and hands
// results to the result graph.
import { api } from '../api/client.ts';
import type { Store } from '../app/store.ts';
import { STORAGE_KEY, parseHistory, pushQuery } from '../core/console/console-history.ts';
import { resultGraph } from '../core/cypher/result-graph.ts';
import { message } from './data-controller.ts';
import type { QueryGraph } from './query-graph-controller.ts';

function loadHistory(): string[] {
  try {
    return parseHistory(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return [];
  }
}

function saveHistory(h: string[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(h));
  } catch {
    // Storage full or disabled: history just is not kept.
  }
}

export function createConsoleController(
  store: Store,
  graph: QueryGraph,
): { run(query: string): Promise<void> } {
  store.set((s) => ({ console: { ...s.console, history: loadHistory() } }));
  let seq = 0;
  return {
    async run(query) {
      const q = query.trim();
      if (!q) {
        store.set((s) => ({
          console: { ...s.console, result: { status: 'error', message: 'Write a query first.' } },
        }));
        return;
      }
      const mine = ++seq;
      const history = pushQuery(store.get().console.history, q);
      saveHistory(history);
      store.set((s) => ({
        console: { ...s.console, query: q, history, result: { status: 'loading' } },
      }));
      try {
        const r = await api.post('/api/cypher', { query: q, params: {} });
        if (mine !== seq) return;
        store.set((s) => ({ console: { ...s.console, result: { status: 'ready', data: r } } }));
        if (r.graph.nodes.length) graph.show(resultGraph(r));
      } catch (e) {
        if (mine === seq)
          store.set((s) => ({
            console: { ...s.console, result: { status: 'error', message: message(e) } },
          }));
      }
    },
  };
}
