// What a curation will change, read under its target's lock: the values it replaces (`before`,
// what an undo restores) and the values it sets with what derives from them (`after`).
import type { Node } from 'neo4j-driver';
import { ONTOLOGY, eventScore, type PloverCategory } from '../domain/index.ts';
import type { Runner } from './apply.ts';
import { EDITABLE, targetKind, type CurationRequest, type EditField } from './operations.ts';

/** A refusal the analyst can act on: HTTP maps `status`, the CLI prints the message. */
export class CurationError extends Error {
  constructor(
    readonly status: 404 | 409 | 400,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Props = Record<string, unknown>;

// SET of a property to itself takes the node's write lock: everything read after it is the
// latest committed state, and other curations of the node wait for this transaction.
export async function lockNodes(
  tx: Runner,
  label: string,
  ids: string[],
): Promise<Map<string, Props>> {
  const { records } = await tx.run(
    `UNWIND $ids AS id MATCH (t:${label} {id: id}) SET t.id = t.id RETURN t`,
    { ids: [...new Set(ids)].sort() },
  );
  return new Map(
    records.map((r) => {
      const n = r.get('t') as Node;
      return [String(n.properties.id), n.properties as Props];
    }),
  );
}

async function actorsExist(tx: Runner, ids: string[]): Promise<void> {
  const { records } = await tx.run(
    `UNWIND $ids AS id OPTIONAL MATCH (a:Actor {id: id}) RETURN id, a.mergedInto AS into, a IS NULL AS missing`,
    { ids },
  );
  for (const r of records) {
    if (r.get('missing')) throw new CurationError(404, 'NOT_FOUND', `no actor '${r.get('id')}'`);
    if (r.get('into')) {
      throw new CurationError(
        409,
        'MERGED',
        `actor '${r.get('id')}' is merged into '${r.get('into')}'; name that one instead`,
      );
    }
  }
}

export const value = (p: Props, k: string) => (p[k] === undefined ? null : p[k]);

/** What the curation will set and what it replaces, read under the target's lock. */
export async function beforeAndAfter(
  tx: Runner,
  req: CurationRequest,
  t: Props | undefined,
  locked: Map<string, Props>,
): Promise<{ before: Props; after: Props }> {
  const kind = targetKind(req.target);
  // Imported before its target: linked and applied by the ingest that brings it.
  if (!t) return { before: {}, after: { pending: true } };
  switch (req.op) {
    case 'merge': {
      const b = locked.get(req.into);
      if (!b) throw new CurationError(404, 'NOT_FOUND', `no actor '${req.into}'`);
      const have = new Set<unknown>([b.name, ...((b.aliases as unknown[]) ?? [])]);
      const added = [t.name, ...((t.aliases as unknown[]) ?? [])].filter(
        (x, i, all) => typeof x === 'string' && !have.has(x) && all.indexOf(x) === i,
      );
      return {
        before: { aliases: b.aliases ?? [], current: t.current ?? null },
        after: { addedAliases: added },
      };
    }
    case 'edit': {
      const allowed = EDITABLE[kind];
      const fields = Object.keys(req.changes) as EditField[];
      const wrong = fields.filter((f) => !allowed.includes(f));
      if (wrong.length) {
        throw new CurationError(
          400,
          'INVALID_CHANGE',
          `${kind}s have no editable ${wrong.join(', ')} (editable: ${allowed.join(', ')})`,
        );
      }
      const props: Props = { ...req.changes };
      if (kind === 'event' && (req.changes.type || req.changes.mode !== undefined)) {
        const type = (req.changes.type ?? t.type) as PloverCategory;
        const mode = (req.changes.mode !== undefined ? req.changes.mode : t.mode) as string | null;
        props.quad = ONTOLOGY[type].quad;
        props.score = eventScore(type, mode ?? null);
      }
      const before: Props = {};
      for (const k of Object.keys(props)) before[k] = value(t, k);
      const after: Props = { props };
      if (kind === 'actor' && req.changes.name && req.changes.name !== t.name) {
        after.addAlias = t.name;
      }
      return { before: { props: before, aliases: t.aliases ?? [] }, after };
    }
    case 'reject':
      if (t.rejected)
        throw new CurationError(409, 'ALREADY', `'${req.target}' is already rejected`);
      return { before: { current: t.current ?? null }, after: { rejected: true } };
    case 'set-actors': {
      await actorsExist(tx, [...req.actors, ...req.recipients]);
      const { records } = await tx.run(
        `MATCH (e:Event {id: $id})
         RETURN [(a:Actor)-[:PERFORMED]->(e) | a.id] AS actors,
           [(e)-[:DIRECTED_AT]->(a:Actor) | a.id] AS recipients`,
        { id: req.target },
      );
      const sorted = (xs: unknown) => [...new Set(xs as string[])].sort();
      return {
        before: {
          actors: sorted(records[0].get('actors')),
          recipients: sorted(records[0].get('recipients')),
        },
        after: { actors: sorted(req.actors), recipients: sorted(req.recipients) },
      };
    }
    case 'set-place': {
      if (req.place !== null) {
        const { records } = await tx.run('MATCH (p:Place {id: $id}) RETURN p.id', {
          id: req.place,
        });
        if (!records.length) throw new CurationError(404, 'NOT_FOUND', `no place '${req.place}'`);
      }
      const { records } = await tx.run(
        'MATCH (e:Event {id: $id}) RETURN head([(e)-[:AT]->(p:Place) | p.id]) AS place',
        { id: req.target },
      );
      return { before: { place: records[0].get('place') }, after: { place: req.place } };
    }
    case 'set-speaker': {
      await actorsExist(tx, [req.speaker]);
      const { records } = await tx.run(
        'MATCH (s:Statement {id: $id}) RETURN [(a:Actor)-[:SAID]->(s) | a.id] AS speakers',
        { id: req.target },
      );
      return { before: { speakers: records[0].get('speakers') }, after: { speaker: req.speaker } };
    }
    case 'confirm':
      return {
        before: {
          confirmed: value(t, 'confirmed'),
          confirmedBy: value(t, 'confirmedBy'),
          confirmedAt: value(t, 'confirmedAt'),
        },
        after: { confirmed: true },
      };
    case 'note':
      return { before: {}, after: {} };
  }
}
