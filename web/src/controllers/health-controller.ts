// Polls /api/health and watches every API status: a 503 or an unreachable server raises the
// banner; the next good answer clears it and reloads what failed.
import { api, ApiError, onApiStatus } from '../api/client.ts';
import type { Store } from '../app/store.ts';

export const POLL_MS = 5000;

export function startHealthController(store: Store, onRecover: () => void): () => void {
  onApiStatus((status) => {
    if (status === 503)
      store.set({
        neo4jDown:
          'Neo4j is not reachable. Parley keeps trying; the view will refresh when it is back.',
      });
    else if (status === 0)
      store.set({ neo4jDown: 'The Parley server is not reachable. Is `parley serve` running?' });
  });
  async function poll(): Promise<void> {
    const wasDown = store.get().neo4jDown;
    try {
      const h = await api.get('/api/health');
      if (h.neo4j.connected) {
        store.set({ neo4jDown: null });
        if (wasDown) onRecover();
      } else {
        store.set({
          neo4jDown: `Neo4j is not reachable (${h.neo4j.error ?? 'no answer'}). Parley keeps trying.`,
        });
      }
    } catch (e) {
      if (e instanceof ApiError && e.status !== 503 && e.status !== 0)
        store.set({ neo4jDown: null });
    }
  }
  void poll();
  const timer = setInterval(() => void poll(), POLL_MS);
  return () => clearInterval(timer);
}
