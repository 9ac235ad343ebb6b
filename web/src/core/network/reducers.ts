// What sigma draws for each node and edge given the view's emphasis: hidden actors vanish, the
// hovered or selected actor lights up with its neighbours, a selected edge with its two ends, and
// the actors of the places chosen on the map stand out together; everything else is dimmed. In
// time playback only the edges with events in the window, and their actors, are drawn: an edge
// thicker with more events in it, fading as its latest event ages. Pure: the graph controller
// hands these to sigma as its reducers.
import type { Attributes } from 'graphology-types';
import { parseEdgeId } from './edge-events.ts';
import type { WindowActivity } from '../time/window.ts';
import type { Selection } from '../url/url-state.ts';

export const DIM_NODE = '#dfe2e6';
export const DIM_EDGE = '#eef0f2';

/** The part of the app state the reducers read. */
export interface Emphasis {
  hidden: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
  hovered: string | null;
  selection: Selection;
  /** The actors of the places chosen on the map (none: no map selection). */
  marked: ReadonlySet<string>;
  /** Time playback's window (null: the whole network). */
  time?: WindowActivity | null;
}

/** An edge's width in a time window: 2 px for one event, up to 6.5 px from ten. */
export function windowEdgeSize(count: number): number {
  return 2 + 4.5 * Math.sqrt((Math.min(count, 10) - 1) / 9);
}

/**
 * The colour at `alpha` (colours are #rrggbb or #rrggbbaa; their own alpha is replaced), its
 * red, green and blue multiplied by it: sigma blends as premultiplied colours do (ONE,
 * ONE_MINUS_SRC_ALPHA), so a plain colour at 42% came out almost white over the page, and an
 * edge fading in a time window vanished instead of fading.
 */
function faded(color: string, alpha: number): string {
  const a = Math.max(0, Math.min(1, alpha));
  const byte = (i: number) =>
    Math.round(parseInt(color.slice(i, i + 2), 16) * a)
      .toString(16)
      .padStart(2, '0');
  return `#${byte(1)}${byte(3)}${byte(5)}${Math.round(a * 255)
    .toString(16)
    .padStart(2, '0')}`;
}

/** What the reducers need to know of the graph. */
export interface GraphShape {
  hasNode(node: string): boolean;
  areNeighbors(a: string, b: string): boolean;
  extremities(edge: string): [string, string];
}

/** The actor the view centres on: the hovered one, else the selected one. */
export function focusOf(e: Emphasis): string | null {
  return e.hovered ?? (e.selection?.type === 'actor' ? e.selection.id : null);
}

export function reduceNode<D extends Attributes & { label?: string | null }>(
  g: GraphShape,
  e: Emphasis,
  node: string,
  data: D,
): D & Attributes {
  if (e.hidden.has(node)) return { ...data, hidden: true };
  // Out of the time window, unless it is the actor the analyst is looking at.
  if (e.time && !e.time.nodes.has(node) && node !== focusOf(e)) return { ...data, hidden: true };
  const res = { ...data };
  if (e.pinned.has(node)) res.label = `${data.label} ·`;
  const edgeSel = e.selection?.type === 'edge' ? parseEdgeId(e.selection.id) : null;
  if (edgeSel) {
    if (node === edgeSel.source || node === edgeSel.target)
      return { ...res, highlighted: true, forceLabel: true, zIndex: 2 };
    return { ...res, color: DIM_NODE, forceLabel: false, zIndex: 0 };
  }
  const focus = focusOf(e);
  if ((!focus || !g.hasNode(focus)) && e.marked.size) {
    return e.marked.has(node)
      ? { ...res, highlighted: true, forceLabel: true, zIndex: 2 }
      : { ...res, color: DIM_NODE, label: '', forceLabel: false, zIndex: 0 };
  }
  if (!focus || !g.hasNode(focus)) return res;
  if (node === focus) return { ...res, highlighted: true, forceLabel: true, zIndex: 2 };
  if (g.areNeighbors(node, focus)) return { ...res, forceLabel: true, zIndex: 1 };
  return { ...res, color: DIM_NODE, label: '', forceLabel: false, zIndex: 0 };
}

export function reduceEdge<D extends Attributes & { size: number }>(
  g: GraphShape,
  e: Emphasis,
  edge: string,
  data: D,
): D & Attributes {
  const [src, tgt] = g.extremities(edge);
  if (e.hidden.has(src) || e.hidden.has(tgt)) return { ...data, hidden: true };
  if (e.time) {
    const w = e.time.edges.get(edge);
    if (!w) return { ...data, hidden: true };
    data = { ...data, size: windowEdgeSize(w.count), color: faded(String(data.color), w.fade) };
  }
  if (e.selection?.type === 'edge') {
    return e.selection.id === edge
      ? { ...data, size: data.size + 2, zIndex: 2 }
      : { ...data, color: DIM_EDGE, zIndex: 0 };
  }
  const focus = focusOf(e);
  if ((!focus || !g.hasNode(focus)) && e.marked.size) {
    return e.marked.has(src) && e.marked.has(tgt)
      ? { ...data, zIndex: 1 }
      : { ...data, color: DIM_EDGE, zIndex: 0 };
  }
  if (!focus || !g.hasNode(focus)) return data;
  return src === focus || tgt === focus
    ? { ...data, zIndex: 1 }
    : { ...data, color: DIM_EDGE, zIndex: 0 };
}
