// Timestamps as an analyst reads them ("30 Nov 2026, 05:12 UTC"), not raw ISO strings. UTC, so
// that two analysts comparing notes see the same time for the same revision.
const FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

export function formatTimestamp(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${FORMAT.format(t)} UTC`;
}
