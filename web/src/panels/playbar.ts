// The playback bar under the network: play/pause, the position slider, the window's dates, its
// length and the speed, what the window holds, and the undated events (counted, and shown on
// request). Built once and updated in place: it changes on every step of playback, and
// rebuilding it would drop the slider from under the analyst's pointer.
import { dayIso } from '../../../domain/index.ts';
import type { Playback } from '../app/store.ts';
import { WINDOW_SIZES, windowEnding, windowLabel, type WindowSize } from '../core/time/window.ts';
import { el } from '../dom/el.ts';
import { plural } from '../dom/plural.ts';

export interface PlaybarActions {
  toggle(): void;
  scrub(day: number): void;
  seek(day: number): void;
  stop(): void;
  setWindow(w: WindowSize): void;
  setSpeed(daysPerSecond: number): void;
  showUndated(show: boolean): void;
}

export interface PlaybarInput {
  playback: Playback;
  window: WindowSize;
  undated: boolean;
  extent: { first: number; last: number } | null;
  undatedEvents: number;
}

/** Relationships and actors in the window (null outside playback). */
export type WindowCounts = { edges: number; actors: number } | null;

const WINDOW_LABELS: Record<WindowSize, string> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  asof: 'As of (all before)',
};
const SPEED_LABELS: [number, string][] = [
  [1, '1 day/s'],
  [2, '2 days/s'],
  [7, '1 week/s'],
  [30, '1 month/s'],
];

export function createPlaybar(a: PlaybarActions): {
  root: HTMLElement;
  update(p: PlaybarInput): void;
  /** What the drawing shows, told by the graph controller once it has applied the window. */
  showCounts(c: WindowCounts): void;
} {
  const play = el('button', { type: 'button', class: 'tool play', on: { click: a.toggle } });
  const slider = el('input', {
    type: 'range',
    class: 'play-position',
    step: '1',
    'aria-label': 'Play position',
    on: {
      input: () => a.scrub(Number(slider.value)),
      change: () => a.seek(Number(slider.value)),
    },
  });
  const label = el('span', { class: 'play-window', 'aria-live': 'off' });
  const windowSelect = el(
    'select',
    {
      'aria-label': 'Window',
      title: 'How much time the window shows',
      on: { change: () => a.setWindow(windowSelect.value as WindowSize) },
    },
    WINDOW_SIZES.map((w) => el('option', { value: w, text: WINDOW_LABELS[w] })),
  );
  const speedSelect = el(
    'select',
    {
      'aria-label': 'Speed',
      title: 'Playback speed',
      on: { change: () => a.setSpeed(Number(speedSelect.value)) },
    },
    SPEED_LABELS.map(([v, t]) => el('option', { value: String(v), text: t })),
  );
  const counts = el('span', { class: 'play-counts muted small', text: 'All dates' });
  const undatedBox = el('input', {
    type: 'checkbox',
    on: { change: () => a.showUndated(undatedBox.checked) },
  });
  const undatedLabel = el('span');
  const undated = el('label', { class: 'check play-undated small' }, [undatedBox, undatedLabel]);
  const close = el('button', {
    type: 'button',
    class: 'tool',
    text: '✕',
    title: 'Leave time playback: the whole network',
    'aria-label': 'Leave time playback',
    on: { click: a.stop },
  });
  const root = el(
    'div',
    { class: 'playbar tool-group', role: 'group', 'aria-label': 'Time playback' },
    [play, slider, label, windowSelect, speedSelect, counts, undated, close],
  );

  function update(p: PlaybarInput): void {
    root.hidden = !p.extent;
    if (!p.extent) return;
    const { first, last } = p.extent;
    const head = p.playback.head;
    const inTime = head !== null;
    play.textContent = p.playback.playing ? '❚❚ Pause' : '▶ Play';
    play.title = `${p.playback.playing ? 'Pause' : 'Play the events through time'} (p)`;
    play.setAttribute('aria-pressed', String(p.playback.playing));
    slider.min = String(first);
    slider.max = String(last);
    // Not while the analyst drags it: the value is theirs.
    if (document.activeElement !== slider || p.playback.playing)
      slider.value = String(head ?? last);
    const text = inTime
      ? windowLabel(windowEnding(head, p.window))
      : `${dayIso(first)} → ${dayIso(last)}`;
    label.textContent = text;
    slider.setAttribute('aria-valuetext', inTime ? text : 'whole network');
    windowSelect.value = p.window;
    speedSelect.value = String(p.playback.speed);
    undated.hidden = p.undatedEvents === 0 || !inTime;
    undatedBox.checked = p.undated;
    undatedLabel.textContent = `Undated (${p.undatedEvents})`;
    undated.title = `${plural(p.undatedEvents, 'event')} with no full date, in no window: check to show their relationships faded in every window`;
    close.hidden = !inTime;
  }

  function showCounts(c: WindowCounts): void {
    const text = c
      ? `${plural(c.edges, 'relationship')} · ${plural(c.actors, 'actor')}`
      : 'All dates';
    // Told on every step while playing: the text is written only when it changes.
    if (counts.textContent !== text) counts.textContent = text;
  }

  return { root, update, showCounts };
}
