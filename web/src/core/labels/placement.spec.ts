import { describe, expect, it } from 'vitest';
import { boxesOverlap, placeLabels, type LabelCandidate } from './placement.ts';

const measure = (c: { label: string }) => c.label.length * 7;
const opts = { width: 400, height: 300, fontSize: 12 };
const cand = (id: string, x: number, y: number, guaranteed = false): LabelCandidate => ({
  id,
  label: id,
  x,
  y,
  size: 5,
  guaranteed,
});

describe('placeLabels', () => {
  it('puts a label right of its node, or left when the canvas edge would cut it', () => {
    const [a, b] = placeLabels(
      [cand('Alpha', 50, 50), cand('Volodymyr Zelensky', 390, 100)],
      measure,
      opts,
    );
    expect(a.side).toBe('right');
    expect(a.x).toBeGreaterThan(55);
    expect(b.side).toBe('left');
    expect(b.x + b.w).toBeLessThanOrEqual(390);
  });

  it('never lets two labels overlap: a lower-priority one moves to another side or is dropped', () => {
    const cs = [
      cand('Kirill Dmitriev', 100, 100),
      cand('Steve Witkoff', 104, 102),
      cand('Zelensky', 102, 98),
    ];
    const placed = placeLabels(cs, measure, opts);
    expect(placed[0].id).toBe('Kirill Dmitriev');
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++)
        expect(boxesOverlap(placed[i], placed[j])).toBe(false);
    expect(placed.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps labels off other nodes, but always draws a guaranteed one', () => {
    const blocker = { ...cand('', 75, 50), size: 20 };
    const boxed = [
      blocker,
      cand('A', 50, 50),
      { ...cand('', 25, 50), size: 20 },
      { ...cand('', 50, 25), size: 20 },
      { ...cand('', 50, 75), size: 20 },
    ];
    expect(placeLabels(boxed, measure, opts).map((p) => p.id)).toEqual([]);
    boxed[1] = cand('A', 50, 50, true);
    expect(placeLabels(boxed, measure, opts).map((p) => p.id)).toEqual(['A']);
  });
});
