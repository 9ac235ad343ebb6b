// Layout, deterministic up to WARM_ORDER actors: every node starts from seedPositions (saved
// positions, else next to placed neighbours, else around its community), then a fixed number
// of ForceAtlas2 iterations runs synchronously — before the first paint — with the saved nodes
// held still, then one noverlap pass. Actors without relationships are set out in a grid below
// the network. Bigger networks run ForceAtlas2 in a web worker for a while instead. Pinned
// nodes carry `fixed: true`, which ForceAtlas2 respects.
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import FA2LayoutModule from 'graphology-layout-forceatlas2/worker.js';
import noverlapModule from 'graphology-layout-noverlap';
import { cjsDefault } from '../app/cjs.ts';
import { seedPositions, type Point } from '../core/layout/seed.ts';
import type { ActorGraph, EdgeAttrs } from '../core/network/build-graph.ts';

const forceAtlas2 = cjsDefault<typeof forceAtlas2Module.default>(forceAtlas2Module);
const noverlap = cjsDefault<typeof noverlapModule.default>(noverlapModule);
const FA2Layout = cjsDefault<typeof FA2LayoutModule.default>(FA2LayoutModule);

export interface LayoutRun {
  done: Promise<void>;
  stop(): void;
  /** ForceAtlas2 iterations the worker has completed so far. */
  iterations(): number;
  /** performance.now() at start, at the worker's first iteration and at stop (null until then). */
  span(): { start: number; first: number | null; end: number | null };
}

/** Above this many nodes the worker lays out a copy and the drawn graph is updated at SYNC_MS. */
export const BIG_ORDER = 1000;
export const SYNC_MS = 500;
/** Up to this many nodes, a synchronous warm start precedes the worker. */
export const WARM_ORDER = 500;
/** How long past its duration a layout may wait for the worker's first iteration. */
export const MAX_WAIT_MS = 20_000;
/** Above this many edges, positions are applied once, when the layout stops. */
export const BIG_SYNC_EDGES = 10_000;

/** Synchronous ForceAtlas2 iterations for a network of `order` actors (fixed: deterministic). */
export function syncIterations(order: number): number {
  return Math.min(500, Math.max(150, Math.round(60_000 / Math.max(1, order))));
}

/** Actors without relationships in rows below the rest, most important first. */
export function gridIsolates(graph: ActorGraph): void {
  const isolates = graph
    .filterNodes((n) => graph.degree(n) === 0)
    .sort((a, b) => graph.getNodeAttribute(a, 'rank') - graph.getNodeAttribute(b, 'rank'));
  if (!isolates.length) return;
  let [x0, x1, y0] = [Infinity, -Infinity, Infinity];
  graph.forEachNode((n, a) => {
    if (graph.degree(n) === 0) return;
    x0 = Math.min(x0, a.x);
    x1 = Math.max(x1, a.x);
    y0 = Math.min(y0, a.y);
  });
  if (!Number.isFinite(x0)) [x0, x1, y0] = [0, Math.sqrt(isolates.length) * 30, 0];
  const width = Math.max(x1 - x0, 100);
  // Wide and shallow: the block should not shrink the network when the camera frames both.
  const cols = Math.max(4, Math.ceil(Math.sqrt(isolates.length * 4)));
  const step = width / (cols - 1);
  isolates.forEach((n, i) => {
    graph.mergeNodeAttributes(n, {
      x: x0 + (i % cols) * step,
      // Sigma draws graph y upwards: below the network is further down in y.
      y: y0 - 2 * step - Math.floor(i / cols) * step,
    });
  });
}

export function layoutDuration(order: number): number {
  if (order <= 1) return 0;
  return Math.min(8000, 900 + order * 3);
}

const finished = (iterations = 0): LayoutRun => ({
  done: Promise.resolve(),
  stop: () => {},
  iterations: () => iterations,
  span: () => ({ start: 0, first: null, end: 0 }),
});

export function runLayout(
  graph: ActorGraph,
  seed: { saved: Map<string, Point>; communities: Map<string, number> },
  durationMs = layoutDuration(graph.order),
): LayoutRun {
  const { positions, placed } = seedPositions(graph, seed.communities, seed.saved);
  graph.updateEachNodeAttributes((n, a) => ({ ...a, ...positions.get(n) }), {
    attributes: ['x', 'y'],
  });
  if (graph.order <= 1) return finished();
  const free = graph.filterNodes(
    (n) => graph.degree(n) > 0 && !placed.has(n) && !graph.getNodeAttribute(n, 'fixed'),
  );
  // Everything connected was placed before: the same picture as last time, nothing to compute.
  if (free.length === 0) {
    gridIsolates(graph);
    return finished();
  }
  const inferred = forceAtlas2.inferSettings(graph);
  const settings = {
    ...inferred,
    barnesHutOptimize: graph.order > 400,
    adjustSizes: graph.order < 400,
    gravity: 1,
    scalingRatio: graph.order < 50 ? 20 : 10,
    edgeWeightInfluence: 0.5,
  };
  const getEdgeWeight = (_e: string, a: EdgeAttrs): number => Math.log2(1 + (a.edge?.count ?? 1));
  // Small networks: a fixed number of synchronous iterations, so the same network always
  // gets the same layout and is laid out before the first paint. Saved nodes and isolates are
  // held still (isolates go to the grid afterwards).
  if (graph.order <= WARM_ORDER) {
    const held = graph.filterNodes((n, a) => !a.fixed && (placed.has(n) || graph.degree(n) === 0));
    for (const n of held) graph.setNodeAttribute(n, 'fixed', true);
    // New actors among placed ones: a short settle without gravity, which would otherwise pull
    // them, alone against a fixed network, towards the centre and away from their neighbours.
    const topUp = placed.size > 0;
    const iterations = topUp ? 30 : syncIterations(graph.order);
    forceAtlas2.assign(graph, {
      iterations,
      settings: topUp ? { ...settings, gravity: 0 } : settings,
      getEdgeWeight,
    });
    const keep = new Map(held.filter((n) => placed.has(n)).map((n) => [n, positions.get(n)!]));
    noverlap.assign(graph, { maxIterations: 80, settings: { margin: 3, ratio: 1.3 } });
    for (const n of held) graph.setNodeAttribute(n, 'fixed', false);
    // noverlap knows no fixed nodes: put the saved ones back where the analyst saw them.
    for (const [n, p] of keep) graph.mergeNodeAttributes(n, p);
    gridIsolates(graph);
    return finished(iterations);
  }
  // For big networks, re-rendering after every iteration would starve the main thread: the
  // worker works on a copy and positions are copied over a few times a second.
  const big = graph.order > BIG_ORDER;
  const target = big ? graph.copy() : graph;
  let iterations = 0;
  const start = performance.now();
  let end: number | null = null;
  let first: number | null = null;
  // The clock starts at the first iteration the worker returns: on a slow machine the first
  // draw of a big network can hold the main thread for seconds, and those must not count.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const count = (): void => {
    if (iterations++ === 0) {
      first = performance.now();
      timer = setTimeout(stop, durationMs);
    }
  };
  target.on('eachNodeAttributesUpdated', count);
  const sync = (): void => {
    if (big)
      graph.updateEachNodeAttributes(
        (n, a) => ({
          ...a,
          x: target.getNodeAttribute(n, 'x'),
          y: target.getNodeAttribute(n, 'y'),
        }),
        { attributes: ['x', 'y'] },
      );
  };
  // Adaptive: when drawing the synced positions keeps the main thread busy (software WebGL,
  // huge networks), the timer fires late; back off so the worker's messages still get through.
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleSync = (delay: number): void => {
    const due = performance.now() + delay;
    syncTimer = setTimeout(() => {
      const lag = performance.now() - due;
      sync();
      scheduleSync(SYNC_MS + 3 * lag);
    }, delay);
  };
  // Very big networks: drawing them is the slow part (tens of thousands of edges), so the view
  // only takes the final positions and the main thread stays free for the worker's messages.
  if (big && graph.size <= BIG_SYNC_EDGES) scheduleSync(SYNC_MS);
  const fa2 = new FA2Layout(target, {
    settings,
    getEdgeWeight,
  });
  let stopped = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    end = performance.now();
    clearTimeout(timer);
    clearTimeout(cap);
    clearTimeout(syncTimer);
    fa2.kill();
    target.off('eachNodeAttributesUpdated', count);
    sync();
    if (graph.order <= 2000) {
      noverlap.assign(graph, {
        maxIterations: graph.order > 500 ? 20 : 80,
        settings: { margin: 3, ratio: 1.3 },
      });
    }
    finish();
  };
  fa2.start();
  const cap = setTimeout(stop, durationMs + MAX_WAIT_MS);
  return { done, stop, iterations: () => iterations, span: () => ({ start, first, end }) };
}
