// As Neo4j Browser does: a result that returns nodes but not the relationships between them
// (`RETURN a, e, b`) is drawn with those relationships, not as floating nodes.
import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import { toJson, type GraphCollector } from './values.ts';

/** Above this many nodes the extra lookup is skipped: the drawing caps out long before. */
export const MAX_CONNECTED_NODES = 500;
/** At most this many relationships are added, so a dense result cannot balloon the answer. */
const MAX_ADDED = 2000;

/** Adds to `graph` every relationship whose two ends are both among its nodes. */
export async function connectResultNodes(
  tx: Transaction | ManagedTransaction,
  graph: GraphCollector,
): Promise<void> {
  const ids = [...graph.nodes.keys()];
  if (ids.length < 2 || ids.length > MAX_CONNECTED_NODES) return;
  const result = await tx.run(
    `MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids
     RETURN r LIMIT ${MAX_ADDED}`,
    { ids },
  );
  // Only the relationships: their end nodes are in the graph already.
  for (const record of result.records) toJson(record.get('r'), graph);
}
