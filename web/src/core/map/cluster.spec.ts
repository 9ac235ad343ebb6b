import { describe, expect, it } from 'vitest';
import { clusterAt, clusterPlaces, markerRadius, type ScreenPlace } from './cluster.ts';

const p = (id: string, x: number, y: number, events: number): ScreenPlace => ({
  id,
  name: id,
  x,
  y,
  events,
  byQuad: { 'material-conflict': events },
});

describe('clusterPlaces', () => {
  it('merges places within reach and keeps distant ones apart', () => {
    const cs = clusterPlaces([p('a', 0, 0, 3), p('b', 10, 0, 1), p('c', 200, 0, 2)], 22);
    expect(cs.map((c) => c.places.map((x) => x.id))).toEqual([['a', 'b'], ['c']]);
    expect(cs[0].events).toBe(4);
    expect(cs[0].byQuad['material-conflict']).toBe(4);
    // At the events' weighted centre.
    expect(cs[0].x).toBeCloseTo(2.5);
  });

  it('clusters 50,000 places, losing no event', () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      p(`p${i}`, (i * 37) % 1400, (i * 91) % 900, 1),
    );
    const t = performance.now();
    const cs = clusterPlaces(many);
    expect(performance.now() - t).toBeLessThan(3000); // ~100 ms warm; loose for a loaded machine
    expect(cs.reduce((n, c) => n + c.events, 0)).toBe(50_000);
  });
});

describe('clusterAt', () => {
  it('finds the marker under the pointer and nothing beside it', () => {
    const cs = clusterPlaces([p('a', 100, 100, 1)]);
    expect(clusterAt(cs, 102, 101)?.places[0].id).toBe('a');
    expect(clusterAt(cs, 100 + markerRadius(1) + 10, 100)).toBeNull();
  });
});
