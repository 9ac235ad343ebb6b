// Node labels drawn by us, not by sigma's label grid: after each frame the candidates — the
// focus first, then its neighbours, then actors by importance — are placed by placeLabels
// (no overlap, inside the canvas, off other discs) and drawn with a white halo on sigma's label
// canvas. The boxes drawn last are kept for the tests and the PNG export. Before them, each
// long enough conflict or cooperation edge gets a − or + mark at its middle, so the two read
// apart without colour (in greyscale, for colour-blind readers).
import type Sigma from 'sigma';
import type { ActorGraph, EdgeAttrs, NodeAttrs } from '../core/network/build-graph.ts';
import { placeLabels, type LabelCandidate, type PlacedLabel } from '../core/labels/placement.ts';
import { edgeMidpoint } from '../core/network/curves.ts';

export const LABEL_FONT = 'Inter, "Segoe UI", system-ui, sans-serif';
/** Size of the guaranteed labels, and of the others. */
export const MAJOR_SIZE = 13;
export const MINOR_SIZE = 11;
/** Past this many actors only the best-ranked are considered each frame. */
const MAX_CANDIDATES = 1500;
/** Edge marks: only on edges this long on screen, and not past this many edges. */
const MARK_MIN_LENGTH = 80;
const MARK_MAX_EDGES = 3000;
/** Mean scores closer to neutral than this get no mark. */
const MARK_MIN_SCORE = 1;

/** The first few actors are set in bold: the hierarchy an analyst reads first. */
const BOLD_RANKS = 12;
const font = (c: LabelCandidate & { bold?: boolean }) =>
  `${c.bold ? 600 : 500} ${c.fontSize ?? MINOR_SIZE}px ${LABEL_FONT}`;

export interface LabelLayer {
  /** The label boxes of the last frame, in pixels relative to the graph container. */
  boxes(): PlacedLabel[];
}

export function startLabelLayer(
  renderer: Sigma<NodeAttrs, EdgeAttrs>,
  graph: () => ActorGraph,
): LabelLayer {
  let last: PlacedLabel[] = [];
  const widths = new Map<string, number>();
  const ctx = renderer.getCanvases().labels.getContext('2d');

  renderer.on('afterRender', () => {
    if (!ctx) return;
    const g = graph();
    const { width, height } = renderer.getDimensions();
    const moving = renderer.getCamera().isAnimated();
    if (g.order === 0 || (moving && renderer.getSetting('hideLabelsOnMove'))) {
      last = [];
      return;
    }
    if (g.size <= MARK_MAX_EDGES) drawEdgeMarks(g, width, height);
    const cands: (LabelCandidate & { order: number; bold: boolean })[] = [];
    g.forEachNode((id, attrs) => {
      if (attrs.rank >= MAX_CANDIDATES && g.order > MAX_CANDIDATES) return;
      const d = renderer.getNodeDisplayData(id);
      if (!d || d.hidden || !d.label) return;
      const p = renderer.framedGraphToViewport(d);
      const size = renderer.scaleSize(d.size);
      if (p.x < -50 || p.y < -20 || p.x > width + 50 || p.y > height + 20) return;
      const focus = d.highlighted ? 0 : d.forceLabel && !attrs.forceLabel ? 1 : 2;
      cands.push({
        id,
        label: d.label,
        x: p.x,
        y: p.y,
        size,
        guaranteed: attrs.forceLabel || d.highlighted,
        fontSize: attrs.forceLabel || d.highlighted ? MAJOR_SIZE : MINOR_SIZE,
        bold: attrs.rank < BOLD_RANKS || !!d.highlighted,
        order: focus * 1e9 + (attrs.forceLabel ? 0 : 1e8) + attrs.rank,
      });
    });
    cands.sort((a, b) => a.order - b.order);
    const measure = (c: LabelCandidate & { bold?: boolean }): number => {
      const key = `${font(c)}|${c.label}`;
      let w = widths.get(key);
      if (w === undefined) {
        ctx.font = font(c);
        w = ctx.measureText(c.label).width;
        widths.set(key, w);
      }
      return w;
    };
    last = placeLabels(cands, measure, { width, height, fontSize: MAJOR_SIZE });
    const byId = new Map(cands.map((c) => [c.id, c]));
    ctx.save();
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    for (const l of last) {
      const c = byId.get(l.id)!;
      ctx.font = font(c);
      const y = l.y + l.h / 2;
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.strokeText(l.label, l.x, y);
      ctx.fillStyle = c.guaranteed ? '#1f2328' : '#5a6169';
      ctx.fillText(l.label, l.x, y);
    }
    ctx.restore();
  });

  function drawEdgeMarks(g: ActorGraph, width: number, height: number): void {
    if (!ctx) return;
    ctx.save();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = `700 10px ${LABEL_FONT}`;
    g.forEachEdge((e, attrs, s, t) => {
      const score = attrs.edge?.meanScore ?? 0;
      if (Math.abs(score) < MARK_MIN_SCORE) return;
      const d = renderer.getEdgeDisplayData(e);
      // Hidden, or dimmed around a selection (the reducers repaint dimmed edges).
      if (!d || d.hidden || d.color !== attrs.color) return;
      const [ds, dt] = [renderer.getNodeDisplayData(s), renderer.getNodeDisplayData(t)];
      if (!ds || !dt || ds.hidden || dt.hidden) return;
      const a = renderer.framedGraphToViewport(ds);
      const b = renderer.framedGraphToViewport(dt);
      if (Math.hypot(b.x - a.x, b.y - a.y) < MARK_MIN_LENGTH) return;
      const m = edgeMidpoint(a, b, attrs.curvature ?? 0);
      if (m.x < 0 || m.y < 0 || m.x > width || m.y > height) return;
      ctx.beginPath();
      ctx.arc(m.x, m.y, 5, 0, 2 * Math.PI);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = d.color.slice(0, 7);
      ctx.stroke();
      ctx.fillStyle = '#30363d';
      ctx.fillText(score < 0 ? '−' : '+', m.x, m.y + 0.5);
    });
    ctx.restore();
  }

  return { boxes: () => last };
}
