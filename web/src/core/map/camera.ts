// The map's camera: an Equal Earth projection of the whole globe fitted to the canvas, then a
// zoom `k` and a pan (x, y in CSS pixels) on top. Pure: the controller holds one and redraws.
import { geoEqualEarth, type GeoProjection } from 'd3-geo';

export interface Camera {
  k: number;
  x: number;
  y: number;
}

export const WORLD: Camera = { k: 1, x: 0, y: 0 };
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 64;

const SPHERE = { type: 'Sphere' } as const;

export function projectionFor(c: Camera, width: number, height: number): GeoProjection {
  const p = geoEqualEarth().fitExtent(
    [
      [8, 8],
      [Math.max(9, width - 8), Math.max(9, height - 8)],
    ],
    SPHERE,
  );
  const [tx, ty] = p.translate();
  return p.scale(p.scale() * c.k).translate([tx * c.k + c.x, ty * c.k + c.y]);
}

/** Zoom by `factor` keeping the point under (px, py) where it is. */
export function zoomAt(c: Camera, factor: number, px: number, py: number): Camera {
  const k = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, c.k * factor));
  const f = k / c.k;
  return { k, x: px - (px - c.x) * f, y: py - (py - c.y) * f };
}

export function pan(c: Camera, dx: number, dy: number): Camera {
  return { ...c, x: c.x + dx, y: c.y + dy };
}

/**
 * The camera that frames these [lon, lat] points (a world view for none), leaving a margin;
 * a single place gets a regional zoom rather than the maximum.
 */
export function frame(points: [number, number][], width: number, height: number): Camera {
  if (!points.length) return WORLD;
  const base = projectionFor(WORLD, width, height);
  const xy = points.map((p) => base(p)).filter((p): p is [number, number] => !!p);
  if (!xy.length) return WORLD;
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max((x1 - x0) / width, (y1 - y0) / height, 1 / 12);
  const k = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, 0.7 / span));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { k, x: width / 2 - cx * k, y: height / 2 - cy * k };
}
