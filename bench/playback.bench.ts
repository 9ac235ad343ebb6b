// Time playback's speed in headless Chromium (SwiftShader WebGL, so CPU-bound): the synthetic
// 5,000 actors and 50,000 edges of the web bench, their events spread over December 2025, served
// through Playwright route interception over the built app. The viewer opens at a week window;
// once laid out, the play button moves the window at 30 days per second (a new window on about
// every frame) through December, RUNS times.
// What a user sees is counted from a Chromium trace: the frames the display compositor actually
// drew and swapped (Display::DrawAndSwap) while playing steadily, from the second frame that
// plays (the first draws the whole window afresh) to the first showing 27 December (the pause at
// the end hands back to sigma, which redraws every edge: both reported apart). The CPU of the
// browser's processes over the same frames, read from /proc when the page marks them, says where
// a frame's time goes: the renderer (JavaScript, painting, and waiting for its WebGL picture to
// be read back, as software compositing does), the GPU process (SwiftShader's drawing threads
// and the display compositor), the browser.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../tests/e2e/stack.ts';
import { dayNumber } from '../domain/index.ts';
import { descendantsCpuByKind } from './cpu.ts';
import type { BenchResult } from './types.ts';
import { ORIGIN, percentile, serve, syntheticNetwork } from './web.bench.ts';

const WEB = resolve(import.meta.dirname, '../dist/web');
const RUNS = 4;
/** Marks the page makes at the steady part's ends (user timing, in the trace). */
const START = 'parley-steady-start';
const END = 'parley-steady-end';
/** The steady part ends on the first frame showing this day (December ends the run). */
const END_DAY = dayNumber('2025-12-27')!;

interface Run {
  /** Start of each frame that played (performance.now() ms). */
  times: number[];
  heads: number[];
  /** The frame that ended the steady part (null: fewer than three frames played). */
  end: number | null;
  /** No frame showed END_DAY: a slow frame jumped past it to December's end, and the steady part
   * ended with the last frame that played. Its CPU is not read (the stop had begun). */
  cut: boolean;
  /** The first frame after playing stopped. */
  stopAt: number;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The steady part of each run in the trace, between the page's marks. */
function steadySpans(events: TraceEvent[]): [number, number][] {
  const at = (name: string) =>
    events
      .filter((e) => e.name === name)
      .map((e) => e.ts)
      .sort((a, b) => a - b);
  const starts = at(START);
  const ends = at(END);
  // A run that never showed END_DAY has a start and no end: not paired with the next run's.
  return starts.flatMap((a, i): [number, number][] => {
    const b = ends.find((t) => t > a);
    return b !== undefined && !(starts[i + 1] < b) ? [[a, b]] : [];
  });
}

/** Frames drawn and swapped by the display compositor within the spans, and their length. */
function presented(events: TraceEvent[], spans: [number, number][]) {
  const swaps = events.filter((e) => e.name === 'Display::DrawAndSwap').map((e) => e.ts);
  const each = spans.map(([a, b]) => swaps.filter((ts) => ts > a && ts <= b).length);
  const ms = spans.reduce((a, [x, y]) => a + (y - x) / 1000, 0);
  return { swaps: each.reduce((a, n) => a + n, 0), each, ms };
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(join(WEB, 'index.html')))
    throw new Error('dist/web is missing: run `npm run build` first');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await serve(page, JSON.stringify(syntheticNetwork()));
    await page.goto(`${ORIGIN}/?at=2025-12-07&window=week`);
    await page.waitForFunction(
      `window.__parley?.networkStatus() === 'ready' && !window.__parley.isLayoutRunning()`,
      null,
      // Interval polling: rAF polling would keep software compositing busy and starve the worker.
      { timeout: 300_000, polling: 500 },
    );
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('30');
    const stepsBefore = (await page.evaluate(`window.__parley.perf().timeSteps.length`)) as number;
    // CPU by kind of process at the steady part's ends, as the page reaches them.
    let marks: Map<string, number>[] = [];
    await page.exposeBinding('__cpuMark', () => void marks.push(descendantsCpuByKind()));
    await browser.startTracing(page, { categories: ['viz', 'blink.user_timing'] });
    const runs: Run[] = [];
    const cpu = new Map<string, number>();
    for (let i = 0; i < RUNS; i++) {
      await page.waitForTimeout(3_500); // idle between runs: they lie apart in the trace
      await page.evaluate(`(() => {
        window.__run = { times: [], heads: [], end: null, cut: false, stopAt: null };
        const tick = (t) => {
          const r = window.__run;
          const p = window.__parley.playback();
          if (p.playing) {
            r.times.push(t);
            r.heads.push(p.head);
            if (r.times.length === 2) {
              performance.mark('${START}');
              window.__cpuMark();
            } else if (r.times.length > 2 && r.end === null && p.head >= ${END_DAY}) {
              r.end = t;
              performance.mark('${END}');
              window.__cpuMark();
            }
          } else if (r.times.length) {
            // Stopped before a frame showed END_DAY (a slow frame jumped past it): the steady
            // part ends with the last frame that played. Leaving the run out would count only
            // the runs without slow frames.
            if (r.times.length > 2 && r.end === null) {
              r.end = r.times[r.times.length - 1];
              r.cut = true;
              performance.mark('${END}', { startTime: r.end });
            }
            return void (r.stopAt = t);
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })()`);
      marks = [];
      await page.locator('.playbar .play').click();
      await page.waitForFunction(`window.__run.stopAt !== null`, null, {
        timeout: 300_000,
        polling: 250,
      });
      const r = (await page.evaluate(`window.__run`)) as Run;
      runs.push(r);
      if (r.end === null || r.cut || marks.length !== 2) continue;
      // The browser's processes (not tsx's esbuild, also a child of this one).
      for (const [kind, ms] of [...marks[1]].filter(([k]) => k !== 'esbuild'))
        cpu.set(kind, (cpu.get(kind) ?? 0) + ms - (marks[0].get(kind) ?? 0));
    }
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: TraceEvent[];
    };
    const steps = ((await page.evaluate(`window.__parley.perf().timeSteps`)) as number[]).slice(
      stepsBefore,
    );
    const inWindow = (await page.evaluate(
      `window.__parley.timeWindow()?.edges.length ?? 0`,
    )) as number;

    const round = (x: number) => Math.round(x * 10) / 10;
    const load = loadavg()[0].toFixed(1);
    const spans = steadySpans(trace.traceEvents);
    const seen = presented(trace.traceEvents, spans);
    const steady = runs.filter((r) => r.end !== null);
    // The spans are the steady runs', in order: the CPU is over the frames of the uncut ones.
    const cpuSwaps = steady.reduce((a, r, i) => a + (r.cut ? 0 : (seen.each[i] ?? 0)), 0);
    const cut = steady.filter((r) => r.cut).length;
    // The page's frames over the steady parts: their lengths, and the new windows they showed.
    const frames = steady.flatMap((r) => {
      const last = r.times.indexOf(r.end!);
      return r.times.slice(2, last + 1).map((t, k) => t - r.times[k + 1]);
    });
    const windows = steady.reduce((a, r) => {
      const last = r.times.indexOf(r.end!);
      return a + new Set(r.heads.slice(1, last + 1)).size - 1;
    }, 0);
    const firsts = runs.map((r) => r.times[1] - r.times[0]);
    const stops = runs.map((r) => r.stopAt - r.times[r.times.length - 1]);
    const total = [...cpu.values()].reduce((a, b) => a + b, 0);
    const perFrame = total / Math.max(1, cpuSwaps);
    const kinds = [...cpu]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${round(v / Math.max(1, cpuSwaps))}`)
      .join(', ');
    return [
      {
        name: 'playback: frames per second while playing (5k actors, 50k edges)',
        value: round((seen.swaps / seen.ms) * 1000),
        unit: 'fps',
        note: `frames the display drew and swapped (trace), a week window through December at 30 days/s, ${steady.length} of ${RUNS} runs from their second frame to 27 Dec${cut ? ` (${cut} to their last frame: a slow frame jumped past 27 Dec)` : ''}: ${seen.swaps} frames in ${Math.round(seen.ms)} ms showing ${windows} new windows; the page's frames: ${frames.length}, p50 ${round(percentile(frames, 50))} ms, p95 ${round(percentile(frames, 95))} ms; ${inWindow} edges in the last window; SwiftShader WebGL, load average ${load}; budget 20 fps`,
      },
      {
        name: 'playback: browser CPU per frame while playing',
        value: round(perFrame),
        unit: 'ms',
        note: `the browser's processes over the frames of the runs that showed 27 Dec (${cpuSwaps}), from /proc (10 ms ticks), ms a frame by kind: ${kinds}; on an idle 2-core machine about ${round(Math.min(60, (1000 / perFrame) * 2))} fps at best, ${round(Math.min(60, 1000 / perFrame))} on one core`,
      },
      {
        name: 'playback: one window step, p50 (JavaScript: the window kept up, a draw issued)',
        value: round(percentile(steps, 50)),
        unit: 'ms',
        note: `${steps.length} steps, p95 ${round(percentile(steps, 95))} ms`,
      },
      {
        name: 'playback: the first frame (the whole window drawn afresh), p50',
        value: round(percentile(firsts, 50)),
        unit: 'ms',
        note: `${RUNS} runs`,
      },
      {
        name: 'playback: the frame that stops (sigma draws the window again), p50',
        value: round(percentile(stops, 50)),
        unit: 'ms',
        note: `${RUNS} runs: paused, sigma draws the window's edges with widths, hover and selection`,
      },
    ];
  } finally {
    await browser.close();
  }
}
