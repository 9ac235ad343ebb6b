import { describe, expect, it } from 'vitest';
import { dayCode, DAY_CODES, plan, shown, type Picture } from './accumulate.ts';
import { randomEdges } from './random-edges.ts';
import { buildSegments, datedRange, UNDATED_DAY, windowRanges, type Spot } from './segments.ts';
import { FADED, windowEnding, type TimeWindow, type WindowSize } from './window.ts';

const spot: Spot = { x: 0, y: 0, size: 1, color: [0, 0, 0, 255] };
const edges = randomEdges(5);
const s = buildSegments(
  edges,
  () => spot,
  () => [0, 0, 0, 255],
);
/** The day of each segment. */
const dayOf = (k: number) => s.edges[k * 2 * 5 + 2];
/** Segments share pixels: 40 pixels for 300 edges, as lines cross on screen. */
const pixelOf = (k: number) => Number(s.edgeIds[k].slice(1)) % 40;
const first = s.edgeDays.first;

/** What a pixel shows: the edge on top and how bright, or nothing. */
type Screen = Map<number, [string, number]>;

/** A full redraw of the window, latest day on top (what playing drew before). */
function redraw(w: TimeWindow, undated: boolean): Screen {
  const top = new Map<number, number>();
  for (const [from, to] of windowRanges(s, w, undated))
    for (let k = from; k < to; k++) top.set(pixelOf(k), k);
  const out: Screen = new Map();
  for (const [p, k] of top) {
    const day = dayOf(k);
    out.set(p, [
      s.edgeIds[k],
      day === UNDATED_DAY ? FADED : shown(dayCode(day, first), first, w, FADED)!,
    ]);
  }
  return out;
}

/** The kept pictures, drawn as the plans say, then shown as the layer's composite does. */
function incremental() {
  let picture: Picture | null = null;
  let dated = new Map<number, [number, number]>(); // pixel → [segment, code]
  let undatedTop = new Map<number, number>();
  let fresh = 0;
  return {
    fresh: () => fresh,
    show(w: TimeWindow, undated: boolean, invalid = false): Screen {
      const p = plan(invalid ? null : picture, w, first);
      if (p.fresh) {
        fresh++;
        dated = new Map();
        undatedTop = new Map();
        for (let k = 0; k < s.undatedEdges; k++) undatedTop.set(pixelOf(k), k);
      }
      if (p.days.start <= p.days.end) {
        const [from, to] = datedRange(s, p.days);
        for (let k = from; k < to; k++)
          dated.set(pixelOf(k), [k, dayCode(dayOf(k), p.picture.base)]);
      }
      picture = p.picture;
      const out: Screen = new Map();
      for (let px = 0; px < 40; px++) {
        const d = dated.get(px);
        const b = d ? shown(d[1], picture.base, w, FADED) : null;
        if (d && b !== null) out.set(px, [s.edgeIds[d[0]], b]);
        else if (undated && undatedTop.has(px))
          out.set(px, [s.edgeIds[undatedTop.get(px)!], FADED]);
      }
      return out;
    },
  };
}

const sorted = (m: Screen) => [...m].sort((a, b) => a[0] - b[0]);

describe('playback drawn incrementally', () => {
  it('shows what a full redraw shows, step by step, for every window size', () => {
    let checked = 0;
    for (const size of ['day', 'week', 'month', 'asof'] as WindowSize[])
      for (const undated of [false, true]) {
        const kept = incremental();
        for (let at = 95; at <= 165; at += at % 3 === 0 ? 2 : 1) {
          const w = windowEnding(at, size);
          expect(sorted(kept.show(w, undated)), `${size} ${at} ${undated}`).toEqual(
            sorted(redraw(w, undated)),
          );
          checked++;
        }
        // Stepping forward draws on the kept picture: started afresh once.
        expect(kept.fresh()).toBe(1);
      }
    expect(checked).toBeGreaterThan(200);
  });

  it('starts afresh when the window moves back, grows, or the picture is invalid', () => {
    const kept = incremental();
    kept.show(windowEnding(120, 'week'), false);
    kept.show(windowEnding(118, 'week'), false); // back
    expect(kept.fresh()).toBe(2);
    const w = windowEnding(125, 'month'); // starts before the week did
    expect(sorted(kept.show(w, false))).toEqual(sorted(redraw(w, false)));
    expect(kept.fresh()).toBe(3);
    kept.show(windowEnding(126, 'week'), false); // shrinks: still drawn on
    expect(kept.fresh()).toBe(3);
    kept.show(windowEnding(127, 'week'), false, true); // the camera moved
    expect(kept.fresh()).toBe(4);
  });

  it('redraws before the day codes run out, and an "as of" picture never needs to', () => {
    const week: Picture = { from: 100, to: 100 + DAY_CODES - 2, base: 100 };
    expect(plan(week, windowEnding(100 + DAY_CODES - 1, 'week'), 0).fresh).toBe(false);
    expect(plan(week, windowEnding(100 + DAY_CODES, 'week'), 0).fresh).toBe(true);
    const asof: Picture = { from: -Infinity, to: 1000, base: 0 };
    const p = plan(asof, windowEnding(5000, 'asof'), 0);
    expect(p.fresh).toBe(false);
    expect(p.days).toEqual({ start: 1001, end: 5000 });
    expect(shown(dayCode(4000, 0), 0, windowEnding(5000, 'asof'), FADED)).toBe(1);
  });
});
