// Histogram of event dates for the date-range brush: adaptive bin width (day, week or month-ish)
// so a week of talks and a year of conflict both give a readable bar chart.

export interface Bin {
  start: string; // ISO date, inclusive
  end: string; // ISO date, inclusive
  count: number;
}

export interface Histogram {
  bins: Bin[];
  min: string | null;
  max: string | null;
  max_count: number;
}

const DAY = 86_400_000;
const ISO = /^(\d{4}-\d{2}-\d{2})/;

function toDay(d: string): number | null {
  const m = ISO.exec(d);
  if (!m) return null;
  const t = Date.parse(`${m[1]}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.floor(t / DAY);
}

export function dayToIso(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function binDates(dates: (string | null | undefined)[], maxBins = 40): Histogram {
  return binDays(
    dates.flatMap((date) => (date ? [{ date, events: 1 }] : [])),
    maxBins,
  );
}

/** The histogram of per-day counts (GET /api/timeline), so every event counts, not a page. */
export function binDays(perDay: { date: string; events: number }[], maxBins = 40): Histogram {
  const days = perDay
    .map((d) => ({ day: toDay(d.date), events: d.events }))
    .filter((d): d is { day: number; events: number } => d.day !== null && d.events > 0);
  if (!days.length) return { bins: [], min: null, max: null, max_count: 0 };
  let lo = Infinity;
  let hi = -Infinity;
  for (const { day } of days) {
    lo = Math.min(lo, day);
    hi = Math.max(hi, day);
  }
  const span = hi - lo + 1;
  const width = Math.max(1, Math.ceil(span / maxBins));
  const n = Math.ceil(span / width);
  const counts = new Array<number>(n).fill(0);
  for (const { day, events } of days) counts[Math.floor((day - lo) / width)] += events;
  const bins = counts.map((count, i) => ({
    start: dayToIso(lo + i * width),
    end: dayToIso(Math.min(hi, lo + (i + 1) * width - 1)),
    count,
  }));
  return { bins, min: dayToIso(lo), max: dayToIso(hi), max_count: Math.max(...counts) };
}

/** The bins a brush from x0 to x1 (pixels over a chart `width` wide) covers, as a date range. */
export function brushRange(
  h: Histogram,
  x0: number,
  x1: number,
  width: number,
): { since: string; until: string } | null {
  if (!h.bins.length || width <= 0) return null;
  const [a, b] = x0 <= x1 ? [x0, x1] : [x1, x0];
  const n = h.bins.length;
  const i0 = Math.max(0, Math.min(n - 1, Math.floor((a / width) * n)));
  const i1 = Math.max(0, Math.min(n - 1, Math.floor((b / width) * n)));
  return { since: h.bins[i0].start, until: h.bins[i1].end };
}

/** Pixel extent of a date range over the chart, for drawing the current brush. */
export function rangeExtent(
  h: Histogram,
  since: string | null,
  until: string | null,
  width: number,
): [number, number] | null {
  if (!h.bins.length || (!since && !until)) return null;
  const n = h.bins.length;
  let i0 = 0;
  let i1 = n - 1;
  if (since)
    i0 = Math.max(
      0,
      h.bins.findIndex((b) => b.end >= since),
    );
  if (until) {
    const j = h.bins.findLastIndex((b) => b.start <= until);
    i1 = j < 0 ? 0 : j;
  }
  if (i1 < i0) return null;
  return [(i0 / n) * width, ((i1 + 1) / n) * width];
}
