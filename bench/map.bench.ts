// The map's speed in headless Chromium: 50,000 synthetic events at 4,000 places across the world
// served as /api/places (with the 5k/50k network beside it, as the app loads both) over local
// HTTP with the built app (not route interception, which queued the places and the shapes
// behind the network's 12 MB). Reports the map's first render from navigation (shapes and
// markers drawn together) and the frame time while panning and zooming.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { MapPlace, PlacesOnMap } from '../server/api/types.ts';
import { QUADS } from '../domain/index.ts';
import { launchBrowser } from '../tests/e2e/stack.ts';
import { mulberry32 } from './synthetic.ts';
import type { BenchResult } from './types.ts';
import { serveHttp, syntheticNetwork } from './web.bench.ts';

const WEB = resolve(import.meta.dirname, '../dist/web');
const EVENTS = 50_000;
const PLACES = 4_000;

/** Places scattered over the land-ish latitudes; events heavy-tailed across them. */
export function syntheticPlaces(events = EVENTS, places = PLACES, seed = 11): PlacesOnMap {
  const rng = mulberry32(seed);
  const items: MapPlace[] = Array.from({ length: places }, (_, i) => ({
    id: `place:${i}`,
    name: `Place ${i}`,
    country: null,
    lat: -50 + rng() * 115,
    lon: -170 + rng() * 340,
    events: 0,
    byQuad: {},
  }));
  for (let e = 0; e < events; e++) {
    const p = items[Math.floor(rng() ** 2 * places)];
    const q = QUADS[Math.floor(rng() * QUADS.length)];
    p.events++;
    p.byQuad[q] = (p.byQuad[q] ?? 0) + 1;
  }
  const located = items.filter((p) => p.events > 0).sort((a, b) => b.events - a.events);
  return { items: located, unlocated: [], unplaced: 0, total: events };
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(join(WEB, 'index.html')))
    throw new Error('dist/web is missing: run `npm run build` first');
  const places = JSON.stringify(syntheticPlaces());
  const server = await serveHttp(
    JSON.stringify(
      syntheticNetwork(
        Number(process.env.MAPB_ACTORS ?? 5000),
        Number(process.env.MAPB_EDGES ?? 50000),
      ),
    ),
    { '/api/places': places },
  );
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.origin}/?view=map`);
    const hook = `window.__parley.mapPerf()`;
    await page.waitForFunction(`${hook}.firstDrawAt !== null`, null, {
      timeout: 60_000,
      polling: 100,
    });
    const first = (await page.evaluate(`${hook}.firstDrawAt`)) as number;
    const clusters = (await page.evaluate('window.__parley.mapClusters().length')) as number;
    // Where the time went: the places' response and the shapes' chunk, from navigation.
    const timing = (await page.evaluate(`(() => {
      const at = (s) => performance.getEntriesByType('resource').find((e) => e.name.includes(s))?.responseEnd ?? -1;
      return { places: at('/api/places'), shapes: at('world-110m'), dom: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? -1 };
    })()`)) as { places: number; shapes: number; dom: number };
    // Pan and zoom with the mouse, as an analyst would, recording each frame's draw time.
    const draws: number[] = [];
    const bases: number[] = [];
    await page.mouse.move(800, 450);
    for (let i = 0; i < 20; i++) {
      await page.mouse.wheel(0, i < 10 ? -120 : 120);
      await page.waitForTimeout(30);
      draws.push((await page.evaluate(`${hook}.lastDrawMs`)) as number);
      bases.push((await page.evaluate(`${hook}.lastBaseMs`)) as number);
    }
    await page.mouse.down();
    for (let i = 0; i < 20; i++) {
      await page.mouse.move(800 + Math.sin(i / 4) * 200, 450 + Math.cos(i / 4) * 120);
      await page.waitForTimeout(30);
      draws.push((await page.evaluate(`${hook}.lastDrawMs`)) as number);
    }
    await page.mouse.up();
    return [
      {
        name: 'map: first render from navigation (50k events at 4k places)',
        value: Math.round(first),
        unit: 'ms',
        note: `${clusters} markers after clustering; app loaded at ${Math.round(timing.dom)} ms, /api/places at ${Math.round(timing.places)} ms, shapes at ${Math.round(timing.shapes)} ms; budget 2000 ms; load average ${loadavg()[0].toFixed(1)}`,
      },
      {
        name: 'map: draw time while zooming and panning, p95 (50k events)',
        value: Math.round(percentile(draws, 95) * 10) / 10,
        unit: 'ms',
        note: `p50 ${Math.round(percentile(draws, 50) * 10) / 10} ms over ${draws.length} frames (base map and markers, canvas 2D); the base map alone p50 ${Math.round(percentile(bases, 50))} ms; load average ${loadavg()[0].toFixed(1)}`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
