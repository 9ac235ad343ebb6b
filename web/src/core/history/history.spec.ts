import { describe, expect, it } from 'vitest';
import {
  type GraphOp,
  EMPTY_HISTORY,
  HISTORY_LIMIT,
  applyExpanded,
  applyHidden,
  canUndo,
  describeOp,
  record,
  undo,
  undoneActors,
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
  it('keeps every expanded actor, however many ops follow, until its expand is undone', () => {
    // What the viewer does: record an op, and apply it to the expanded actors too.
    let h = EMPTY_HISTORY;
    let expanded: readonly string[] = [];
    const apply = (op: GraphOp) => {
      h = record(h, op);
      expanded = applyExpanded(expanded, op, false);
    };
    apply({ kind: 'expand', node: 'early', nodes: ['x'], edges: [] });
    for (let i = 0; i < HISTORY_LIMIT; i++) apply({ kind: 'hide', nodes: [String(i)] });
    apply({ kind: 'expand', node: 'late', nodes: ['y'], edges: [] });
    apply({ kind: 'expand', node: 'early', nodes: ['z'], edges: [] });
    expect(
      h.done.some((op) => op.kind === 'expand' && op.node === 'early' && op.nodes[0] === 'x'),
    ).toBe(false);
    expect(expanded).toEqual(['early', 'late', 'early']);
    const u = undo(h);
    expanded = applyExpanded(expanded, u.op!, true);
    expect(expanded).toEqual(['early', 'late']);
    expect(applyExpanded(expanded, { kind: 'pin', node: 'early', pinned: true }, true)).toBe(
      expanded,
    );
  });
  it('an undone expansion keeps the actors that belong on the drawing since', () => {
    const op = { kind: 'expand' as const, node: 'near', nodes: ['a', 'b', 'c', 'd'], edges: [] };
    const ties: Record<string, string[]> = {
      a: ['near'],
      b: ['near'],
      c: ['near', 'x'],
      d: ['near'],
    };
    const now = (answer: string[], expanded: string[], selected: string | null = null) => ({
      answer: new Set(answer),
      expanded,
      neighbours: (id: string) => ties[id] ?? [],
      selected,
    });
    expect(undoneActors(op, now([], []))).toEqual(['a', 'b', 'c', 'd']);
    // b entered the top; x's expansion, still on, also drew c; d is selected.
    expect(undoneActors(op, now(['b'], ['x'], 'd'))).toEqual(['a']);
    // `near` expanded twice: undoing one leaves its neighbours.
    expect(undoneActors(op, now([], ['near']))).toEqual([]);
  });
});
