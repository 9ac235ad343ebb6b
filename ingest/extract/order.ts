// Sorting the stages' lists in place, stably, without the cost of a sort where they are in order
// already. Array.prototype.sort copies the array into a work area on every call, and a report of
// one sentence (a PLOVER record, a line of JSONL) sorts its few mentions, dates and actors
// several times: that garbage was a good part of its extraction's.

/** Sorts xs in place by cmp (stable, as Array.prototype.sort) unless it is in order; returns xs. */
export function sortInPlace<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i - 1], xs[i]) > 0) return xs.sort(cmp);
  return xs;
}
