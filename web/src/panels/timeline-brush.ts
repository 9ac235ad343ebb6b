// SVG histogram of event dates with a drag brush; the brush reports a date range.
import { brushRange, rangeExtent, type Histogram } from '../core/timeline/bins.ts';
import { el, svg } from '../dom/el.ts';

const W = 240;
const H = 56;

export function renderTimeline(
  h: Histogram,
  since: string | null,
  until: string | null,
  onRange: (r: { since: string; until: string } | null) => void,
): HTMLElement {
  if (!h.bins.length) return el('p', { class: 'muted small', text: 'No dated events yet.' });
  const bw = W / h.bins.length;
  const bars = h.bins.map((b, i) => {
    const bh = h.max_count ? Math.max(2, (b.count / h.max_count) * (H - 4)) : 0;
    return svg(
      'rect',
      {
        x: String(i * bw + 0.5),
        y: String(H - bh),
        width: String(Math.max(1, bw - 1)),
        height: String(bh),
        rx: '1',
        class: 'bar',
      },
      [
        svg('title', {
          text: `${b.start === b.end ? b.start : `${b.start} – ${b.end}`}: ${b.count} event${b.count === 1 ? '' : 's'}`,
        }),
      ],
    );
  });
  const ext = rangeExtent(h, since, until, W);
  const brush = svg('rect', {
    class: 'brush',
    x: String(ext?.[0] ?? 0),
    y: '0',
    width: String(ext ? ext[1] - ext[0] : 0),
    height: String(H),
  });
  const chart = svg(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      width: '100%',
      height: String(H),
      class: 'timeline',
      role: 'img',
      'aria-label': `Events per day, ${h.min} to ${h.max}. Drag to select a date range.`,
    },
    [...bars, brush],
  );
  let start: number | null = null;
  const toX = (e: PointerEvent): number => {
    const r = chart.getBoundingClientRect();
    return Math.max(0, Math.min(W, ((e.clientX - r.left) / r.width) * W));
  };
  chart.addEventListener('pointerdown', (e) => {
    start = toX(e as PointerEvent);
    chart.setPointerCapture((e as PointerEvent).pointerId);
  });
  chart.addEventListener('pointermove', (e) => {
    if (start === null) return;
    const x = toX(e as PointerEvent);
    brush.setAttribute('x', String(Math.min(start, x)));
    brush.setAttribute('width', String(Math.abs(x - start)));
  });
  chart.addEventListener('pointerup', (e) => {
    if (start === null) return;
    const x = toX(e as PointerEvent);
    const s = start;
    start = null;
    onRange(Math.abs(x - s) < 2 ? brushRange(h, x, x, W) : brushRange(h, s, x, W));
  });
  return el('div', { class: 'timeline-box' }, [
    chart,
    el('div', { class: 'timeline-axis' }, [
      el('span', { text: h.min ?? '' }),
      el('span', { text: h.max ?? '' }),
    ]),
    since || until
      ? el('div', { class: 'range' }, [
          el('span', { text: `${since ?? '…'} → ${until ?? '…'}` }),
          el('button', {
            class: 'link',
            type: 'button',
            text: 'Clear dates',
            on: { click: () => onRange(null) },
          }),
        ])
      : el('div', { class: 'muted small', text: 'Drag across the bars to filter by date.' }),
  ]);
}
