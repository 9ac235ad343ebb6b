// Which node labels to draw, and where, in one frame: candidates in priority order (the focus,
// its neighbours, then the most important actors) each take the first free spot beside their
// node — right, left, below, above — inside the canvas and clear of every label already placed
// and of the other nodes' discs. A label that finds no spot is skipped, except the guaranteed
// ones (the most important actors), which are always drawn: the layout leaves room for them.

export interface LabelCandidate {
  id: string;
  label: string;
  /** Node centre and rendered radius, in viewport pixels. */
  x: number;
  y: number;
  size: number;
  guaranteed: boolean;
  /** Font size of this label (the most important are drawn larger); default: opts.fontSize. */
  fontSize?: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Side = 'right' | 'left' | 'below' | 'above';

export interface PlacedLabel extends Box {
  id: string;
  label: string;
  side: Side;
}

export interface PlacementOptions {
  width: number;
  height: number;
  fontSize: number;
  /** Gap between a disc and its label, and kept around each label box. */
  gap?: number;
}

const SIDES: Side[] = ['right', 'left', 'below', 'above'];

export function labelBox(
  c: LabelCandidate,
  w: number,
  side: Side,
  fontSize: number,
  gap: number,
): Box {
  const h = fontSize + 2;
  switch (side) {
    case 'right':
      return { x: c.x + c.size + gap, y: c.y - h / 2, w, h };
    case 'left':
      return { x: c.x - c.size - gap - w, y: c.y - h / 2, w, h };
    case 'below':
      return { x: c.x - w / 2, y: c.y + c.size + gap, w, h };
    case 'above':
      return { x: c.x - w / 2, y: c.y - c.size - gap - h, w, h };
  }
}

export function boxesOverlap(a: Box, b: Box, margin = 0): boolean {
  return (
    a.x < b.x + b.w + margin &&
    b.x < a.x + a.w + margin &&
    a.y < b.y + b.h + margin &&
    b.y < a.y + a.h + margin
  );
}

function discHits(b: Box, x: number, y: number, r: number): boolean {
  const cx = Math.max(b.x, Math.min(x, b.x + b.w));
  const cy = Math.max(b.y, Math.min(y, b.y + b.h));
  return (cx - x) ** 2 + (cy - y) ** 2 < r * r;
}

/** A uniform grid over the viewport, so each test only looks at nearby boxes. */
class BoxGrid<T extends Box> {
  private cells = new Map<number, T[]>();
  constructor(private cell: number) {}
  private keys(b: Box): number[] {
    const out: number[] = [];
    const x0 = Math.floor(b.x / this.cell);
    const x1 = Math.floor((b.x + b.w) / this.cell);
    const y0 = Math.floor(b.y / this.cell);
    const y1 = Math.floor((b.y + b.h) / this.cell);
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) out.push(i * 100_003 + j);
    return out;
  }
  add(b: T): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
  some(b: Box, test: (other: T) => boolean): boolean {
    for (const k of this.keys(b)) for (const o of this.cells.get(k) ?? []) if (test(o)) return true;
    return false;
  }
}

/** Places labels in the order given (highest priority first). */
export function placeLabels(
  candidates: LabelCandidate[],
  measure: (c: LabelCandidate) => number,
  opts: PlacementOptions,
): PlacedLabel[] {
  const gap = opts.gap ?? 3;
  const placed = new BoxGrid<PlacedLabel>(64);
  const discs = new BoxGrid<Box & { id: string; cx: number; cy: number; r: number }>(64);
  for (const c of candidates)
    discs.add({
      id: c.id,
      cx: c.x,
      cy: c.y,
      r: c.size,
      x: c.x - c.size,
      y: c.y - c.size,
      w: 2 * c.size,
      h: 2 * c.size,
    });
  const out: PlacedLabel[] = [];
  for (const c of candidates) {
    if (!c.label) continue;
    const w = measure(c);
    let chosen: PlacedLabel | null = null;
    for (const side of SIDES) {
      const b = labelBox(c, w, side, c.fontSize ?? opts.fontSize, gap);
      const inside = b.x >= 0 && b.y >= 0 && b.x + b.w <= opts.width && b.y + b.h <= opts.height;
      if (!inside) continue;
      if (placed.some(b, (o) => boxesOverlap(b, o, gap))) continue;
      if (discs.some(b, (d) => d.id !== c.id && discHits(b, d.cx, d.cy, d.r))) continue;
      chosen = { ...b, id: c.id, label: c.label, side };
      break;
    }
    if (!chosen && c.guaranteed) {
      // No free spot: over another node if need be, still clear of the other labels; as a last
      // resort on the side that stays inside the canvas.
      const fs = c.fontSize ?? opts.fontSize;
      const free = SIDES.map((side) => ({ side, b: labelBox(c, w, side, fs, gap) })).find(
        ({ b }) =>
          b.x >= 0 &&
          b.y >= 0 &&
          b.x + b.w <= opts.width &&
          b.y + b.h <= opts.height &&
          !placed.some(b, (o) => boxesOverlap(b, o, 0)),
      );
      const side: Side = free?.side ?? (c.x + c.size + gap + w <= opts.width ? 'right' : 'left');
      chosen = { ...(free?.b ?? labelBox(c, w, side, fs, gap)), id: c.id, label: c.label, side };
    }
    if (chosen) {
      placed.add(chosen);
      out.push(chosen);
    }
  }
  return out;
}
