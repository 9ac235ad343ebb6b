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
  /** Edges in the window per actor, by the actor's number (an actor is drawn while it has one).
   * Numbers, not a map by name: a step moves thousands of ends, and only the actors that come
   * or go need their names. */
  degree: Int32Array;
  /** The actors' names by number. */
  actors: string[];
  /** The ends of edge i (its position in the edges) as actor numbers: 2i source, 2i + 1 target. */
  ends: Int32Array;
}

/** A window computed afresh over every edge (unfaded). */
export function freshWindow(
  edges: readonly TimedEdge[],
  w: TimeWindow,
  undated: boolean,
): WindowState {
  const activity = windowActivity(edges, w, { undated, fade: false });
  const numbers = new Map<string, number>();
  const actors: string[] = [];
  const ends = new Int32Array(edges.length * 2);
  const numberOf = (actor: string): number => {
    let n = numbers.get(actor);
    if (n === undefined) numbers.set(actor, (n = actors.push(actor) - 1));
    return n;
  };
  const degree = new Int32Array(edges.length * 2);
  edges.forEach((e, i) => {
    ends[2 * i] = numberOf(e.source);
    ends[2 * i + 1] = numberOf(e.target);
    if (activity.edges.has(e.id)) {
      degree[ends[2 * i]]++;
      degree[ends[2 * i + 1]]++;
    }
  });
  return { activity, degree: degree.slice(0, actors.length), actors, ends };
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
  const { activity, degree, actors, ends } = state;
  const changed = { edges: [] as string[], nodes: [] as string[] };
  /** The actors drawn or no longer drawn on the way, with whether they were drawn before. */
  const touched = new Map<number, boolean>();
  const bump = (actor: number, by: 1 | -1) => {
    const n = (degree[actor] += by);
    if (n > 1 || (n === 1 && by < 0)) return; // drawn before and after
    if (!touched.has(actor)) touched.set(actor, n === 0);
    if (n === 1) activity.nodes.add(actors[actor]);
    else activity.nodes.delete(actors[actor]);
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
          bump(ends[2 * i], 1);
          bump(ends[2 * i + 1], 1);
        }
      } else if (was) {
        activity.edges.delete(e.id);
        bump(ends[2 * i], -1);
        bump(ends[2 * i + 1], -1);
      } else continue;
      changed.edges.push(e.id);
    }
  }
  for (const [actor, was] of touched)
    if (activity.nodes.has(actors[actor]) !== was) changed.nodes.push(actors[actor]);
  activity.window = next;
  return changed;
}
