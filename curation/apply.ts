// Applying a curation to the graph, and reverting it: the Cypher of each operation. The same
// apply runs when the analyst makes the curation and again, inside the ingest's write
// transaction, each time a report re-writes its target (curation/reapply.ts), so it is
// idempotent. Nothing extracted is deleted: facts are flagged (rejected, current), actor edges
// moved by a merge carry the merge's id so the split can move them back, and a curation
// record keeps every value it replaced.
import type { ManagedTransaction } from 'neo4j-driver';
import type { CurationRecord } from './operations.ts';

export type Runner = Pick<ManagedTransaction, 'run'>;

/** A query and its parameters, for a caller that runs it with another in one round trip. */
export interface Query {
  text: string;
  params: Record<string, unknown>;
}

/** Actor edges a merge moves: [type, the actor's side is the start node]. */
const ACTOR_EDGES: [string, boolean][] = [
  ['PERFORMED', true],
  ['SAID', true],
  ['MENTIONED_IN', true],
  ['CHANGED_IN', true],
  ['AFFILIATED_WITH', true],
  ['DIRECTED_AT', false],
  ['ABOUT', false],
  ['REPORTED_BY', false],
  ['AFFILIATED_WITH', false],
];

const rel = (from: string, v: string, type: string, out: boolean, to: string) =>
  out ? `(${from})-[${v}:${type}]->(${to})` : `(${from})<-[${v}:${type}]-(${to})`;

// A's edges of one type go to B. Where B already has that edge, A's is folded into it
// (`absorbed` lists the merges, with A's mention count); otherwise it is re-created on B with
// the merge's id pushed on `merges`. An edge this merge already moved is just dropped.
const moveEdges = (type: string, out: boolean) => `CALL (a, b) {
  MATCH ${rel('a', 'x', type, out, 'n')} WHERE n <> b
  OPTIONAL MATCH ${rel('b', 'y', type, out, 'n')}
  WITH a, b, x, n, head(collect(y)) AS y
  CALL (b, x, n, y) {
    WITH * WHERE y IS NULL
    CREATE ${rel('b', 'z', type, out, 'n')}
    SET z = properties(x), z.merges = coalesce(x.merges, []) + $cid
  }
  CALL (x, y) {
    WITH * WHERE y IS NOT NULL AND NOT $cid IN coalesce(y.merges, [])
    SET y.absorbed = coalesce(y.absorbed, []) + $cid
    FOREACH (_ IN CASE WHEN x.count IS NULL THEN [] ELSE [1] END |
      SET y.absorbedCount = coalesce(y.absorbedCount, []) + x.count, y.count = y.count + x.count)
  }
  DELETE x
}`;

// The inverse for one type: edges whose last merge is this one go back to A; folded ones are
// re-created on A with their mention count.
const returnEdges = (type: string, out: boolean) => `CALL (a, b) {
  MATCH ${rel('b', 'z', type, out, 'n')} WHERE z.merges[-1] = $cid
  CREATE ${rel('a', 'x', type, out, 'n')}
  SET x = properties(z), x.merges = CASE WHEN size(z.merges) > 1 THEN z.merges[..-1] END
  DELETE z
}
CALL (a, b) {
  MATCH ${rel('b', 'y', type, out, 'n')} WHERE $cid IN coalesce(y.absorbed, [])
  WITH a, y, n, [i IN range(0, size(y.absorbed) - 1) WHERE y.absorbed[i] = $cid][0] AS i
  CREATE ${rel('a', 'x', type, out, 'n')}
  FOREACH (_ IN CASE WHEN y.absorbedCount IS NULL THEN [] ELSE [1] END |
    SET x.count = y.absorbedCount[i], y.count = y.count - y.absorbedCount[i],
      y.absorbedCount = CASE WHEN size(y.absorbedCount) > 1
        THEN y.absorbedCount[..i] + y.absorbedCount[i + 1..] END)
  SET y.absorbed = CASE WHEN size(y.absorbed) > 1 THEN y.absorbed[..i] + y.absorbed[i + 1..] END
}`;

const ALIAS_TEXT = (v: string) =>
  `${v}.aliasText = reduce(s = '', x IN ${v}.aliases | s + CASE WHEN s = '' THEN '' ELSE ' | ' END + x)`;

// An actor is current when a CURRENT revision mentions it; a merged actor never is.
const ACTOR_CURRENT = (v: string) =>
  `${v}.current = ${v}.mergedInto IS NULL AND EXISTS { (${v})-[:MENTIONED_IN]->(:Revision)<-[:CURRENT]-(:Document) }`;
const FACT_CURRENT = (v: string) =>
  `${v}.current = ${v}.rejected IS NULL AND EXISTS { (${v})-[:EVIDENCED_BY]->(:Revision)<-[:CURRENT]-(:Document) }`;

export const MERGE_QUERY = `MATCH (a:Actor {id: $target}), (b:Actor {id: $into})
${ACTOR_EDGES.map(([t, o]) => moveEdges(t, o)).join('\n')}
WITH a, b
SET a.mergedInto = b.id, a.current = false,
  b.aliases = reduce(acc = coalesce(b.aliases, []), x IN [a.name] + coalesce(a.aliases, []) |
    CASE WHEN x IN acc OR x = b.name THEN acc ELSE acc + x END)
SET ${ALIAS_TEXT('b')}, ${ACTOR_CURRENT('b')}`;

export const SPLIT_QUERY = `MATCH (a:Actor {id: $target}), (b:Actor {id: $into})
${ACTOR_EDGES.map(([t, o]) => returnEdges(t, o)).join('\n')}
WITH a, b
REMOVE a.mergedInto
SET b.aliases = [x IN b.aliases WHERE NOT x IN $added]
SET ${ALIAS_TEXT('b')}, ${ACTOR_CURRENT('b')}, ${ACTOR_CURRENT('a')}`;

const RELABEL = `REMOVE t:Person:State:Organization:Group
FOREACH (_ IN CASE WHEN t.kind = 'person' THEN [1] ELSE [] END | SET t:Person)
FOREACH (_ IN CASE WHEN t.kind = 'state' THEN [1] ELSE [] END | SET t:State)
FOREACH (_ IN CASE WHEN t.kind = 'organization' THEN [1] ELSE [] END | SET t:Organization)
FOREACH (_ IN CASE WHEN t.kind = 'group' THEN [1] ELSE [] END | SET t:Group)`;

// Properties: `$props` (a null removes). A renamed actor keeps its old name as an alias.
const EDIT_ACTOR = `MATCH (t:Actor {id: $target})
SET t += $props
SET t.aliases = [x IN coalesce(t.aliases, []) WHERE x <> t.name AND NOT x IN $dropAliases] +
  CASE WHEN $addAlias IS NULL OR $addAlias = t.name OR $addAlias IN coalesce(t.aliases, [])
    THEN [] ELSE [$addAlias] END
SET ${ALIAS_TEXT('t')}
WITH t
${RELABEL}`;

const UNREJECT = (label: string) =>
  `MATCH (t:${label} {id: $target}) REMOVE t.rejected SET ${FACT_CURRENT('t')}`;

// The operations that put values on their target, as rows of one batch: one query applies a
// list of curations (re-application at ingest applies all of a report's at once; a single
// curation is a batch of one). Each subquery runs over its own list of the map `$b`, so the
// query text and its cached plan never change.
const LABEL = { actor: 'Actor', event: 'Event', statement: 'Statement' } as const;
type Label = (typeof LABEL)[keyof typeof LABEL];
const FACTS: Label[] = ['Event', 'Statement'];

const BATCH = `CALL () {
  UNWIND $b.setActors AS row
  MATCH (e:Event {id: row.target})
  CALL (e, row) { MATCH (a:Actor)-[x:PERFORMED]->(e) WHERE NOT a.id IN row.actors DELETE x }
  CALL (e, row) { MATCH (e)-[x:DIRECTED_AT]->(a:Actor) WHERE NOT a.id IN row.recipients DELETE x }
  CALL (e, row) { UNWIND row.actors AS id MATCH (a:Actor {id: id}) MERGE (a)-[:PERFORMED]->(e) }
  CALL (e, row) { UNWIND row.recipients AS id MATCH (a:Actor {id: id}) MERGE (e)-[:DIRECTED_AT]->(a) }
}
CALL () {
  UNWIND $b.setPlace AS row
  MATCH (e:Event {id: row.target})
  CALL (e, row) { MATCH (e)-[x:AT]->(p:Place) WHERE p.id <> coalesce(row.place, '') DELETE x }
  CALL (e, row) { MATCH (p:Place {id: row.place}) MERGE (e)-[:AT]->(p) }
}
CALL () {
  UNWIND $b.setSpeaker AS row
  MATCH (s:Statement {id: row.target})
  CALL (s, row) { MATCH (a:Actor)-[x:SAID]->(s) WHERE NOT a.id IN row.speakers DELETE x }
  CALL (s, row) { UNWIND row.speakers AS id MATCH (a:Actor {id: id}) MERGE (a)-[:SAID]->(s) }
}
${FACTS.map(
  (l) => `CALL () { UNWIND $b.edit${l} AS row MATCH (t:${l} {id: row.target}) SET t += row.props }
CALL () { UNWIND $b.reject${l} AS row MATCH (t:${l} {id: row.target}) SET t.rejected = true, t.current = false }`,
).join('\n')}
${Object.values(LABEL)
  .map(
    (l) => `CALL () { UNWIND $b.confirm${l} AS row MATCH (t:${l} {id: row.target})
  SET t.confirmed = row.confirmed, t.confirmedBy = row.confirmedBy, t.confirmedAt = row.confirmedAt }`,
  )
  .join('\n')}`;

/** Rows by list name (see BATCH), one per target: a later curation of a target replaces or
 * (for an edit) adds to the earlier row, as applying them one after another would. */
type Batch = Map<string, Map<string, Record<string, unknown>>>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function add(batch: Batch, list: string, target: string, row: Record<string, unknown>) {
  let rows = batch.get(list);
  if (!rows) batch.set(list, (rows = new Map()));
  const earlier = rows.get(target);
  rows.set(
    target,
    list.startsWith('edit') && earlier
      ? { target, props: { ...(earlier.props as object), ...(row.props as object) } }
      : { target, ...row },
  );
}

/**
 * Adds the row that puts `v` on the curation's target (apply puts what the curation asked
 * for, revert puts `before` back). False for the operations that are not batched.
 */
function addValues(batch: Batch, c: CurationRecord, v: Record<string, unknown>, reject: boolean) {
  const label = LABEL[c.targetKind as keyof typeof LABEL];
  switch (c.op) {
    case 'set-actors':
      add(batch, 'setActors', c.target, {
        actors: strings(v.actors),
        recipients: strings(v.recipients),
      });
      return true;
    case 'set-place':
      add(batch, 'setPlace', c.target, { place: str(v.place) });
      return true;
    case 'set-speaker':
      add(batch, 'setSpeaker', c.target, { speakers: strings(v.speakers) });
      return true;
    case 'confirm':
      add(batch, `confirm${label}`, c.target, {
        confirmed: v.confirmed ?? null,
        confirmedBy: v.confirmedBy ?? null,
        confirmedAt: v.confirmedAt ?? null,
      });
      return true;
    case 'edit':
      if (c.targetKind === 'actor') return false;
      add(batch, `edit${label}`, c.target, { props: v.props ?? {} });
      return true;
    case 'reject':
      if (!reject) return false;
      add(batch, `reject${label}`, c.target, {});
      return true;
    default:
      return false;
  }
}

const LISTS = [
  'setActors',
  'setPlace',
  'setSpeaker',
  ...FACTS.flatMap((l) => [`edit${l}`, `reject${l}`]),
  ...Object.values(LABEL).map((l) => `confirm${l}`),
];

function batchQuery(batch: Batch): Query {
  const b = Object.fromEntries(LISTS.map((l) => [l, [...(batch.get(l)?.values() ?? [])]]));
  return { text: BATCH, params: { b } };
}

async function runBatch(tx: Runner, batch: Batch): Promise<void> {
  if (!batch.size) return;
  const { text, params } = batchQuery(batch);
  await tx.run(text, params);
  batch.clear();
}

/** What the curation asked for, as the values the batch puts. */
const wanted = (c: CurationRecord) => ({
  ...c.change,
  ...c.after,
  speakers: [c.change.speaker],
  confirmed: true,
  confirmedBy: c.by,
  confirmedAt: c.at,
});

/** The operations that are one query each: a merge and an actor's edit. */
async function applyOne(tx: Runner, c: CurationRecord): Promise<void> {
  const target = c.target;
  if (c.op === 'merge') {
    await tx.run(MERGE_QUERY, { target, into: str(c.change.into), cid: c.id });
  } else if (c.op === 'edit') {
    await tx.run(EDIT_ACTOR, {
      target,
      props: c.after.props ?? {},
      addAlias: str(c.after.addAlias),
      dropAliases: [],
    });
  }
}

/**
 * A value-setting curation's effect as one query, for its caller to run with another; null for
 * the others (applyCurations runs a merge's or an actor edit's own large query, the same text
 * as re-application's: one plan in Neo4j, not two).
 */
export function batchedQuery(c: CurationRecord): Query | null {
  if (c.targetKind === 'curation') return null;
  const batch: Batch = new Map();
  return addValues(batch, c, wanted(c), true) ? batchQuery(batch) : null;
}

/**
 * Puts the curations' effects on the graph, in order: runs of value-putting curations go in one
 * batch query, a merge or an actor edit in between is run on its own. Idempotent:
 * re-application runs it again.
 */
export async function applyCurations(tx: Runner, cs: CurationRecord[]): Promise<void> {
  const batch: Batch = new Map();
  for (const c of cs) {
    if (c.targetKind === 'curation') continue;
    if (addValues(batch, c, wanted(c), true)) continue;
    if (c.op !== 'merge' && c.op !== 'edit') continue; // a note changes nothing
    await runBatch(tx, batch);
    await applyOne(tx, c);
  }
  await runBatch(tx, batch);
}

/** Puts one curation's effect on the graph. */
export const applyCuration = (tx: Runner, c: CurationRecord) => applyCurations(tx, [c]);

/**
 * Takes the curation's effect back, restoring `before`. The caller has checked that no later
 * curation depends on it (curation/curate.ts).
 */
export async function revertCuration(tx: Runner, c: CurationRecord): Promise<void> {
  if (c.targetKind === 'curation') return;
  const batch: Batch = new Map();
  if (addValues(batch, c, c.before, false)) return runBatch(tx, batch);
  const target = c.target;
  if (c.op === 'merge') {
    await tx.run(SPLIT_QUERY, {
      target,
      into: str(c.change.into),
      cid: c.id,
      added: strings(c.after.addedAliases),
    });
  } else if (c.op === 'edit') {
    const added = str(c.after.addAlias);
    await tx.run(EDIT_ACTOR, {
      target,
      props: c.before.props ?? {},
      addAlias: null,
      dropAliases: added ? [added] : [],
    });
    // The alias list as it was (order included), unless it has grown since.
    await tx.run(
      `MATCH (t:Actor {id: $target}) WHERE size(t.aliases) = size($aliases)
       SET t.aliases = $aliases SET ${ALIAS_TEXT('t')}`,
      { target, aliases: strings(c.before.aliases) },
    );
  } else if (c.op === 'reject') {
    await tx.run(UNREJECT(LABEL[c.targetKind]), { target });
  }
}
