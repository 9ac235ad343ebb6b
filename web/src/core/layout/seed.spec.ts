import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { communities } from './communities.ts';
import { seedPositions } from './seed.ts';

function twoClusters(): DirectedGraph {
  const g = new DirectedGraph();
  for (const n of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'lone']) g.addNode(n);
  for (const [s, t] of [
    ['a1', 'a2'],
    ['a2', 'a3'],
    ['a3', 'a1'],
    ['b1', 'b2'],
    ['b2', 'b3'],
    ['b3', 'b1'],
    ['a1', 'b1'],
  ])
    g.addDirectedEdge(s, t, { edge: { count: 1 } });
  return g;
}

describe('communities', () => {
  it('finds the same communities on every run, largest first, none for an isolate', () => {
    const c1 = communities(twoClusters());
    const c2 = communities(twoClusters());
    expect([...c1]).toEqual([...c2]);
    expect(c1.get('a1')).toBe(c1.get('a3'));
    expect(c1.get('a1')).not.toBe(c1.get('b2'));
    expect(c1.has('lone')).toBe(false);
  });
});

describe('seedPositions', () => {
  it('starts the same network the same way, communities apart', () => {
    const g = twoClusters();
    const a = seedPositions(g, communities(g), new Map());
    const b = seedPositions(g, communities(g), new Map());
    expect([...a.positions]).toEqual([...b.positions]);
    const d = (p: string, q: string) =>
      Math.hypot(
        a.positions.get(p)!.x - a.positions.get(q)!.x,
        a.positions.get(p)!.y - a.positions.get(q)!.y,
      );
    expect(d('a1', 'a2')).toBeLessThan(d('a2', 'b2'));
  });

  it('keeps saved positions and puts a new actor next to its placed neighbours', () => {
    const g = twoClusters();
    g.addNode('new');
    g.addDirectedEdge('new', 'b2', { edge: { count: 1 } });
    const saved = new Map(
      ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'lone'].map((n, i) => [n, { x: i * 100, y: 0 }]),
    );
    const { positions, placed } = seedPositions(g, communities(g), saved);
    expect(positions.get('b1')).toEqual({ x: 300, y: 0 });
    expect(placed.has('new')).toBe(false);
    const p = positions.get('new')!;
    expect(Math.hypot(p.x - 400, p.y)).toBeLessThan(10);
  });
});
