// Publication dates as the extraction core wants them: a real calendar day, YYYY-MM-DD.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// An ISO timestamp keeps the publisher's own calendar day: "2025-12-20T23:30:00-05:00" is the 20th.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;

/** True for a YYYY-MM-DD string naming a day that exists. */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A day or ISO timestamp as YYYY-MM-DD, or null when it is neither. */
export function publicationDay(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const day = TIMESTAMP.exec(trimmed)?.[1] ?? trimmed;
  return isCalendarDay(day) ? day : null;
}
