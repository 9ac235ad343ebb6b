// Owns the main sigma instance: draws the store's network (and the neighbours an expansion adds),
// highlights through the pure reducers of core/network/reducers.ts, turns clicks and drags into
// state, moves the camera, takes the PNG snapshot. Panels never touch sigma.
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { getCameraStateToFitViewportToNodes } from '@sigma/utils';
import Sigma from 'sigma';
import { NodePointProgram, type EdgeProgramType, type NodeProgramType } from 'sigma/rendering';
import type { Network } from '../../../server/api/types.ts';
import type { AppState, Store } from '../app/store.ts';
import type { Coloring } from '../core/colors/palette.ts';
import { framePng, type PngFrame } from '../core/export/png-frame.ts';
import { makeRoom } from '../core/labels/make-room.ts';
import { communities } from '../core/layout/communities.ts';
import { mergePositions, parsePositions, STORAGE_KEY } from '../core/layout/saved-positions.ts';
import type { Point } from '../core/layout/seed.ts';
import {
  buildGraph,
  mergeNetwork,
  restyle,
  type ActorGraph,
  type EdgeAttrs,
  type NodeAttrs,
} from '../core/network/build-graph.ts';
import { edgeMidpoint } from '../core/network/curves.ts';
import { drawnNetwork } from '../core/network/isolates.ts';
import { foldCountry } from '../core/fold/folds.ts';
import { patchGraph, type GraphPatch } from '../core/network/patch-graph.ts';
import { reduceEdge, reduceNode, type Emphasis } from '../core/network/reducers.ts';
import {
  freshWindow,
  indexDays,
  stepWindow,
  type DayIndex,
  type WindowState,
} from '../core/time/window-step.ts';
import {
  changedBetween,
  windowActivity,
  windowEnding,
  type TimedEdge,
  type WindowActivity,
} from '../core/time/window.ts';
import { applyExpanded, record, undoneActors, type GraphOp } from '../core/history/history.ts';
import { FlatEdgeProgram } from './flat-edge-program.ts';
import { drawPatch } from './sigma-patch.ts';
import { createPlaybackLayer } from './playback-layer.ts';
import { buildSegments, colorBytes, type Spot } from '../core/time/segments.ts';
import type { Selection } from '../core/url/url-state.ts';
import { LABEL_FONT, MAJOR_SIZE, startLabelLayer } from './label-layer.ts';
import { runLayout, type LayoutRun } from './layout-controller.ts';

/** Above this many edges, edges are hidden while the camera moves. */
export const BIG_EDGES = 10_000;

export interface GraphController {
  graph: ActorGraph;
  renderer: Sigma<NodeAttrs, EdgeAttrs>;
  /** Takes an undone expansion's actors off the drawing, but for those that belong on it since. */
  undoExpansion(op: Extract<GraphOp, { kind: 'expand' }>): void;
  /** Lays the network out afresh (forgetting saved positions of the actors on screen). */
  relayout(fresh?: boolean): Promise<void>;
  /** Settles when the running layout (if any) has finished. */
  idle(): Promise<void>;
  flyTo(id: string): void;
  zoom(factor: number): void;
  fit(): void;
  nodePosition(id: string): { x: number; y: number } | null;
  /** Page coordinates of the middle of a drawn edge (on its curve). */
  edgeMidpoint(id: string): { x: number; y: number } | null;
  /** Label boxes drawn in the last frame, in page coordinates. */
  labelBoxes(): { id: string; label: string; x: number; y: number; w: number; h: number }[];
  /** performance.now() when the last network was handed over, and of the first frame after it. */
  perf(): {
    dataAt: number;
    firstRenderAt: number | null;
    layoutIterations: number;
    layoutSpan: { start: number; first: number | null; end: number | null } | null;
    renders: number;
    /** Milliseconds of each time-window step: the window, the reducers and the redraw. */
    timeSteps: number[];
  };
  /** The view as drawn, framed with a title and the legend. */
  toPng(frame: PngFrame): Promise<Blob | null>;
  /** Time playback's window as drawn (null: the whole network). */
  activity(): WindowActivity | null;
  /** Test hook: the edges the big-network playback layer draws for the window ending on `head`
   * (read back from its pixels), whatever the network's size. */
  probePlayback(head: number): string[];
  /** Test hook: the bytes the playback layer holds (its pictures, its canvas). */
  playbackBytes(): number;
  onSelect(fn: (s: Selection) => void): void;
  /** A click on a fold (or on a tie to one): the country to open. */
  onOpenFold(fn: (country: string) => void): void;
  /** Told each time the time window's activity is applied (null: no window). */
  onActivity(fn: (a: WindowActivity | null) => void): void;
}

function loadSaved(): Map<string, Point> {
  try {
    return parsePositions(localStorage.getItem(STORAGE_KEY));
  } catch {
    return new Map(); // storage disabled
  }
}

/** Saves where the connected actors are (isolates are always set out in their grid). */
function savePositions(graph: ActorGraph): void {
  const now = new Map<string, Point>();
  graph.forEachNode((n, a) => {
    if (graph.degree(n) > 0) now.set(n, { x: a.x, y: a.y });
  });
  storePositions(now);
}

function storePositions(now: ReadonlyMap<string, Point>): void {
  try {
    localStorage.setItem(STORAGE_KEY, mergePositions(loadSaved(), new Map(now)));
  } catch {
    // Full or disabled storage: the layout still works, it is just not remembered.
  }
}

/** Every drawn actor's position. */
function drawnPositions(graph: ActorGraph): Map<string, Point> {
  const out = new Map<string, Point>();
  graph.forEachNode((n, a) => out.set(n, { x: a.x, y: a.y }));
  return out;
}

/**
 * The controller, whose sigma (its WebGL contexts and programs, a few hundred ms in software
 * WebGL) is made the first time the network view is shown or something asks it for the graph:
 * the map, or any view opened first, does not wait for it.
 */
export function createGraphController(container: HTMLElement, store: Store): GraphController {
  let made: GraphController | null = null;
  let select: (s: Selection) => void = () => {};
  let openFold: (country: string) => void = () => {};
  let toldActivity: (a: WindowActivity | null) => void = () => {};
  const get = (): GraphController => {
    if (!made) {
      made = makeGraphController(container, store);
      made.onSelect(select);
      made.onOpenFold(openFold);
      made.onActivity(toldActivity);
    }
    return made;
  };
  if (store.get().url.view === 'network') get();
  else {
    // Also made (out of sight) for what only it keeps: the neighbours an expansion fetched and
    // an opened investigation's positions, set while another view is shown.
    const stop = store.subscribe((s, prev) => {
      if (s.url.view !== 'network' && s.expansion === prev.expansion && s.restore === prev.restore)
        return;
      stop();
      get();
    });
  }
  return {
    get graph() {
      return get().graph;
    },
    get renderer() {
      return get().renderer;
    },
    undoExpansion: (op) => get().undoExpansion(op),
    relayout: (fresh) => get().relayout(fresh),
    idle: () => made?.idle() ?? Promise.resolve(),
    flyTo: (id) => get().flyTo(id),
    zoom: (factor) => get().zoom(factor),
    fit: () => get().fit(),
    nodePosition: (id) => get().nodePosition(id),
    edgeMidpoint: (id) => get().edgeMidpoint(id),
    labelBoxes: () => get().labelBoxes(),
    perf: () => get().perf(),
    toPng: (frame) => get().toPng(frame),
    activity: () => made?.activity() ?? null,
    probePlayback: (head) => get().probePlayback(head),
    playbackBytes: () => made?.playbackBytes() ?? 0,
    onSelect(fn) {
      select = fn;
      made?.onSelect(fn);
    },
    onOpenFold(fn) {
      openFold = fn;
      made?.onOpenFold(fn);
    },
    onActivity(fn) {
      toldActivity = fn;
      made?.onActivity(fn);
    },
  };
}

function makeGraphController(container: HTMLElement, store: Store): GraphController {
  let communityOf = new Map<string, number>();
  const coloring = (): Coloring => ({
    by: store.get().url.colorBy,
    countries: store.get().countryColors,
    communities: communityOf,
  });
  let graph = buildGraph({ nodes: [], edges: [], truncated: false }, coloring());
  let lastNet: Network | null = null;
  /** A network to draw once the network view is shown (one may be ready before sigma is made). */
  let waiting: Network | null = (() => {
    const net = store.get().network;
    return net.status === 'ready' ? net.data : null;
  })();
  let select: (s: Selection) => void = () => {};
  let openFold: (country: string) => void = () => {};
  let toldActivity: (a: WindowActivity | null) => void = () => {};
  let layout: LayoutRun | null = null;
  let lastLayout: LayoutRun | null = null;
  let dragged: string | null = null;
  let dragMoved = false;
  let dataAt = 0;
  let firstRenderAt: number | null = null;
  let activity: WindowActivity | null = null;
  const timeSteps: number[] = [];
  /** An opened investigation's positions, exact (the saved ones in storage are rounded). */
  let restored: ReadonlyMap<string, Point> = new Map();
  /** The expansion and the restore last taken from the store (each is taken once). */
  let tookExpansion: AppState['expansion'] = null;
  let tookRestore: AppState['restore'] = null;
  /** Neighbours expanded while the network was out of sight or not drawn yet: added when it is
   * drawn (`counted`: already in the store's `expanded`). */
  let pending: { near: string; network: Network; counted: boolean }[] = [];
  /** An investigation's positions arrived out of sight: laid out when the network is shown. */
  let restoreOnShow = false;
  /** What expansions drew beside the network (not undone): a patch of the network (a fold
   * opened or closed, a curation) or a redraw of it keeps them. */
  const held = { nodes: new Set<string>(), edges: new Set<string>() };

  const emphasis = (): Emphasis => {
    const s = store.get();
    return {
      hidden: s.hidden,
      pinned: s.pinned,
      hovered: s.hovered,
      selection: s.url.selection,
      marked: s.placeActors,
      time: activity,
    };
  };

  /** The edges' event days, listed and indexed by day once per graph (not on every step). */
  interface Timed {
    of: ActorGraph;
    size: number;
    edges: TimedEdge[];
    index: DayIndex;
    stamp: Int32Array;
  }
  let timed: Timed | null = null;
  function timedEdges(): Timed {
    if (timed?.of !== graph || timed.size !== graph.size) {
      const edges: TimedEdge[] = [];
      graph.forEachEdge((id, a, source, target) =>
        // A fold's tie has no dates: in no window.
        edges.push({ id, source, target, days: a.edge?.days ?? [], undated: a.edge?.undated ?? 0 }),
      );
      timed = {
        of: graph,
        size: graph.size,
        edges,
        index: indexDays(edges),
        stamp: new Int32Array(edges.length),
      };
    }
    return timed;
  }
  /** Big networks' window, unfaded, moved step by step (see core/time/window-step.ts). */
  interface Running {
    state: WindowState;
    of: Timed;
    undated: boolean;
    size: string;
  }
  let running: Running | null = null;
  let steps = 0;

  /** The window computed afresh, and the view told (the playbar's counts). */
  function recomputeActivity(): void {
    activity = computeActivity();
    toldActivity(activity);
  }

  /** The window the store asks for over the current graph's edges (null: no playback). */
  function computeActivity(): WindowActivity | null {
    running = null;
    const { playback, url } = store.get();
    if (playback.head === null) return null;
    const t = timedEdges();
    const w = windowEnding(playback.head, url.window);
    if (graph.size <= BIG_EDGES) return windowActivity(t.edges, w, { undated: url.undated });
    const r: Running = {
      state: freshWindow(t.edges, w, url.undated),
      of: t,
      undated: url.undated,
      size: url.window,
    };
    running = r;
    return r.state.activity;
  }

  /** What a step changed on a big network, recounting only the edges the step touches (however
   * many days it moves when `always`). */
  function stepRunning(always = false): { edges: string[]; nodes: string[] } | null {
    const { playback, url } = store.get();
    const r = running;
    if (
      !r ||
      playback.head === null ||
      r.of !== timedEdges() ||
      r.undated !== url.undated ||
      r.size !== url.window
    )
      return null;
    const w = windowEnding(playback.head, url.window);
    return stepWindow(r.state, r.of.edges, r.of.index, w, r.of.stamp, ++steps, always);
  }

  /** What the layer was loaded from: the edges' days, the actors hidden, where they are drawn
   * (a new layout, a drag) and how they are coloured. */
  let layerFrom: unknown[] = [];
  const layerKey = (): unknown[] => {
    const s = store.get();
    return [timedEdges(), s.hidden, s.drawn, s.url.colorBy, s.countryColors];
  };
  let preparing = 0;
  let layerOn = false;
  /** Sigma's layers that the playback layer stands in for while playing; hidden, as the
   * compositor would blend each full-size layer into every frame (in software: per pixel). */
  const SIGMA_LAYERS = ['edges', 'nodes', 'labels', 'edgeLabels', 'hovers', 'hoverNodes'];

  function playsOnLayer(): boolean {
    const { playback, layoutRunning } = store.get();
    return graph.size > BIG_EDGES && playback.playing && playback.head !== null && !layoutRunning;
  }

  /** Loads the layer with the current graph's segments unless it has them already. */
  function loadLayer(): void {
    const key = layerKey();
    if (key.every((k, i) => k === layerFrom[i])) return;
    const t = timedEdges();
    const hidden = store.get().hidden;
    const spots = new Map<string, Spot>();
    graph.forEachNode((n, a) => {
      const d = renderer.getNodeDisplayData(n);
      if (d && !hidden.has(n))
        spots.set(n, { x: d.x, y: d.y, size: d.size, color: colorBytes(a.color) });
    });
    layer.load(
      buildSegments(
        t.edges,
        (n) => spots.get(n),
        (e) => colorBytes(graph.getEdgeAttribute(e.id, 'color')),
      ),
    );
    layerFrom = key;
  }

  /** In time playback on a big network, the layer is loaded ahead, when the browser is idle,
   * so that pressing play starts at once. */
  function prepareLayer(): void {
    const { playback, layoutRunning, url } = store.get();
    // Not for a network out of sight: leaving the view gave the layer's memory back.
    if (url.view !== 'network') return;
    if (graph.size <= BIG_EDGES || playback.head === null || layoutRunning || preparing) return;
    const later = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
    preparing = later(() => {
      preparing = 0;
      const now = store.get();
      if (now.playback.head !== null && !now.layoutRunning && now.url.view === 'network')
        loadLayer();
    });
  }

  /** Hands the drawing to the layer when big-network playing starts, and back when it stops. */
  function syncLayer(): void {
    const on = playsOnLayer();
    if (on === layerOn) return;
    layerOn = on;
    const canvases = renderer.getCanvases();
    for (const name of SIGMA_LAYERS)
      if (canvases[name]) canvases[name].style.visibility = on ? 'hidden' : '';
    layer.show(on);
    // On: drawn by the step that follows. Off: sigma still shows the window of when playing
    // started.
    if (on) return loadLayer();
    recomputeActivity();
    // Out of sight, sigma draws the window when the network is shown again.
    if (store.get().url.view === 'network') renderer.refresh({ skipIndexation: true });
  }

  function drawLayer(): void {
    const { playback, url } = store.get();
    if (playback.head === null) return;
    layer.draw(windowEnding(playback.head, url.window), url.undated, activity?.nodes ?? new Set());
  }

  /** A step while the layer plays: the window's activity kept up (the playbar's counts) from the
   * edges with events on the days the step moved over, and a draw. */
  function stepOnLayer(): void {
    const t0 = performance.now();
    if (!activity || !stepRunning(true)) activity = computeActivity();
    loadLayer();
    drawLayer();
    if (timeSteps.push(performance.now() - t0) > 1000) timeSteps.shift();
  }

  /**
   * Redraws what a window step changed: only those edges and actors are run through the
   * reducers again (a step changes a few thousand of 50,000 edges), not the whole graph.
   */
  function applyTime(): void {
    applyWindow();
    toldActivity(activity);
  }

  function applyWindow(): void {
    syncLayer();
    if (layerOn) return stepOnLayer();
    prepareLayer();
    const t0 = performance.now();
    const prev = activity;
    let changed = prev ? stepRunning() : null;
    if (!changed) {
      // A refused step leaves the running window untouched and a fresh one has maps of its own,
      // so `prev` is still the window drawn before.
      activity = computeActivity();
      if (!prev || !activity) return void renderer.refresh({ skipIndexation: true });
      changed = changedBetween(prev, activity);
    }
    if (changed.edges.length || changed.nodes.length)
      renderer.refresh({ partialGraph: changed, skipIndexation: true });
    if (timeSteps.push(performance.now() - t0) > 1000) timeSteps.shift();
  }

  const renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
    defaultEdgeType: 'arrow',
    // The plugins are typed for untyped graphs; ours only adds attributes.
    edgeProgramClasses: {
      curved: EdgeCurvedArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
      // Big networks' plain lines, drawn without instancing (see flat-edge-program.ts).
      line: FlatEdgeProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
    },
    // Big networks' actors: one vertex each (sigma's circles are instanced, slow in software WebGL).
    nodeProgramClasses: {
      point: NodePointProgram as unknown as NodeProgramType<NodeAttrs, EdgeAttrs>,
    },
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    // Labels are placed and drawn by the label layer (priority, no overlap, inside the canvas);
    // these settings style sigma's hover label only.
    renderLabels: false,
    labelFont: LABEL_FONT,
    labelSize: MAJOR_SIZE,
    labelWeight: '600',
    labelColor: { color: '#1f2328' },
    zIndex: true,
    minCameraRatio: 0.05,
    maxCameraRatio: 8,
    stagePadding: 90, // room for labels at the edges
    // The network tab can be hidden (display: none) while data arrives.
    allowInvalidContainer: true,
    nodeReducer: (node, data) => reduceNode(graph, emphasis(), node, data),
    edgeReducer: (edge, data) => reduceEdge(graph, emphasis(), edge, data),
  });

  const labels = startLabelLayer(renderer, () => graph);
  /** Big networks play on a layer of their own (see playback-layer.ts). */
  const layer = createPlaybackLayer(renderer);
  let renders = 0;
  renderer.on('afterRender', () => {
    // The camera moved, or the canvas was resized: the layer follows.
    if (layerOn) drawLayer();
    renders++;
    if (firstRenderAt === null && dataAt > 0) firstRenderAt = performance.now();
  });
  renderer.on('enterNode', ({ node }) => store.set({ hovered: node }));
  renderer.on('leaveNode', () => store.set({ hovered: null }));
  renderer.on('clickNode', ({ node }) => {
    if (dragMoved) return;
    const country = foldCountry(node);
    if (country) openFold(country);
    else select({ type: 'actor', id: node });
  });
  renderer.on('clickEdge', ({ edge }) => {
    // A tie to a fold opens the fold (the first of two).
    const fold = graph
      .extremities(edge)
      .map(foldCountry)
      .find((c) => c !== null);
    if (fold) openFold(fold);
    else select({ type: 'edge', id: edge });
  });
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
      store.set((s) => ({ pinned: new Set(s.pinned).add(id), drawn: drawnPositions(graph) }));
      savePositions(graph); // the analyst's arrangement is kept too
    }
    dragged = null;
  });

  store.subscribe((s, prev) => {
    if (
      s.hovered !== prev.hovered ||
      s.url.selection !== prev.url.selection ||
      s.hidden !== prev.hidden ||
      s.pinned !== prev.pinned ||
      s.placeActors !== prev.placeActors
    ) {
      renderer.refresh({ skipIndexation: true });
    }
    if (s.url.colorBy !== prev.url.colorBy || s.countryColors !== prev.countryColors)
      restyle(graph, coloring());
    if (s.pinned !== prev.pinned) {
      for (const id of prev.pinned) if (!s.pinned.has(id)) setFixed(id, false);
      for (const id of s.pinned) if (!prev.pinned.has(id)) setFixed(id, true);
    }
    // Drawn only while the network view is shown: building, indexing and laying out a big
    // network holds the main thread for seconds, which the map or another view opened first
    // should not wait for. What arrived meanwhile is drawn when the view is shown.
    if (s.network.status === 'ready' && s.network !== prev.network) {
      waiting = s.network.data;
      // A new network, not a patch of this one: the neighbours expanded into the old one are
      // gone (the data controller empties `expanded` too).
      if (s.networkPatch?.to !== waiting) pending = [];
    } else if (s.url.isolates !== prev.url.isolates && lastNet) waiting ??= lastNet;
    if (s.url.view === 'network') show();
    take();
    if (
      s.playback.head !== prev.playback.head ||
      s.url.window !== prev.url.window ||
      s.url.undated !== prev.url.undated ||
      (layerOn && s.hidden !== prev.hidden)
    )
      applyTime();
    else if (
      s.playback.playing !== prev.playback.playing ||
      s.layoutRunning !== prev.layoutRunning
    ) {
      // Big-network playing starts or stops (on the layer), or a layout ends (load it ahead).
      if (layerOn !== playsOnLayer()) applyTime();
      else prepareLayer();
    }
    // Out of time playback, or the network out of sight: the layer gives its memory back
    // (paused, it keeps it, to play again at once).
    if (
      (s.playback.head === null && prev.playback.head !== null) ||
      (s.url.view !== 'network' && prev.url.view === 'network')
    ) {
      layer.release();
      layerFrom = [];
    }
  });

  // What the store holds for the graph from before this controller was made.
  take();

  /** Draws what arrived while the network was out of sight: the network, the neighbours
   * expanded meanwhile, an investigation's positions. */
  function show(): void {
    let laid = false;
    if (waiting) {
      const net = waiting;
      waiting = null;
      // A curation's patch to the network on screen is applied in place.
      const p = store.get().networkPatch;
      if (p && p.to === net && p.from === lastNet) patchNetwork(p.from, net, p.relayout, p.gone);
      else laid = setNetwork(net, net === lastNet || p?.to === net);
    }
    laid = addPending() || laid;
    if (restoreOnShow) {
      restoreOnShow = false;
      if (!laid && graph.order) void relayout();
    }
  }

  /** Takes the store's expansion and investigation positions (set since, or before this
   * controller was made): drawn now when the network is on screen, else when it is shown. */
  function take(): void {
    const s = store.get();
    const onScreen = s.url.view === 'network' && !waiting;
    if (s.expansion && s.expansion !== tookExpansion) {
      tookExpansion = s.expansion;
      const { near, network } = s.expansion;
      pending.push({ near, network, counted: !onScreen });
      // Counted now, so that a view saved before the network is shown keeps it.
      if (!onScreen)
        store.set((st) => ({
          expanded: applyExpanded(
            st.expanded,
            { kind: 'expand', node: near, nodes: [], edges: [] },
            false,
          ),
        }));
      else addPending();
    }
    // An opened investigation: its positions are the saved ones, laid out as every saved one is
    // (held still; actors it did not have find room around them).
    if (s.restore && s.restore !== tookRestore) {
      tookRestore = s.restore;
      restored = s.restore.positions;
      storePositions(restored);
      if (onScreen) {
        if (graph.order) void relayout();
      } else {
        restoreOnShow = true;
        // Where they will be drawn, so that a view saved before the network is shown keeps them.
        const now = waiting ? new Map<string, Point>() : drawnPositions(graph);
        store.set({ drawn: new Map([...now, ...restored]) });
      }
    }
  }

  function setFixed(id: string, fixed: boolean): void {
    if (graph.hasNode(id)) graph.setNodeAttribute(id, 'fixed', fixed);
  }

  /** Draws a network (without its isolates unless the URL asks for them), with the neighbours
   * expanded before it was drawn and the pinned actors held. True: it is being laid out. */
  function setNetwork(net: Network, keepHeld = false): boolean {
    lastNet = net;
    dataAt = performance.now();
    firstRenderAt = null;
    layout?.stop();
    // A fresh graph handed to sigma in one go: one indexation instead of an event per item.
    const next = buildGraph(drawnNetwork(net, store.get().url.isolates), coloring());
    // The same network drawn again, or a patch of it drawn afresh: the expansions stay.
    if (keepHeld) carryHeld(graph, next);
    else {
      held.nodes.clear();
      held.edges.clear();
    }
    const queued = pending;
    pending = [];
    for (const x of queued) addNeighbours(next, x);
    if (queued.length) restyle(next, coloring());
    for (const id of store.get().pinned)
      if (next.hasNode(id)) next.setNodeAttribute(id, 'fixed', true);
    const big = next.size > BIG_EDGES;
    // Arrowheads are unreadable at that density and cost a second WebGL program per edge.
    if (big) next.updateEachEdgeAttributes((_, a) => ({ ...a, type: 'line' as const }));
    // Big networks: drawing 10k+ edges on every camera frame makes panning sluggish. Settings
    // first (each change re-renders), while the previous graph is still installed.
    if (renderer.getSetting('hideEdgesOnMove') !== big) {
      renderer.setSetting('hideEdgesOnMove', big);
      renderer.setSetting('hideLabelsOnMove', big);
      renderer.setSetting('defaultNodeType', big ? 'point' : 'circle');
    }
    graph = next;
    recomputeActivity();
    renderer.setCustomBBox(null); // a network drawn afresh is framed whole (see keepFraming)
    renderer.setGraph(graph);
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    void relayout().then((ended) => {
      if (ended) void renderer.getCamera().animatedReset({ duration: 300 });
    });
    return true;
  }

  /**
   * Draws a curation's patched network into the graph on show, in place: no new layout, no
   * camera move; new actors go beside their neighbours (core/network/patch-graph.ts), and sigma
   * redraws only what changed (sigma-patch.ts).
   */
  function patchNetwork(from: Network, net: Network, layNew = false, gone: string[] = []): void {
    const big = graph.size > BIG_EDGES;
    interruptLayout();
    lastNet = net;
    dataAt = performance.now();
    firstRenderAt = null;
    const prevActivity = activity;
    if (layNew) keepFraming();
    let p: GraphPatch;
    try {
      p = drawPatch(renderer, () => {
        const { isolates } = store.get().url;
        const patch = patchGraph(graph, withoutHeld(from), net, coloring(), isolates, big, gone);
        timed = null; // the edges' days may have changed
        recomputeActivity();
        return patch;
      });
    } catch {
      return void setNetwork(net, true); // half patched: drawn afresh
    }
    // Crossing the big-network line changes how everything is drawn: draw afresh.
    if (graph.size > BIG_EDGES !== big) return void setNetwork(net, true);
    // In time playback, the window over the patched edges may show any edge otherwise.
    if (activity || prevActivity) renderer.refresh({ skipIndexation: true });
    if (p.added.nodes.length || p.dropped.nodes.length) store.set({ drawn: drawnPositions(graph) });
    // A fold opened or closed: what came in finds its place among the actors drawn before.
    if (layNew && p.added.nodes.length) void relayout(false, true);
  }

  /**
   * Keeps sigma's framing of graph positions as it is: sigma frames the graph's extent, so
   * actors coming or going around the drawing (a fold opened or closed in place) moved every
   * actor drawn before 20-100 px on screen, though their positions had not changed. Fit, the
   * Layout button and a network drawn afresh frame the whole graph again.
   */
  function keepFraming(): void {
    if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
  }

  /**
   * Stops the layout under way where it is, without what ends a layout (room for labels, the
   * camera's framing, saved positions): a curation's patch arriving meanwhile leaves the view
   * as the analyst sees it.
   */
  function interruptLayout(): void {
    const run = layout;
    if (!run) return;
    layout = null;
    run.stop();
    store.set({ layoutRunning: false, drawn: drawnPositions(graph) });
  }

  /** The expansions' actors and edges from one graph into another, drawn the same. */
  function carryHeld(from: ActorGraph, to: ActorGraph): void {
    for (const n of held.nodes) {
      if (!from.hasNode(n)) held.nodes.delete(n);
      else if (!to.hasNode(n)) to.addNode(n, { ...from.getNodeAttributes(n) });
    }
    for (const e of held.edges) {
      if (!from.hasEdge(e)) {
        held.edges.delete(e);
        continue;
      }
      const [s, t] = from.extremities(e);
      if (!to.hasEdge(e) && to.hasNode(s) && to.hasNode(t))
        to.addDirectedEdgeWithKey(e, s, t, { ...from.getEdgeAttributes(e) });
    }
  }

  /** A network without what the expansions drew: what a patch from it may take away (an
   * expanded neighbour drawn by a fold opened since stays when the fold is closed). */
  function withoutHeld(net: Network): Network {
    if (!held.nodes.size && !held.edges.size) return net;
    const off = (id: string) => held.nodes.has(id);
    return {
      ...net,
      nodes: net.nodes.filter((n) => !off(n.id)),
      edges: net.edges.filter((e) => !held.edges.has(e.id) && !off(e.source) && !off(e.target)),
    };
  }

  /** Adds an actor's neighbours around it into `g`; the undo history records what was added.
   * Returns how many actors were added. */
  function addNeighbours(
    g: ActorGraph,
    { near, network, counted }: { near: string; network: Network; counted: boolean },
  ): number {
    const p = g.hasNode(near) ? g.getNodeAttributes(near) : undefined;
    const copy = g.copy();
    const added = mergeNetwork(copy, network, coloring(), p ? { x: p.x, y: p.y } : undefined);
    for (const n of added.nodes) g.addNode(n, copy.getNodeAttributes(n));
    for (const e of added.edges)
      g.addDirectedEdgeWithKey(e, copy.source(e), copy.target(e), copy.getEdgeAttributes(e));
    for (const n of added.nodes) held.nodes.add(n);
    for (const e of added.edges) held.edges.add(e);
    const op: GraphOp = { kind: 'expand', node: near, ...added };
    store.set((s) => {
      const history = record(s.history, op);
      // An expand that added nothing is not recorded, nor kept for a saved investigation.
      const expanded =
        counted || history === s.history ? s.expanded : applyExpanded(s.expanded, op, false);
      return {
        history,
        expanded,
        toast: added.nodes.length
          ? `Added ${added.nodes.length} neighbours`
          : 'All neighbours are already shown',
      };
    });
    return added.nodes.length;
  }

  /** Adds the pending expansions to the drawn graph. True: it is being laid out. */
  function addPending(): boolean {
    if (!pending.length) return false;
    const queued = pending;
    pending = [];
    let added = 0;
    for (const x of queued) added += addNeighbours(graph, x);
    recomputeActivity();
    renderer.refresh();
    restyle(graph, coloring());
    if (added) void relayout();
    return added > 0;
  }

  /**
   * Room for the guaranteed labels at the framing camera: nudges nodes apart in pixels and maps
   * them back to graph coordinates; a few rounds, since spreading changes the framing. Actors
   * placed before stay; new ones move out of their way.
   */
  function makeLabelRoom(placed: Set<string>): void {
    if (graph.order > 1000 || graph.order < 2) return;
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return;
    ctx.font = `600 ${MAJOR_SIZE}px ${LABEL_FONT}`;
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    for (let round = 0; round < 6; round++) {
      renderer.refresh();
      const spots = graph.mapNodes((id, a) => {
        const d = renderer.getNodeDisplayData(id)!;
        const p = renderer.framedGraphToViewport(d);
        const w = a.forceLabel ? ctx.measureText(a.label).width : 0;
        return { id, x: p.x, y: p.y, r: renderer.scaleSize(d.size), w, fixed: placed.has(id) };
      });
      const moved = makeRoom(spots, {
        fontSize: MAJOR_SIZE,
        width: renderer.getDimensions().width,
      });
      let changed = false;
      for (const sp of spots) {
        const p = moved.get(sp.id)!;
        if (Math.abs(p.x - sp.x) < 0.5 && Math.abs(p.y - sp.y) < 0.5) continue;
        changed = true;
        const gp = renderer.viewportToGraph(p);
        graph.mergeNodeAttributes(sp.id, { x: gp.x, y: gp.y });
      }
      if (!changed) break;
    }
  }

  /** Lays the graph out; true once done, false when stopped by another layout or a patch. */
  /** Lays the graph out; `keepCamera` when a fold opened or closed in place. */
  function relayout(fresh = false, keepCamera = false): Promise<boolean> {
    layout?.stop();
    store.set({ layoutRunning: true });
    communityOf = communities(graph);
    if (store.get().url.colorBy === 'community') restyle(graph, coloring());
    if (fresh) restored = new Map();
    const saved = fresh ? new Map<string, Point>() : new Map([...loadSaved(), ...restored]);
    const placed = new Set(graph.filterNodes((n) => saved.has(n)));
    const run = runLayout(graph, { saved, communities: communityOf });
    layout = run;
    lastLayout = run;
    return run.done.then(() => {
      if (layout !== run) return false;
      layout = null;
      // With the isolates drawn the framing is another one: room is made, and positions saved,
      // for the default view only.
      if (!store.get().url.isolates) {
        // Making room frames the whole graph; an analyst zoomed in on what was added stays there.
        const camera = keepCamera ? renderer.getCamera().getState() : null;
        makeLabelRoom(placed);
        if (camera) renderer.getCamera().setState(camera);
        savePositions(graph);
      }
      store.set({ layoutRunning: false, drawn: drawnPositions(graph) });
      return true;
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
    undoExpansion(op) {
      const s = store.get();
      const ids = undoneActors(op, {
        answer: new Set(lastNet?.nodes.map((n) => n.id)),
        expanded: s.expanded,
        neighbours: (id) => (graph.hasNode(id) ? graph.neighbors(id) : []),
        selected: s.url.selection?.type === 'actor' ? s.url.selection.id : null,
      });
      // What it drew and stays is the network's own from now on.
      for (const id of op.nodes) held.nodes.delete(id);
      for (const id of op.edges) held.edges.delete(id);
      for (const id of ids) if (graph.hasNode(id)) graph.dropNode(id);
      recomputeActivity();
      restyle(graph, coloring());
      store.set({ drawn: drawnPositions(graph) });
    },
    relayout: async (fresh) => {
      // The Layout button lays everything out anew: framed whole again.
      if (fresh) renderer.setCustomBBox(null);
      await relayout(fresh);
    },
    idle: () => layout?.done ?? Promise.resolve(),
    flyTo(id) {
      if (!graph.hasNode(id)) return;
      // Frame the actor with its neighbours (not a zoom so deep that they leave the screen).
      const group = [id, ...graph.neighbors(id)].filter((n) => !store.get().hidden.has(n));
      const cam = renderer.getCamera();
      if (group.length === 1) {
        const t = camTarget(id);
        if (t) void cam.animate({ ...t, ratio: Math.min(cam.ratio, 0.5) }, { duration: 600 });
        return;
      }
      const fit = getCameraStateToFitViewportToNodes(renderer as unknown as Sigma, group);
      // Room for the labels around the group, and never deeper than a useful zoom.
      const ratio = Math.min(1, Math.max(0.12, fit.ratio * 1.35));
      void cam.animate({ x: fit.x, y: fit.y, ratio, angle: 0 }, { duration: 600 });
    },
    zoom(factor) {
      const cam = renderer.getCamera();
      void (factor > 1
        ? cam.animatedUnzoom({ duration: 250, factor })
        : cam.animatedZoom({ duration: 250, factor: 1 / factor }));
    },
    fit() {
      renderer.setCustomBBox(null);
      void renderer.getCamera().animatedReset({ duration: 300 });
    },
    edgeMidpoint(id) {
      if (!graph.hasEdge(id)) return null;
      const [s, t] = graph.extremities(id);
      const [a, b] = [s, t].map((n) => renderer.graphToViewport(graph.getNodeAttributes(n)));
      const m = edgeMidpoint(a, b, graph.getEdgeAttribute(id, 'curvature') ?? 0);
      const r = container.getBoundingClientRect();
      return { x: r.left + m.x, y: r.top + m.y };
    },
    labelBoxes() {
      const r = container.getBoundingClientRect();
      return labels.boxes().map((b) => ({
        id: b.id,
        label: b.label,
        x: r.left + b.x,
        y: r.top + b.y,
        w: b.w,
        h: b.h,
      }));
    },
    nodePosition(id) {
      if (!graph.hasNode(id)) return null;
      const a = graph.getNodeAttributes(id);
      const v = renderer.graphToViewport({ x: a.x, y: a.y });
      const r = container.getBoundingClientRect();
      return { x: r.left + v.x, y: r.top + v.y };
    },
    async toPng(frame) {
      // WebGL buffers are only readable right after a render, so composite in the same task.
      renderer.refresh();
      const { width, height } = renderer.getDimensions();
      const ratio = window.devicePixelRatio || 1;
      const drawn = document.createElement('canvas');
      drawn.width = width * ratio;
      drawn.height = height * ratio;
      const ctx = drawn.getContext('2d');
      if (!ctx) return null;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, drawn.width, drawn.height);
      const canvases = renderer.getCanvases();
      for (const [name, canvas] of Object.entries(canvases)) {
        if (name === 'mouse') continue;
        ctx.drawImage(canvas, 0, 0, drawn.width, drawn.height);
      }
      const out = framePng(drawn, frame, ratio);
      return new Promise((resolve) => out.toBlob((b) => resolve(b), 'image/png'));
    },
    activity: () => activity,
    probePlayback(head) {
      loadLayer();
      const { url } = store.get();
      return layer.probe(windowEnding(head, url.window), url.undated);
    },
    playbackBytes: () => layer.heldBytes(),
    perf: () => ({
      dataAt,
      firstRenderAt,
      layoutIterations: lastLayout?.iterations() ?? 0,
      layoutSpan: lastLayout?.span() ?? null,
      renders,
      timeSteps: [...timeSteps],
    }),
    onSelect(fn) {
      select = fn;
    },
    onOpenFold(fn) {
      openFold = fn;
    },
    onActivity(fn) {
      toldActivity = fn;
      fn(activity);
    },
  };
}
