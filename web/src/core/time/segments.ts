// Time playback's drawing, prepared once: every (edge, day with events) becomes a segment, laid
// out in day order, so any run of days is one contiguous range of the buffer (dayRange).
// While playing, a frame only draws the range of the days that entered the window
// (accumulate.ts): the segments of a day or two, not every edge. Actors are points, one each
// (drawn once however many of their days the window holds: large discs drawn seven times over
// cost more than all the edges); a frame says which are shown, as stepWindow keeps them.
// Edges whose events are all undated come first, in a section of their own, drawn in every
// window when the analyst shows undated events (as windowActivity does). Pure: the playback
// layer (controllers/playback-layer.ts) draws what this builds (core/time/raster.ts).
import { dayRange, indexDays, type DayIndex } from './window-step.ts';
import type { TimedEdge, TimeWindow } from './window.ts';

/** The day of an undated segment or point (a day number no report has). */
export const UNDATED_DAY = -1e7;
/** Floats per edge vertex: its end (x, y), the segment's day (UNDATED_DAY: undated), then two
 * 4-byte fields read as bytes: colour and edge number. */
export const EDGE_FLOATS = 5;
/** Floats per actor point: x, y, size, then its colour as 4 bytes. */
export const NODE_FLOATS = 4;
/** A segment is a 1 px line: one vertex at each end. */
export const SEGMENT_VERTICES = 2;

/** One drawn end: position on sigma's framed graph, size, colour as [r, g, b, a] bytes. */
export interface Spot {
  x: number;
  y: number;
  size: number;
  color: readonly [number, number, number, number];
}

export interface Segments {
  /** Edge vertices, EDGE_FLOATS each, SEGMENT_VERTICES per segment: undated ones, then by day. */
  edges: Float32Array;
  /** Actor points, NODE_FLOATS each: the ends of the edges drawn. */
  nodes: Float32Array;
  /** Segments of the undated section, before the dated ones. */
  undatedEdges: number;
  /** The dated segments by day (positions after the undated section). */
  edgeDays: DayIndex;
  /** The edge each segment number (as encoded in its vertices, from 1) stands for. */
  edgeIds: string[];
  /** The actor of each point. */
  nodeIds: string[];
}

/** A colour as bytes: #rrggbb or #rrggbbaa (what build-graph makes); grey otherwise. */
export function colorBytes(color: string): [number, number, number, number] {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(color);
  if (!m) return [128, 128, 128, 255];
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, m[2] ? parseInt(m[2], 16) : 255];
}

/**
 * Lays out the segments and points of the edges whose two ends are drawn (`spot` returns
 * undefined for a hidden actor). `color` gives an edge's colour.
 */
export function buildSegments(
  all: readonly TimedEdge[],
  spot: (actor: string) => Spot | undefined,
  color: (edge: TimedEdge) => readonly [number, number, number, number],
): Segments {
  const edges = all.filter((e) => spot(e.source) && spot(e.target));
  const undated = edges.filter((e) => !e.days.length && e.undated > 0);
  const edgeDays = indexDays(edges);

  const out = new ArrayBuffer(
    (undated.length + edgeDays.edges.length) * SEGMENT_VERTICES * EDGE_FLOATS * 4,
  );
  const f = new Float32Array(out);
  const b = new Uint8Array(out);
  const edgeIds: string[] = [];
  const colors = new Map(edges.map((e) => [e, color(e)]));
  let v = 0;
  const segment = (e: TimedEdge, day: number) => {
    const s = spot(e.source)!;
    const t = spot(e.target)!;
    const c = colors.get(e)!;
    edgeIds.push(e.id);
    const n = edgeIds.length; // 0 is "no edge" when the picture is read back
    for (const p of [s, t]) {
      const at = v * EDGE_FLOATS;
      f[at] = p.x;
      f[at + 1] = p.y;
      f[at + 2] = day;
      b.set(c, (at + 3) * 4);
      b.set([n & 255, (n >> 8) & 255, (n >> 16) & 255, 255], (at + 4) * 4);
      v++;
    }
  };
  for (const e of undated) segment(e, UNDATED_DAY);
  for (let k = edgeDays.first; k <= edgeDays.last; k++) {
    const d = k - edgeDays.first;
    for (let j = edgeDays.offsets[d]; j < edgeDays.offsets[d + 1]; j++)
      segment(edges[edgeDays.edges[j]], k);
  }

  const nodeIds = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
  const nodesOut = new ArrayBuffer(nodeIds.length * NODE_FLOATS * 4);
  const nf = new Float32Array(nodesOut);
  const nb = new Uint8Array(nodesOut);
  nodeIds.forEach((actor, i) => {
    const p = spot(actor)!;
    const at = i * NODE_FLOATS;
    nf[at] = p.x;
    nf[at + 1] = p.y;
    nf[at + 2] = p.size;
    nb.set(p.color, (at + 3) * 4);
  });
  return {
    edges: f,
    nodes: nf,
    undatedEdges: undated.length,
    edgeDays,
    edgeIds,
    nodeIds,
  };
}

/** The dated segments of the days from `w.start` to `w.end`: [from, to) in segment numbers. */
export function datedRange(s: Segments, w: TimeWindow): [number, number] {
  const { from, to } = dayRange(s.edgeDays, w);
  return [s.undatedEdges + from, s.undatedEdges + to];
}

/** The segments a window draws: [from, to) in segment numbers, the undated section first
 * when shown. */
export function windowRanges(s: Segments, w: TimeWindow, undated: boolean): [number, number][] {
  const out: [number, number][] = [datedRange(s, w)];
  if (undated) out.unshift([0, s.undatedEdges]);
  return out.filter(([a, b]) => b > a);
}
