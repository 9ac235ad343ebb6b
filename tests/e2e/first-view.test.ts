// The first view of a real corpus (issue 18) and a network that reads (issue 12, items 7–10):
// the sixteen development reports and the two samples ingested once into the real Neo4j, the
// real server, Debian's Chromium at 1440×900. Label boxes come from the renderer's label layer.
import type { Driver } from 'neo4j-driver';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../server/api/types.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { newContext, openViewer as open, screenshot, startStack, type Stack } from './stack.ts';
import type { LabelBox } from './hook.ts';

type Box = LabelBox;

let stack: Stack;
let driver: Driver;
let server: Stack['server'];
let browser: Stack['browser'];
let context: BrowserContext;
let net: Network;

const api = async <T>(path: string): Promise<T> =>
  (await fetch(server.url + path)).json() as Promise<T>;

beforeAll(async () => {
  // An empty database, as a new user has, with the corpus they bring; left empty afterwards
  // (the other files bring their own reports).
  stack = await startStack({ wipe: true, corpus: true });
  ({ driver, server, browser, context } = stack);
  net = await api<Network>('/api/network');
}, 600_000); // eighteen reports: about a minute alone, several on a loaded machine

afterAll(() => stack?.close());

const openViewer = (path = '/', ctx = context): Promise<Page> => open(ctx, server.url + path);

const sigmaRect = (page: Page) =>
  page.locator('#sigma').evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function connectedIds(): Set<string> {
  const ids = new Set<string>();
  for (const e of net.edges) if (e.source !== e.target) ids.add(e.source).add(e.target);
  return ids;
}

describe('the first view of eighteen reports', () => {
  it('draws no isolated actor, says how many there are, and labels the 20 most active legibly', async () => {
    const linked = connectedIds();
    const isolates = net.nodes.length - linked.size;
    expect(isolates).toBeGreaterThan(100); // the corpus: about three actors in four
    const page = await openViewer();
    await screenshot(page, 'first-view-after');
    const drawn = await page.evaluate(() => window.__parley.nodes());
    expect(drawn.length).toBe(linked.size);
    const degrees = await page.evaluate(() => {
      const g = window.__parley.graph();
      return window.__parley.nodes().map((n) => g.degree(n));
    });
    expect(Math.min(...degrees)).toBeGreaterThan(0);
    await expect(page.locator('.isolates-toggle').innerText()).resolves.toBe(
      `Show ${isolates} actors without relationships`,
    );

    // The 20 most active drawn actors (by events, the measure node size shows).
    const top = net.nodes
      .filter((n) => linked.has(n.id))
      .sort((a, b) => b.events - a.events)
      .slice(0, 20);
    const cut = top[top.length - 1].events;
    const boxes = await page.evaluate(() => window.__parley.labelBoxes());
    const rect = await sigmaRect(page);
    const byId = new Map(boxes.map((b) => [b.id, b]));
    // Ties at the cut may be either way; every actor above it must be labelled.
    for (const n of top.filter((x) => x.events > cut)) expect(byId.has(n.id), n.name).toBe(true);
    expect(top.filter((n) => byId.has(n.id)).length).toBeGreaterThanOrEqual(20);
    for (const b of boxes) {
      expect(b.label.length).toBeGreaterThan(0);
      expect(b.x).toBeGreaterThanOrEqual(rect.left);
      expect(b.x + b.w).toBeLessThanOrEqual(rect.right + 0.5);
      expect(b.y).toBeGreaterThanOrEqual(rect.top);
      expect(b.y + b.h).toBeLessThanOrEqual(rect.bottom + 0.5);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlap(boxes[i], boxes[j]), `${boxes[i].label} / ${boxes[j].label}`).toBe(false);

    // The camera frames every drawn node.
    const positions = await page.evaluate(() =>
      window.__parley.nodes().map((n) => window.__parley.nodePosition(n)!),
    );
    for (const p of positions) {
      expect(p.x).toBeGreaterThanOrEqual(rect.left);
      expect(p.x).toBeLessThanOrEqual(rect.right);
      expect(p.y).toBeGreaterThanOrEqual(rect.top);
      expect(p.y).toBeLessThanOrEqual(rect.bottom);
    }
    await page.close();
  });

  it('no unlabelled node among the 50 most connected (item 12.8)', async () => {
    const page = await openViewer();
    const { labelled, top } = await page.evaluate(() => {
      const g = window.__parley.graph();
      const ids = window.__parley.nodes();
      const top50 = [...ids].sort((a, b) => g.degree(b) - g.degree(a)).slice(0, 50);
      const cut = g.degree(top50[top50.length - 1]);
      const labelled = new Set(window.__parley.labelBoxes().map((b) => b.id));
      // Above the cut all must carry a label (ties at the cut may go either way).
      return { labelled: [...labelled], top: top50.filter((n) => g.degree(n) > cut) };
    });
    for (const n of top) expect(labelled, n).toContain(n);
    await page.close();
  });

  it('the overview lists the most active actor; a click selects it and frames its neighbours', async () => {
    const most = [...net.nodes].sort((a, b) => b.events - a.events)[0];
    const page = await openViewer();
    const first = page.locator('.ov-list .ov-row').first();
    await expect(first.getAttribute('data-actor')).resolves.toBe(most.id);
    await expect(first.innerText()).resolves.toContain(most.name);
    await first.click();
    await page.waitForSelector(`#panel-title:text("${most.name}")`);
    expect(new URL(page.url()).searchParams.get('actor')).toBe(most.id);
    await page.waitForTimeout(900); // the camera's framing animation
    // Item 12.8: selecting frames the actor with its neighbours, none pushed off the screen.
    const rect = await sigmaRect(page);
    const around = await page.evaluate((id) => {
      const g = window.__parley.graph();
      return [id, ...g.neighbors(id)].map((n) => window.__parley.nodePosition(n)!);
    }, most.id);
    expect(around.length).toBeGreaterThan(5);
    for (const p of around) {
      expect(p.x).toBeGreaterThanOrEqual(rect.left);
      expect(p.x).toBeLessThanOrEqual(rect.right);
      expect(p.y).toBeGreaterThanOrEqual(rect.top);
      expect(p.y).toBeLessThanOrEqual(rect.bottom);
    }
    await screenshot(page, 'first-view-selected');
    await page.close();
  });

  it('the toggle brings the isolates back, and the URL restores either state', async () => {
    const page = await openViewer();
    await page.locator('.isolates-toggle').click();
    await page.waitForFunction((n) => window.__parley.nodes().length === n, net.nodes.length);
    expect(new URL(page.url()).searchParams.get('isolates')).toBe('1');
    await page.waitForTimeout(500);
    await screenshot(page, 'first-view-isolates');
    const shared = page.url();
    await page.close();

    const restored = await openViewer(shared.slice(server.url.length));
    expect(await restored.evaluate(() => window.__parley.nodes().length)).toBe(net.nodes.length);
    await expect(restored.locator('.isolates-toggle').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await restored.locator('.isolates-toggle').click();
    await restored.waitForFunction(
      (n) => window.__parley.nodes().length === n,
      connectedIds().size,
    );
    expect(new URL(restored.url()).searchParams.get('isolates')).toBeNull();
    await restored.close();

    // An isolate stays reachable from the list: choosing it draws the isolates and selects it.
    const page2 = await openViewer();
    const isolate = page2.locator('.ov-isolate-list .ov-row').first();
    await page2.locator('.ov-isolate-list summary').click();
    const id = await isolate.getAttribute('data-actor');
    await isolate.click();
    await page2.waitForFunction((x) => window.__parley.nodes().includes(x!), id);
    expect(new URL(page2.url()).searchParams.get('actor')).toBe(id);
    await page2.close();
  });
});

describe('a network that reads (issue 12)', () => {
  it('7: the two edges of a reciprocal pair are both drawn and each can be clicked', async () => {
    const there = 'person:kirill-dmitriev->state:USA';
    const back = 'state:USA->person:kirill-dmitriev';
    expect(net.edges.map((e) => e.id)).toEqual(expect.arrayContaining([there, back]));
    const page = await openViewer();
    for (const id of [there, back]) {
      // The whole pixel nearest the middle of the curve where the renderer finds this edge
      // (within 2 px): where a user aiming at the curve clicks. Straight overlapping edges
      // hide one of the two there.
      const at = await page.evaluate((e) => {
        const m = window.__parley.edgeMidpoint(e);
        const r = document.getElementById('sigma')!.getBoundingClientRect();
        const renderer = window.__parley.renderer();
        if (!m) return null;
        for (const d of [0, 1, -1, 2, -2])
          for (const f of [0, 1, -1, 2, -2]) {
            const [x, y] = [Math.round(m.x) + d, Math.round(m.y) + f];
            if (renderer.getEdgeAtPoint(x - r.left, y - r.top) === e) return { x, y };
          }
        return null;
      }, id);
      expect(at, id).not.toBeNull();
      await page.mouse.move(at!.x, at!.y);
      await page.mouse.click(at!.x, at!.y);
      await page.waitForFunction((e) => new URL(location.href).searchParams.get('edge') === e, id, {
        timeout: 5000,
      });
      await page.keyboard.press('Escape');
      // Two clicks within sigma's double-click time (300 ms), wherever they land, are a double
      // click (a zoom), not a second selection: an analyst's next click comes later. On a quiet
      // machine the loop came round faster than that and the second edge was never selected.
      await page.waitForTimeout(400);
    }
    await page.close();
  });

  it('10: country colours are distinct, and actors without a country stay until "No country" is unchecked', async () => {
    const page = await openViewer('/?color=country');
    const colors = await page.evaluate(() => {
      const g = window.__parley.graph();
      return {
        usa: String(g.getNodeAttribute('state:USA', 'color')),
        others: window.__parley.nodes().map((n) => String(g.getNodeAttribute(n, 'color'))),
      };
    });
    const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    const dist = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - rgb(b)[i]));
    // Every other colour on screen is either the same as the USA's (same country) or clearly apart.
    const countryOf = new Map(net.nodes.map((n) => [n.id, n.country]));
    const ids = await page.evaluate(() => window.__parley.nodes());
    ids.forEach((id, i) => {
      if (countryOf.get(id) === 'USA' || !countryOf.get(id)) return;
      expect(dist(colors.others[i].slice(0, 7), colors.usa.slice(0, 7)), id).toBeGreaterThan(60);
    });

    const noCountry = ids.find((id) => countryOf.get(id) === null)!;
    expect(noCountry).toBeTruthy();
    await page.locator('.countries input[aria-label="USA"]').uncheck();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('countries'));
    await page.waitForFunction(
      () => window.__parley.networkStatus() === 'ready' && !window.__parley.isLayoutRunning(),
    );
    let drawn = await page.evaluate(() => window.__parley.nodes());
    expect(drawn).not.toContain('state:USA');
    expect(drawn).toContain(noCountry);
    await page.locator('.countries input[aria-label="No country"]').uncheck();
    await page.waitForFunction(
      (x) => window.__parley.networkStatus() === 'ready' && !window.__parley.nodes().includes(x),
      noCountry,
    );
    drawn = await page.evaluate(() => window.__parley.nodes());
    expect(drawn.every((id) => countryOf.get(id))).toBe(true);
    await page.close();
  });

  // Last: it adds a report to the corpus.
  it('9: the same graph looks the same in a fresh browser and after a reload; a new actor appears next to its neighbours', async () => {
    const near = (p: [number, number], q: [number, number], id: string) => {
      expect(Math.abs(p[0] - q[0]), id).toBeLessThan(0.05);
      expect(Math.abs(p[1] - q[1]), id).toBeLessThan(0.05);
    };
    const positions = (page: Page) =>
      page.evaluate(() => {
        const out: Record<string, [number, number]> = {};
        window.__parley.graph().forEachNode((n, a) => (out[n] = [a.x, a.y]));
        return out;
      });
    const a = await openViewer();
    const first = await positions(a);
    const other = await newContext(browser);
    const b = await openViewer('/', other);
    // Deterministic: another browser, no saved state (saved positions are rounded to 0.01).
    const fresh = await positions(b);
    expect(Object.keys(fresh).sort()).toEqual(Object.keys(first).sort());
    for (const [id, p] of Object.entries(first)) near(fresh[id], p, id);
    await other.close();

    const dir = mkdtempSync(join(tmpdir(), 'parley-new-actor-'));
    const file = join(dir, 'brazil-envoy.txt');
    writeFileSync(
      file,
      'Kirill Dmitriev meets Brazilian envoy\n\nKirill Dmitriev met Brazilian Foreign Minister Mauro Vieira in Moscow on Monday. Mauro Vieira praised Kirill Dmitriev for the talks.\n',
    );
    const [outcome] = await ingestPaths(driver, [file], { publishedAt: '2025-12-29' });
    expect(outcome.error).toBeUndefined();
    await a.reload();
    await a.waitForFunction(
      () => window.__parley?.networkStatus() === 'ready' && !window.__parley.isLayoutRunning(),
    );
    const after = await positions(a);
    expect(after['person:mauro-vieira']).toBeDefined();
    // Everyone already there stays where the analyst saw them.
    for (const [id, p] of Object.entries(first)) near(after[id], p, id);
    // Beside its one neighbour: seeded next to it, then given room without being pulled away.
    // Measured against the drawing itself: nearer to it than nine actors in ten are (a fixed
    // share of the width breaks whenever the corpus's extraction changes the layout).
    const [dx, dy] = after['person:kirill-dmitriev'];
    const from = ([x, y]: [number, number]) => Math.hypot(x - dx, y - dy);
    const others = Object.entries(first)
      .filter(([id]) => id !== 'person:kirill-dmitriev')
      .map(([, p]) => from(p))
      .sort((p, q) => p - q);
    expect(from(after['person:mauro-vieira'])).toBeLessThan(others[Math.floor(others.length / 10)]);
    await screenshot(a, 'first-view-new-actor');
    await a.close();
  });
});
