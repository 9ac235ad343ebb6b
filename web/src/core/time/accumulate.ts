// Playback drawn incrementally: the layer keeps a picture of the dated segments drawn so far,
// each pixel holding the colour and the day of the latest segment on it (days are drawn in
// order, so the latest is on top). A step forward draws only the days that entered the window;
// a pixel whose day has left the window is blank when the picture is shown, and so was it in a
// full redraw (every segment under it is older still). Undated segments, always at the bottom,
// have a picture of their own that shows through where the dated one is blank.
// The day is stored in a byte: DAY_CODES days after the picture's first, the picture is redrawn.
// Pure: the playback layer (controllers/playback-layer.ts) draws what this plans.
import type { TimeWindow } from './window.ts';

/** Day codes in a byte: 0 no segment, 1 undated, 2… days from the picture's base. */
export const FIRST_DAY_CODE = 2;
export const DAY_CODES = 255 - FIRST_DAY_CODE;

/** What the kept picture holds. */
export interface Picture {
  /** Every dated segment from this day on is drawn (-Infinity: all of them, "as of"). */
  from: number;
  /** … up to this day. */
  to: number;
  /** The day coded FIRST_DAY_CODE. */
  base: number;
}

export interface Plan {
  /** Start again from a blank picture (the undated one redrawn too). */
  fresh: boolean;
  /** The days to draw on it, in order (start > end: none). */
  days: TimeWindow;
  picture: Picture;
}

/**
 * What to draw to show window `w`, given the picture kept (null: none, or no longer valid: the
 * camera moved, the network changed). `first` is the network's first dated day (the base of
 * an "as of" picture, whose codes are capped at 255: as of a day nothing fades or leaves).
 */
export function plan(kept: Picture | null, w: TimeWindow, first: number): Plan {
  const reusable =
    kept !== null &&
    w.start >= kept.from &&
    w.end >= kept.to &&
    (!Number.isFinite(w.start) || w.end - kept.base < DAY_CODES);
  if (reusable)
    return {
      fresh: false,
      days: { start: kept.to + 1, end: w.end },
      picture: { ...kept, to: w.end },
    };
  const base = Number.isFinite(w.start) ? w.start : first;
  return {
    fresh: true,
    days: { start: w.start, end: w.end },
    picture: { from: w.start, to: w.end, base },
  };
}

/** The byte a segment of `day` is stored with (see FIRST_DAY_CODE). The playback layer computes the same. */
export function dayCode(day: number, base: number): number {
  return Math.min(255, Math.max(FIRST_DAY_CODE, day - base + FIRST_DAY_CODE));
}

/** Whether a pixel coded `code` shows in window `w`, and how bright (1 newest … FADED oldest):
 * null when blank. `faded` is the brightness of an undated segment. */
export function shown(code: number, base: number, w: TimeWindow, faded: number): number | null {
  if (code === 0) return null;
  if (code === 1) return faded;
  if (!Number.isFinite(w.start)) return 1;
  const age = w.end - (base + code - FIRST_DAY_CODE);
  const span = w.end - w.start;
  if (age > span) return null;
  return 1 - ((1 - faded) * age) / Math.max(1, span);
}
