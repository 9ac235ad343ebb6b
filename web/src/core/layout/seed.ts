// Where the layout starts. An actor placed before (saved positions) starts where it was, so the
// same network looks the same tomorrow; a new actor starts at the centre of its placed
// neighbours, so it appears next to them; the rest start around their community's centre
// (communities on a circle), so ForceAtlas2 untangles groups instead of one knot.
import type { AbstractGraph as Graph } from 'graphology-types';

export type Point = { x: number; y: number };

/** A stable number in [0, 1) from a string (FNV-1a). */
export function hash01(s: string): number {
  let h = 2166136261;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619) >>> 0;
  return h / 4294967296;
}

const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/**
 * Start positions for every node. Returns which nodes were already placed (saved), so the
 * caller can keep them fixed while the new ones settle.
 */
export function seedPositions(
  graph: Graph,
  community: Map<string, number>,
  saved: Map<string, Point>,
): { positions: Map<string, Point>; placed: Set<string> } {
  const positions = new Map<string, Point>();
  const placed = new Set<string>();
  graph.forEachNode((n) => {
    const p = graph.degree(n) > 0 ? saved.get(n) : undefined;
    if (p) {
      positions.set(n, { ...p });
      placed.add(n);
    }
  });
  // New actors next to placed neighbours (repeated so chains of new actors follow).
  for (let pass = 0; pass < 3; pass++) {
    graph.forEachNode((n) => {
      if (positions.has(n)) return;
      const near = graph.neighbors(n).flatMap((m) => positions.get(m) ?? []);
      if (!near.length) return;
      const cx = near.reduce((s, p) => s + p.x, 0) / near.length;
      const cy = near.reduce((s, p) => s + p.y, 0) / near.length;
      const a = 2 * Math.PI * hash01(n);
      positions.set(n, { x: cx + Math.cos(a) * 8, y: cy + Math.sin(a) * 8 });
    });
  }
  // Nothing placed nearby: communities on a circle, members on a sunflower spiral around the
  // centre of theirs, the most connected innermost.
  const rest = graph.filterNodes((n) => !positions.has(n));
  const groups = new Map<number, string[]>();
  for (const n of rest) {
    const c = community.get(n) ?? -1;
    const list = groups.get(c);
    if (list) list.push(n);
    else groups.set(c, [n]);
  }
  const keys = [...groups.keys()].sort((a, b) => a - b);
  const ring = 40 * Math.sqrt(rest.length);
  keys.forEach((c, i) => {
    const members = groups
      .get(c)!
      .sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1));
    const angle = (2 * Math.PI * i) / Math.max(1, keys.length);
    const centre =
      keys.length === 1 ? { x: 0, y: 0 } : { x: Math.cos(angle) * ring, y: Math.sin(angle) * ring };
    members.forEach((n, k) => {
      const r = 12 * Math.sqrt(k + 0.5);
      positions.set(n, {
        x: centre.x + Math.cos(k * GOLDEN) * r,
        y: centre.y + Math.sin(k * GOLDEN) * r,
      });
    });
  });
  return { positions, placed };
}
