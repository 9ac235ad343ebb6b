// Time playback on big networks, drawn by a layer of its own over sigma's canvases.
// Sigma redraws every edge on each frame, and software WebGL (SwiftShader: headless Chromium,
// machines without a GPU) pays for every pixel row of every line: at 50,000 edges a window step
// cost over a second. This layer gets the segments once when playing starts, in day order
// (core/time/segments.ts), and keeps a picture of what it drew (core/time/accumulate.ts): a step
// forward draws only the day or two that entered the window, as 1 px lines, onto that picture,
// then shows it with one pass that blanks the days that left the window and fades the others
// with their age. The actors are discs over it, those of the window only.
// The pictures are drawn in JavaScript (core/time/raster.ts) and put on a 2D canvas, not with
// WebGL: SwiftShader spent some 40 ms of a frame rasterising the lines of a day or two (per
// pixel row of each), and a WebGL canvas is read back from the GPU process on every frame when
// the compositor draws in software, the page's main thread waiting for it; a 2D canvas's pixels
// are handed over as they are. Opaque (the fade mixed with the background), no blending, no
// antialiasing, half resolution. Paused, sigma draws the window again with widths, hover and
// selection.
import type Sigma from 'sigma';
import type { EdgeAttrs, NodeAttrs } from '../core/network/build-graph.ts';
import { FIRST_DAY_CODE, plan, shown as shade, type Picture } from '../core/time/accumulate.ts';
import {
  drawDiscs,
  drawLine,
  raster,
  updateDiscs,
  word,
  type Discs,
  type Raster,
} from '../core/time/raster.ts';
import {
  datedRange,
  EDGE_FLOATS,
  NODE_FLOATS,
  SEGMENT_VERTICES,
  UNDATED_DAY,
  type Segments,
} from '../core/time/segments.ts';
import { FADED, type TimeWindow } from '../core/time/window.ts';

/** The layer's pixels per device pixel: pixels are the cost, and while the network moves a
 * half-resolution picture (edges 2 px wide on screen) reads as well. Probes draw at full. */
const RESOLUTION = 0.5;

export interface PlaybackLayer {
  /** Takes what playing draws (once per play, or when what is drawn changes). */
  load(segments: Segments): void;
  loaded(): Segments | null;
  /** Draws the window with the actors `shown` (those with an edge in it). Nothing when nothing
   * changed since the last draw. */
  draw(w: TimeWindow, undated: boolean, shown: ReadonlySet<string>): void;
  show(on: boolean): void;
  /** Gives back the memory (pictures, the canvas's own); `load` starts again. */
  release(): void;
  /** Bytes the layer holds: its pictures and its canvas (a test hook). */
  heldBytes(): number;
  /** Test hook: draws the window's segments in their numbers' colours, on a kept picture of its
   * own as playing does, and reads them back: the edges with at least one pixel on screen. */
  probe(w: TimeWindow, undated: boolean): string[];
}

/** A picture kept between frames: the dated segments and, apart, the undated ones; each pixel
 * the segment's colour (or, probed, its number) and, in the top byte, its day's code
 * (accumulate.ts). */
interface Kept {
  dated: Raster;
  undated: Raster;
  picture: Picture | null;
  /** What the picture was drawn for: the camera, the size, the segments, the undated toggle. */
  key: unknown[];
  /** The last frame's window (a draw with nothing changed is skipped). */
  last: unknown[];
}

/** The background the layer's opaque pixels blend into, as 0–255 RGB. */
function backgroundOf(el: HTMLElement): [number, number, number] {
  for (let e: HTMLElement | null = el; e; e = e.parentElement) {
    const m = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(
      getComputedStyle(e).backgroundColor,
    );
    if (m && m[4] !== '0') return [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  return [255, 255, 255];
}

const same = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** `rgb` mixed into `bg` by `f` (0–256), opaque. */
const mix = (bg: readonly number[], r: number, g: number, b: number, f: number): number =>
  word(
    bg[0] + (((r - bg[0]) * f) >> 8),
    bg[1] + (((g - bg[1]) * f) >> 8),
    bg[2] + (((b - bg[2]) * f) >> 8),
    255,
  );

/** Where sigma's matrix puts graph points, in pixels of a picture `width` × `height`: the
 * coefficients of x = ax·gx + bx·gy + cx and y = ay·gx + by·gy + cy. */
function toPixels(m: Float32Array, width: number, height: number) {
  return {
    ax: (m[0] * width) / 2,
    bx: (m[3] * width) / 2,
    cx: ((m[6] + 1) * width) / 2,
    ay: (-m[1] * height) / 2,
    by: (-m[4] * height) / 2,
    cy: ((1 - m[7]) * height) / 2,
  };
}

export function createPlaybackLayer(renderer: Sigma<NodeAttrs, EdgeAttrs>): PlaybackLayer {
  const container = renderer.getContainer();
  const canvas = document.createElement('canvas');
  canvas.className = 'playback-layer';
  Object.assign(canvas.style, {
    position: 'absolute',
    inset: '0',
    width: '100%',
    height: '100%',
    pointerEvents: 'none',
    // Scaled up to the container by the compositor: nearest pixels cost less than smoothing,
    // and 1 px lines stay sharp.
    imageRendering: 'pixelated',
    display: 'none',
  });
  // Above sigma's edges and nodes, below its labels and mouse layers.
  renderer.getCanvases().nodes.after(canvas);
  let ctx: CanvasRenderingContext2D | null = null;
  let segments: Segments | null = null;
  /** The segments' vertices read as bytes (colours, numbers). */
  let segmentBytes: Uint8Array = new Uint8Array(0);
  let nodeBytes: Uint8Array = new Uint8Array(0);
  let bg: [number, number, number] = [255, 255, 255];
  /** The kept pictures of playing and of probing (full resolution, numbers for colours). */
  const kept: { view: Kept | null; pick: Kept | null } = { view: null, pick: null };
  /** What a frame shows, put on the canvas (probes read theirs back from `probed`). */
  let frame: ImageData | null = null;
  let probed: Raster | null = null;
  let discs: { picture: Raster; discs: Discs; key: unknown[]; shown: Uint8Array } | null = null;
  let resized = 0;

  /** The picture's size: the canvas's at the layer's resolution, or full for a probe. */
  function size(pick: boolean): { width: number; height: number } {
    const ratio = (window.devicePixelRatio || 1) * (pick ? 1 : RESOLUTION);
    // Sigma's size of the container, kept from its last resize: reading the container's would
    // lay the page out again on every frame (the playbar's text has just changed).
    const { width, height } = renderer.getDimensions();
    return {
      width: Math.max(1, Math.round(width * ratio)),
      height: Math.max(1, Math.round(height * ratio)),
    };
  }

  /** Draws segments [from, to) onto a picture. */
  function drawSegments(
    into: Raster,
    s: Segments,
    [from, to]: [number, number],
    base: number,
    pick: boolean,
    matrix: Float32Array,
  ): void {
    const f = s.edges;
    const b = segmentBytes;
    const { ax, bx, cx, ay, by, cy } = toPixels(matrix, into.width, into.height);
    for (let i = from; i < to; i++) {
      const at = i * SEGMENT_VERTICES * EDGE_FLOATS;
      const day = f[at + 2];
      const code =
        day < UNDATED_DAY + 1
          ? 1
          : Math.min(255, Math.max(FIRST_DAY_CODE, day - base + FIRST_DAY_CODE));
      // The colour, or probed the segment's number, from the first vertex.
      const c = (at + (pick ? 4 : 3)) * 4;
      const value = word(b[c], b[c + 1], b[c + 2], code);
      const x0 = f[at];
      const y0 = f[at + 1];
      const x1 = f[at + EDGE_FLOATS];
      const y1 = f[at + EDGE_FLOATS + 1];
      drawLine(
        into,
        ax * x0 + bx * y0 + cx,
        ay * x0 + by * y0 + cy,
        ax * x1 + bx * y1 + cx,
        ay * x1 + by * y1 + cy,
        value,
      );
    }
  }

  /** Brings the kept picture up to window `w`: the days that entered it, or all afresh. */
  function accumulate(
    s: Segments,
    w: TimeWindow,
    undated: boolean,
    pick: boolean,
    matrix: Float32Array,
    width: number,
    height: number,
  ): Kept {
    const name = pick ? 'pick' : 'view';
    const key = [s, width, height, undated, ...matrix];
    let k = kept[name];
    if (!k || !same(k.key, key))
      k = kept[name] = {
        dated: raster(width, height),
        undated: raster(width, height),
        picture: null,
        key,
        last: [],
      };
    const p = plan(k.picture, w, s.edgeDays.first);
    if (p.fresh) {
      k.dated.px.fill(0);
      k.undated.px.fill(0);
      if (undated) drawSegments(k.undated, s, [0, s.undatedEdges], p.picture.base, pick, matrix);
    }
    if (p.days.start <= p.days.end)
      drawSegments(k.dated, s, datedRange(s, p.days), p.picture.base, pick, matrix);
    k.picture = p.picture;
    return k;
  }

  /** Each day code's brightness in window `w` (0–256), -1 when it is blank. */
  function shades(w: TimeWindow, base: number): Int16Array {
    const out = new Int16Array(256).fill(-1);
    for (let code = FIRST_DAY_CODE; code < 256; code++) {
      const f = shade(code, base, w, FADED);
      if (f !== null) out[code] = Math.round(f * 256);
    }
    return out;
  }

  /** The kept picture as shown in window `w` into `out`: the actors' discs (`over`, opaque where
   * set), else the dated pixels of the window, faded with their age, else the undated ones faded
   * (when shown), else transparent. */
  function compose(
    k: Kept,
    w: TimeWindow,
    undated: boolean,
    pick: boolean,
    out: Uint32Array,
    over: Uint32Array | null,
  ) {
    const tab = shades(w, k.picture!.base);
    const undatedShade = Math.round(FADED * 256);
    const dated = k.dated.px;
    const und = k.undated.px;
    for (let i = 0; i < out.length; i++) {
      if (over && over[i] !== 0) {
        out[i] = over[i];
        continue;
      }
      let v = dated[i];
      let f = tab[v >>> 24];
      if (f < 0 && undated && und[i] !== 0) {
        v = und[i];
        f = undatedShade;
      }
      if (f < 0) out[i] = 0;
      else if (pick) out[i] = (v | 0xff000000) >>> 0;
      else out[i] = mix(bg, v & 255, (v >>> 8) & 255, (v >>> 16) & 255, f);
    }
  }

  /** Every actor's disc in pixels, the size of sigma's points, coloured over the background. */
  function actorDiscs(s: Segments, matrix: Float32Array, width: number, height: number): Discs {
    const params = renderer.getRenderParams();
    const scale = (params.pixelRatio * RESOLUTION) / params.sizeRatio;
    const { ax, bx, cx, ay, by, cy } = toPixels(matrix, width, height);
    const n = s.nodeIds.length;
    const d: Discs = {
      x: new Float64Array(n),
      y: new Float64Array(n),
      radius: new Float64Array(n),
      color: new Uint32Array(n),
    };
    for (let i = 0; i < n; i++) {
      const at = i * NODE_FLOATS;
      const c = (at + 3) * 4;
      const a = nodeBytes[c + 3];
      const x = s.nodes[at];
      const y = s.nodes[at + 1];
      d.x[i] = ax * x + bx * y + cx;
      d.y[i] = ay * x + by * y + cy;
      d.radius[i] = s.nodes[at + 2] * scale;
      // 0–255 as 0–256
      d.color[i] = mix(bg, nodeBytes[c], nodeBytes[c + 1], nodeBytes[c + 2], a + (a >> 7));
    }
    return d;
  }

  /** The actors' discs, kept between frames: a step brings or takes a few actors of thousands,
   * whose neighbourhoods alone are drawn again (updateDiscs); drawing some 5,000 discs was the
   * largest part of a frame. Drawn afresh when the camera or the size changes. */
  function actorsPicture(
    s: Segments,
    shown: ReadonlySet<string>,
    matrix: Float32Array,
    width: number,
    height: number,
  ): Raster {
    const { sizeRatio, pixelRatio } = renderer.getRenderParams();
    const key = [s, width, height, sizeRatio, pixelRatio, ...matrix];
    const bytes = new Uint8Array(s.nodeIds.length);
    for (let i = 0; i < bytes.length; i++) bytes[i] = shown.has(s.nodeIds[i]) ? 1 : 0;
    if (discs && same(discs.key, key)) {
      updateDiscs(discs.picture, discs.discs, discs.shown, bytes);
      discs.shown = bytes;
      return discs.picture;
    }
    const picture = raster(width, height);
    const all = actorDiscs(s, matrix, width, height);
    drawDiscs(picture, all, bytes);
    discs = { picture, discs: all, key, shown: bytes };
    return picture;
  }

  function render(
    w: TimeWindow,
    undated: boolean,
    pick: boolean,
    shown: ReadonlySet<string> = new Set(),
  ): void {
    const s = segments;
    if (!s) return;
    const { width, height } = size(pick);
    if (!pick && (canvas.width !== width || canvas.height !== height)) {
      canvas.width = width;
      canvas.height = height;
      frame = null;
      resized++; // and cleared
    }
    const matrix = Float32Array.from(renderer.getRenderParams().matrix);
    const k = accumulate(s, w, undated, pick, matrix, width, height);
    if (pick) {
      probed = raster(width, height);
      compose(k, w, undated, true, probed.px, null);
      return;
    }
    // Nothing moved: the canvas keeps showing the last frame.
    const last = [w.start, w.end, shown, resized];
    if (same(k.last, last)) return;
    k.last = last;
    ctx ??= canvas.getContext('2d', { alpha: true });
    if (!ctx) throw new Error('playback layer: no 2D canvas');
    frame ??= ctx.createImageData(width, height);
    const out: Raster = { width, height, px: new Uint32Array(frame.data.buffer) };
    compose(k, w, undated, false, out.px, actorsPicture(s, shown, matrix, width, height).px);
    ctx.putImageData(frame, 0, 0);
  }

  return {
    load(s) {
      segments = s;
      segmentBytes = new Uint8Array(s.edges.buffer, s.edges.byteOffset, s.edges.byteLength);
      nodeBytes = new Uint8Array(s.nodes.buffer, s.nodes.byteOffset, s.nodes.byteLength);
      bg = backgroundOf(container);
      kept.view = kept.pick = null;
    },
    loaded: () => segments,
    draw: (w, undated, shown) => render(w, undated, false, shown),
    show(on) {
      canvas.style.display = on ? '' : 'none';
    },
    release() {
      kept.view = kept.pick = null;
      segments = null;
      segmentBytes = nodeBytes = new Uint8Array(0);
      frame = probed = discs = null;
      // The canvas's own pixels.
      canvas.width = canvas.height = 1;
    },
    heldBytes() {
      let n = canvas.width * canvas.height * 4 + (frame?.data.byteLength ?? 0);
      for (const k of [kept.view, kept.pick])
        if (k) n += k.dated.px.byteLength + k.undated.px.byteLength;
      n += (probed?.px.byteLength ?? 0) + (discs?.picture.px.byteLength ?? 0);
      return n + (segments?.edges.byteLength ?? 0);
    },
    probe(w, undated) {
      render(w, undated, true);
      const seen = new Set<string>();
      for (const v of probed?.px ?? []) {
        const n = v & 0xffffff;
        if (n && segments) seen.add(segments.edgeIds[n - 1] ?? `?${n}`);
      }
      return [...seen];
    },
  };
}
