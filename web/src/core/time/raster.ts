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

/** Sets the pixels whose centres lie within `radius` of (cx, cy), and the one under the centre
 * however small the disc (as a point of 1 px at least); clipped to the picture. */
export function fillDisc(r: Raster, cx: number, cy: number, radius: number, value: number): void {
  const { px, width, height } = r;
  const top = Math.max(0, Math.ceil(cy - radius - 0.5));
  const bottom = Math.min(height - 1, Math.floor(cy + radius - 0.5));
  for (let j = top; j <= bottom; j++) {
    const y = j + 0.5 - cy;
    const half = Math.sqrt(radius * radius - y * y);
    const left = Math.max(0, Math.ceil(cx - half - 0.5));
    const right = Math.min(width - 1, Math.floor(cx + half - 0.5));
    if (left <= right) px.fill(value, j * width + left, j * width + right + 1);
  }
  const i = Math.floor(cx);
  const j = Math.floor(cy);
  if (i >= 0 && j >= 0 && i < width && j < height) px[j * width + i] = value;
}
