// A sparkline of events over time: bars over the corpus's span (the same axis in every panel),
// read out as one sentence to screen readers.
import { dayIso } from '../../../domain/index.ts';
import type { NetworkEdge } from '../../../server/api/types.ts';
import type { AppState } from '../app/store.ts';
import { sparkBins } from '../core/time/sparkline.ts';
import { dayExtent } from '../core/time/window.ts';
import { el, svg } from '../dom/el.ts';

const BINS = 36;
const W = 252;
const H = 28;

/** The drawn network's edges (what the sparklines count), or none. */
export const networkEdges = (s: AppState): NetworkEdge[] =>
  ('data' in s.network && s.network.data?.edges) || [];

export function sparkline(
  days: readonly number[],
  edges: NetworkEdge[],
  what: string,
): HTMLElement | null {
  const span = dayExtent(edges);
  if (!span) return null;
  const counts = sparkBins(days, span, BINS);
  const max = Math.max(1, ...counts);
  const bw = W / BINS;
  const [from, to] = [dayIso(span.first), dayIso(span.last)];
  const label = days.length
    ? `${days.length} dated event${days.length === 1 ? '' : 's'} ${what} between ${from} and ${to}`
    : `No dated events ${what} between ${from} and ${to}`;
  return el('figure', { class: 'sparkline', role: 'img', 'aria-label': label, title: label }, [
    svg(
      'svg',
      { width: String(W), height: String(H), viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true' },
      counts.map((c, i) => {
        const h = c ? Math.max(2, Math.round((c / max) * (H - 2))) : 1;
        return svg('rect', {
          x: String(i * bw + 0.5),
          y: String(H - h),
          width: String(Math.max(1, bw - 1)),
          height: String(h),
          fill: c ? '#1f5fae' : '#d5dae1',
        });
      }),
    ),
    el('figcaption', {
      class: 'muted small',
      text: `${from} – ${to} · ${days.length} dated events`,
    }),
  ]);
}
