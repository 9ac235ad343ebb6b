// Straight edges as plain triangles, one draw call without instancing. Sigma's own edge programs
// are instanced (six vertices repeated per edge), and software WebGL (SwiftShader, what headless
// Chromium and GPU-less machines use) sets up each instance on its own: 50,000 edges cost
// seconds a frame there whatever is visible, against milliseconds for the same triangles listed
// flat. Big networks draw with this one; it looks like sigma's "rectangle" edge (same width rule,
// same anti-aliased border) without the arrowheads, which big networks leave out anyway.
// And only the edges sigma rewrote since the last frame are sent to the GPU (sigma sends the
// whole buffer every frame): a playback step rewrites a few thousand of 50,000.
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import { EdgeProgram, type ProgramInfo } from 'sigma/rendering';
import { floatColor } from 'sigma/utils';
import { LINE_CORNERS as CORNERS } from '../core/network/line-corners.ts';

// Each vertex: its end's position, the edge's normal scaled by its width and signed by the side
// of the edge the vertex is on; the colour and the picking id.
const VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute vec2 a_normal;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_zoomRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_feather;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;

const float bias = 255.0 / 254.0;

void main() {
  float normalLength = length(a_normal);
  vec2 unitNormal = normalLength > 0.0 ? a_normal / normalLength : vec2(0.0);
  float pixelsThickness = max(normalLength, u_minEdgeThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;
  gl_Position = vec4((u_matrix * vec3(a_position + unitNormal * webGLThickness, 1)).xy, 0, 1);
  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const FRAGMENT = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

const UNIFORMS = [
  'u_matrix',
  'u_sizeRatio',
  'u_zoomRatio',
  'u_pixelRatio',
  'u_correctionRatio',
  'u_minEdgeThickness',
  'u_feather',
] as const;
type Uniform = (typeof UNIFORMS)[number];

/** Above this share of rewritten edges, one upload of the whole buffer is cheaper. */
const WHOLE_UPLOAD = 0.25;

export class FlatEdgeProgram extends EdgeProgram<Uniform> {
  /** Edge slots rewritten since the last frame, unless the whole buffer is to be sent. */
  private dirty: number[] = [];
  private allDirty = true;
  /** The buffer length each GL program (drawing, picking) last received in full. */
  private sent = new WeakMap<ProgramInfo, number>();

  getDefinition() {
    const { FLOAT, UNSIGNED_BYTE, TRIANGLES } = WebGLRenderingContext;
    return {
      VERTICES: CORNERS.length,
      VERTEX_SHADER_SOURCE: VERTEX,
      FRAGMENT_SHADER_SOURCE: FRAGMENT,
      METHOD: TRIANGLES,
      UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: FLOAT },
        { name: 'a_normal', size: 2, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
    };
  }

  override reallocate(capacity: number): void {
    super.reallocate(capacity);
    this.allDirty = true; // sigma rewrites every edge after this
  }

  override process(
    edgeIndex: number,
    offset: number,
    source: NodeDisplayData,
    target: NodeDisplayData,
    data: EdgeDisplayData,
  ): void {
    super.process(edgeIndex, offset, source, target, data);
    if (this.allDirty) return;
    this.dirty.push(offset);
    if (this.dirty.length > this.capacity * WHOLE_UPLOAD) this.allDirty = true;
  }

  override render(params: RenderParams): void {
    // sigma draws nothing then: keep what was rewritten for the frame that uploads it.
    if (this.hasNothingToRender()) return;
    if (this.dirty.length) this.dirty.sort((a, b) => a - b);
    super.render(params);
    this.dirty = [];
    this.allDirty = false;
  }

  /** Binds the attributes and sends what changed: the whole buffer, or runs of rewritten edges. */
  protected override bindProgram(program: ProgramInfo): void {
    const { gl } = program;
    gl.bindBuffer(gl.ARRAY_BUFFER, program.buffer);
    let at = 0;
    for (const attr of this.ATTRIBUTES) at += this.bindAttribute(attr, program, at);
    if (this.allDirty || this.sent.get(program) !== this.array.length) {
      gl.bufferData(gl.ARRAY_BUFFER, this.array, gl.DYNAMIC_DRAW);
      this.sent.set(program, this.array.length);
    } else {
      const d = this.dirty;
      for (let i = 0; i < d.length;) {
        let j = i + 1;
        while (j < d.length && d[j] <= d[j - 1] + 1) j++;
        const from = d[i] * this.STRIDE;
        const to = (d[j - 1] + 1) * this.STRIDE;
        gl.bufferSubData(gl.ARRAY_BUFFER, from * 4, this.array, from, to - from);
        i = j;
      }
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }

  processVisibleItem(
    edgeIndex: number,
    startIndex: number,
    source: NodeDisplayData,
    target: NodeDisplayData,
    data: EdgeDisplayData,
  ): void {
    const thickness = data.size || 1;
    const dx = target.x - source.x;
    const dy = target.y - source.y;
    const len = Math.hypot(dx, dy);
    const nx = len ? (-dy / len) * thickness : 0;
    const ny = len ? (dx / len) * thickness : 0;
    const color = floatColor(data.color);
    const a = this.array;
    let i = startIndex;
    for (const [end, side] of CORNERS) {
      const p = end ? target : source;
      a[i++] = p.x;
      a[i++] = p.y;
      a[i++] = nx * side;
      a[i++] = ny * side;
      a[i++] = color;
      a[i++] = edgeIndex;
    }
  }

  setUniforms(params: RenderParams, { gl, uniformLocations: u }: ProgramInfo<Uniform>): void {
    gl.uniformMatrix3fv(u.u_matrix, false, params.matrix);
    gl.uniform1f(u.u_sizeRatio, params.sizeRatio);
    gl.uniform1f(u.u_zoomRatio, params.zoomRatio);
    gl.uniform1f(u.u_pixelRatio, params.pixelRatio);
    gl.uniform1f(u.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(u.u_minEdgeThickness, params.minEdgeThickness);
    gl.uniform1f(u.u_feather, params.antiAliasingFeather);
  }
}
