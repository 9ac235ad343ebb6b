// Owns the main sigma instance: draws the store's network (and the neighbours an expansion adds),
// highlights through the pure reducers of core/network/reducers.ts, turns clicks and drags into
// state, moves the camera, takes the PNG snapshot. Panels never touch sigma.
import Sigma from 'sigma';
import type { Network } from '../../../server/api/types.ts';
import type { Store } from '../app/store.ts';
import {
  buildGraph,
  mergeNetwork,
  restyle,
  type ActorGraph,
  type EdgeAttrs,
  type NodeAttrs,
} from '../core/network/build-graph.ts';
import { reduceEdge, reduceNode, type Emphasis } from '../core/network/reducers.ts';
import { record } from '../core/history/history.ts';
import type { Selection } from '../core/url/url-state.ts';
import { runLayout, type LayoutRun } from './layout-controller.ts';

/** Above this many edges, edges are hidden while the camera moves. */
export const BIG_EDGES = 10_000;

export interface GraphController {
  graph: ActorGraph;
  renderer: Sigma<NodeAttrs, EdgeAttrs>;
  dropNodes(ids: string[]): void;
  relayout(): Promise<void>;
  /** Settles when the running layout (if any) has finished. */
  idle(): Promise<void>;
  flyTo(id: string): void;
  zoom(factor: number): void;
  fit(): void;
  nodePosition(id: string): { x: number; y: number } | null;
  /** performance.now() when the last network was handed over, and of the first frame after it. */
  perf(): {
    dataAt: number;
    firstRenderAt: number | null;
    layoutIterations: number;
    layoutSpan: { start: number; first: number | null; end: number | null } | null;
    renders: number;
  };
  toPng(): Promise<Blob | null>;
  onSelect(fn: (s: Selection) => void): void;
}

export function createGraphController(container: HTMLElement, store: Store): GraphController {
  let graph = buildGraph({ nodes: [], edges: [], truncated: false }, store.get().url.colorBy);
  let select: (s: Selection) => void = () => {};
  let layout: LayoutRun | null = null;
  let lastLayout: LayoutRun | null = null;
  let dragged: string | null = null;
  let dragMoved = false;
  let dataAt = 0;
  let firstRenderAt: number | null = null;

  const emphasis = (): Emphasis => {
    const s = store.get();
    return { hidden: s.hidden, pinned: s.pinned, hovered: s.hovered, selection: s.url.selection };
  };

  const renderer = new Sigma(graph, container, {
    defaultEdgeType: 'arrow',
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    labelFont: 'Inter, "Segoe UI", system-ui, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1f2328' },
    labelDensity: 0.6,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    zIndex: true,
    minCameraRatio: 0.05,
    maxCameraRatio: 8,
    stagePadding: 70, // room for labels at the edges
    // The network tab can be hidden (display: none) while data arrives.
    allowInvalidContainer: true,
    nodeReducer: (node, data) => reduceNode(graph, emphasis(), node, data),
    edgeReducer: (edge, data) => reduceEdge(graph, emphasis(), edge, data),
  });

  let renders = 0;
  renderer.on('afterRender', () => {
    renders++;
    if (firstRenderAt === null && dataAt > 0) firstRenderAt = performance.now();
  });
  renderer.on('enterNode', ({ node }) => store.set({ hovered: node }));
  renderer.on('leaveNode', () => store.set({ hovered: null }));
  renderer.on('clickNode', ({ node }) => {
    if (!dragMoved) select({ type: 'actor', id: node });
  });
  renderer.on('clickEdge', ({ edge }) => select({ type: 'edge', id: edge }));
  renderer.on('clickStage', () => select(null));

  // Dragging a node moves it and pins it there.
  renderer.on('downNode', ({ node }) => {
    dragged = node;
    dragMoved = false;
  });
  renderer.getMouseCaptor().on('mousemovebody', (e) => {
    if (!dragged) return;
    const p = renderer.viewportToGraph(e);
    graph.mergeNodeAttributes(dragged, { x: p.x, y: p.y, fixed: true });
    dragMoved = true;
    e.preventSigmaDefault();
    e.original.preventDefault();
    e.original.stopPropagation();
  });
  renderer.getMouseCaptor().on('mouseup', () => {
    if (dragged && dragMoved) {
      const id = dragged;
      store.set((s) => ({ pinned: new Set(s.pinned).add(id) }));
    }
    dragged = null;
  });

  store.subscribe((s, prev) => {
    if (
      s.hovered !== prev.hovered ||
      s.url.selection !== prev.url.selection ||
      s.hidden !== prev.hidden ||
      s.pinned !== prev.pinned
    ) {
      renderer.refresh({ skipIndexation: true });
    }
    if (s.url.colorBy !== prev.url.colorBy) restyle(graph, s.url.colorBy);
    if (s.pinned !== prev.pinned) {
      for (const id of prev.pinned) if (!s.pinned.has(id)) setFixed(id, false);
      for (const id of s.pinned) if (!prev.pinned.has(id)) setFixed(id, true);
    }
    if (s.network.status === 'ready' && s.network !== prev.network) setNetwork(s.network.data);
    if (s.expansion && s.expansion !== prev.expansion)
      expand(s.expansion.near, s.expansion.network);
  });

  function setFixed(id: string, fixed: boolean): void {
    if (graph.hasNode(id)) graph.setNodeAttribute(id, 'fixed', fixed);
  }

  function setNetwork(net: Network): void {
    dataAt = performance.now();
    firstRenderAt = null;
    layout?.stop();
    // A fresh graph handed to sigma in one go: one indexation instead of an event per item.
    const next = buildGraph(net, store.get().url.colorBy);
    const big = next.size > BIG_EDGES;
    // Arrowheads are unreadable at that density and cost a second WebGL program per edge.
    if (big) next.updateEachEdgeAttributes((_, a) => ({ ...a, type: 'line' as const }));
    // Big networks: drawing 10k+ edges on every camera frame makes panning sluggish. Settings
    // first (each change re-renders), while the previous graph is still installed.
    if (renderer.getSetting('hideEdgesOnMove') !== big) {
      renderer.setSetting('hideEdgesOnMove', big);
      renderer.setSetting('hideLabelsOnMove', big);
    }
    graph = next;
    renderer.setGraph(graph);
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    void relayout().then(() => renderer.getCamera().animatedReset({ duration: 300 }));
  }

  /** Adds an actor's neighbours around it; the undo history records what was added. */
  function expand(near: string, net: Network): void {
    const p = graph.hasNode(near) ? graph.getNodeAttributes(near) : undefined;
    const copy = graph.copy();
    const added = mergeNetwork(
      copy,
      net,
      store.get().url.colorBy,
      p ? { x: p.x, y: p.y } : undefined,
    );
    for (const n of added.nodes) graph.addNode(n, copy.getNodeAttributes(n));
    for (const e of added.edges)
      graph.addDirectedEdgeWithKey(e, copy.source(e), copy.target(e), copy.getEdgeAttributes(e));
    renderer.refresh();
    restyle(graph, store.get().url.colorBy);
    store.set((s) => ({
      history: record(s.history, { kind: 'expand', node: near, ...added }),
      toast: added.nodes.length
        ? `Added ${added.nodes.length} neighbours`
        : 'All neighbours are already shown',
    }));
    if (added.nodes.length) void relayout();
  }

  function relayout(): Promise<void> {
    layout?.stop();
    store.set({ layoutRunning: true });
    const run = runLayout(graph);
    layout = run;
    lastLayout = run;
    return run.done.then(() => {
      if (layout === run) {
        layout = null;
        store.set({ layoutRunning: false });
      }
    });
  }

  function camTarget(id: string): { x: number; y: number } | null {
    const d = renderer.getNodeDisplayData(id);
    return d ? { x: d.x, y: d.y } : null;
  }

  return {
    get graph() {
      return graph;
    },
    renderer,
    dropNodes(ids) {
      for (const id of ids) if (graph.hasNode(id)) graph.dropNode(id);
      restyle(graph, store.get().url.colorBy);
    },
    relayout,
    idle: () => layout?.done ?? Promise.resolve(),
    flyTo(id) {
      const t = camTarget(id);
      if (t)
        void renderer
          .getCamera()
          .animate({ ...t, ratio: Math.min(renderer.getCamera().ratio, 0.45) }, { duration: 600 });
    },
    zoom(factor) {
      const cam = renderer.getCamera();
      void (factor > 1
        ? cam.animatedUnzoom({ duration: 250, factor })
        : cam.animatedZoom({ duration: 250, factor: 1 / factor }));
    },
    fit() {
      void renderer.getCamera().animatedReset({ duration: 300 });
    },
    nodePosition(id) {
      if (!graph.hasNode(id)) return null;
      const a = graph.getNodeAttributes(id);
      const v = renderer.graphToViewport({ x: a.x, y: a.y });
      const r = container.getBoundingClientRect();
      return { x: r.left + v.x, y: r.top + v.y };
    },
    async toPng() {
      // WebGL buffers are only readable right after a render, so composite in the same task.
      renderer.refresh();
      const { width, height } = renderer.getDimensions();
      const ratio = window.devicePixelRatio || 1;
      const out = document.createElement('canvas');
      out.width = width * ratio;
      out.height = height * ratio;
      const ctx = out.getContext('2d');
      if (!ctx) return null;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, out.width, out.height);
      const canvases = renderer.getCanvases();
      for (const [name, canvas] of Object.entries(canvases)) {
        if (name === 'mouse') continue;
        ctx.drawImage(canvas, 0, 0, out.width, out.height);
      }
      return new Promise((resolve) => out.toBlob((b) => resolve(b), 'image/png'));
    },
    perf: () => ({
      dataAt,
      firstRenderAt,
      layoutIterations: lastLayout?.iterations() ?? 0,
      layoutSpan: lastLayout?.span() ?? null,
      renders,
    }),
    onSelect(fn) {
      select = fn;
    },
  };
}
