import { describe, expect, it } from 'vitest';
import { frame, projectionFor, WORLD, zoomAt } from './camera.ts';

describe('camera', () => {
  it('keeps the point under the pointer still when zooming', () => {
    const c = zoomAt(WORLD, 2, 300, 200);
    const before = projectionFor(WORLD, 800, 600).invert?.([300, 200]);
    const after = projectionFor(c, 800, 600).invert?.([300, 200]);
    expect(after?.[0]).toBeCloseTo(before?.[0] ?? NaN, 6);
    expect(after?.[1]).toBeCloseTo(before?.[1] ?? NaN, 6);
  });

  it('frames places in the middle of the canvas', () => {
    const berlin: [number, number] = [13.4, 52.5];
    const kyiv: [number, number] = [30.5, 50.45];
    const c = frame([berlin, kyiv], 800, 600);
    expect(c.k).toBeGreaterThan(3);
    const proj = projectionFor(c, 800, 600);
    for (const p of [berlin, kyiv]) {
      const [x, y] = proj(p) as [number, number];
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(800);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(600);
    }
  });
});
