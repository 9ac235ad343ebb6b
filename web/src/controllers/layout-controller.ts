// Layout: ForceAtlas2 in a web worker for a while (longer for bigger networks), then one
// noverlap pass so labels and discs do not sit on top of each other. Pinned nodes carry
// `fixed: true`, which ForceAtlas2 respects.
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import FA2LayoutModule from 'graphology-layout-forceatlas2/worker.js';
import noverlapModule from 'graphology-layout-noverlap';
import { cjsDefault } from '../app/cjs.ts';
import type { ActorGraph } from '../core/network/build-graph.ts';

const forceAtlas2 = cjsDefault<typeof forceAtlas2Module.default>(forceAtlas2Module);
const noverlap = cjsDefault<typeof noverlapModule.default>(noverlapModule);
const FA2Layout = cjsDefault<typeof FA2LayoutModule.default>(FA2LayoutModule);

export interface LayoutRun {
  done: Promise<void>;
  stop(): void;
}

export function layoutDuration(order: number): number {
  if (order <= 1) return 0;
  return Math.min(8000, 900 + order * 3);
}

export function runLayout(graph: ActorGraph, durationMs = layoutDuration(graph.order)): LayoutRun {
  if (graph.order <= 1 || durationMs <= 0) return { done: Promise.resolve(), stop: () => {} };
  const inferred = forceAtlas2.inferSettings(graph);
  const fa2 = new FA2Layout(graph, {
    settings: {
      ...inferred,
      barnesHutOptimize: graph.order > 400,
      adjustSizes: graph.order < 400,
      gravity: 1,
      scalingRatio: graph.order < 50 ? 20 : 10,
      edgeWeightInfluence: 0.5,
    },
    getEdgeWeight: (_e, a) => Math.log2(1 + (a.edge?.count ?? 1)),
  });
  let stopped = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    fa2.kill();
    if (graph.order <= 2000) {
      noverlap.assign(graph, {
        maxIterations: graph.order > 500 ? 20 : 80,
        settings: { margin: 3, ratio: 1.3 },
      });
    }
    finish();
  };
  fa2.start();
  const timer = setTimeout(stop, durationMs);
  return { done, stop };
}
