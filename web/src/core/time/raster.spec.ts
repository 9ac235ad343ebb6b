import { describe, expect, it } from 'vitest';
import { seededRandom } from '../layout/random.ts';
import {
  drawDiscs,
  drawLine,
  fillDisc,
  raster,
  updateDiscs,
  word,
  type Discs,
  type Raster,
} from './raster.ts';

/** The pixels set, as "x,y". */
const set = (r: Raster): string[] =>
  [...r.px].flatMap((v, i) => (v ? [`${i % r.width},${Math.floor(i / r.width)}`] : []));

describe('raster', () => {
  it('a word is ImageData RGBA on a little-endian machine', () => {
    const px = new Uint32Array([word(1, 2, 3, 250)]);
    expect([...new Uint8Array(px.buffer)]).toEqual([1, 2, 3, 250]);
  });

  it('a line sets one pixel per step along its longer axis, both ends included', () => {
    const r = raster(10, 10);
    drawLine(r, 1.5, 1.5, 8.5, 4.5, 7);
    const px = set(r);
    expect(px).toContain('1,1');
    expect(px).toContain('8,4');
    // x moves 7, y 3: eight columns, one pixel each, no gaps.
    expect(new Set(px.map((p) => p.split(',')[0])).size).toBe(8);
    expect(px).toHaveLength(8);
    expect([...r.px].filter((v) => v && v !== 7)).toEqual([]);

    const steep = raster(10, 10);
    drawLine(steep, 2.5, 9.5, 3.5, 0.5, 1);
    expect(set(steep)).toHaveLength(10);
  });

  it('a line is clipped to the picture, and one wholly outside sets nothing', () => {
    const r = raster(8, 6);
    drawLine(r, -100, 3.5, 100, 3.5, 1);
    expect(set(r)).toEqual(Array.from({ length: 8 }, (_, x) => `${x},3`));
    const diagonal = raster(8, 6);
    drawLine(diagonal, -10, -10, 20, 20, 1);
    expect(set(diagonal)).toEqual(['0,0', '1,1', '2,2', '3,3', '4,4', '5,5']);
    const out = raster(8, 6);
    drawLine(out, -5, -1, 20, -3, 1);
    drawLine(out, 9, 0, 9, 5, 1);
    drawLine(out, 8, 0, 8, 5, 1); // the right edge is outside: pixels 0–7
    expect(set(out)).toEqual([]);
  });

  it('a disc sets the pixels whose centres are within its radius, and at least one', () => {
    const r = raster(9, 9);
    fillDisc(r, 4.5, 4.5, 1.6, 1);
    // The centre pixel, its four neighbours (1 away) and the diagonals (1.41); none 2 away.
    expect(set(r).sort()).toEqual(
      ['3,3', '4,3', '5,3', '3,4', '4,4', '5,4', '3,5', '4,5', '5,5'].sort(),
    );
    const tiny = raster(9, 9);
    fillDisc(tiny, 2.2, 6.9, 0.1, 1);
    expect(set(tiny)).toEqual(['2,6']);
    const edge = raster(9, 9);
    fillDisc(edge, 0, 0, 3, 1);
    expect(set(edge).every((p) => p.split(',').every((c) => Number(c) < 3))).toBe(true);
    expect(set(edge)).toContain('0,0');
  });

  it('discs brought from one shown set to the next equal discs drawn afresh', () => {
    const rand = seededRandom(3);
    const n = 600;
    const d: Discs = {
      x: Float64Array.from({ length: n }, () => rand() * 130 - 5),
      y: Float64Array.from({ length: n }, () => rand() * 90 - 5),
      radius: Float64Array.from({ length: n }, () => rand() ** 2 * 9),
      color: Uint32Array.from({ length: n }, (_, i) => word(i & 255, i >> 8, 7, 255)),
    };
    const kept = raster(120, 80);
    let shown = Uint8Array.from({ length: n }, () => (rand() < 0.9 ? 1 : 0));
    drawDiscs(kept, d, shown);
    let redrawn = 0;
    // A few discs come and go each step, then once very many (drawn again whole).
    for (const changes of [1, 3, 8, 0, 20, 2, 400, 5]) {
      const next = shown.slice();
      for (let k = 0; k < changes; k++) next[Math.floor(rand() * n)] ^= 1;
      updateDiscs(kept, d, shown, next);
      const fresh = raster(120, 80);
      drawDiscs(fresh, d, next);
      expect(kept.px).toEqual(fresh.px);
      if (changes) redrawn++;
      shown = next;
    }
    expect(redrawn).toBe(7);
    // Overlapping: the picture holds discs under and over those that changed.
    expect(new Set(kept.px).size).toBeGreaterThan(100);
  });
});
