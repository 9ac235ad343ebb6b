// Random timed edges for the time specs: reproducible from a seed.
import type { TimedEdge } from './window.ts';

/** Random edges between 30 actors, events over 60 days, some undated. */
export function randomEdges(seed: number): TimedEdge[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 300 }, (_, i) => {
    const days = Array.from({ length: Math.floor(rnd() * 4) }, () => 100 + Math.floor(rnd() * 60));
    return {
      id: `e${i}`,
      source: `a${Math.floor(rnd() * 30)}`,
      target: `b${Math.floor(rnd() * 30)}`,
      days: days.sort((a, b) => a - b),
      undated: rnd() < 0.2 ? 1 : 0,
    };
  });
}
