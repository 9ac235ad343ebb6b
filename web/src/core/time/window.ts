// Time playback's arithmetic: a window of days ending at the play position, and which edges and
// actors of the drawn network have events in it. Edges carry their events' day numbers, sorted
// (NetworkEdge.days), so a window's count is two binary searches: a step over 50,000 edges
// costs a few milliseconds and needs no request.
import { dayIso } from '../../../../domain/index.ts';

/** `asof`: everything up to the play position, the network as it stood on that day. */
export type WindowSize = 'day' | 'week' | 'month' | 'asof';
export const WINDOW_SIZES: readonly WindowSize[] = ['day', 'week', 'month', 'asof'];
export const WINDOW_DAYS: Record<WindowSize, number> = {
  day: 1,
  week: 7,
  month: 30,
  asof: Infinity,
};

/** Days from `start` to `end`, both included (day numbers, see domain/days.ts). */
export interface TimeWindow {
  start: number;
  end: number;
}

/** The window of `size` that ends on day `at`. */
export function windowEnding(at: number, size: WindowSize): TimeWindow {
  return { start: at - WINDOW_DAYS[size] + 1, end: at };
}

/** The first index whose day is ≥ `day` in an ascending list. */
function lowerBound(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the (ascending) days fall in the window, and the latest of them. */
export function eventsIn(
  days: readonly number[],
  w: TimeWindow,
): { count: number; last: number | null } {
  const a = lowerBound(days, w.start);
  const b = lowerBound(days, w.end + 1);
  return { count: b - a, last: b > a ? days[b - 1] : null };
}

/** An edge in the window: how many of its events, and how bright (the newest event's recency). */
export interface EdgeInWindow {
  count: number;
  /** 1 when its latest event in the window is on the window's last day, down to FADED at its first. */
  fade: number;
}

export const FADED = 0.3;

/** What the window shows: the edges with events in it and the actors at their ends. */
export interface WindowActivity {
  window: TimeWindow;
  edges: Map<string, EdgeInWindow>;
  nodes: Set<string>;
}

export interface TimedEdge {
  id: string;
  source: string;
  target: string;
  days: readonly number[];
  /** Events without a full date. */
  undated: number;
}

export interface ActivityOptions {
  /** Edges whose events are all undated are shown in every window (faded): no date says when
   * they were active. */
  undated?: boolean;
  /** Fade edges as their latest event ages (each step then redraws every edge in the window;
   * big networks skip it, so that a step redraws only the edges that come and go). */
  fade?: boolean;
}

/** The window's activity over the edges. */
export function windowActivity(
  edges: Iterable<TimedEdge>,
  w: TimeWindow,
  { undated = false, fade = true }: ActivityOptions = {},
): WindowActivity {
  // "As of" has no start: nothing fades, every event up to the day counts.
  const len = Number.isFinite(w.start) ? Math.max(1, w.end - w.start) : Infinity;
  const out: WindowActivity = { window: w, edges: new Map(), nodes: new Set() };
  for (const e of edges) {
    const { count, last } = eventsIn(e.days, w);
    let state: EdgeInWindow | null = null;
    if (count > 0 && last !== null)
      state = { count, fade: fade ? 1 - ((1 - FADED) * (w.end - last)) / len : 1 };
    else if (undated && e.days.length === 0 && e.undated > 0)
      state = { count: e.undated, fade: FADED };
    if (!state) continue;
    out.edges.set(e.id, state);
    out.nodes.add(e.source);
    out.nodes.add(e.target);
  }
  return out;
}

/** The first and last day of any dated event of the edges; null when none is dated. */
export function dayExtent(
  edges: Iterable<Pick<TimedEdge, 'days'>>,
): { first: number; last: number } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const e of edges) {
    if (!e.days.length) continue;
    first = Math.min(first, e.days[0]);
    last = Math.max(last, e.days[e.days.length - 1]);
  }
  return first <= last ? { first, last } : null;
}

/** The edges and actors whose drawing differs between two windows' activities. */
export function changedBetween(
  a: WindowActivity | null,
  b: WindowActivity | null,
): { edges: string[]; nodes: string[] } {
  const edges: string[] = [];
  const nodes: string[] = [];
  const ea = a?.edges ?? new Map<string, EdgeInWindow>();
  const eb = b?.edges ?? new Map<string, EdgeInWindow>();
  for (const [id, x] of eb) {
    const y = ea.get(id);
    if (!y || y.count !== x.count || Math.abs(y.fade - x.fade) > 0.02) edges.push(id);
  }
  for (const id of ea.keys()) if (!eb.has(id)) edges.push(id);
  const na = a?.nodes ?? new Set<string>();
  const nb = b?.nodes ?? new Set<string>();
  for (const id of nb) if (!na.has(id)) nodes.push(id);
  for (const id of na) if (!nb.has(id)) nodes.push(id);
  return { edges, nodes };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Dec 2025", "6 – 12 Dec 2025" for a longer window, "As of 12 Dec 2025" for everything up
 * to a day (UTC, like the dates in reports). */
export function windowLabel(w: TimeWindow): string {
  const fmt = (d: number, year: boolean) => {
    const [y, m, day] = dayIso(d).split('-');
    return `${Number(day)} ${MONTHS[Number(m) - 1]}${year ? ` ${y}` : ''}`;
  };
  if (!Number.isFinite(w.start)) return `As of ${fmt(w.end, true)}`;
  if (w.start === w.end) return fmt(w.end, true);
  const sameYear = dayIso(w.start).slice(0, 4) === dayIso(w.end).slice(0, 4);
  return `${fmt(w.start, !sameYear)} – ${fmt(w.end, true)}`;
}
