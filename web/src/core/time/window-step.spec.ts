import { describe, expect, it } from 'vitest';
import { randomEdges } from './random-edges.ts';
import { changedBetween, windowEnding, type WindowSize } from './window.ts';
import { freshWindow, indexDays, stepWindow } from './window-step.ts';

describe('a playback step', () => {
  it('draws what a fresh window draws and reports exactly what changed', () => {
    for (const size of ['day', 'week', 'month', 'asof'] as WindowSize[]) {
      const edges = randomEdges(size.length);
      const index = indexDays(edges);
      const stamp = new Int32Array(edges.length);
      const state = freshWindow(edges, windowEnding(95, size), true);
      let step = 0;
      let incremental = 0;
      let from = 95;
      // Day by day, then jumps both ways (a jump may ask for a fresh window instead); a one-day
      // step must be recounted in place, else this test would check nothing.
      for (const at of [96, 97, 98, 99, 100, 101, 105, 110, 130, 129, 150, 170, 101]) {
        const before = {
          ...state.activity,
          edges: new Map(state.activity.edges),
          nodes: new Set(state.activity.nodes),
        };
        const changed = stepWindow(state, edges, index, windowEnding(at, size), stamp, ++step);
        const fresh = freshWindow(edges, windowEnding(at, size), true);
        if (Math.abs(at - from) === 1) expect(changed, `${size} ${from} -> ${at}`).not.toBeNull();
        from = at;
        if (!changed) {
          Object.assign(state, fresh);
          continue;
        }
        incremental++;
        expect(state.activity.edges).toEqual(fresh.activity.edges);
        expect(state.activity.nodes).toEqual(fresh.activity.nodes);
        const want = changedBetween(before, fresh.activity);
        expect(changed.edges.sort()).toEqual(want.edges.sort());
        expect(changed.nodes.sort()).toEqual(want.nodes.sort());
      }
      expect(incremental, size).toBeGreaterThanOrEqual(7);
    }
  });
});
