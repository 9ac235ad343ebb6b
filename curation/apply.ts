// Applying a curation to the graph, and reverting it: the Cypher of each operation. The same
// apply runs when the analyst makes the curation and again, inside the ingest's write
// transaction, each time a report re-writes its target (curation/reapply.ts), so it is
// idempotent. Nothing extracted is deleted: facts are flagged (rejected, current), actor edges
// moved by a merge carry the merge's id so the split can move them back, and a curation
// record keeps every value it replaced.
import type { ManagedTransaction } from 'neo4j-driver';
import type { CurationRecord } from './operations.ts';

export type Runner = Pick<ManagedTransaction, 'run'>;

/** Actor edges a merge moves: [type, the actor's side is the start node]. */
const ACTOR_EDGES: [string, boolean][] = [
  ['PERFORMED', true],
  ['SAID', true],
  ['MENTIONED_IN', true],
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

const EDIT_FACT = (label: string) => `MATCH (t:${label} {id: $target}) SET t += $props`;

const REJECT = (label: string) =>
  `MATCH (t:${label} {id: $target}) SET t.rejected = true, t.current = false`;
const UNREJECT = (label: string) =>
  `MATCH (t:${label} {id: $target}) REMOVE t.rejected SET ${FACT_CURRENT('t')}`;

const SET_PARTICIPANTS = `MATCH (e:Event {id: $target})
CALL (e) { MATCH (a:Actor)-[x:PERFORMED]->(e) WHERE NOT a.id IN $actors DELETE x }
CALL (e) { MATCH (e)-[x:DIRECTED_AT]->(a:Actor) WHERE NOT a.id IN $recipients DELETE x }
CALL (e) { UNWIND $actors AS id MATCH (a:Actor {id: id}) MERGE (a)-[:PERFORMED]->(e) }
CALL (e) { UNWIND $recipients AS id MATCH (a:Actor {id: id}) MERGE (e)-[:DIRECTED_AT]->(a) }`;

const SET_PLACE = `MATCH (e:Event {id: $target})
CALL (e) { MATCH (e)-[x:AT]->(p:Place) WHERE p.id <> coalesce($place, '') DELETE x }
CALL (e) { MATCH (p:Place {id: $place}) MERGE (e)-[:AT]->(p) }`;

const SET_SPEAKERS = `MATCH (s:Statement {id: $target})
CALL (s) { MATCH (a:Actor)-[x:SAID]->(s) WHERE NOT a.id IN $speakers DELETE x }
CALL (s) { UNWIND $speakers AS id MATCH (a:Actor {id: id}) MERGE (a)-[:SAID]->(s) }`;

const SET_CONFIRMED = (label: string) =>
  `MATCH (t:${label} {id: $target}) SET t.confirmed = $confirmed, t.confirmedBy = $confirmedBy, t.confirmedAt = $confirmedAt`;

const LABEL = { actor: 'Actor', event: 'Event', statement: 'Statement' } as const;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/**
 * The operations that put values on their target: apply puts what the curation asked for,
 * revert puts `before` back. Returns false for the others.
 */
async function putValues(tx: Runner, c: CurationRecord, v: Record<string, unknown>) {
  const target = c.target;
  const label = LABEL[c.targetKind as keyof typeof LABEL];
  switch (c.op) {
    case 'set-actors':
      await tx.run(SET_PARTICIPANTS, {
        target,
        actors: strings(v.actors),
        recipients: strings(v.recipients),
      });
      return true;
    case 'set-place':
      await tx.run(SET_PLACE, { target, place: str(v.place) });
      return true;
    case 'set-speaker':
      await tx.run(SET_SPEAKERS, { target, speakers: strings(v.speakers) });
      return true;
    case 'confirm':
      await tx.run(SET_CONFIRMED(label), {
        target,
        confirmed: v.confirmed ?? null,
        confirmedBy: v.confirmedBy ?? null,
        confirmedAt: v.confirmedAt ?? null,
      });
      return true;
    case 'edit':
      if (c.targetKind === 'actor') return false;
      await tx.run(EDIT_FACT(label), { target, props: v.props ?? {} });
      return true;
    default:
      return false;
  }
}

/** Puts the curation's effect on the graph. Idempotent: re-application runs it again. */
export async function applyCuration(tx: Runner, c: CurationRecord): Promise<void> {
  if (c.targetKind === 'curation') return;
  const wanted = {
    ...c.change,
    ...c.after,
    speakers: [c.change.speaker],
    confirmed: true,
    confirmedBy: c.by,
    confirmedAt: c.at,
  };
  if (await putValues(tx, c, wanted)) return;
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
  } else if (c.op === 'reject') {
    await tx.run(REJECT(LABEL[c.targetKind]), { target });
  }
}

/**
 * Takes the curation's effect back, restoring `before`. The caller has checked that no later
 * curation depends on it (curation/curate.ts).
 */
export async function revertCuration(tx: Runner, c: CurationRecord): Promise<void> {
  if (c.targetKind === 'curation') return;
  if (await putValues(tx, c, c.before)) return;
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
