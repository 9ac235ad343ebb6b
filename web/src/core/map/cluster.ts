// Places on screen → the markers the map draws: places closer than a marker's reach merge into
// one cluster (counts and quad classes summed, drawn at their weighted centre), so a dense region
// stays readable at any zoom. Pure; a grid keeps it linear in the number of places.
import type { Quad } from '../../../../domain/index.ts';

export interface ScreenPlace {
  id: string;
  name: string;
  x: number;
  y: number;
  events: number;
  byQuad: Partial<Record<Quad, number>>;
}

export interface Cluster {
  x: number;
  y: number;
  /** The places in it, most events first. */
  places: ScreenPlace[];
  events: number;
  byQuad: Partial<Record<Quad, number>>;
  radius: number;
}

/** A marker's radius in CSS pixels: area grows with the events, within bounds. */
export function markerRadius(events: number): number {
  return Math.min(28, 5 + 2.2 * Math.sqrt(Math.max(0, events - 1)));
}

/**
 * Greedy clustering: the busiest place first seeds a cluster; every place within `reach` pixels
 * of a seed joins the nearest one. Deterministic for the same input.
 */
export function clusterPlaces(points: ScreenPlace[], reach = 22): Cluster[] {
  const order = [...points].sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1));
  const cell = (v: number) => Math.floor(v / reach);
  const grid = new Map<number, number[]>();
  // One number per grid cell (screens are far narrower than 2^20 cells).
  const at = (x: number, y: number) => x * 1_048_576 + y;
  const seeds: { x: number; y: number; members: ScreenPlace[] }[] = [];
  for (const p of order) {
    const cx = cell(p.x);
    const cy = cell(p.y);
    let best = -1;
    let bestD = reach * reach;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const i of grid.get(at(cx + dx, cy + dy)) ?? []) {
          const d = (seeds[i].x - p.x) ** 2 + (seeds[i].y - p.y) ** 2;
          if (d <= bestD) [best, bestD] = [i, d];
        }
    if (best >= 0) {
      seeds[best].members.push(p);
      continue;
    }
    const list = grid.get(at(cx, cy));
    if (list) list.push(seeds.length);
    else grid.set(at(cx, cy), [seeds.length]);
    seeds.push({ x: p.x, y: p.y, members: [p] });
  }
  return seeds.map(({ members }) => {
    let events = 0;
    let x = 0;
    let y = 0;
    const byQuad: Partial<Record<Quad, number>> = {};
    for (const m of members) {
      events += m.events;
      x += m.x * m.events;
      y += m.y * m.events;
      for (const [q, n] of Object.entries(m.byQuad) as [Quad, number][])
        byQuad[q] = (byQuad[q] ?? 0) + n;
    }
    const w = events || 1;
    return {
      x: events ? x / w : members[0].x,
      y: events ? y / w : members[0].y,
      places: members,
      events,
      byQuad,
      radius: markerRadius(events),
    };
  });
}

/** The cluster under a point (the nearest whose disc holds it), or null. */
export function clusterAt(clusters: Cluster[], x: number, y: number): Cluster | null {
  let best: Cluster | null = null;
  let bestD = Infinity;
  for (const c of clusters) {
    const d = (c.x - x) ** 2 + (c.y - y) ** 2;
    if (d <= (c.radius + 3) ** 2 && d < bestD) [best, bestD] = [c, d];
  }
  return best;
}
