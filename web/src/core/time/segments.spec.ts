import { describe, expect, it } from 'vitest';
import { randomEdges } from './random-edges.ts';
import {
  buildSegments,
  colorBytes,
  EDGE_FLOATS,
  NODE_FLOATS,
  SEGMENT_VERTICES,
  windowRanges,
  UNDATED_DAY,
  type Spot,
} from './segments.ts';
import { windowActivity, windowEnding, type WindowSize } from './window.ts';

const spot: Spot = { x: 0.5, y: 0.5, size: 3, color: [1, 2, 3, 255] };
/** Actor a3 is hidden: its edges are not drawn. */
const spotOf = (actor: string) => (actor === 'a3' ? undefined : spot);

describe('playback segments', () => {
  it('a window draws exactly the edges with events in it, the latest day on top', () => {
    const all = randomEdges(11);
    const shown = all.filter((e) => e.source !== 'a3');
    const s = buildSegments(all, spotOf, () => [9, 9, 9, 255]);
    let checked = 0;
    for (const size of ['day', 'week', 'month', 'asof'] as WindowSize[])
      for (const at of [99, 100, 101, 120, 159, 160, 170])
        for (const undated of [false, true]) {
          const w = windowEnding(at, size);
          const want = windowActivity(shown, w, { undated });
          const r = windowRanges(s, w, undated);
          // The edges drawn, and for each the day of the last segment drawn (the one on top).
          const top = new Map<string, number>();
          for (const [from, to] of r)
            for (let k = from; k < to; k++)
              top.set(s.edgeIds[k], s.edges[k * SEGMENT_VERTICES * EDGE_FLOATS + 2]);
          expect([...top.keys()].sort(), `${size} ${at} ${undated}`).toEqual(
            [...want.edges.keys()].sort(),
          );
          for (const [id, day] of top) {
            const last = shown
              .find((e) => e.id === id)!
              .days.filter((d) => d <= w.end)
              .at(-1);
            expect(day === UNDATED_DAY ? undefined : day).toBe(last);
          }
          checked += want.edges.size;
        }
    expect(checked).toBeGreaterThan(500);
  });

  it('has one point per actor drawn, none for a hidden one', () => {
    const s = buildSegments(randomEdges(3), spotOf, () => [9, 9, 9, 255]);
    expect(s.nodeIds).not.toContain('a3');
    expect(new Set(s.nodeIds).size).toBe(s.nodeIds.length);
    expect(s.nodes.length).toBe(s.nodeIds.length * NODE_FLOATS);
  });

  it('parses colours as bytes, with their alpha', () => {
    expect(colorBytes('#ff8000')).toEqual([255, 128, 0, 255]);
    expect(colorBytes('#ff800070')).toEqual([255, 128, 0, 0x70]);
    expect(colorBytes('red')).toEqual([128, 128, 128, 255]);
  });
});
