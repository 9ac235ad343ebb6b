// Whole-graph aggregates (the network, every actor's activity) are costly on a large graph and
// change only when a report is ingested or curated. They are memoised per "graph version": a
// fingerprint read from Neo4j's count store and one index seek (no scan) that changes with every
// write, whichever process made it. A failed computation is not kept, so a dead Neo4j is never
// cached.
// The cache itself lives in the context (context.ts), which every route is handed.
import type { ServerContext } from './context.ts';

/**
 * Every ingest that changes anything adds a revision and its evidence edges, or makes an earlier
 * revision CURRENT again and stamps it (`ingestedAt`, the newest found through its index);
 * every curation and every undo adds a Curation node. One subquery giving `version` and
 * `newestRevision`, so that the index's change read (graph-changes.ts) reads it in the same
 * round trip, first.
 */
export const VERSION_SUBQUERY = `CALL () {
  CALL () { MATCH (r:Revision) RETURN count(r) AS revisions }
  CALL () { MATCH ()-[e:EVIDENCED_BY]->() RETURN count(e) AS evidence }
  CALL () { MATCH (c:Curation) RETURN count(c) AS curations }
  CALL () { OPTIONAL MATCH (r:Revision) WHERE r.ingestedAt IS NOT NULL
    RETURN r.ingestedAt AS latest ORDER BY latest DESC LIMIT 1 }
  RETURN revisions + ':' + evidence + ':' + curations + ':' + coalesce(latest, '') AS version,
    latest AS newestRevision
}`;

export async function memo<T>(
  ctx: ServerContext,
  key: string,
  version: string,
  compute: () => Promise<T>,
): Promise<T> {
  const cache = ctx.cache;
  if (!cache) return compute();
  const hit = cache.entries.get(key);
  if (hit && hit.version === version) {
    // Refresh its place in the LRU order.
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  cache.entries.set(key, { version, value });
  while (cache.entries.size > cache.max) {
    const oldest = cache.entries.keys().next().value as string;
    cache.entries.delete(oldest);
  }
  value.catch(() => {
    if (cache.entries.get(key)?.value === value) cache.entries.delete(key);
  });
  return value;
}

/** What `memo` keeps for `key` if it was computed at `version` (nothing is computed). */
export function memoAt<T>(ctx: ServerContext, key: string, version: string): Promise<T> | null {
  const hit = ctx.cache?.entries.get(key);
  return hit && hit.version === version ? (hit.value as Promise<T>) : null;
}
