// The curation log: every record, newest first, with what it is about and whether the
// extraction still supports its target (orphaned otherwise). Undo records are in it too.
import neo4j, { type Driver, type Node } from 'neo4j-driver';
import type { CurationRecord } from './operations.ts';
import { nodeRecord, ORPHANED } from './records.ts';

export interface LogFilter {
  target?: string;
  op?: string;
  by?: string;
  state?: 'active' | 'undone';
  orphaned?: boolean;
  limit?: number;
}

export interface LogEntry extends CurationRecord {
  /** The target's name (actors) or sentence (facts); null when it does not exist here. */
  targetLabel: string | null;
  /** A merge's survivor by name (what an analyst reads); null for other operations. */
  intoLabel: string | null;
  orphaned: boolean;
}

export async function curationLog(
  driver: Driver,
  f: LogFilter = {},
  database?: string,
): Promise<LogEntry[]> {
  const { records } = await driver.executeQuery(
    `MATCH (c:Curation)
     WHERE ($target IS NULL OR c.target = $target) AND ($op IS NULL OR c.op = $op)
       AND ($by IS NULL OR c.by = $by) AND ($state IS NULL OR c.state = $state)
     OPTIONAL MATCH (c)-[:CURATES]->(t)
     WITH c, t, ${ORPHANED('c', 't')} AS orphaned
     WHERE $orphaned IS NULL OR orphaned = $orphaned
     OPTIONAL MATCH (c)-[:INTO]->(survivor:Actor)
     RETURN c, coalesce(t.name, t.text) AS label, orphaned, survivor.name AS into
     ORDER BY c.at DESC, c.id DESC LIMIT $limit`,
    {
      target: f.target ?? null,
      op: f.op ?? null,
      by: f.by ?? null,
      state: f.state ?? null,
      orphaned: f.orphaned ?? null,
      limit: neo4j.int(f.limit ?? 200),
    },
    { database, routing: neo4j.routing.READ },
  );
  return records.map((r) => ({
    ...nodeRecord(r.get('c') as Node),
    targetLabel: (r.get('label') as string | null) ?? null,
    intoLabel: (r.get('into') as string | null) ?? null,
    orphaned: Boolean(r.get('orphaned')),
  }));
}
