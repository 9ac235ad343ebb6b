// The network as the JSON text the API sends, kept up to date with the index instead of
// recomputed: after a patch (graph-index.ts) only the actors it touched are re-ranked and only
// the relationships of the events it changed re-aggregated and re-serialised; the answer is a
// slice of the ranking and a join of cached JSON pieces. Filters on events (types, dates)
// change every actor's activity, so they are computed afresh (network.ts), memoised per graph
// version.
import type { NetworkEdge, NetworkFold, NetworkNode } from '../api/types.ts';
import type { ServerContext } from '../context.ts';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { memo } from '../graph-cache.ts';
import { currentIndex, type GraphIndex, type IndexedEvent, type Patched } from './graph-index.ts';
import {
  activity,
  byActivity,
  computeNetwork,
  eventPairs,
  eventPasses,
  NO_COUNTRY,
  pairEdge,
  rankCandidates,
  type NetworkFilter,
} from './network.ts';
import { foldRest, strongest, type PairCount } from './network-fold.ts';

const gzipAsync = promisify(gzip);

/** Something the answer holds with its JSON text, made once. */
interface Ranked {
  node: NetworkNode;
  json: string;
}
interface Relationship {
  edge: NetworkEdge;
  json: string;
}

/** The current events of one actor pair, and its relationship once someone asked for it. */
interface Pair {
  s: string;
  t: string;
  events: Set<IndexedEvent>;
  made?: Relationship;
}

/** Every current actor's unfiltered activity, ranked; every actor pair and its events. */
interface Answer {
  ranked: Ranked[];
  byActor: Map<string, Ranked>;
  /** By edge id (`s->t`). */
  pairs: Map<string, Pair>;
  /** Each actor's pairs (either end). */
  pairsOf: Map<string, Set<Pair>>;
}

const answers = new WeakMap<GraphIndex, Answer>();

const rankOrder = (a: Ranked, b: Ranked) => byActivity(a.node, b.node);

/** Where `r` is (or goes) in the ranking: a binary search, the order being total. */
function position(ranked: Ranked[], r: Ranked): number {
  let lo = 0;
  let hi = ranked.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rankOrder(ranked[mid], r) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function ranking(index: GraphIndex, id: string): Ranked | undefined {
  const node = activity(index, id, {});
  return node && { node, json: JSON.stringify(node) };
}

/** Puts an event in (or takes it out of) its pairs; a pair without events goes. */
function pairEvent(a: Answer, e: IndexedEvent, put: boolean): void {
  for (const [s, t] of eventPairs(e)) {
    const key = `${s}->${t}`;
    let pair = a.pairs.get(key);
    if (!pair) {
      if (!put) continue;
      a.pairs.set(key, (pair = { s, t, events: new Set() }));
      for (const end of [s, t]) {
        let of = a.pairsOf.get(end);
        if (!of) a.pairsOf.set(end, (of = new Set()));
        of.add(pair);
      }
    }
    if (put) pair.events.add(e);
    else pair.events.delete(e);
    pair.made = undefined;
    if (pair.events.size) continue;
    a.pairs.delete(key);
    for (const end of [s, t]) {
      const of = a.pairsOf.get(end);
      of?.delete(pair);
      if (of && !of.size) a.pairsOf.delete(end);
    }
  }
}

/** A pair's relationship, aggregated and serialised when first asked for after a change. */
function made(pair: Pair): Relationship {
  if (!pair.made) {
    const edge = pairEdge(pair.s, pair.t, [...pair.events]);
    pair.made = { edge, json: JSON.stringify(edge) };
  }
  return pair.made;
}

function build(index: GraphIndex): Answer {
  const a: Answer = { ranked: [], byActor: new Map(), pairs: new Map(), pairsOf: new Map() };
  for (const id of index.actors.keys()) {
    const r = ranking(index, id);
    if (r) a.byActor.set(id, r);
  }
  a.ranked = [...a.byActor.values()].sort(rankOrder);
  for (const e of index.events.values()) pairEvent(a, e, true);
  // From now on each patch records what it touched, for catchUp.
  index.patched = { actors: new Set(), events: [] };
  return a;
}

/** Brings the answer up to the index: touched actors re-ranked, changed events re-paired. */
function catchUp(index: GraphIndex, a: Answer, patched: Patched): void {
  const { actors, events } = patched;
  index.patched = { actors: new Set(), events: [] };
  // Many moves at once: one sort beats many splices.
  const resort = actors.size > 2000;
  for (const id of actors) {
    const old = a.byActor.get(id);
    if (old && !resort) a.ranked.splice(position(a.ranked, old), 1);
    const r = ranking(index, id);
    if (r) a.byActor.set(id, r);
    else a.byActor.delete(id);
    if (r && !resort) a.ranked.splice(position(a.ranked, r), 0, r);
  }
  if (resort) a.ranked = [...a.byActor.values()].sort(rankOrder);
  for (const change of events) pairEvent(a, change.event, change.in);
}

function answerOf(index: GraphIndex): Answer {
  let a = answers.get(index);
  if (!a) answers.set(index, (a = build(index)));
  else if (index.patched && (index.patched.actors.size || index.patched.events.length)) {
    catchUp(index, a, index.patched);
  }
  return a;
}

/** More edges than the viewer draws: the strongest are kept (`edgesDropped` says how many not). */
export const MAX_EDGES = 30_000;

const tail = (truncated: boolean, dropped: number, fold: NetworkFold | undefined) =>
  `"truncated":${truncated}${dropped ? `,"edgesDropped":${dropped}` : ''}${
    fold ? `,"folded":${JSON.stringify(fold)}` : ''
  }}`;

/** The top-N network without event filters, as JSON text, from the kept answer. */
export function answerJson(index: GraphIndex, f: NetworkFilter): string {
  const a = answerOf(index);
  const passes = (n: NetworkNode) =>
    (!f.kinds || f.kinds.includes(n.kind)) &&
    (!f.countries || f.countries.includes(n.country ?? NO_COUNTRY));
  const top: Ranked[] = [];
  const rest: NetworkNode[] = [];
  let candidates = 0;
  for (const r of a.ranked) {
    if (!passes(r.node)) continue;
    if (++candidates <= f.limit) top.push(r);
    else if (f.fold) rest.push(r.node);
    else if (!f.kinds && !f.countries) {
      candidates = a.ranked.length;
      break;
    }
  }
  const ids = new Set(top.map((r) => r.node.id));
  const edges: Relationship[] = [];
  for (const id of ids) {
    for (const pair of a.pairsOf.get(id) ?? []) {
      // Each relationship once, from its source.
      if (pair.s === id && ids.has(pair.t)) edges.push(made(pair));
    }
  }
  const kept = strongest(
    edges,
    (r) => r.edge.count,
    MAX_EDGES,
    (r) => r.edge.id,
  );
  const fold = f.fold ? foldRest(ids, rest, pairCounts(a)) : undefined;
  const nodes = top.map((r) => r.json).join(',');
  return `{"nodes":[${nodes}],"edges":[${kept.map((r) => r.json).join(',')}],${tail(
    candidates > f.limit,
    edges.length - kept.length,
    fold,
  )}`;
}

function* pairCounts(a: Answer): Iterable<PairCount> {
  for (const p of a.pairs.values()) yield { s: p.s, t: p.t, count: p.events.size };
}

/** The network under event filters, computed afresh, as JSON text. */
function filteredJson(index: GraphIndex, f: NetworkFilter): string {
  const candidates = rankCandidates(index, f);
  const net = computeNetwork(index, f, candidates);
  const kept = strongest(
    net.edges,
    (e) => e.count,
    MAX_EDGES,
    (e) => e.id,
  );
  let fold: NetworkFold | undefined;
  if (f.fold) {
    const counts = new Map<string, PairCount>();
    for (const e of index.events.values()) {
      if (!eventPasses(e, f)) continue;
      for (const [s, t] of eventPairs(e)) {
        const key = `${s}->${t}`;
        const c = counts.get(key);
        if (c) c.count++;
        else counts.set(key, { s, t, count: 1 });
      }
    }
    const top = new Set(net.nodes.map((n) => n.id));
    fold = foldRest(top, candidates.slice(f.limit), counts.values());
  }
  const body = JSON.stringify({ nodes: net.nodes, edges: kept });
  return `${body.slice(0, -1)},${tail(net.truncated, net.edges.length - kept.length, fold)}`;
}

/**
 * The network as the JSON text the API sends, memoised per filter and graph version: a warm
 * request for the top 2,000 actors is then one count-store read and a write of the cached text.
 */
export async function networkJson(
  ctx: ServerContext,
  f: NetworkFilter,
  current?: { index: GraphIndex; version: string },
): Promise<string> {
  const { index, version } = current ?? (await currentIndex(ctx));
  return memo(ctx, `network-json:${JSON.stringify(f)}`, version, async () =>
    f.types || f.since || f.until ? filteredJson(index, f) : answerJson(index, f),
  );
}

/** The same text gzipped (memoised alike) at the fastest level: ~7× fewer bytes for a large
 * network in a fraction of the default level's time. */
export async function networkGzip(ctx: ServerContext, f: NetworkFilter): Promise<Buffer> {
  const current = await currentIndex(ctx);
  return memo(ctx, `network-gzip:${JSON.stringify(f)}`, current.version, async () =>
    gzipAsync(await networkJson(ctx, f, current), { level: 1 }),
  );
}
