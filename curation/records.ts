// Curation records in Neo4j: (:Curation {id, op, target, targetKind, by, at, reason, change,
// before, after, state, undoneBy}) -[:CURATES]-> its target (-[:INTO]-> a merge's survivor);
// an undo is a record of its own, (:Curation {op: 'undo'}) -[:UNDOES]-> the undone one.
// change, before and after are JSON strings (Neo4j properties hold no maps).
import type { Node } from 'neo4j-driver';
import { applyCurations, type Query, type Runner } from './apply.ts';
import { beforeAndAfter, CurationError, lockNodes } from './effects.ts';
import {
  curationRequest,
  TARGET_LABEL,
  type CurationRecord,
  type TargetKind,
} from './operations.ts';

const parse = (s: unknown): Record<string, unknown> => {
  if (typeof s !== 'string' || !s) return {};
  const v: unknown = JSON.parse(s);
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
};

/** A :Curation node's properties as a record. */
export function toRecord(props: Record<string, unknown>): CurationRecord {
  return {
    id: String(props.id),
    op: props.op as CurationRecord['op'],
    target: String(props.target),
    targetKind: props.targetKind as CurationRecord['targetKind'],
    by: String(props.by),
    at: String(props.at),
    reason: typeof props.reason === 'string' ? props.reason : null,
    change: parse(props.change),
    before: parse(props.before),
    after: parse(props.after),
    state: props.state === 'undone' ? 'undone' : 'active',
    undoneBy: typeof props.undoneBy === 'string' ? props.undoneBy : null,
  };
}

export const nodeRecord = (n: Node) => toRecord(n.properties as Record<string, unknown>);

/**
 * Creates the record and links it to its target (and a merge to its survivor) when they exist;
 * then runs `then` (its effect on the graph) in the same round trip.
 */
export async function createRecord(
  tx: Runner,
  c: CurationRecord,
  then: Query | null = null,
): Promise<void> {
  const label = c.targetKind === 'curation' ? 'Curation' : TARGET_LABEL[c.targetKind];
  await tx.run(
    `CREATE (c:Curation {id: $c.id, op: $c.op, target: $c.target, targetKind: $c.targetKind,
       by: $c.by, at: $c.at, reason: $c.reason, change: $change, before: $before, after: $after,
       state: $c.state, recordedAt: $recordedAt})
     WITH c
     CALL (c) { MATCH (t:${label} {id: $c.target}) MERGE (c)-[:${c.op === 'undo' ? 'UNDOES' : 'CURATES'}]->(t) }
     CALL (c) { MATCH (b:Actor {id: $into}) MERGE (c)-[:INTO]->(b) }
     ${then ? `WITH c\n${then.text}` : ''}`,
    {
      ...then?.params,
      c: { ...c, reason: c.reason ?? null },
      change: JSON.stringify(c.change),
      before: JSON.stringify(c.before),
      after: JSON.stringify(c.after),
      into: c.op === 'merge' ? String(c.change.into) : null,
      // When this instance took it in (an import keeps `at` from its origin): the server's
      // network index follows new curations by it (server/queries/graph-changes.ts).
      recordedAt: new Date().toISOString(),
    },
  );
}

// Whether the extraction still supports what a curation is about: its target in a CURRENT
// revision (for a merge: the merged actor's mentions, now on the survivor, in one).
export const ORPHANED = (c: string, t: string) => `CASE
  WHEN ${c}.op = 'undo' THEN false
  WHEN ${t} IS NULL THEN true
  WHEN ${c}.op = 'merge' THEN NOT EXISTS {
    MATCH (${c})-[:INTO]->(:Actor)-[m:MENTIONED_IN]->(:Revision)<-[:CURRENT]-(:Document)
    WHERE ${c}.id IN coalesce(m.merges, []) OR ${c}.id IN coalesce(m.absorbed, []) }
  WHEN ${t}:Actor THEN NOT EXISTS { (${t})-[:MENTIONED_IN]->(:Revision)<-[:CURRENT]-(:Document) }
  ELSE NOT EXISTS { (${t})-[:EVIDENCED_BY]->(:Revision)<-[:CURRENT]-(:Document) }
END`;

/**
 * A curation imported before its target existed: now that the target is here, it is linked and
 * its before/after are read as at creation. False if it does not fit this graph (kept pending).
 */
async function settle(tx: Runner, c: CurationRecord): Promise<boolean> {
  const kind = c.targetKind as TargetKind;
  const req = curationRequest.safeParse({ op: c.op, target: c.target, ...c.change });
  if (!req.success) return false;
  const ids = req.data.op === 'merge' ? [c.target, req.data.into] : [c.target];
  const locked = await lockNodes(tx, TARGET_LABEL[kind], ids);
  try {
    const { before, after } = await beforeAndAfter(tx, req.data, locked.get(c.target), locked);
    Object.assign(c, { before, after });
  } catch (e) {
    if (e instanceof CurationError) return false;
    throw e;
  }
  await tx.run(
    `MATCH (c:Curation {id: $id})
     CALL (c) { MATCH (t:${TARGET_LABEL[kind]} {id: $target}) MERGE (c)-[:CURATES]->(t) }
     CALL (c) { MATCH (b:Actor {id: $into}) MERGE (c)-[:INTO]->(b) }
     SET c.before = $before, c.after = $after`,
    {
      id: c.id,
      target: c.target,
      into: req.data.op === 'merge' ? req.data.into : null,
      before: JSON.stringify(c.before),
      after: JSON.stringify(c.after),
    },
  );
  return true;
}

/**
 * Re-applies, in the order they were made, the active curations of the given nodes: the ingest
 * calls it inside its write transaction with every node the revision wrote or let go.
 * A curation imported before its target existed is linked to it here.
 */
export async function reapplyCurations(tx: Runner, ids: string[]): Promise<CurationRecord[]> {
  if (!ids.length) return [];
  const { records } = await tx.run(
    `UNWIND $ids AS id
     MATCH (c:Curation {target: id}) WHERE c.state = 'active'
     RETURN c ORDER BY c.at, c.id`,
    { ids },
  );
  const applied = records.map((r) => nodeRecord(r.get('c') as Node));
  const ready: CurationRecord[] = [];
  for (const c of applied) {
    if (c.targetKind === 'curation') continue;
    if (c.after.pending && !(await settle(tx, c))) continue;
    ready.push(c);
  }
  await applyCurations(tx, ready);
  return applied;
}
