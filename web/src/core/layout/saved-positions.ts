// Positions an analyst has seen, kept between visits (localStorage, by actor id): parsing is
// defensive (a hand-edited or old entry yields nothing), and the store is capped so it cannot
// grow without bound.
import type { Point } from './seed.ts';

export const STORAGE_KEY = 'parley.positions.v1';
export const MAX_SAVED = 20_000;

export function parsePositions(text: string | null): Map<string, Point> {
  const out = new Map<string, Point>();
  if (!text) return out;
  try {
    const raw: unknown = JSON.parse(text);
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
    for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
      if (
        Array.isArray(v) &&
        v.length === 2 &&
        v.every((x) => typeof x === 'number' && Number.isFinite(x))
      )
        out.set(id, { x: v[0] as number, y: v[1] as number });
    }
  } catch {
    // Not JSON: start afresh.
  }
  return out;
}

/** The saved positions updated with `current` (the most recent kept first when over the cap). */
export function mergePositions(saved: Map<string, Point>, current: Map<string, Point>): string {
  const merged = new Map(current);
  for (const [id, p] of saved) if (!merged.has(id) && merged.size < MAX_SAVED) merged.set(id, p);
  const obj: Record<string, [number, number]> = {};
  // Rounded: the picture does not change and the text stays short.
  for (const [id, p] of merged)
    obj[id] = [Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100];
  return JSON.stringify(obj);
}
