import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { DIM_EDGE, DIM_NODE, reduceEdge, reduceNode, type Emphasis } from './reducers.ts';

// a → b → c, d alone
const g = new DirectedGraph();
for (const n of ['a', 'b', 'c', 'd']) g.addNode(n);
g.addDirectedEdgeWithKey('a->b', 'a', 'b');
g.addDirectedEdgeWithKey('b->c', 'b', 'c');
const node = { label: 'A', color: '#123456', size: 5 };
const edge = { color: '#654321', size: 2 };
const none: Emphasis = {
  hidden: new Set(),
  pinned: new Set(),
  hovered: null,
  selection: null,
  marked: new Set(),
};

describe('network reducers', () => {
  it('leave everything as drawn when nothing is hovered or selected', () => {
    expect(reduceNode(g, none, 'a', node)).toEqual(node);
    expect(reduceEdge(g, none, 'a->b', edge)).toEqual(edge);
  });

  it('hide hidden actors and the edges that touch them', () => {
    const e = { ...none, hidden: new Set(['b']) };
    expect(reduceNode(g, e, 'b', node).hidden).toBe(true);
    expect(reduceEdge(g, e, 'a->b', edge).hidden).toBe(true);
    expect(reduceEdge(g, e, 'b->c', edge).hidden).toBe(true);
    expect(reduceNode(g, e, 'a', node).hidden).toBeUndefined();
  });

  it('mark pinned actors in their label', () => {
    expect(reduceNode(g, { ...none, pinned: new Set(['a']) }, 'a', node).label).toBe('A ·');
  });

  it('light up the selected actor and its neighbours, dim and unlabel the rest', () => {
    const e: Emphasis = { ...none, selection: { type: 'actor', id: 'b' } };
    expect(reduceNode(g, e, 'b', node)).toMatchObject({ highlighted: true, zIndex: 2 });
    expect(reduceNode(g, e, 'a', node)).toMatchObject({ forceLabel: true, zIndex: 1 });
    expect(reduceNode(g, e, 'd', node)).toMatchObject({ color: DIM_NODE, label: '' });
    expect(reduceEdge(g, e, 'a->b', edge).color).toBe(edge.color);
    const far: Emphasis = { ...none, selection: { type: 'actor', id: 'c' } };
    expect(reduceEdge(g, far, 'a->b', edge).color).toBe(DIM_EDGE);
  });

  it("light up the map's place actors together, the edges between them, and dim the rest", () => {
    const e: Emphasis = { ...none, marked: new Set(['a', 'b']) };
    expect(reduceNode(g, e, 'a', node).highlighted).toBe(true);
    expect(reduceNode(g, e, 'b', node).highlighted).toBe(true);
    expect(reduceNode(g, e, 'c', node).color).toBe(DIM_NODE);
    expect(reduceEdge(g, e, 'a->b', edge).color).toBe(edge.color);
    expect(reduceEdge(g, e, 'b->c', edge).color).toBe(DIM_EDGE);
    // An actor selected in the network still wins.
    const sel: Emphasis = { ...e, selection: { type: 'actor', id: 'c' } };
    expect(reduceNode(g, sel, 'c', node).highlighted).toBe(true);
  });

  it('in a time window draw only its edges and their actors, thicker with more events, fading with age', () => {
    const time = {
      window: { start: 0, end: 6 },
      edges: new Map([['a->b', { count: 10, fade: 0.5 }]]),
      nodes: new Set(['a', 'b']),
    };
    const e: Emphasis = { ...none, time };
    expect(reduceNode(g, e, 'a', node).hidden).toBeUndefined();
    expect(reduceNode(g, e, 'c', node).hidden).toBe(true);
    expect(reduceEdge(g, e, 'b->c', edge).hidden).toBe(true);
    // Premultiplied, as sigma blends: #654321 at half is #332211 at half, not #654321 at half.
    expect(reduceEdge(g, e, 'a->b', edge)).toMatchObject({ size: 6.5, color: '#33221180' });
    // The actor the analyst selected stays in sight, even with nothing in the window.
    const sel: Emphasis = { ...e, selection: { type: 'actor', id: 'c' } };
    expect(reduceNode(g, sel, 'c', node).hidden).toBeUndefined();
  });

  it('let hovering win over the selection', () => {
    const e: Emphasis = { ...none, hovered: 'd', selection: { type: 'actor', id: 'b' } };
    expect(reduceNode(g, e, 'd', node).highlighted).toBe(true);
    expect(reduceNode(g, e, 'b', node).color).toBe(DIM_NODE);
  });

  it('light up a selected edge and its two ends', () => {
    const e: Emphasis = { ...none, selection: { type: 'edge', id: 'a->b' } };
    expect(reduceEdge(g, e, 'a->b', edge)).toMatchObject({ size: 4, zIndex: 2 });
    expect(reduceEdge(g, e, 'b->c', edge).color).toBe(DIM_EDGE);
    expect(reduceNode(g, e, 'a', node).highlighted).toBe(true);
    expect(reduceNode(g, e, 'b', node).highlighted).toBe(true);
    expect(reduceNode(g, e, 'c', node).color).toBe(DIM_NODE);
  });

  it('ignore a selection that is not in the graph', () => {
    const e: Emphasis = { ...none, selection: { type: 'actor', id: 'zz' } };
    expect(reduceNode(g, e, 'a', node)).toEqual(node);
    expect(reduceEdge(g, e, 'a->b', edge)).toEqual(edge);
  });
});
