import { describe, expect, it } from 'vitest';
import {
  type GraphOp,
  EMPTY_HISTORY,
  HISTORY_LIMIT,
  applyHidden,
  canUndo,
  describeOp,
  record,
  undo,
} from './history.ts';

describe('history', () => {
  it('undoes the last op first', () => {
    let h = record(EMPTY_HISTORY, { kind: 'hide', nodes: ['a'] });
    h = record(h, { kind: 'pin', node: 'b', pinned: true });
    const u1 = undo(h);
    expect(u1.op).toEqual({ kind: 'pin', node: 'b', pinned: true });
    const u2 = undo(u1.history);
    expect(u2.op).toEqual({ kind: 'hide', nodes: ['a'] });
    expect(canUndo(u2.history)).toBe(false);
    expect(undo(u2.history).op).toBeNull();
  });
  it('skips empty ops and caps its length', () => {
    expect(record(EMPTY_HISTORY, { kind: 'expand', node: 'a', nodes: [], edges: [] })).toBe(
      EMPTY_HISTORY,
    );
    let h = EMPTY_HISTORY;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = record(h, { kind: 'hide', nodes: [String(i)] });
    expect(h.done.length).toBe(HISTORY_LIMIT);
    expect(h.done[0]).toEqual({ kind: 'hide', nodes: ['5'] });
  });
  it('hides and reveals', () => {
    const op: GraphOp = { kind: 'hide', nodes: ['a', 'b'] };
    const hidden = applyHidden(new Set(['c']), op, false);
    expect([...hidden].sort()).toEqual(['a', 'b', 'c']);
    expect([...applyHidden(hidden, op, true)]).toEqual(['c']);
    expect(describeOp(op)).toBe('hide 2 actors');
  });
});
