// Whole-graph aggregates (the network, every actor's activity) are costly on a large graph and
// change only when a report is ingested. They are memoised per "graph version": a fingerprint
// read from Neo4j's count store (O(1), no scan) that changes with every new revision, whichever
// process wrote it. A failed computation is not kept, so a dead Neo4j is never cached.
// The cache itself lives in the context (context.ts), which every route is handed.
import { read, type ServerContext } from './context.ts';

/**
 * Every ingest that changes anything adds a revision and its evidence edges; every curation and
 * every undo adds a Curation node.
 */
export async function graphVersion(ctx: ServerContext): Promise<string> {
  const { records } = await read(
    ctx,
    `CALL () { MATCH (r:Revision) RETURN count(r) AS revisions }
     CALL () { MATCH ()-[e:EVIDENCED_BY]->() RETURN count(e) AS evidence }
     CALL () { MATCH (c:Curation) RETURN count(c) AS curations }
     RETURN revisions + ':' + evidence + ':' + curations AS v`,
  );
  return String(records[0].get('v'));
}

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
