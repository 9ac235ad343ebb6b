// Viewer speed in headless Chromium (SwiftShader WebGL, so CPU-bound): a synthetic network of
// 5,000 actors and 50,000 edges is served as the /api/network response through Playwright
// route interception (the built app in dist/web, no server or database). Reports the time from
// the data arriving to sigma's first frame, ForceAtlas2 iterations per second in the worker,
// and frame times while panning.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import type { Network, NetworkEdge, NetworkNode, Ontology, Timeline } from '../server/api/types.ts';
import {
  dayIso,
  dayNumber,
  ONTOLOGY,
  QUADS,
  PLOVER_CATEGORIES,
  scoreColor,
} from '../domain/index.ts';
import { launchBrowser } from '../tests/e2e/stack.ts';
import { mulberry32 } from './synthetic.ts';
import { buildGraph } from '../web/src/core/network/build-graph.ts';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { cjsDefault } from '../web/src/app/cjs.ts';
import type { BenchResult } from './types.ts';

const WEB = resolve(import.meta.dirname, '../dist/web');
export const ORIGIN = 'http://parley.bench';
const ACTORS = 5000;
const log = (s: string) => process.env.PARLEY_BENCH_VERBOSE && console.error(`[web bench] ${s}`);
const EDGES = 50_000;
const DEC_1 = dayNumber('2025-12-01')!;

export function syntheticNetwork(actors = ACTORS, edges = EDGES, seed = 7): Network {
  const rng = mulberry32(seed);
  const kinds = ['person', 'state', 'organization', 'group'] as const;
  const countries = [
    'USA',
    'RUS',
    'UKR',
    'DEU',
    'FRA',
    'GBR',
    'CHN',
    'TUR',
    'QAT',
    'EGY',
    'ISR',
    'IRN',
  ];
  const nodes: NetworkNode[] = Array.from({ length: actors }, (_, i) => ({
    id: `actor:${i}`,
    name: `Actor ${i}`,
    kind: kinds[i % 4],
    country: countries[Math.floor(rng() * countries.length)],
    sector: null,
    title: null,
    aliases: [],
    events: Math.floor(rng() ** 3 * 60),
    statements: Math.floor(rng() * 5),
    mentions: 1 + Math.floor(rng() * 10),
    reports: 1 + Math.floor(rng() * 3),
  }));
  const seen = new Set<string>();
  const out: NetworkEdge[] = [];
  while (out.length < edges) {
    // Preferential attachment-ish: low ids are hubs, like states in real reports.
    const s = Math.floor(rng() ** 2 * actors);
    const t = Math.floor(rng() * actors);
    const id = `actor:${s}->actor:${t}`;
    if (s === t || seen.has(id)) continue;
    seen.add(id);
    const type = PLOVER_CATEGORIES[Math.floor(rng() * PLOVER_CATEGORIES.length)];
    const count = 1 + Math.floor(rng() ** 4 * 10);
    // Events spread over December 2025: what time playback slides its window over.
    const days = Array.from({ length: count }, () => DEC_1 + Math.floor(rng() * 31)).sort(
      (a, b) => a - b,
    );
    out.push({
      id,
      source: `actor:${s}`,
      target: `actor:${t}`,
      count,
      byType: { [type]: count },
      dominantType: type,
      meanScore: ONTOLOGY[type].score,
      firstDate: dayIso(days[0]),
      lastDate: dayIso(days[days.length - 1]),
      days,
      undated: 0,
    });
  }
  return { nodes, edges: out, truncated: false };
}

const ontology: Ontology = {
  quads: QUADS,
  categories: PLOVER_CATEGORIES.map((t) => ({
    ...ONTOLOGY[t],
    color: scoreColor(ONTOLOGY[t].score),
  })),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

let timeline: { body: string; json: string } | null = null;

/** GET /api/timeline's answer for the network `body`: its edges' dated events per day. */
function timelineOf(body: string): string {
  if (timeline?.body !== body) {
    const net = JSON.parse(body) as Network;
    const perDay = new Map<number, number>();
    let undated = 0;
    for (const e of net.edges) {
      for (const d of e.days) perDay.set(d, (perDay.get(d) ?? 0) + 1);
      undated += e.undated;
    }
    const days = [...perDay]
      .sort((a, b) => a[0] - b[0])
      .map(([d, events]) => ({ date: dayIso(d), events }));
    const total = days.reduce((a, d) => a + d.events, undated);
    timeline = { body, json: JSON.stringify({ days, undated, total } satisfies Timeline) };
  }
  return timeline.json;
}

/** What the bench's origin answers for a path: dist/web's files, `body` as /api/network, `extra`
 * JSON by path, and empty or fixed answers for the rest of the API. */
function answer(
  pathname: string,
  body: string,
  extra: Record<string, string>,
): { status: number; contentType: string; body: string | Buffer } {
  const json = (b: string) => ({ status: 200, contentType: 'application/json', body: b });
  if (pathname === '/api/network') return json(body);
  // The date brush's per-day counts, as the server counts them from the same events.
  if (pathname === '/api/timeline') return json(timelineOf(body));
  if (pathname in extra) return json(extra[pathname]);
  if (pathname === '/api/ontology') return json(JSON.stringify(ontology));
  if (pathname === '/api/health')
    return json(
      JSON.stringify({ status: 'ok', version: 'bench', neo4j: { connected: true, uri: 'bench' } }),
    );
  if (pathname.startsWith('/api/')) return json(JSON.stringify({ items: [], nextCursor: null }));
  const file = join(WEB, pathname === '/' ? 'index.html' : pathname);
  if (!file.startsWith(WEB) || !existsSync(file))
    return { status: 404, contentType: 'text/plain', body: 'not found' };
  return {
    status: 200,
    contentType: TYPES[extname(file)] ?? 'application/octet-stream',
    body: readFileSync(file),
  };
}

/** Serves dist/web and the API at ORIGIN through Playwright's route interception. */
export async function serve(
  page: Page,
  body: string,
  extra: Record<string, string> = {},
): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route: Route) =>
    route.fulfill(answer(new URL(route.request().url()).pathname, body, extra)),
  );
}

/**
 * The same answers over real HTTP on a free local port, as the app is served. Interception
 * hands each response to Chromium through the DevTools pipe one after another, so a big
 * response (the 12 MB network) holds up every later one, which no browser's HTTP does.
 */
export async function serveHttp(
  body: string,
  extra: Record<string, string> = {},
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const a = answer(new URL(req.url ?? '/', 'http://bench').pathname, body, extra);
    res.writeHead(a.status, { 'content-type': a.contentType });
    res.end(a.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The same layout code outside the browser: what the algorithm costs without a busy renderer. */
function fa2InNode(net: Network, iterations = 20): { perSecond: number; ms: number } {
  const forceAtlas2 = cjsDefault<typeof forceAtlas2Module.default>(forceAtlas2Module);
  const g = buildGraph(net, 'kind');
  const settings = {
    ...forceAtlas2.inferSettings(g),
    barnesHutOptimize: true,
    gravity: 1,
    scalingRatio: 10,
    edgeWeightInfluence: 0.5,
  };
  const t0 = performance.now();
  forceAtlas2.assign(g, { iterations, settings });
  const ms = performance.now() - t0;
  return { perSecond: (iterations / ms) * 1000, ms };
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(join(WEB, 'index.html')))
    throw new Error('dist/web is missing: run `npm run build` first');
  const net = syntheticNetwork();
  const body = JSON.stringify(net);
  const node = fa2InNode(net);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && log(`console: ${m.text()}`));
    await serve(page, body);
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(
      () =>
        (
          window as unknown as { __parley?: { perf(): { firstRenderAt: number | null } } }
        ).__parley?.perf().firstRenderAt != null,
      null,
      { timeout: 60_000, polling: 250 },
    );
    const perf = await page.evaluate(() => {
      const p = (
        window as unknown as { __parley: { perf(): { dataAt: number; firstRenderAt: number } } }
      ).__parley.perf();
      const req = performance
        .getEntriesByType('resource')
        .find((e) => e.name.includes('/api/network')) as PerformanceResourceTiming | undefined;
      return {
        dataAt: p.dataAt,
        firstRenderAt: p.firstRenderAt,
        responseEnd: req?.responseEnd ?? p.dataAt,
      };
    });
    // ForceAtlas2: the worker's completed iterations over the whole layout run (it starts with
    // the first render and stops on its own after a time that grows with the network).
    await page.waitForFunction(
      () =>
        !(
          window as unknown as { __parley: { isLayoutRunning(): boolean } }
        ).__parley.isLayoutRunning(),
      null,
      // Interval polling: rAF polling would keep software compositing busy and starve the worker.
      { timeout: 120_000, polling: 250 },
    );
    const fa2 = (await page.evaluate(
      `(() => { const p = window.__parley.perf(); return { iterations: p.layoutIterations, ms: p.layoutSpan.end - (p.layoutSpan.first ?? p.layoutSpan.start), wait: (p.layoutSpan.first ?? p.layoutSpan.end) - p.layoutSpan.start }; })()`,
    )) as { iterations: number; ms: number; wait: number };
    log(
      `first render ${Math.round(perf.firstRenderAt - perf.responseEnd)} ms; fa2 ${JSON.stringify(fa2)}`,
    );
    // Panning: drag across the canvas while recording frame intervals.
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__recording = true;
      let last = performance.now();
      const tick = (t) => {
        window.__frames.push(t - last);
        last = t;
        if (window.__recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    await page.mouse.move(700, 450);
    await page.mouse.down();
    for (let i = 0; i < 30; i++)
      await page.mouse.move(700 + Math.sin(i / 5) * 250, 450 + Math.cos(i / 5) * 150);
    await page.mouse.up();
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__recording = false;
      return w.__frames.slice(1);
    });
    const load = loadavg()[0].toFixed(1);
    return [
      {
        name: 'web: first render after the network arrives (5k actors, 50k edges)',
        value: Math.round(perf.firstRenderAt - perf.responseEnd),
        unit: 'ms',
        note: `of which graph build + hand-over ${Math.round(perf.firstRenderAt - perf.dataAt)} ms after JSON parse; budget 3000 ms`,
      },
      {
        name: 'web: ForceAtlas2 iterations per second (worker, 5k/50k)',
        value: Math.round((fa2.iterations / fa2.ms) * 10000) / 10,
        unit: 'it/s',
        note: `${fa2.iterations} iterations in ${Math.round(fa2.ms)} ms after the first (which took ${Math.round(fa2.wait)} ms to come back), Barnes-Hut on a copy, positions applied when it stops`,
      },
      {
        name: 'web: ForceAtlas2 iterations per second (same network, Node, main thread)',
        value: Math.round(node.perSecond * 10) / 10,
        unit: 'it/s',
        note: `20 iterations in ${Math.round(node.ms)} ms: the same algorithm and settings without a browser, for reference`,
      },
      {
        name: 'web: frame time while panning, p50 (5k/50k)',
        value: Math.round(percentile(frames, 50) * 10) / 10,
        unit: 'ms',
        note: `${frames.length} frames, SwiftShader (CPU) WebGL; edges hidden while the camera moves above 10k edges (the slow frames are full redraws of all edges when it stops); load average ${load}`,
      },
      {
        name: 'web: frame time while panning, p95 (5k/50k)',
        value: Math.round(percentile(frames, 95) * 10) / 10,
        unit: 'ms',
      },
    ];
  } finally {
    await browser.close();
  }
}
