// Time playback's speed in headless Chromium (SwiftShader WebGL, so CPU-bound): the synthetic
// 5,000 actors and 50,000 edges of the web bench, their events spread over December 2025, served
// through Playwright route interception over the built app. The viewer opens at a week window;
// once laid out, the play button moves the window at 30 days per second (a new window on about
// every frame). Reports frames per second while playing, the browser's CPU time per frame (what
// a loaded shared machine does not distort: the frame rate on an idle one follows from it), what
// one window step costs in JavaScript (big networks play on a WebGL layer: the window kept up
// and a draw of one range of a static buffer) and a sigma redraw alone (paused).
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../tests/e2e/stack.ts';
import { descendantsCpuMs } from './cpu.ts';
import type { BenchResult } from './types.ts';
import { ORIGIN, percentile, serve, syntheticNetwork } from './web.bench.ts';

const WEB = resolve(import.meta.dirname, '../dist/web');
const RUNS = 3;

interface Run {
  frames: number[];
  heads: number;
  ms: number;
  /** CPU milliseconds of the browser's processes from pressing play to the end. */
  cpu: number;
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
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Frame intervals while playing, recorded by requestAnimationFrame in the page.
      // Frame intervals from the first frame that plays to the one that stops.
      await page.evaluate(`(() => {
        window.__run = { frames: [], heads: new Set(), start: null, end: null };
        let last = 0;
        const tick = (t) => {
          const r = window.__run;
          const playing = window.__parley.playback().playing;
          if (r.start === null) {
            if (playing) r.start = last = t;
            return requestAnimationFrame(tick);
          }
          r.frames.push(t - last);
          last = t;
          r.heads.add(window.__parley.playback().head);
          if (playing) requestAnimationFrame(tick);
          else r.end = t;
        };
        requestAnimationFrame(tick);
      })()`);
      const cpu0 = descendantsCpuMs();
      await page.locator('.playbar .play').click();
      await page.waitForFunction(`window.__run.end !== null`, null, {
        timeout: 300_000,
        polling: 250,
      });
      const cpu = descendantsCpuMs() - cpu0;
      runs.push({
        ...((await page.evaluate(
          `({ frames: window.__run.frames, heads: window.__run.heads.size, ms: window.__run.end - window.__run.start })`,
        )) as Omit<Run, 'cpu'>),
        cpu,
      });
    }
    const steps = ((await page.evaluate(`window.__parley.perf().timeSteps`)) as number[]).slice(
      stepsBefore,
    );
    const inWindow = (await page.evaluate(
      `window.__parley.timeWindow()?.edges.length ?? 0`,
    )) as number;
    // The floor under a step: sigma redrawing the canvas with nothing reprocessed.
    const draws = (await page.evaluate(`(() => {
      const r = window.__parley.renderer();
      const out = [];
      for (let i = 0; i < 5; i++) { const t = performance.now(); r.render(); out.push(performance.now() - t); }
      return out;
    })()`)) as number[];
    const frames = runs.flatMap((r) => r.frames);
    const ms = runs.reduce((a, r) => a + r.ms, 0);
    const cpu = runs.reduce((a, r) => a + r.cpu, 0);
    const round = (x: number) => Math.round(x * 10) / 10;
    const load = loadavg()[0].toFixed(1);
    return [
      {
        name: 'playback: frames per second while playing (5k actors, 50k edges)',
        value: round((frames.length / ms) * 1000),
        unit: 'fps',
        note: `a week window through December at 30 days/s, ${RUNS} runs: ${frames.length} frames in ${Math.round(ms)} ms, ${steps.length} window steps; frame p50 ${round(percentile(frames, 50))} ms, p95 ${round(percentile(frames, 95))} ms; ${inWindow} edges in the last window; SwiftShader WebGL, load average ${load}; budget 20 fps`,
      },
      {
        name: 'playback: browser CPU per frame while playing',
        value: round(cpu / frames.length),
        unit: 'ms',
        note: `renderer, GPU (SwiftShader) and browser processes, ${Math.round(cpu)} ms CPU over ${frames.length} frames with starting and stopping; on an idle 2-core machine about ${round((1000 / (cpu / frames.length)) * 2)} fps at best, ${round(1000 / (cpu / frames.length))} on one core`,
      },
      {
        name: 'playback: one window step, p50 (window, reducers, redraw)',
        value: round(percentile(steps, 50)),
        unit: 'ms',
        note: `${steps.length} steps; budget 50 ms (20 fps with a new window every frame)`,
      },
      {
        name: 'playback: one window step, p95',
        value: round(percentile(steps, 95)),
        unit: 'ms',
      },
      {
        name: 'playback: a redraw alone, p50 (the floor under a step)',
        value: round(percentile(draws, 50)),
        unit: 'ms',
        note: 'sigma render() of the 50k edges with nothing reprocessed, 5 times',
      },
    ];
  } finally {
    await browser.close();
  }
}
