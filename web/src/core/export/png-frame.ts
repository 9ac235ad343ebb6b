// The frame of a PNG export: a title band above the network (what it shows, which filters, when)
// and the legend over its lower-left corner (actor colours, the conflict–cooperation scale), so
// that the image reads on its own once it leaves the viewer.
import type { LegendItem } from '../colors/legend.ts';
import type { ColorBy } from '../colors/palette.ts';
import type { Filters } from '../filters/filters.ts';

export interface PngFrame {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: LegendItem[];
  scale: { score: number; color: string }[];
}

/** Height of the title band, in CSS pixels. */
export const TITLE_BAND = 52;
const MAX_ITEMS = 12;

/**
 * Draws the network image (`graph`, device pixels) under a title band and with the legend, on a
 * new canvas; `ratio` is the device pixel ratio the graph was drawn at.
 */
export function framePng(
  graph: HTMLCanvasElement,
  frame: PngFrame,
  ratio: number,
): HTMLCanvasElement {
  const band = Math.round(TITLE_BAND * ratio);
  const out = document.createElement('canvas');
  out.width = graph.width;
  out.height = graph.height + band;
  const ctx = out.getContext('2d');
  if (!ctx) return graph;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(graph, 0, band);
  ctx.scale(ratio, ratio);
  const width = out.width / ratio;

  // Title band.
  ctx.fillStyle = '#111827';
  ctx.font = '600 17px system-ui, sans-serif';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(frame.title, 16, 24, width - 32);
  ctx.fillStyle = '#4b5563';
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillText(frame.subtitle, 16, 42, width - 32);
  ctx.fillStyle = '#e5e7eb';
  ctx.fillRect(0, TITLE_BAND - 1, width, 1);

  // Legend, lower left.
  const items = frame.legend.slice(0, MAX_ITEMS);
  const rowH = 16;
  const boxW = 190;
  const boxH = 28 + items.length * rowH + 44;
  const x0 = 12;
  const y0 = out.height / ratio - boxH - 12;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.strokeStyle = '#d1d5db';
  ctx.fillRect(x0, y0, boxW, boxH);
  ctx.strokeRect(x0 + 0.5, y0 + 0.5, boxW - 1, boxH - 1);
  ctx.fillStyle = '#111827';
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.fillText(frame.legendTitle, x0 + 10, y0 + 18);
  ctx.font = '11px system-ui, sans-serif';
  items.forEach(([label, color], i) => {
    const y = y0 + 28 + i * rowH;
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(x0 + 16, y + 6, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#111827';
    ctx.fillText(label, x0 + 28, y + 10, boxW - 38);
  });
  const sy = y0 + 28 + items.length * rowH + 6;
  const gradient = ctx.createLinearGradient(x0 + 10, 0, x0 + boxW - 10, 0);
  frame.scale.forEach((s, i) => gradient.addColorStop(i / (frame.scale.length - 1), s.color));
  ctx.fillStyle = gradient;
  ctx.fillRect(x0 + 10, sy, boxW - 20, 8);
  ctx.fillStyle = '#4b5563';
  ctx.fillText('conflict', x0 + 10, sy + 22);
  const coop = 'cooperation';
  ctx.fillText(coop, x0 + boxW - 10 - ctx.measureText(coop).width, sy + 22);
  return out;
}

/** The frame for the network as filtered and coloured now. */
export function frameFor(o: {
  filters: Filters;
  actors: number;
  relationships: number;
  colorBy: ColorBy;
  legend: LegendItem[];
  scale: { score: number; color: string }[];
  at: Date;
}): PngFrame {
  const f = o.filters;
  const parts = [
    f.types.length ? `categories: ${f.types.join(', ')}` : '',
    f.countries.length ? `countries: ${f.countries.join(', ')}` : '',
    f.kinds.length ? `kinds: ${f.kinds.join(', ')}` : '',
    f.since || f.until ? `${f.since ?? 'start'} to ${f.until ?? 'today'}` : '',
  ].filter(Boolean);
  const count = (n: number, one: string, many: string) =>
    `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  return {
    title: 'Parley — actor network',
    subtitle: [
      count(o.actors, 'actor', 'actors'),
      count(o.relationships, 'relationship', 'relationships'),
      parts.length ? parts.join(' · ') : 'no filter',
      `exported ${o.at.toISOString().slice(0, 10)}`,
    ].join(' · '),
    legendTitle: `Actors by ${o.colorBy}`,
    legend: o.legend,
    scale: o.scale,
  };
}
