import { describe, expect, it } from 'vitest';
import { footprint, makeRoom, type Spot } from './make-room.ts';
import { boxesOverlap } from './placement.ts';

describe('makeRoom', () => {
  it('separates a knot of labelled nodes so no two footprints overlap', () => {
    // "Volodymyr Zelensky", "Kirill Dmitriev" and "Steve Witkoff" printed over one another.
    const spots: Spot[] = [
      { id: 'zelensky', x: 200, y: 200, r: 8, w: 120 },
      { id: 'dmitriev', x: 205, y: 203, r: 8, w: 95 },
      { id: 'witkoff', x: 198, y: 197, r: 8, w: 90 },
      { id: 'quiet', x: 260, y: 201, r: 4, w: 0 },
    ];
    const out = makeRoom(spots, { fontSize: 13 });
    const moved = spots.map((s) => ({ ...s, ...out.get(s.id)! }));
    const boxes = moved.map((s) => footprint(s, 13, 4));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(boxesOverlap(boxes[i], boxes[j]), `${moved[i].id} / ${moved[j].id}`).toBe(false);
    // Moves are small: the picture keeps its shape.
    for (const [i, s] of moved.entries())
      expect(Math.hypot(s.x - spots[i].x, s.y - spots[i].y)).toBeLessThan(50);
  });

  it('moves only the new actor when the other was placed before', () => {
    const spots: Spot[] = [
      { id: 'saved', x: 100, y: 100, r: 6, w: 80, fixed: true },
      { id: 'new', x: 104, y: 102, r: 6, w: 60 },
    ];
    const out = makeRoom(spots, { fontSize: 13 });
    expect(out.get('saved')).toEqual({ x: 100, y: 100 });
    const n = out.get('new')!;
    expect(boxesOverlap(footprint(spots[0], 13, 4), footprint({ ...spots[1], ...n }, 13, 4))).toBe(
      false,
    );
  });

  it('leaves a network with room unchanged', () => {
    const spots: Spot[] = [
      { id: 'a', x: 0, y: 0, r: 5, w: 50 },
      { id: 'b', x: 0, y: 100, r: 5, w: 50 },
    ];
    expect([...makeRoom(spots, { fontSize: 13 }).values()]).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 100 },
    ]);
  });
});
