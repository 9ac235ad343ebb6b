// Making and undoing a curation: one write transaction each. The target is locked first, so two
// analysts curating the same actor at once serialise and neither loses the other's change; what
// the target was is read under that lock and kept in the record as `before`.
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction, type Node } from 'neo4j-driver';
import { applyCuration, batchedQuery, revertCuration } from './apply.ts';
import { beforeAndAfter, CurationError, lockNodes, value, type Props } from './effects.ts';
import {
  changeOf,
  TARGET_LABEL,
  TARGETS,
  targetKind,
  type CurationRecord,
  type CurationRequest,
} from './operations.ts';
import { createRecord, nodeRecord } from './records.ts';

export interface CurateOptions {
  database?: string;
  /** Given by an import: the record's own id and time. */
  id?: string;
  at?: string;
  /** An import may name a target this instance has not ingested yet: kept, applied later. */
  allowMissingTarget?: boolean;
}

/**
 * One write transaction that makes one record; with an id given (imports), a record already
 * there is returned instead, so replaying a file changes nothing.
 */
async function recordOnce(
  driver: Driver,
  opts: CurateOptions,
  work: (tx: ManagedTransaction) => Promise<CurationRecord>,
): Promise<CurationRecord> {
  const session = driver.session({
    database: opts.database,
    defaultAccessMode: neo4j.session.WRITE,
  });
  try {
    return await session.executeWrite(async (tx) => {
      if (opts.id) {
        const known = await tx.run('MATCH (c:Curation {id: $id}) RETURN c', { id: opts.id });
        if (known.records.length) return nodeRecord(known.records[0].get('c') as Node);
      }
      return work(tx);
    });
  } finally {
    await session.close();
  }
}

/** Validates, records and applies one curation; returns its record. */
export async function curate(
  driver: Driver,
  req: CurationRequest,
  by: string,
  opts: CurateOptions = {},
): Promise<CurationRecord> {
  const kind = targetKind(req.target);
  if (!TARGETS[req.op].includes(kind)) {
    throw new CurationError(
      400,
      'INVALID_TARGET',
      `${req.op} applies to ${TARGETS[req.op].map((k) => `${k}s`).join(' or ')}, and '${req.target}' is ${kind === 'statement' ? 'a' : 'an'} ${kind}`,
    );
  }
  if (req.op === 'merge' && req.into === req.target) {
    throw new CurationError(400, 'INVALID_TARGET', 'an actor cannot be merged into itself');
  }
  return recordOnce(driver, opts, async (tx) => {
    const ids = req.op === 'merge' ? [req.target, req.into] : [req.target];
    const locked = await lockNodes(tx, TARGET_LABEL[kind], ids);
    const t = locked.get(req.target);
    if (!t && !opts.allowMissingTarget) {
      throw new CurationError(404, 'NOT_FOUND', `no ${kind} '${req.target}'`);
    }
    if (req.op === 'merge' && t) {
      const b = locked.get(req.into);
      if (!b) throw new CurationError(404, 'NOT_FOUND', `no actor '${req.into}'`);
      if (t.mergedInto) {
        throw new CurationError(
          409,
          'MERGED',
          `'${req.target}' is already merged into '${String(t.mergedInto)}'`,
        );
      }
      if (b.mergedInto) {
        throw new CurationError(
          409,
          'MERGED',
          `'${req.into}' is merged into '${String(b.mergedInto)}'; merge into that one`,
        );
      }
    } else if (t?.mergedInto && req.op !== 'note') {
      throw new CurationError(
        409,
        'MERGED',
        `'${req.target}' is merged into '${String(t.mergedInto)}'; curate that one (or undo the merge)`,
      );
    }
    const { before, after } = await beforeAndAfter(tx, req, t, locked);
    const record: CurationRecord = {
      id: opts.id ?? `curation:${randomUUID()}`,
      op: req.op,
      target: req.target,
      targetKind: kind,
      by,
      at: opts.at ?? new Date().toISOString(),
      reason: req.reason ?? null,
      change: changeOf(req),
      before,
      after,
      state: 'active',
      undoneBy: null,
    };
    // The record and a value-setting effect in one round trip.
    const batched = t ? batchedQuery(record) : null;
    await createRecord(tx, record, batched);
    if (t && !batched) await applyCuration(tx, record);
    return record;
  });
}

// Operations whose later active curations of the same target make an undo ambiguous.
const REPLACES = new Set(['set-actors', 'set-place', 'set-speaker']);

/** Undoes a curation (recorded as an undo by `by`): the target is as it was before. */
export async function undo(
  driver: Driver,
  curationId: string,
  by: string,
  opts: CurateOptions & { reason?: string } = {},
): Promise<CurationRecord> {
  return recordOnce(driver, opts, async (tx) => {
    const locked = await lockNodes(tx, 'Curation', [curationId]);
    const props = locked.get(curationId);
    if (!props) throw new CurationError(404, 'NOT_FOUND', `no curation '${curationId}'`);
    const c = nodeRecord({ properties: props } as unknown as Node);
    if (c.op === 'undo') {
      throw new CurationError(400, 'INVALID_TARGET', 'an undo cannot be undone; curate again');
    }
    if (c.state === 'undone') {
      throw new CurationError(409, 'ALREADY', `curation '${curationId}' is already undone`);
    }
    const kind = c.targetKind as keyof typeof TARGET_LABEL;
    const ids = c.op === 'merge' ? [c.target, String(c.change.into)] : [c.target];
    const nodes = await lockNodes(tx, TARGET_LABEL[kind], ids);
    const t = nodes.get(c.target);
    const { records: later } = await tx.run(
      `MATCH (o:Curation {target: $target, op: $op}) WHERE o.state = 'active' AND o.id <> $id
         RETURN o.id AS id, o.at > $at OR (o.at = $at AND o.id > $id) AS isLater`,
      { target: c.target, op: c.op, id: c.id, at: c.at },
    );
    const laterIds = later.filter((r) => r.get('isLater')).map((r) => String(r.get('id')));
    if (REPLACES.has(c.op) && laterIds.length) {
      throw new CurationError(
        409,
        'LATER_CURATION',
        `a later curation (${laterIds[0]}) changed this again; undo it first`,
      );
    }
    if (c.op === 'merge' && t) {
      const into = nodes.get(String(c.change.into));
      if (into?.mergedInto) {
        throw new CurationError(
          409,
          'LATER_CURATION',
          `'${String(c.change.into)}' was merged into '${String(into.mergedInto)}' since; undo that merge first`,
        );
      }
    }
    if (c.op === 'edit' && t) {
      const after = (c.after.props ?? {}) as Props;
      const changed = Object.keys(after).filter((k) => value(t, k) !== after[k]);
      if (changed.length) {
        throw new CurationError(
          409,
          'LATER_CURATION',
          `${changed.join(', ')} changed since this edit; undo the later edit first`,
        );
      }
    }
    // Another active reject or confirm of the same target keeps the effect in place.
    const shared = (c.op === 'reject' || c.op === 'confirm') && later.length > 0;
    if (t && !shared) await revertCuration(tx, c);
    const record: CurationRecord = {
      id: opts.id ?? `curation:${randomUUID()}`,
      op: 'undo',
      target: c.id,
      targetKind: 'curation',
      by,
      at: opts.at ?? new Date().toISOString(),
      reason: opts.reason ?? null,
      change: { undoes: c.op, of: c.target },
      before: { state: 'active' },
      after: { state: 'undone' },
      state: 'active',
      undoneBy: null,
    };
    await createRecord(tx, record, {
      text: `MATCH (u:Curation {id: $undone}) SET u.state = 'undone', u.undoneBy = c.id`,
      params: { undone: c.id },
    });
    return record;
  });
}
