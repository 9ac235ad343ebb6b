// Time playback on big networks, drawn by a WebGL layer of its own over sigma's canvases.
// Sigma redraws every edge on each frame, and software WebGL (SwiftShader: headless Chromium,
// machines without a GPU) pays for every pixel of every edge: at 50,000 edges a window step
// cost over a second. This layer gets the segments once when playing starts, in day order
// (core/time/segments.ts), so a frame draws one range of a static buffer and sets a few
// uniforms: the window's end and length, for the fade, and the actors shown (a byte each).
// Pixels are the cost, so edges are 1 px and opaque (their fade mixed with the background, no
// blending, no antialiasing), latest day on top, at half resolution. Paused, sigma draws the
// window again with widths, hover and selection.
import type Sigma from 'sigma';
import type { EdgeAttrs, NodeAttrs } from '../core/network/build-graph.ts';
import {
  EDGE_FLOATS,
  NODE_FLOATS,
  SEGMENT_VERTICES,
  UNDATED_DAY,
  windowRanges,
  type Segments,
} from '../core/time/segments.ts';
import { FADED, type TimeWindow } from '../core/time/window.ts';

/** Edge width while playing, in the layer's pixels. */
const LINE_PX = 1;
/** The layer's pixels per device pixel: pixels are the cost, and while the network moves a
 * half-resolution picture (edges 2 px wide on screen) reads as well. Probes read back at full. */
const RESOLUTION = 0.5;

const EDGE_VERTEX = /* glsl */ `
attribute vec2 a_position;
attribute vec2 a_other;
attribute float a_side;
attribute float a_day;
attribute vec4 a_color;
attribute vec4 a_id;

uniform mat3 u_matrix;
uniform vec2 u_viewport;
uniform float u_end;
uniform float u_length;
uniform vec3 u_background;
uniform float u_pick;
uniform float u_halfWidth;

varying vec4 v_color;

void main() {
  vec2 p = (u_matrix * vec3(a_position, 1.0)).xy;
  vec2 q = (u_matrix * vec3(a_other, 1.0)).xy;
  // Half a pixel either side of the line, in clip space.
  vec2 d = (q - p) * u_viewport;
  float len = length(d);
  vec2 normal = len > 0.0 ? vec2(-d.y, d.x) / len : vec2(0.0);
  gl_Position = vec4(p + normal * a_side * u_halfWidth / u_viewport, 0.0, 1.0);
  // As the reducers fade an edge (its alpha) with the age of its latest event ("as of": u_length 0, no
  // fading); undated ones are faded.
  float fade = a_day < ${UNDATED_DAY.toFixed(1)} + 1.0
    ? ${FADED.toFixed(2)}
    : u_length > 0.0 ? 1.0 - (1.0 - ${FADED.toFixed(2)}) * (u_end - a_day) / u_length : 1.0;
  v_color = u_pick > 0.5 ? a_id : vec4(mix(u_background, a_color.rgb, fade), 1.0);
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
  /** Draws the window with the actors `shown` (those with an edge in it). */
  draw(w: TimeWindow, undated: boolean, shown: ReadonlySet<string>): void;
  show(on: boolean): void;
  /** Test hook: draws the window's segments in their numbers' colours and reads them back:
   * the edges with at least one pixel on screen. */
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
  let segments: Segments | null = null;
  let bg: [number, number, number] = [1, 1, 1];
  /** A byte per actor point: shown in the window drawn. */
  let shownBytes = new Uint8Array(0);
  let shownBuffer: WebGLBuffer | null = null;

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
        ['a_other', 2, FLOAT, false, 8],
        ['a_side', 1, FLOAT, false, 16],
        ['a_day', 1, FLOAT, false, 20],
        ['a_color', 4, UNSIGNED_BYTE, true, 24],
        ['a_id', 4, UNSIGNED_BYTE, true, 28],
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
    shownBuffer = g.createBuffer();
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
  function fit(g: WebGLRenderingContext, pick: boolean): void {
    const ratio = (window.devicePixelRatio || 1) * (pick ? 1 : RESOLUTION);
    const w = Math.max(1, Math.round(container.clientWidth * ratio));
    const h = Math.max(1, Math.round(container.clientHeight * ratio));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    g.viewport(0, 0, w, h);
  }

  function render(
    w: TimeWindow,
    undated: boolean,
    pick: boolean,
    shown: ReadonlySet<string> = new Set(),
  ): void {
    const g = setup();
    if (!segments || !edges || !nodes) return;
    fit(g, pick);
    const params = renderer.getRenderParams();
    g.disable(g.BLEND);
    g.clearColor(0, 0, 0, 0);
    g.clear(g.COLOR_BUFFER_BIT);
    const ranges = windowRanges(segments, w, undated);

    use(g, edges);
    g.uniformMatrix3fv(edges.uniform('u_matrix'), false, params.matrix);
    g.uniform2f(edges.uniform('u_viewport'), canvas.width / 2, canvas.height / 2);
    g.uniform1f(edges.uniform('u_end'), w.end);
    g.uniform1f(
      edges.uniform('u_length'),
      Number.isFinite(w.start) ? Math.max(1, w.end - w.start) : 0,
    );
    g.uniform1f(edges.uniform('u_halfWidth'), LINE_PX / 2);
    g.uniform3f(edges.uniform('u_background'), ...bg);
    g.uniform1f(edges.uniform('u_pick'), pick ? 1 : 0);
    for (const [from, to] of ranges)
      g.drawArrays(g.TRIANGLES, from * SEGMENT_VERTICES, (to - from) * SEGMENT_VERTICES);
    unuse(g, edges);
    if (pick) return;

    use(g, nodes);
    g.uniformMatrix3fv(nodes.uniform('u_matrix'), false, params.matrix);
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
