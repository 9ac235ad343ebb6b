// A playback step in O(what it changes): moving the window by a day changes only the edges with
// an event on the day that enters or the day that leaves, so the edges are indexed once by the
// days of their events and a step recounts those alone, instead of all 50,000. Unfaded windows
// only (big networks): with fading, every edge in the window changes brightness each step.
import {
  dayExtent,
  eventsIn,
  windowActivity,
  type TimedEdge,
  type TimeWindow,
  type WindowActivity,
} from './window.ts';

/** The edges with an event on each day: edges[offsets[d - first] .. offsets[d - first + 1]). */
export interface DayIndex {
  first: number;
  last: number;
  offsets: Int32Array;
  edges: Int32Array;
}

/** Indexes the edges (positions in `edges`) by the days of their events; each once per day. */
export function indexDays(edges: readonly Pick<TimedEdge, 'days'>[]): DayIndex {
  const extent = dayExtent(edges);
  if (!extent) return { first: 0, last: -1, offsets: new Int32Array(1), edges: new Int32Array() };
  const { first, last } = extent;
  const span = last - first + 1;
  const counts = new Int32Array(span + 1);
  const eachDay = (fn: (day: number, i: number) => void) =>
    edges.forEach((e, i) => e.days.forEach((day, k) => day !== e.days[k - 1] && fn(day, i)));
  eachDay((day) => counts[day - first + 1]++);
  for (let k = 1; k <= span; k++) counts[k] += counts[k - 1];
  const offsets = counts.slice();
  const out = new Int32Array(counts[span]);
  eachDay((day, i) => (out[counts[day - first]++] = i));
  return { first, last, offsets, edges: out };
}

/** Where the window's days lie in `index.edges`: positions [from, to), in day order. */
export function dayRange(index: DayIndex, w: TimeWindow): { from: number; to: number } {
  const lo = Math.max(index.first, w.start);
  const hi = Math.min(index.last, w.end);
  if (lo > hi) return { from: 0, to: 0 };
  return { from: index.offsets[lo - index.first], to: index.offsets[hi - index.first + 1] };
}

/** The running window: its activity and how many of each actor's edges are in it. */
export interface WindowState {
  activity: WindowActivity;
  /** Edges in the window per actor (an actor is drawn while it has one). */
  degree: Map<string, number>;
}

/** A window computed afresh over every edge (unfaded). */
export function freshWindow(
  edges: readonly TimedEdge[],
  w: TimeWindow,
  undated: boolean,
): WindowState {
  const activity = windowActivity(edges, w, { undated, fade: false });
  const degree = new Map<string, number>();
  const byId = new Map(edges.map((e) => [e.id, e]));
  for (const id of activity.edges.keys()) {
    const e = byId.get(id)!;
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  return { activity, degree };
}

/** Days in one window and not the other, within the indexed days; null when a window is open-ended
 * on one side only. */
function daysBetween(a: TimeWindow, b: TimeWindow, index: DayIndex): number[] | null {
  const open = (w: TimeWindow) => !Number.isFinite(w.start);
  if (open(a) !== open(b)) return null;
  const inA = (d: number) => d >= a.start && d <= a.end;
  const inB = (d: number) => d >= b.start && d <= b.end;
  const lo = Math.max(index.first, Math.min(open(a) ? a.end : a.start, open(b) ? b.end : b.start));
  const hi = Math.min(index.last, Math.max(a.end, b.end));
  const out: number[] = [];
  for (let d = lo; d <= hi; d++) if (inA(d) !== inB(d)) out.push(d);
  return out;
}

/**
 * Moves the window to `next`, recounting only the edges with events on the days that entered or
 * left it; mutates `state` and returns the edges and actors whose drawing changed. Null when the
 * step touches so many days that a fresh window is cheaper, unless `always` (the caller wants
 * no work over every edge in one step, however long the step).
 */
export function stepWindow(
  state: WindowState,
  edges: readonly TimedEdge[],
  index: DayIndex,
  next: TimeWindow,
  stamp: Int32Array,
  step: number,
  always = false,
): { edges: string[]; nodes: string[] } | null {
  const days = daysBetween(state.activity.window, next, index);
  if (!days || (!always && days.length * 3 > index.last - index.first + 1)) return null;
  const { activity, degree } = state;
  const changed = { edges: [] as string[], nodes: [] as string[] };
  /** The actors whose edge count moved, with whether they were drawn before the step. */
  const touched = new Map<string, boolean>();
  const bump = (actor: string, by: 1 | -1) => {
    if (!touched.has(actor)) touched.set(actor, activity.nodes.has(actor));
    const n = (degree.get(actor) ?? 0) + by;
    if (n > 0) {
      degree.set(actor, n);
      activity.nodes.add(actor);
    } else {
      degree.delete(actor);
      activity.nodes.delete(actor);
    }
  };
  for (const day of days) {
    const k = day - index.first;
    for (let j = index.offsets[k]; j < index.offsets[k + 1]; j++) {
      const i = index.edges[j];
      if (stamp[i] === step) continue;
      stamp[i] = step;
      const e = edges[i];
      const { count } = eventsIn(e.days, next);
      const was = activity.edges.get(e.id);
      if (count > 0) {
        if (was?.count === count) continue;
        activity.edges.set(e.id, { count, fade: 1 });
        if (!was) {
          bump(e.source, 1);
          bump(e.target, 1);
        }
      } else if (was) {
        activity.edges.delete(e.id);
        bump(e.source, -1);
        bump(e.target, -1);
      } else continue;
      changed.edges.push(e.id);
    }
  }
  for (const [actor, was] of touched)
    if (activity.nodes.has(actor) !== was) changed.nodes.push(actor);
  activity.window = next;
  return changed;
}
