// The network as the JSON text the API sends, kept up to date with the index instead of
// recomputed: after a patch (graph-index.ts) only the actors it touched are re-ranked and only
// the relationships of the events it changed re-aggregated and re-serialised; the answer is a
// slice of the ranking and a join of cached JSON pieces. Filters on events (types, dates)
// change every actor's activity, so they are computed afresh (network.ts), memoised per graph
// version.
import type { NetworkEdge, NetworkFold, NetworkNode, NetworkPatch } from '../api/types.ts';
import type { ServerContext } from '../context.ts';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { memo, memoAt } from '../graph-cache.ts';
import { currentIndex, type GraphIndex, type IndexedEvent, type Patched } from './graph-index.ts';
import { byActivity, diffNetwork, type NetworkPieces, type Piece } from '../api/network-patch.ts';
import {
  activity,
  computeNetwork,
  eventPairs,
  eventPasses,
  NO_COUNTRY,
  pairEdge,
  rankCandidates,
  type NetworkFilter,
} from './network.ts';
import {
  foldAnswer,
  foldGroups,
  foldId,
  foldRest,
  noCandidates,
  opener,
  withCapped,
  MAX_DRAWN_ACTORS,
  strongest,
  type PairCount,
} from './network-fold.ts';

const gzipAsync = promisify(gzip);

/** Something the answer holds with its JSON text, made once. */
type Ranked = Piece<NetworkNode>;
type Relationship = Piece<NetworkEdge>;

/** The current events of one actor pair, and its relationship once someone asked for it. */
interface Pair {
  s: string;
  t: string;
  /** The ends' numbers (Answer.numbers): keptFold looks them up in an array, not a map. */
  sn: number;
  tn: number;
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
  /** A number for every actor that has had a pair, for the sums by fold (never reused). */
  numbers: Map<string, number>;
  /**
   * For the answer folded by country: each ranked actor's events with other ranked actors,
   * summed by the other's fold, and those sums added up per fold (`fold → fold → events`,
   * each pair counted from both ends). Kept per patch: summing every pair per request cost
   * seconds at 100,000 reports.
   */
  byFold: Map<string, { fold: string; counts: Map<string, number> }>;
  foldTotals: Map<string, Map<string, number>>;
  /**
   * The pairs within the unfiltered top N, by N (the last few asked for): kept per patch, as
   * finding them means going through every pair of the top actors (most pairs of a big graph).
   */
  tops: Map<number, { ids: Set<string>; among: Set<Pair> }>;
  /**
   * The fold of the unfiltered top N (and opened folds), by N and opened countries (the last
   * few asked for). A fold depends only on the actors outside the drawing and on the pairs with
   * an end among them: while the drawing holds the same actors and every actor touched since is
   * drawn (a curation of what the analyst sees, mostly), it is the same fold (summing it again
   * cost most of a curation's patch).
   */
  folds: Map<string, KeptFold>;
}

interface KeptFold {
  /** The actors drawn beside the fold when it was made. */
  ids: Set<string>;
  fold: NetworkFold;
  /** An actor not drawn has been touched since. */
  stale: boolean;
}

/** Top sizes whose pairs are kept (the viewer asks for one; the API may ask for others). */
const KEPT_TOPS = 4;

const answers = new WeakMap<GraphIndex, Answer>();

const rankOrder = (a: Ranked, b: Ranked) => byActivity(a.item, b.item);

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
  return node && { item: node, json: JSON.stringify(node) };
}

/** Puts an event in (or takes it out of) its pairs; a pair without events goes. Given
 * `refolding` (the actors whose sums by fold are summed again after), the ends' sums follow:
 * a pair with an end among them puts both there, any other adds or takes the one event. */
function pairEvent(a: Answer, e: IndexedEvent, put: boolean, refolding?: Set<string>): void {
  for (const [s, t] of eventPairs(e)) {
    const key = `${s}->${t}`;
    let pair = a.pairs.get(key);
    if (!pair) {
      if (!put) continue;
      a.pairs.set(
        key,
        (pair = { s, t, sn: numberOf(a, s), tn: numberOf(a, t), events: new Set() }),
      );
      for (const top of a.tops.values()) if (top.ids.has(s) && top.ids.has(t)) top.among.add(pair);
      for (const end of [s, t]) {
        let of = a.pairsOf.get(end);
        if (!of) a.pairsOf.set(end, (of = new Set()));
        of.add(pair);
      }
    }
    if (pair.events.has(e) === put) continue;
    if (put) pair.events.add(e);
    else pair.events.delete(e);
    pair.made = undefined;
    if (refolding?.has(s) || refolding?.has(t)) refolding.add(s).add(t);
    else if (refolding) {
      shiftFold(a, s, t, put ? 1 : -1);
      shiftFold(a, t, s, put ? 1 : -1);
    }
    if (pair.events.size) continue;
    a.pairs.delete(key);
    for (const top of a.tops.values()) top.among.delete(pair);
    for (const end of [s, t]) {
      const of = a.pairsOf.get(end);
      of?.delete(pair);
      if (of && !of.size) a.pairsOf.delete(end);
    }
  }
}

function numberOf(a: Answer, id: string): number {
  let n = a.numbers.get(id);
  if (n === undefined) a.numbers.set(id, (n = a.numbers.size));
  return n;
}

/** A pair's relationship, aggregated and serialised when first asked for after a change. */
function made(pair: Pair): Relationship {
  if (!pair.made) {
    const edge = pairEdge(pair.s, pair.t, [...pair.events]);
    pair.made = { item: edge, json: JSON.stringify(edge) };
  }
  return pair.made;
}

const add = (m: Map<string, number>, k: string, n: number) => {
  const v = (m.get(k) ?? 0) + n;
  if (v) m.set(k, v);
  else m.delete(k);
};

/** Sums an actor's events with other ranked actors by their fold again (see Answer). */
function refold(a: Answer, id: string): void {
  const old = a.byFold.get(id);
  if (old) {
    // A fold's totals go when they come to nothing (here or in shiftFold), its actors stay.
    const totals = a.foldTotals.get(old.fold);
    if (totals) {
      for (const [k, n] of old.counts) add(totals, k, -n);
      if (!totals.size) a.foldTotals.delete(old.fold);
    }
    a.byFold.delete(id);
  }
  const r = a.byActor.get(id);
  if (!r) return;
  const counts = new Map<string, number>();
  for (const p of a.pairsOf.get(id) ?? []) {
    const other = a.byActor.get(p.s === id ? p.t : p.s);
    if (other) add(counts, foldId(other.item.country), p.events.size);
  }
  const fold = foldId(r.item.country);
  a.byFold.set(id, { fold, counts });
  let totals = a.foldTotals.get(fold);
  if (!totals) a.foldTotals.set(fold, (totals = new Map()));
  for (const [k, n] of counts) add(totals, k, n);
}

/** One event more (`n` = 1) or less (−1) between ranked actor `x` and the ranked actor `y`
 * in x's sums by fold (see Answer): what refold would find, without going through every pair
 * of x (a busy actor has tens of thousands; refolding the ends of a report's events cost more
 * than the rest of a patch at 100,000 reports). */
function shiftFold(a: Answer, x: string, y: string, n: number): void {
  const mine = a.byFold.get(x);
  const other = a.byActor.get(y);
  if (!mine || !other) return;
  const k = foldId(other.item.country);
  add(mine.counts, k, n);
  let totals = a.foldTotals.get(mine.fold);
  if (!totals) a.foldTotals.set(mine.fold, (totals = new Map()));
  add(totals, k, n);
  if (!totals.size) a.foldTotals.delete(mine.fold);
}

function build(index: GraphIndex): Answer {
  const a: Answer = {
    ranked: [],
    byActor: new Map(),
    pairs: new Map(),
    pairsOf: new Map(),
    numbers: new Map(),
    byFold: new Map(),
    tops: new Map(),
    foldTotals: new Map(),
    folds: new Map(),
  };
  for (const id of index.actors.keys()) {
    const r = ranking(index, id);
    if (r) a.byActor.set(id, r);
  }
  a.ranked = [...a.byActor.values()].sort(rankOrder);
  for (const e of index.events.values()) pairEvent(a, e, true);
  for (const id of a.byActor.keys()) refold(a, id);
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
  // Actors whose sums by fold are summed again: an actor that came, went or changed country
  // with everyone it has events with, and the other ends of their changed pairs. The ends of
  // other changed pairs follow by the event (pairEvent).
  const moved = new Set<string>();
  for (const id of actors) {
    const old = a.byActor.get(id);
    const now = index.actors.get(id);
    if (!old || !now || old.item.country !== now.country) {
      moved.add(id);
      for (const p of a.pairsOf.get(id) ?? []) moved.add(p.s).add(p.t);
    }
    if (old && !resort) a.ranked.splice(position(a.ranked, old), 1);
    const r = ranking(index, id);
    if (r) a.byActor.set(id, r);
    else a.byActor.delete(id);
    if (r && !resort) a.ranked.splice(position(a.ranked, r), 0, r);
  }
  if (resort) a.ranked = [...a.byActor.values()].sort(rankOrder);
  for (const change of events) pairEvent(a, change.event, change.in, moved);
  for (const id of moved) refold(a, id);
  // The ends of changed pairs are among the touched actors (an event's participants are).
  for (const kept of a.folds.values()) {
    if (kept.stale) continue;
    for (const id of actors) if (!kept.ids.has(id)) kept.stale = true;
    for (const id of moved) if (!kept.ids.has(id)) kept.stale = true;
  }
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

/** The answer's text from its pieces: the nodes' and edges' kept texts joined. */
export function piecesJson(p: NetworkPieces): string {
  const { truncated, edgesDropped, folded } = p.rest;
  return `{"nodes":[${p.nodes.map((r) => r.json).join(',')}],"edges":[${p.edges
    .map((r) => r.json)
    .join(',')}],"truncated":${truncated}${edgesDropped ? `,"edgesDropped":${edgesDropped}` : ''}${
    folded ? `,"folded":${JSON.stringify(folded)}` : ''
  }${p.version ? `,"version":${JSON.stringify(p.version)}` : ''}}`;
}

const rest = (truncated: boolean, dropped: number, folded: NetworkFold | undefined) => ({
  truncated,
  ...(dropped ? { edgesDropped: dropped } : {}),
  ...(folded ? { folded } : {}),
});

/** The top-N network without event filters, in pieces, from the kept answer. */
function answerPieces(index: GraphIndex, f: NetworkFilter, version: string): NetworkPieces {
  const a = answerOf(index);
  const passes = (n: NetworkNode) =>
    (!f.kinds || f.kinds.includes(n.kind)) &&
    (!f.countries || f.countries.includes(n.country ?? NO_COUNTRY));
  // The top, and with a fold the actors of opened countries drawn beside it.
  const top: Ranked[] = [];
  const rest_: NetworkNode[] = [];
  const opened = opener(f.fold && f.open, MAX_DRAWN_ACTORS - f.limit);
  let candidates = 0;
  // The usual request, and every actor is a candidate: the top is a slice of the ranking, and
  // the rest, folded, is the ranking after it, listed only when a fold is made (a loop of
  // questions per actor cost tens of ms at 40,000; a kept fold needs no list).
  const plain = !f.kinds && !f.countries && !f.open?.length;
  const folded = () => (plain ? a.ranked.slice(f.limit).map((r) => r.item) : rest_);
  if (plain) {
    top.push(...a.ranked.slice(0, f.limit));
    candidates = a.ranked.length;
  } else {
    for (const r of a.ranked) {
      if (!passes(r.item)) continue;
      if (++candidates <= f.limit) top.push(r);
      else if (f.fold) {
        if (opened.take(r.item)) top.push(r);
        else rest_.push(r.item);
      } else if (!f.kinds && !f.countries) {
        candidates = a.ranked.length;
        break;
      }
    }
  }
  const ids = new Set(top.map((r) => r.item.id));
  const plainTop = !f.kinds && !f.countries && top.length <= f.limit;
  const among = plainTop ? keptPairs(a, f.limit, ids) : pairsWithin(a, ids);
  const edges = among.map(made);
  const kept = strongest(
    edges,
    (r) => r.item.count,
    MAX_EDGES,
    (r) => r.item.id,
  );
  let fold: NetworkFold | undefined;
  if (f.fold && !f.kinds && !f.countries)
    fold = foldOf(a, f, ids, () => keptFold(a, top, folded(), among));
  else if (f.fold) fold = foldRest(ids, folded(), pairCounts(a));
  if (fold) fold = withCapped(fold, opened);
  return {
    version,
    nodes: top,
    edges: kept,
    rest: rest(candidates > f.limit, edges.length - kept.length, fold),
  };
}

/** The top-N network without event filters, as JSON text, from the kept answer. */
export const answerJson = (index: GraphIndex, f: NetworkFilter): string =>
  piecesJson(answerPieces(index, f, ''));

/** The pairs with both ends in `ids`, each once (from its source). */
function pairsWithin(a: Answer, ids: Set<string>): Pair[] {
  const among: Pair[] = [];
  for (const id of ids) {
    for (const pair of a.pairsOf.get(id) ?? [])
      if (pair.s === id && ids.has(pair.t)) among.push(pair);
  }
  return among;
}

/** The pairs within the unfiltered top `limit` (`ids`), from those kept for the last top. */
function keptPairs(a: Answer, limit: number, ids: Set<string>): Pair[] {
  const kept = a.tops.get(limit);
  if (!kept) {
    const among = pairsWithin(a, ids);
    a.tops.set(limit, { ids, among: new Set(among) });
    if (a.tops.size > KEPT_TOPS) a.tops.delete(a.tops.keys().next().value!);
    return among;
  }
  // Actors that left the top take their pairs along; those that came in bring theirs.
  for (const id of kept.ids) {
    if (!ids.has(id)) for (const p of a.pairsOf.get(id) ?? []) kept.among.delete(p);
  }
  for (const id of ids) {
    if (kept.ids.has(id)) continue;
    for (const p of a.pairsOf.get(id) ?? []) if (ids.has(p.s) && ids.has(p.t)) kept.among.add(p);
  }
  kept.ids = ids;
  // Most recently asked last, so the viewer's own top is never the one evicted.
  a.tops.delete(limit);
  a.tops.set(limit, kept);
  return [...kept.among];
}

/** The fold of the unfiltered top drawn as `ids`: the one kept if still the same (see Answer). */
function foldOf(a: Answer, f: NetworkFilter, ids: Set<string>, make: () => NetworkFold) {
  const key = `${f.limit}:${(f.open ?? []).join(',')}`;
  const kept = a.folds.get(key);
  a.folds.delete(key);
  const same =
    kept && !kept.stale && kept.ids.size === ids.size && [...ids].every((id) => kept.ids.has(id));
  const now = same ? kept : { ids, fold: make(), stale: false };
  // Most recently asked last, as for the tops.
  a.folds.set(key, now);
  if (a.folds.size > KEPT_TOPS) a.folds.delete(a.folds.keys().next().value!);
  return now.fold;
}

/**
 * The fold of every actor outside the top, from the sums kept per patch (see Answer): a top
 * actor's tie to a fold is its sum for that fold less its events with top actors there; a tie
 * between two folds is their total less what top actors in either hold, plus what was taken
 * twice (pairs with both ends in the top). `among` are the pairs within the top.
 */
function keptFold(a: Answer, top: Ranked[], rest: NetworkNode[], among: Pair[]): NetworkFold {
  // Folds and top actors as numbers: the sums below are typed arrays, not maps of joined keys
  // (a large top holds a hundred thousand pairs).
  const folds = [...a.foldTotals.keys()];
  const fold = new Map(folds.map((k, i) => [k, i]));
  const foldNo = (k: string) => {
    let i = fold.get(k);
    if (i === undefined) fold.set(k, (i = folds.push(k) - 1));
    return i;
  };
  // Each top actor's place in the top, by its number (an actor with no pair has none).
  const place = new Int32Array(a.numbers.size);
  top.forEach((r, i) => {
    const n = a.numbers.get(r.item.id);
    if (n !== undefined) place[n] = i;
  });
  const topFold = top.map((r) => foldNo(a.byFold.get(r.item.id)!.fold));
  const F = folds.length;
  // withTop[x·F + f]: top actor x's events with top actors of fold f; twice[f·F + g]: those
  // between folds f and g (f < g), taken from both sides below.
  const withTop = new Float64Array(top.length * F);
  const twice = new Float64Array(F * F);
  for (const p of among) {
    const x = place[p.sn];
    const y = place[p.tn];
    const [fx, fy] = [topFold[x], topFold[y]];
    const n = p.events.size;
    withTop[x * F + fy] += n;
    withTop[y * F + fx] += n;
    if (fx !== fy) twice[Math.min(fx, fy) * F + Math.max(fx, fy)] += n;
  }
  const edges = noCandidates();
  const candidate = (x: string, y: string, n: number) => {
    edges.x.push(x);
    edges.y.push(y);
    edges.count.push(n);
  };
  // held[f·F + g]: what top actors of fold f hold with fold g.
  const held = new Float64Array(F * F);
  top.forEach((r, x) => {
    for (const [k, n] of a.byFold.get(r.item.id)!.counts) {
      const g = fold.get(k)!;
      const left = n - withTop[x * F + g];
      if (left > 0) candidate(r.item.id, k, left);
      held[topFold[x] * F + g] += n;
    }
  });
  for (const [k1, row] of a.foldTotals) {
    const f = fold.get(k1)!;
    for (const [k2, n] of row) {
      const g = fold.get(k2)!;
      if (k1 >= k2) continue;
      const between =
        n - held[f * F + g] - held[g * F + f] + twice[Math.min(f, g) * F + Math.max(f, g)];
      if (between > 0) candidate(k1, k2, between);
    }
  }
  return foldAnswer(foldGroups(rest), edges);
}

function* pairCounts(a: Answer): Iterable<PairCount> {
  for (const p of a.pairs.values()) yield { s: p.s, t: p.t, count: p.events.size };
}

/** The network under event filters, computed afresh, in pieces. */
function filteredPieces(index: GraphIndex, f: NetworkFilter, version: string): NetworkPieces {
  const candidates = rankCandidates(index, f);
  // The top, and with a fold the actors of opened countries drawn beside it.
  const opened = opener(f.fold && f.open, MAX_DRAWN_ACTORS - f.limit);
  const drawn = candidates.filter((n, i) => i < f.limit || opened.take(n));
  const net = {
    ...computeNetwork(index, { ...f, limit: drawn.length }, drawn),
    truncated: candidates.length > f.limit,
  };
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
    const rest = candidates.filter((n) => !top.has(n.id));
    fold = withCapped(foldRest(top, rest, counts.values()), opened);
  }
  const piece = <T>(item: T) => ({ item, json: JSON.stringify(item) });
  return {
    version,
    nodes: net.nodes.map(piece),
    edges: kept.map(piece),
    rest: rest(net.truncated, net.edges.length - kept.length, fold),
  };
}

const piecesKey = (f: NetworkFilter) => `network-pieces:${JSON.stringify(f)}`;

/**
 * The network answer in pieces (each node and edge with its JSON text), memoised per filter and
 * graph version: the text below joins them, and a curation's patch (networkPatch) compares two.
 */
export async function networkPieces(
  ctx: ServerContext,
  f: NetworkFilter,
  current?: { index: GraphIndex; version: string },
): Promise<NetworkPieces> {
  const { index, version } = current ?? (await currentIndex(ctx));
  return memo(ctx, piecesKey(f), version, async () =>
    f.types || f.since || f.until
      ? filteredPieces(index, f, version)
      : answerPieces(index, f, version),
  );
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
  const now = current ?? (await currentIndex(ctx));
  return memo(ctx, `network-json:${JSON.stringify(f)}`, now.version, async () =>
    piecesJson(await networkPieces(ctx, f, now)),
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

/** The network answer a caller holds, for a curation's patch: its filter and its pieces. */
export interface NetworkView {
  filter: NetworkFilter;
  before: NetworkPieces;
}

/**
 * The answer for these filters as it is now, if it is still the one at `base` (the version the
 * caller holds): what a curation's patch starts from. Null when the graph has moved on since
 * (the caller reads the whole network again).
 */
export async function networkBefore(
  ctx: ServerContext,
  { base, ...filter }: NetworkFilter & { base?: string },
): Promise<NetworkView | null> {
  if (base === undefined) return null;
  // The answer the caller holds is usually still kept (it was read at that version): then
  // Neo4j is not asked. Later changes by others are in the patch, which goes to now.
  const kept = memoAt<NetworkPieces>(ctx, piecesKey(filter), base);
  if (kept) return { filter, before: await kept };
  const before = await networkPieces(ctx, filter);
  return before.version === base ? { filter, before } : null;
}

/** What changed in that answer since, as a patch (the index catches up first). */
export async function networkPatch(ctx: ServerContext, view: NetworkView): Promise<NetworkPatch> {
  return diffNetwork(view.before, await networkPieces(ctx, view.filter));
}
