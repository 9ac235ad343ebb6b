// Event dates as day numbers (days since 1970-01-01, UTC): the network carries each edge's event
// days as small integers, so the viewer can slide a time window over them without parsing dates.
// Only a full date (YYYY-MM-DD…) has a day; a month or a year alone does not.

const DAY_MS = 86_400_000;
const FULL_DATE = /^(\d{4}-\d{2}-\d{2})/;

/** The day number of a full date, or null for a partial, missing or invalid one. */
export function dayNumber(date: string | null | undefined): number | null {
  const m = date ? FULL_DATE.exec(date) : null;
  if (!m) return null;
  const t = Date.parse(`${m[1]}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS);
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function dayIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
