// Time playback on big networks, drawn by a WebGL layer of its own over sigma's canvases.
// Sigma redraws every edge on each frame, and software WebGL (SwiftShader: headless Chromium,
// machines without a GPU) pays for every pixel row of every line: at 50,000 edges a window step
// cost over a second. This layer gets the segments once when playing starts, in day order
// (core/time/segments.ts), and keeps a picture of what it drew (core/time/accumulate.ts): a step
// forward draws only the day or two that entered the window, as 1 px lines, onto that picture,
// then shows it with one full-screen pass that blanks the days that left the window and fades
// the others with their age. The actors are points over it, a byte each saying which are shown.
// Opaque (the fade mixed with the background), no blending, no antialiasing, half resolution.
// Paused, sigma draws the window again with widths, hover and selection.
import type Sigma from 'sigma';
import type { EdgeAttrs, NodeAttrs } from '../core/network/build-graph.ts';
import { FIRST_DAY_CODE, plan, type Picture } from '../core/time/accumulate.ts';
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
 * half-resolution picture (edges 2 px wide on screen) reads as well. Probes read back at full. */
const RESOLUTION = 0.5;

const EDGE_VERTEX = /* glsl */ `
attribute vec2 a_position;
attribute float a_day;
attribute vec4 a_color;
attribute vec4 a_id;

uniform mat3 u_matrix;
uniform float u_base;
uniform float u_pick;

varying vec4 v_color;

void main() {
  gl_Position = vec4((u_matrix * vec3(a_position, 1.0)).xy, 0.0, 1.0);
  // The colour (or, probed, the segment's number) and in alpha the day's code (accumulate.ts).
  float code = a_day < ${UNDATED_DAY.toFixed(1)} + 1.0
    ? 1.0
    : clamp(a_day - u_base + ${FIRST_DAY_CODE.toFixed(1)}, ${FIRST_DAY_CODE.toFixed(1)}, 255.0);
  v_color = vec4(u_pick > 0.5 ? a_id.rgb : a_color.rgb, code / 255.0);
}
`;

/** The kept pictures shown: one full-screen triangle, each pixel's day from its code. */
const SHOW_VERTEX = /* glsl */ `
attribute vec2 a_corner;
void main() { gl_Position = vec4(a_corner, 0.0, 1.0); }
`;

const SHOW_FRAGMENT = /* glsl */ `
precision highp float;
uniform sampler2D u_dated;
uniform sampler2D u_undated;
uniform vec2 u_size;
uniform float u_end;
uniform float u_base;
/** Days from the window's start to its end; -1: "as of", nothing leaves or fades. */
uniform float u_span;
uniform float u_withUndated;
uniform float u_pick;
uniform vec3 u_background;

void main() {
  vec2 uv = gl_FragCoord.xy / u_size;
  vec4 d = texture2D(u_dated, uv);
  float code = floor(d.a * 255.0 + 0.5);
  float fade = 1.0;
  vec3 rgb = d.rgb;
  bool on = code > 1.5;
  if (on && u_span >= 0.0) {
    float age = u_end - (u_base + code - ${FIRST_DAY_CODE.toFixed(1)});
    on = age <= u_span + 0.5;
    fade = 1.0 - (1.0 - ${FADED.toFixed(2)}) * age / max(1.0, u_span);
  }
  if (!on && u_withUndated > 0.5) {
    vec4 u = texture2D(u_undated, uv);
    on = u.a > 0.0;
    rgb = u.rgb;
    fade = ${FADED.toFixed(2)};
  }
  if (!on) discard;
  gl_FragColor = u_pick > 0.5 ? vec4(rgb, 1.0) : vec4(mix(u_background, rgb, fade), 1.0);
}
`;

const NODE_VERTEX = /* glsl */ `
attribute vec2 a_position;
attribute float a_size;
attribute vec4 a_color;
attribute float a_shown;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform vec3 u_background;

varying vec4 v_color;

void main() {
  // An actor out of the window: off screen, no pixels.
  gl_Position = a_shown > 0.5 ? vec4((u_matrix * vec3(a_position, 1.0)).xy, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
  gl_PointSize = a_shown > 0.5 ? a_size / u_sizeRatio * u_pixelRatio * 2.0 : 0.0; // as sigma's points
  v_color = vec4(mix(u_background, a_color.rgb, a_color.a), 1.0);
}
`;

// highp: segment numbers read back exactly when probed.
const EDGE_FRAGMENT = /* glsl */ `
precision highp float;
varying vec4 v_color;
void main() { gl_FragColor = v_color; }
`;

const NODE_FRAGMENT = /* glsl */ `
precision mediump float;
varying vec4 v_color;
void main() {
  if (length(gl_PointCoord - vec2(0.5)) > 0.5) discard;
  gl_FragColor = v_color;
}
`;

export interface PlaybackLayer {
  /** Uploads what playing draws (once per play, or when what is drawn changes). */
  load(segments: Segments): void;
  loaded(): Segments | null;
  /** Draws the window with the actors `shown` (those with an edge in it). Nothing when nothing
   * changed since the last draw. */
  draw(w: TimeWindow, undated: boolean, shown: ReadonlySet<string>): void;
  show(on: boolean): void;
  /** Gives back the GPU's memory (buffers, pictures, the canvas's own); `load` starts again. */
  release(): void;
  /** Test hook: draws the window's segments in their numbers' colours, on a kept picture of its
   * own as playing does, and reads them back: the edges with at least one pixel on screen. */
  probe(w: TimeWindow, undated: boolean): string[];
}

interface Program {
  program: WebGLProgram;
  buffer: WebGLBuffer;
  uniform: (name: string) => WebGLUniformLocation | null;
  /** name, size, type, normalized, byte offset */
  attributes: [string, number, number, boolean, number][];
  stride: number;
}

/** A picture kept between frames: the dated segments and, apart, the undated ones. */
interface Kept {
  dated: Target;
  undated: Target;
  picture: Picture | null;
  /** What the picture was drawn for: the camera, the size, the segments, the undated toggle. */
  key: unknown[];
  /** The last frame's window (a draw with nothing changed is skipped). */
  last: unknown[];
}

interface Target {
  texture: WebGLTexture;
  framebuffer: WebGLFramebuffer;
}

function compile(gl: WebGLRenderingContext, vertex: string, fragment: string): WebGLProgram {
  const program = gl.createProgram();
  for (const [type, src] of [
    [gl.VERTEX_SHADER, vertex],
    [gl.FRAGMENT_SHADER, fragment],
  ] as const) {
    const shader = gl.createShader(type)!;
    gl.shaderSource(shader, src);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
      throw new Error(`playback layer shader: ${gl.getShaderInfoLog(shader)}`);
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS))
    throw new Error(`playback layer program: ${gl.getProgramInfoLog(program)}`);
  return program;
}

/** The background the layer's opaque pixels blend into, as 0–1 RGB. */
function backgroundOf(el: HTMLElement): [number, number, number] {
  for (let e: HTMLElement | null = el; e; e = e.parentElement) {
    const m = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(
      getComputedStyle(e).backgroundColor,
    );
    if (m && m[4] !== '0') return [Number(m[1]) / 255, Number(m[2]) / 255, Number(m[3]) / 255];
  }
  return [1, 1, 1];
}

const same = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

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
    display: 'none',
  });
  // Above sigma's edges and nodes, below its labels and mouse layers.
  renderer.getCanvases().nodes.after(canvas);
  let gl: WebGLRenderingContext | null = null;
  let edges: Program | null = null;
  let nodes: Program | null = null;
  let showing: Program | null = null;
  let segments: Segments | null = null;
  let bg: [number, number, number] = [1, 1, 1];
  /** A byte per actor point: shown in the window drawn. */
  let shownBytes = new Uint8Array(0);
  let shownBuffer: WebGLBuffer | null = null;
  /** The kept pictures of playing and of probing (full resolution, numbers for colours). */
  const kept: { view: Kept | null; pick: Kept | null } = { view: null, pick: null };
  let resized = 0;

  function setup(): WebGLRenderingContext {
    if (gl) return gl;
    const g = canvas.getContext('webgl', {
      antialias: false,
      depth: false,
      stencil: false,
      premultipliedAlpha: true,
      preserveDrawingBuffer: false,
    });
    if (!g) throw new Error('playback layer: no WebGL');
    const { FLOAT, UNSIGNED_BYTE } = g;
    const program = (v: string, f: string, attributes: Program['attributes'], stride: number) => {
      const p = compile(g, v, f);
      const locations = new Map<string, WebGLUniformLocation | null>();
      return {
        program: p,
        buffer: g.createBuffer(),
        uniform: (name: string) => {
          if (!locations.has(name)) locations.set(name, g.getUniformLocation(p, name));
          return locations.get(name)!;
        },
        attributes,
        stride,
      };
    };
    edges = program(
      EDGE_VERTEX,
      EDGE_FRAGMENT,
      [
        ['a_position', 2, FLOAT, false, 0],
        ['a_day', 1, FLOAT, false, 8],
        ['a_color', 4, UNSIGNED_BYTE, true, 12],
        ['a_id', 4, UNSIGNED_BYTE, true, 16],
      ],
      EDGE_FLOATS * 4,
    );
    nodes = program(
      NODE_VERTEX,
      NODE_FRAGMENT,
      [
        ['a_position', 2, FLOAT, false, 0],
        ['a_size', 1, FLOAT, false, 8],
        ['a_color', 4, UNSIGNED_BYTE, true, 12],
      ],
      NODE_FLOATS * 4,
    );
    showing = program(SHOW_VERTEX, SHOW_FRAGMENT, [['a_corner', 2, FLOAT, false, 0]], 8);
    // One triangle over the whole viewport.
    g.bindBuffer(g.ARRAY_BUFFER, showing.buffer);
    g.bufferData(g.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), g.STATIC_DRAW);
    shownBuffer = g.createBuffer();
    g.disable(g.BLEND);
    g.disable(g.DEPTH_TEST);
    gl = g;
    return g;
  }

  function use(g: WebGLRenderingContext, p: Program): void {
    g.useProgram(p.program);
    g.bindBuffer(g.ARRAY_BUFFER, p.buffer);
    for (const [name, size, type, normalized, offset] of p.attributes) {
      const loc = g.getAttribLocation(p.program, name);
      if (loc < 0) continue;
      g.enableVertexAttribArray(loc);
      g.vertexAttribPointer(loc, size, type, normalized, p.stride, offset);
    }
  }

  function unuse(g: WebGLRenderingContext, p: Program): void {
    for (const [name] of p.attributes) {
      const loc = g.getAttribLocation(p.program, name);
      if (loc >= 0) g.disableVertexAttribArray(loc);
    }
  }

  /** Sizes the canvas to the container at the layer's resolution. */
  function fit(pick: boolean): void {
    const ratio = (window.devicePixelRatio || 1) * (pick ? 1 : RESOLUTION);
    // Sigma's size of the container, kept from its last resize: reading the container's would
    // lay the page out again on every frame (the playbar's text has just changed).
    const { width, height } = renderer.getDimensions();
    const w = Math.max(1, Math.round(width * ratio));
    const h = Math.max(1, Math.round(height * ratio));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      resized++; // and cleared
    }
  }

  function target(g: WebGLRenderingContext): Target {
    const texture = g.createTexture();
    g.bindTexture(g.TEXTURE_2D, texture);
    g.texImage2D(
      g.TEXTURE_2D,
      0,
      g.RGBA,
      canvas.width,
      canvas.height,
      0,
      g.RGBA,
      g.UNSIGNED_BYTE,
      null,
    );
    for (const [k, v] of [
      [g.TEXTURE_MIN_FILTER, g.NEAREST],
      [g.TEXTURE_MAG_FILTER, g.NEAREST],
      [g.TEXTURE_WRAP_S, g.CLAMP_TO_EDGE],
      [g.TEXTURE_WRAP_T, g.CLAMP_TO_EDGE],
    ])
      g.texParameteri(g.TEXTURE_2D, k, v);
    const framebuffer = g.createFramebuffer();
    g.bindFramebuffer(g.FRAMEBUFFER, framebuffer);
    g.framebufferTexture2D(g.FRAMEBUFFER, g.COLOR_ATTACHMENT0, g.TEXTURE_2D, texture, 0);
    g.clearColor(0, 0, 0, 0);
    g.clear(g.COLOR_BUFFER_BIT);
    return { texture, framebuffer };
  }

  function drop(g: WebGLRenderingContext, k: Kept | null): void {
    for (const t of k ? [k.dated, k.undated] : []) {
      g.deleteFramebuffer(t.framebuffer);
      g.deleteTexture(t.texture);
    }
  }

  /** Draws segments [from, to) onto a picture. */
  function drawSegments(
    g: WebGLRenderingContext,
    into: Target,
    [from, to]: [number, number],
    base: number,
    pick: boolean,
    matrix: Float32Array,
  ): void {
    if (to <= from || !edges) return;
    g.bindFramebuffer(g.FRAMEBUFFER, into.framebuffer);
    use(g, edges);
    g.uniformMatrix3fv(edges.uniform('u_matrix'), false, matrix);
    g.uniform1f(edges.uniform('u_base'), base);
    g.uniform1f(edges.uniform('u_pick'), pick ? 1 : 0);
    g.drawArrays(g.LINES, from * SEGMENT_VERTICES, (to - from) * SEGMENT_VERTICES);
    unuse(g, edges);
  }

  /** Brings the kept picture up to window `w`: the days that entered it, or all afresh. */
  function accumulate(
    g: WebGLRenderingContext,
    s: Segments,
    w: TimeWindow,
    undated: boolean,
    pick: boolean,
    matrix: Float32Array,
  ): Kept {
    const name = pick ? 'pick' : 'view';
    const key = [s, canvas.width, canvas.height, undated, ...matrix];
    let k = kept[name];
    if (!k || !same(k.key, key)) {
      drop(g, k);
      k = { dated: target(g), undated: target(g), picture: null, key, last: [] };
      kept[name] = k;
    }
    const p = plan(k.picture, w, s.edgeDays.first);
    if (p.fresh) {
      for (const t of [k.dated, k.undated]) {
        g.bindFramebuffer(g.FRAMEBUFFER, t.framebuffer);
        g.clearColor(0, 0, 0, 0);
        g.clear(g.COLOR_BUFFER_BIT);
      }
      if (undated) drawSegments(g, k.undated, [0, s.undatedEdges], p.picture.base, pick, matrix);
    }
    if (p.days.start <= p.days.end)
      drawSegments(g, k.dated, datedRange(s, p.days), p.picture.base, pick, matrix);
    k.picture = p.picture;
    return k;
  }

  function render(
    w: TimeWindow,
    undated: boolean,
    pick: boolean,
    shown: ReadonlySet<string> = new Set(),
  ): void {
    const g = setup();
    if (!segments || !edges || !nodes || !showing) return;
    fit(pick);
    const params = renderer.getRenderParams();
    const matrix = Float32Array.from(params.matrix);
    // The kept pictures are the canvas's size: draw into them at it (the context was made at the
    // canvas's default 300 × 150, and a resize does not move the viewport).
    g.viewport(0, 0, canvas.width, canvas.height);
    const k = accumulate(g, segments, w, undated, pick, matrix);
    // Nothing moved: the canvas keeps showing the last frame.
    const last = [w.start, w.end, shown, resized];
    if (!pick && same(k.last, last)) return;
    k.last = last;

    g.bindFramebuffer(g.FRAMEBUFFER, null);
    g.viewport(0, 0, canvas.width, canvas.height);
    g.clearColor(0, 0, 0, 0);
    g.clear(g.COLOR_BUFFER_BIT);
    use(g, showing);
    g.activeTexture(g.TEXTURE0);
    g.bindTexture(g.TEXTURE_2D, k.dated.texture);
    g.activeTexture(g.TEXTURE1);
    g.bindTexture(g.TEXTURE_2D, k.undated.texture);
    g.uniform1i(showing.uniform('u_dated'), 0);
    g.uniform1i(showing.uniform('u_undated'), 1);
    g.uniform2f(showing.uniform('u_size'), canvas.width, canvas.height);
    g.uniform1f(showing.uniform('u_end'), w.end);
    g.uniform1f(showing.uniform('u_base'), k.picture!.base);
    g.uniform1f(showing.uniform('u_span'), Number.isFinite(w.start) ? w.end - w.start : -1);
    g.uniform1f(showing.uniform('u_withUndated'), undated ? 1 : 0);
    g.uniform1f(showing.uniform('u_pick'), pick ? 1 : 0);
    g.uniform3f(showing.uniform('u_background'), ...bg);
    g.drawArrays(g.TRIANGLES, 0, 3);
    unuse(g, showing);
    if (pick) return;

    use(g, nodes);
    g.uniformMatrix3fv(nodes.uniform('u_matrix'), false, matrix);
    g.uniform1f(nodes.uniform('u_sizeRatio'), params.sizeRatio);
    g.uniform1f(nodes.uniform('u_pixelRatio'), params.pixelRatio * RESOLUTION);
    g.uniform3f(nodes.uniform('u_background'), ...bg);
    // Which actors are shown: a byte each (a few thousand), the only upload of a frame.
    const ids = segments.nodeIds;
    for (let i = 0; i < ids.length; i++) shownBytes[i] = shown.has(ids[i]) ? 1 : 0;
    const loc = g.getAttribLocation(nodes.program, 'a_shown');
    g.bindBuffer(g.ARRAY_BUFFER, shownBuffer);
    g.bufferSubData(g.ARRAY_BUFFER, 0, shownBytes);
    g.enableVertexAttribArray(loc);
    g.vertexAttribPointer(loc, 1, g.UNSIGNED_BYTE, false, 0, 0);
    g.drawArrays(g.POINTS, 0, ids.length);
    g.disableVertexAttribArray(loc);
    unuse(g, nodes);
  }

  return {
    load(s) {
      const g = setup();
      segments = s;
      bg = backgroundOf(container);
      for (const [p, data] of [
        [edges!, s.edges],
        [nodes!, s.nodes],
      ] as const) {
        g.bindBuffer(g.ARRAY_BUFFER, p.buffer);
        g.bufferData(g.ARRAY_BUFFER, data, g.STATIC_DRAW);
      }
      shownBytes = new Uint8Array(s.nodeIds.length);
      g.bindBuffer(g.ARRAY_BUFFER, shownBuffer);
      g.bufferData(g.ARRAY_BUFFER, shownBytes, g.DYNAMIC_DRAW);
      g.bindBuffer(g.ARRAY_BUFFER, null);
    },
    loaded: () => segments,
    draw: (w, undated, shown) => render(w, undated, false, shown),
    show(on) {
      canvas.style.display = on ? '' : 'none';
    },
    release() {
      const g = gl;
      if (!g) return;
      drop(g, kept.view);
      drop(g, kept.pick);
      kept.view = kept.pick = null;
      for (const b of [edges?.buffer, nodes?.buffer, shownBuffer]) {
        g.bindBuffer(g.ARRAY_BUFFER, b ?? null);
        g.bufferData(g.ARRAY_BUFFER, 0, g.STATIC_DRAW);
      }
      g.bindBuffer(g.ARRAY_BUFFER, null);
      segments = null;
      shownBytes = new Uint8Array(0);
      // The canvas's own drawing buffers.
      canvas.width = canvas.height = 1;
    },
    probe(w, undated) {
      render(w, undated, true);
      const g = gl!;
      const px = new Uint8Array(canvas.width * canvas.height * 4);
      g.readPixels(0, 0, canvas.width, canvas.height, g.RGBA, g.UNSIGNED_BYTE, px);
      const seen = new Set<string>();
      for (let i = 0; i < px.length; i += 4) {
        const n = px[i] | (px[i + 1] << 8) | (px[i + 2] << 16);
        if (n && segments) seen.add(segments.edgeIds[n - 1] ?? `?${n}`);
      }
      return [...seen];
    },
  };
}
