// Playback's pictures drawn in JavaScript: 1 px lines and filled discs written into a pixel
// array (one 32-bit word a pixel, as ImageData lays RGBA out on little-endian machines).
// Software WebGL (SwiftShader: headless Chromium, machines without a GPU) pays per pixel row of
// every primitive, plus a read-back of the canvas on every frame; a loop over a line's few
// hundred pixels costs less than either. Pure: the playback layer (controllers/playback-layer.ts)
// draws with these.

export interface Raster {
  width: number;
  height: number;
  /** Row by row from the top, `width` words a row. */
  px: Uint32Array;
}

export function raster(width: number, height: number): Raster {
  return { width, height, px: new Uint32Array(width * height) };
}

/** The word of an RGBA pixel as ImageData holds it (little-endian: red in the low byte). */
export const word = (r: number, g: number, b: number, a: number): number =>
  ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;

/** Just inside the far edges, so that truncating a clipped end stays in the picture. */
const INSIDE = 1e-3;

/**
 * Sets the pixels a 1 px line from (x0, y0) to (x1, y1) crosses, in pixel units (0 is a
 * picture's left or top edge), one per step along its longer axis; clipped to the picture.
 */
export function drawLine(
  r: Raster,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  value: number,
): void {
  const dx = x1 - x0;
  const dy = y1 - y0;
  // Liang–Barsky: the part of the line inside [0, width) × [0, height). Written out, not as a
  // loop over the four sides: a frame draws thousands of lines, and arrays would be garbage.
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  if (
    !clip(-dx, x0) ||
    !clip(dx, r.width - INSIDE - x0) ||
    !clip(-dy, y0) ||
    !clip(dy, r.height - INSIDE - y0)
  )
    return;
  let x = x0 + t0 * dx;
  let y = y0 + t0 * dy;
  const steps = Math.ceil(Math.max(Math.abs((t1 - t0) * dx), Math.abs((t1 - t0) * dy)));
  const sx = steps ? ((t1 - t0) * dx) / steps : 0;
  const sy = steps ? ((t1 - t0) * dy) / steps : 0;
  const { px, width } = r;
  for (let i = 0; i <= steps; i++) {
    px[(y | 0) * width + (x | 0)] = value;
    x += sx;
    y += sy;
  }
}

/** A rectangle of pixels, both ends included. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Sets the pixels whose centres lie within `radius` of (cx, cy), and the one under the centre
 * however small the disc (as a point of 1 px at least); clipped to the picture and to `clip`. */
export function fillDisc(
  r: Raster,
  cx: number,
  cy: number,
  radius: number,
  value: number,
  clip?: Box,
): void {
  const { px, width, height } = r;
  const minX = clip ? Math.max(0, clip.left) : 0;
  const maxX = clip ? Math.min(width - 1, clip.right) : width - 1;
  const minY = clip ? Math.max(0, clip.top) : 0;
  const maxY = clip ? Math.min(height - 1, clip.bottom) : height - 1;
  const top = Math.max(minY, Math.ceil(cy - radius - 0.5));
  const bottom = Math.min(maxY, Math.floor(cy + radius - 0.5));
  for (let j = top; j <= bottom; j++) {
    const y = j + 0.5 - cy;
    const half = Math.sqrt(radius * radius - y * y);
    const left = Math.max(minX, Math.ceil(cx - half - 0.5));
    const right = Math.min(maxX, Math.floor(cx + half - 0.5));
    if (left <= right) px.fill(value, j * width + left, j * width + right + 1);
  }
  const i = Math.floor(cx);
  const j = Math.floor(cy);
  if (i >= minX && j >= minY && i <= maxX && j <= maxY) px[j * width + i] = value;
}

/** Discs to draw in order (later over earlier), in pixels. */
export interface Discs {
  x: Float64Array;
  y: Float64Array;
  radius: Float64Array;
  color: Uint32Array;
}

/** The pixels disc `i` may set. */
function boxOf(d: Discs, i: number): Box {
  const reach = d.radius[i] + 1;
  return {
    left: Math.floor(d.x[i] - reach),
    top: Math.floor(d.y[i] - reach),
    right: Math.ceil(d.x[i] + reach),
    bottom: Math.ceil(d.y[i] + reach),
  };
}

/** Draws the discs whose byte in `shown` is set, in order; only within `clip` when given. */
export function drawDiscs(r: Raster, d: Discs, shown: Uint8Array, clip?: Box): void {
  for (let i = 0; i < shown.length; i++) {
    if (!shown[i]) continue;
    // Off the clip: as boxOf, without an object per disc.
    const reach = d.radius[i] + 1;
    if (
      clip &&
      (d.x[i] + reach < clip.left - 1 ||
        d.x[i] - reach > clip.right + 1 ||
        d.y[i] + reach < clip.top - 1 ||
        d.y[i] - reach > clip.bottom + 1)
    )
      continue;
    fillDisc(r, d.x[i], d.y[i], d.radius[i], d.color[i], clip);
  }
}

/** Past this many discs come or gone, the picture is drawn again whole. */
const MOST_REDRAWN = 200;

/**
 * Brings a picture of the discs shown in `was` to those shown in `now`: each disc that came or
 * went has its box cleared and drawn again from every disc shown over it, in order, so the
 * picture equals one drawn afresh. A step of playback brings or takes a few actors of
 * thousands: this redraws their neighbourhoods, not every disc.
 */
export function updateDiscs(r: Raster, d: Discs, was: Uint8Array, now: Uint8Array): void {
  const dirty: Box[] = [];
  for (let i = 0; i < now.length && dirty.length <= MOST_REDRAWN; i++)
    if (was[i] !== now[i]) dirty.push(boxOf(d, i));
  if (dirty.length > MOST_REDRAWN) {
    r.px.fill(0);
    drawDiscs(r, d, now);
    return;
  }
  for (const b of dirty) {
    const left = Math.max(0, b.left);
    const right = Math.min(r.width - 1, b.right);
    if (left > right) continue;
    for (let j = Math.max(0, b.top); j <= Math.min(r.height - 1, b.bottom); j++)
      r.px.fill(0, j * r.width + left, j * r.width + right + 1);
    drawDiscs(r, d, now, b);
  }
}
