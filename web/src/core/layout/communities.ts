// Communities of the actor network (Louvain, with a seeded random generator so the same network
// always splits the same way), numbered by size: 0 is the largest. Isolated actors get none.
import type { AbstractGraph as Graph } from 'graphology-types';
import louvainModule from 'graphology-communities-louvain';
import { cjsDefault } from '../../app/cjs.ts';
import { seededRandom } from './random.ts';

const louvain = cjsDefault<typeof louvainModule.default>(louvainModule);

export function communities(graph: Graph): Map<string, number> {
  const out = new Map<string, number>();
  if (graph.size === 0) return out;
  const raw = louvain(graph, {
    rng: seededRandom(42),
    getEdgeWeight: (_e: string, a: { edge?: { count?: number } }) => a.edge?.count ?? 1,
  });
  const members = new Map<number, string[]>();
  graph.forEachNode((n) => {
    if (graph.degree(n) === 0) return;
    const c = raw[n];
    const list = members.get(c);
    if (list) list.push(n);
    else members.set(c, [n]);
  });
  // Largest first; ties by their first member's id, so numbering does not depend on Louvain's.
  const ranked = [...members.values()]
    .map((m) => m.sort())
    .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  ranked.forEach((m, i) => m.forEach((n) => out.set(n, i)));
  return out;
}
