// Layout: ForceAtlas2 in a web worker for a while (longer for bigger networks), then one
// noverlap pass so labels and discs do not sit on top of each other. Pinned nodes carry
// `fixed: true`, which ForceAtlas2 respects.
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import FA2LayoutModule from 'graphology-layout-forceatlas2/worker.js';
import noverlapModule from 'graphology-layout-noverlap';
import { cjsDefault } from '../app/cjs.ts';
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

export function layoutDuration(order: number): number {
  if (order <= 1) return 0;
  return Math.min(8000, 900 + order * 3);
}

export function runLayout(graph: ActorGraph, durationMs = layoutDuration(graph.order)): LayoutRun {
  if (graph.order <= 1 || durationMs <= 0)
    return {
      done: Promise.resolve(),
      stop: () => {},
      iterations: () => 0,
      span: () => ({ start: 0, first: null, end: 0 }),
    };
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
  // Small networks get a synchronous warm start (milliseconds): the worker pays a message
  // round trip per iteration, which on a busy machine leaves a small graph half laid out.
  if (graph.order <= WARM_ORDER) {
    forceAtlas2.assign(graph, {
      iterations: Math.min(300, Math.max(50, Math.round(30_000 / graph.order))),
      settings,
      getEdgeWeight,
    });
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
