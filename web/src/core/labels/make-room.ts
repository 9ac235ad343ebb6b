// Room for the guaranteed labels: after the layout, nodes are nudged apart (in viewport pixels,
// at the camera that frames the network) until no footprint — a disc plus, for a labelled node,
// its label to the right — overlaps another. Pure; the graph controller maps pixels back to
// graph coordinates and repeats while the framing changes.
import { boxesOverlap, type Box } from './placement.ts';

export interface Spot {
  id: string;
  x: number;
  y: number;
  /** Rendered radius. */
  r: number;
  /** Label width in pixels, 0 when the label is not guaranteed. */
  w: number;
  /** Placed before (saved): it stays, and a new neighbour moves out of its way alone. */
  fixed?: boolean;
}

export function footprint(s: Spot, fontSize: number, gap: number): Box {
  const half = Math.max(s.r, (fontSize + 2) / 2) + gap / 2;
  const right = s.w ? s.r + gap + s.w : s.r;
  return { x: s.x - s.r - gap / 2, y: s.y - half, w: s.r + right + gap, h: 2 * half };
}

/** New positions with no overlapping footprints (or as few as `iterations` rounds reach). */
export function makeRoom(
  spots: Spot[],
  /** `width`: keep labels inside the canvas, moving a node left when its label would cross it. */
  opts: { fontSize: number; gap?: number; iterations?: number; width?: number },
): Map<string, { x: number; y: number }> {
  const gap = opts.gap ?? 4;
  const pos = spots.map((s) => ({ ...s }));
  for (let round = 0; round < (opts.iterations ?? 60); round++) {
    let moved = false;
    const boxes = pos.map((s) => footprint(s, opts.fontSize, gap));
    // Sweep along x: only pairs whose boxes share an x range can overlap.
    const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].x - boxes[b].x || a - b);
    for (let oi = 0; oi < order.length; oi++) {
      const i = order[oi];
      for (let oj = oi + 1; oj < order.length; oj++) {
        const j = order[oj];
        const a = boxes[i];
        const b = boxes[j];
        if (b.x >= a.x + a.w) break;
        if (!boxesOverlap(a, b)) continue;
        if (!pos[i].w && !pos[j].w) continue; // two bare discs: the layout's noverlap handles them
        if (pos[i].fixed && pos[j].fixed) continue;
        // Each moves its share: half, or all of it when the other one is fixed.
        const [si, sj] = pos[i].fixed ? [0, 2] : pos[j].fixed ? [2, 0] : [1, 1];
        const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        // Push along the cheaper axis, half each, in the direction they already differ.
        if (oy <= ox) {
          const d = (oy / 2 + 0.5) * (pos[i].y <= pos[j].y ? 1 : -1);
          pos[i].y -= d * si;
          pos[j].y += d * sj;
        } else {
          const d = (ox / 2 + 0.5) * (pos[i].x <= pos[j].x ? 1 : -1);
          pos[i].x -= d * si;
          pos[j].x += d * sj;
        }
        boxes[i] = footprint(pos[i], opts.fontSize, gap);
        boxes[j] = footprint(pos[j], opts.fontSize, gap);
        moved = true;
      }
    }
    if (opts.width !== undefined) {
      for (const [i, p] of pos.entries()) {
        const over = boxes[i].x + boxes[i].w - opts.width;
        if (over > 0 && p.w && !p.fixed) {
          p.x -= over;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return new Map(pos.map((s) => [s.id, { x: s.x, y: s.y }]));
}
