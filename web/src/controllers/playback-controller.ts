// Time playback, invisible: owns the animation loop that moves the play position through the
// network's dated events. While playing, the position lives in the store only (a URL change per
// day would flood the history); paused or moved by hand, it is written to the URL (url.at), so a
// link opens the same moment. The graph controller applies the window to sigma.
import { dayIso, dayNumber } from '../../../domain/index.ts';
import type { Network } from '../../../server/api/types.ts';
import type { App } from '../app/app.ts';
import { dayExtent, WINDOW_DAYS } from '../core/time/window.ts';

export interface PlaybackController {
  play(): void;
  pause(): void;
  toggle(): void;
  /** Moves the position while the analyst drags (store only). */
  scrub(day: number): void;
  /** Sets the position and writes it to the URL. */
  seek(day: number): void;
  /** Leaves time playback: the whole network again. */
  stop(): void;
  /** The first and last dated event of the network drawn. */
  extent(): { first: number; last: number } | null;
  /** Events of the network's edges with no full date: in no window. */
  undatedEvents(): number;
}

export const SPEEDS = [1, 2, 7, 30] as const;

export function createPlaybackController(app: App): PlaybackController {
  const { store, setUrl } = app;
  let frame = 0;
  let pos = 0; // fractional day while playing
  let lastTick = 0;
  let span: {
    net: Network | undefined;
    extent: { first: number; last: number } | null;
    undated: number;
  } = { net: undefined, extent: null, undated: 0 };

  /** The network's dated span and undated events, counted once per network. */
  function spanOf(): typeof span {
    const net = store.get().network;
    const data = 'data' in net ? net.data : undefined;
    if (span.net !== data) {
      let undated = 0;
      for (const e of data?.edges ?? []) undated += e.undated;
      span = { net: data, extent: data ? dayExtent(data.edges) : null, undated };
    }
    return span;
  }
  const extent = () => spanOf().extent;

  const setHead = (head: number | null, playing = store.get().playback.playing) =>
    store.set((s) => ({ playback: { ...s.playback, head, playing } }));

  function tick(t: number): void {
    const ext = extent();
    const { playing, speed } = store.get().playback;
    if (!playing || !ext) return;
    // A slow frame moves the window at most a quarter second's worth: on a loaded machine playback
    // slows down rather than skipping the days the analyst came to watch.
    pos += (speed * Math.min(250, Math.max(0, t - lastTick))) / 1000;
    lastTick = t;
    if (Math.floor(pos) >= ext.last) return pause(ext.last);
    const day = Math.floor(pos);
    if (day !== store.get().playback.head) setHead(day);
    frame = requestAnimationFrame(tick);
  }

  function play(): void {
    const ext = extent();
    if (!ext || store.get().playback.playing) return;
    const head = store.get().playback.head;
    // From the start when at the end (or not yet in time): the first window holds the first events.
    const size = WINDOW_DAYS[store.get().url.window];
    pos = head === null || head >= ext.last ? ext.first + Math.min(size, 7) - 1 : head;
    pos = Math.min(pos, ext.last);
    lastTick = performance.now();
    setHead(Math.floor(pos), true);
    frame = requestAnimationFrame(tick);
  }

  function pause(at?: number): void {
    cancelAnimationFrame(frame);
    const head = at ?? store.get().playback.head;
    setHead(head, false);
    if (head !== null) setUrl({ at: dayIso(head) });
  }

  // The URL moved by itself (back/forward, a link, a saved view): follow it when not playing.
  store.subscribe((s, prev) => {
    // Playing animates the network: another view shown pauses it where it is.
    if (s.url.view !== 'network' && prev.url.view === 'network' && s.playback.playing)
      return pause();
    if (s.url.at !== prev.url.at && !s.playback.playing) {
      const head = dayNumber(s.url.at);
      if (head !== s.playback.head) setHead(head);
    }
  });

  return {
    play,
    pause: () => pause(),
    toggle: () => (store.get().playback.playing ? pause() : play()),
    scrub(day) {
      pos = day;
      setHead(day);
    },
    seek(day) {
      pos = day;
      setHead(day);
      setUrl({ at: dayIso(day) });
    },
    stop() {
      cancelAnimationFrame(frame);
      setHead(null, false);
      setUrl({ at: null });
    },
    extent,
    undatedEvents: () => spanOf().undated,
  };
}
