// Memory (issue 15): saved investigations and what changed, over the samples in the real Neo4j,
// the real server and Debian's Chromium. An analyst hides an actor, drags another (which pins
// it), sets a play position and saves the view with a name; after a server restart, in a fresh
// browser, the investigation's link opens the same visible actors at the same positions. Then the
// Miami report is updated: the feed lists its new ACCUSE and the changed loan figure, and a
// watched actor's later change is counted on the Changes tab's badge.
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../ingest/ingest.ts';
import type { Changes, Investigation } from '../../server/api/types.ts';
import { startServer } from '../../server/index.ts';
import { wipe } from '../integration/ingest-helpers.ts';
import { newContext, openViewer, SAMPLES, screenshot, startStack, type Stack } from './stack.ts';

let stack: Stack;
let server: { url: string; close(): Promise<void> } | undefined;

beforeAll(async () => {
  stack = await startStack({
    wipe: true,
    reports: [SAMPLES],
  });
}, 300_000);

afterAll(async () => {
  // The first server was stopped by the test; the restarted one is closed here.
  await stack?.context.close();
  await stack?.browser.close();
  await server?.close();
  if (stack) {
    await wipe(stack.driver);
    await stack.driver.close();
  }
});

/** What is on screen: the drawn actors less the hidden ones, every position, the state. */
const seen = (page: Page) =>
  page.evaluate(() => {
    const p = window.__parley;
    const g = p.graph();
    const positions: Record<string, [number, number]> = {};
    g.forEachNode((id, a) => (positions[id] = [a.x, a.y]));
    const { hidden, pinned, url } = p.state();
    return {
      visible: p
        .nodes()
        .filter((n) => !hidden.includes(n))
        .sort(),
      positions,
      hidden: [...hidden].sort(),
      pinned: [...pinned].sort(),
      at: url.at,
      window: url.window,
    };
  });

describe('saved investigations', () => {
  it('reopens with the same visible actors and positions after a server restart', async () => {
    const NAME = 'Miami <b>talks</b>, who met whom';
    let page = await openViewer(
      stack.context,
      `${stack.server.url}/?actor=person:kirill-dmitriev&window=month&at=2025-12-21`,
    );
    await page.waitForSelector('#panel-title:text("Kirill Dmitriev")');
    // His sparkline counts the dated events on his drawn relationships.
    const expected = await page.evaluate(() => {
      const g = window.__parley.graph();
      const id = 'person:kirill-dmitriev';
      return g
        .neighbors(id)
        .flatMap((n) => [`${id}->${n}`, `${n}->${id}`])
        .filter((e) => g.hasEdge(e))
        .reduce(
          (sum, e) => sum + (g.getEdgeAttribute(e, 'edge') as { days: number[] }).days.length,
          0,
        );
    });
    expect(expected).toBeGreaterThan(0);
    expect(await page.locator('.detail .sparkline').getAttribute('aria-label')).toMatch(
      new RegExp(
        `^${expected} dated events? with the actors drawn between \\d{4}-\\d{2}-\\d{2} and`,
      ),
    );
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await page.waitForFunction(() =>
      window.__parley.state().hidden.includes('person:kirill-dmitriev'),
    );
    // Drag an actor somewhere else: it is pinned there.
    const other = await page.evaluate(() =>
      window.__parley.nodes().find((n) => n !== 'person:kirill-dmitriev'),
    );
    const from = (await page.evaluate((id) => window.__parley.nodePosition(id), other!))!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 90, from.y + 60, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction((id) => window.__parley.state().pinned.includes(id), other!);

    await page.locator('body').press('5');
    await page.getByRole('heading', { name: 'No saved investigations yet' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByLabel('Notes', { exact: true }).fill('Dmitriev hidden; the loan changed.');
    await page.getByRole('button', { name: 'Save investigation' }).click();
    await page.waitForSelector('.inv-items li');
    const link = await page.locator('.inv-items a.inv-name').getAttribute('href');
    expect(link).toMatch(/^\/\?investigation=inv-[\w-]+$/);
    // The analyst's text is text, never markup.
    expect(await page.locator('.inv-items a.inv-name').textContent()).toBe(NAME);
    expect(await page.locator('.inv-items a.inv-name b').count()).toBe(0);
    const before = await seen(page);
    expect(before.hidden).toEqual(['person:kirill-dmitriev']);
    expect(before.pinned).toEqual([other]);
    expect(before.visible.length).toBeGreaterThan(3);
    await page.close();

    // A server restart, and a browser that has never seen this layout (no saved positions).
    await stack.server.close();
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      driver: stack.driver,
      logger: false,
      webRoot: resolve('dist/web'),
    });
    const context = await newContext(stack.browser);
    page = await openViewer(context, `${server.url}${link}`);
    await page.waitForFunction(
      () => window.__parley.state().hidden.length === 1 && !window.__parley.isLayoutRunning(),
    );
    const after = await seen(page);
    expect(after.visible).toEqual(before.visible);
    expect(after.hidden).toEqual(before.hidden);
    expect(after.pinned).toEqual(before.pinned);
    expect([after.at, after.window]).toEqual(['2025-12-21', 'month']);
    for (const id of before.visible) {
      expect(after.positions[id][0], id).toBeCloseTo(before.positions[id][0], 6);
      expect(after.positions[id][1], id).toBeCloseTo(before.positions[id][1], 6);
    }
    expect(await page.evaluate(() => window.__parley.state().url.view)).toBe('network');
    await screenshot(page, 'investigation-reopened');

    // Its notes are there to read and keep working on.
    await page.locator('body').press('5');
    await expect
      .poll(() => page.locator('#open-investigation-notes').inputValue())
      .toBe('Dmitriev hidden; the loan changed.');
    await screenshot(page, 'investigation-list');
    await context.close();
  });
});

/** States drawn, one of them selected and its neighbours expanded (some the filter left out). */
async function expandState(
  context: BrowserContext,
  base: string,
): Promise<{ page: Page; near: string }> {
  let page = await openViewer(context, `${base}/?kinds=state`);
  // A drawn state with neighbours the filter leaves out.
  const near = await page.evaluate(async () => {
    for (const id of window.__parley.nodes()) {
      const r = await fetch(`/api/actors/${encodeURIComponent(id)}/neighbors?limit=50`);
      const net = (await r.json()) as { nodes: { id: string }[] };
      if (net.nodes.some((n) => !window.__parley.nodes().includes(n.id))) return id;
    }
    return null;
  });
  expect(near).not.toBeNull();
  await page.close();
  page = await openViewer(context, `${base}/?kinds=state&actor=${encodeURIComponent(near!)}`);
  const drawn = (await page.evaluate(() => window.__parley.nodes())).length;
  await page.getByRole('button', { name: 'Expand neighbours' }).click();
  await page.waitForFunction((n) => window.__parley.nodes().length > n, drawn);
  await page.waitForFunction(() => !window.__parley.isLayoutRunning());
  return { page, near: near! };
}

describe('expanded neighbours', () => {
  it('are drawn again when the investigation reopens', async () => {
    // The first test restarted the server: the live one is `server`.
    const base = (server ?? stack.server).url;
    const context = await newContext(stack.browser);
    try {
      const { page } = await expandState(context, base);
      const expanded = (await page.evaluate(() => window.__parley.nodes())).sort();
      await page.locator('body').press('5');
      await page.getByLabel('Name', { exact: true }).fill('Expanded');
      await page.getByRole('button', { name: 'Save investigation' }).click();
      await page.waitForSelector('.inv-items li:has-text("Expanded")');
      const link = await page
        .locator('.inv-items li:has-text("Expanded") a.inv-name')
        .getAttribute('href');
      await page.close();

      const fresh = await newContext(stack.browser);
      try {
        const again = await openViewer(fresh, `${base}${link}`);
        await again.waitForFunction(
          (n) => window.__parley.nodes().length === n && !window.__parley.isLayoutRunning(),
          expanded.length,
        );
        expect((await again.evaluate(() => window.__parley.nodes())).sort()).toEqual(expanded);
      } finally {
        await fresh.close();
      }
    } finally {
      await context.close();
      await stack.driver.executeQuery('MATCH (i:Investigation) DETACH DELETE i');
    }
  });
});

describe('an investigation that opens on another view', () => {
  it('draws its neighbours, pins and positions once the network is shown, and saving it first loses nothing', async () => {
    const base = (server ?? stack.server).url;
    const context = await newContext(stack.browser);
    const fresh = await newContext(stack.browser);
    try {
      const expanded = await expandState(context, base);
      let page = expanded.page;
      const near = expanded.near;
      // Drag an actor somewhere else: it is pinned there.
      const other = (await page.evaluate(
        (id) => window.__parley.nodes().find((n) => n !== id),
        near,
      ))!;
      const from = (await page.evaluate((id) => window.__parley.nodePosition(id), other))!;
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 80, from.y - 50, { steps: 6 });
      await page.mouse.up();
      await page.waitForFunction((id) => window.__parley.state().pinned.includes(id), other);
      const before = await seen(page);
      await page.locator('body').press('5');
      await page.getByLabel('Name', { exact: true }).fill('Opens on the map');
      await page.getByRole('button', { name: 'Save investigation' }).click();
      const item = page.locator('.inv-items li:has-text("Opens on the map") a.inv-name');
      await item.waitFor();
      const link = (await item.getAttribute('href'))!;
      const id = new URLSearchParams(link.slice(link.indexOf('?'))).get('investigation')!;
      await page.close();

      // The same view kept as opening on the map (as a script or an edited file may keep it).
      const api = `${base}/api/investigations/${encodeURIComponent(id)}`;
      const read = async () => ((await (await fetch(api)).json()) as Investigation).view;
      const kept = await read();
      const q = new URLSearchParams(kept.url);
      q.set('view', 'map');
      const patched = await fetch(api, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ view: { ...kept, url: `?${q}` } }),
      });
      expect(patched.status).toBe(200);

      page = await openViewer(fresh, `${base}${link}`);
      await page.waitForFunction(() => {
        const s = window.__parley.state();
        return s.url.view === 'map' && s.pinned.length === 1;
      });
      // Saved again before the network is drawn: its actors, positions and expansion stay.
      await page.locator('body').press('5');
      await page.getByRole('button', { name: 'Save the current view into it' }).click();
      await page.waitForSelector('.toast:has-text("Saved the current view")');
      const again = await read();
      expect(again.pinned).toEqual([other]);
      expect(again.expanded).toEqual([near]);
      expect(again.positions).toEqual(kept.positions);

      // Shown: the same actors at the same places, the dragged one still pinned.
      await page.locator('body').press('1');
      await page.waitForFunction(
        (n) => window.__parley.nodes().length === n && !window.__parley.isLayoutRunning(),
        before.visible.length,
      );
      const after = await seen(page);
      expect(after.visible).toEqual(before.visible);
      expect(after.pinned).toEqual([other]);
      for (const n of before.visible) {
        expect(after.positions[n][0], n).toBeCloseTo(before.positions[n][0], 6);
        expect(after.positions[n][1], n).toBeCloseTo(before.positions[n][1], 6);
      }
      expect(
        await page.evaluate((n) => window.__parley.graph().getNodeAttribute(n, 'fixed'), other),
      ).toBe(true);
    } finally {
      await context.close();
      await fresh.close();
      await stack.driver.executeQuery('MATCH (i:Investigation) DETACH DELETE i');
    }
  }, 180_000);
});

describe('with PARLEY_TOKEN set', () => {
  it('asks for the token on the first refused save, keeps it for the tab and sends it', async () => {
    const TOKEN = 's3cret-token';
    const guarded = await startServer({
      port: 0,
      host: '127.0.0.1',
      driver: stack.driver,
      logger: false,
      webRoot: resolve('dist/web'),
      token: TOKEN,
    });
    const context = await newContext(stack.browser);
    try {
      const page = await openViewer(context, `${guarded.url}/`);
      await page.locator('body').press('5');
      await page.getByLabel('Name', { exact: true }).fill('Guarded');
      await page.getByRole('button', { name: 'Save investigation' }).click();
      const dialog = page.getByRole('dialog', { name: 'Access token needed' });
      await dialog.getByLabel('Access token').fill('wrong');
      await dialog.getByRole('button', { name: 'Use token' }).click();
      await dialog.getByText('The server refused that token').waitFor();
      await dialog.getByLabel('Access token').fill(TOKEN);
      await dialog.getByRole('button', { name: 'Use token' }).click();
      await page.waitForSelector('.inv-items li');
      expect(await page.locator('.inv-items a.inv-name').textContent()).toBe('Guarded');

      // Kept for the tab: after a reload, deleting sends it without asking.
      await page.reload();
      await page.waitForFunction(
        () => window.__parley?.networkStatus() === 'ready' && !window.__parley.isLayoutRunning(),
      );
      await page.locator('body').press('5');
      const sent: (string | null)[] = [];
      page.on('request', (r) => {
        if (r.method() === 'DELETE') sent.push(r.headers()['authorization'] ?? null);
      });
      await page.getByRole('button', { name: 'Delete Guarded' }).click();
      await page.locator('.inv-items button.danger').click();
      await page.getByRole('heading', { name: 'No saved investigations yet' }).waitFor();
      expect(sent).toEqual([`Bearer ${TOKEN}`]);
      expect(await page.getByRole('dialog').count()).toBe(0);
    } finally {
      await context.close();
      await guarded.close();
      await stack.driver.executeQuery('MATCH (i:Investigation) DETACH DELETE i');
    }
  });
});

describe('what changed', () => {
  it('lists the update with its +1 ACCUSE and the changed loan figure; counts a watched actor', async () => {
    expect(server).toBeDefined();
    const url = server!.url;
    const updated = await ingestPaths(stack.driver, [resolve('samples/updates/miami-talks.md')]);
    expect(updated.filter((o) => o.error)).toEqual([]);
    const context = await newContext(stack.browser);
    const page = await openViewer(context, `${url}/?view=changes`);
    const update = page.locator('.change[data-status="updated"]');
    await update.waitFor();
    expect(await update.locator('.change-fact.added[data-type="ACCUSE"]').count()).toBe(1);
    const figure = update.locator('.change-fact.figure');
    expect(await figure.locator('del').textContent()).toBe('$105 billion');
    expect(await figure.locator('ins').textContent()).toBe('$90 billion');
    await screenshot(page, 'changes-feed');

    // Watch the accuser, by keyboard: choose it in the actor filter, then Watch.
    const feed = (await (await fetch(`${url}/api/changes`)).json()) as Changes;
    const accuse = feed.items
      .find((e) => e.status === 'updated')!
      .added.find((f) => f.type === 'ACCUSE')!;
    await page.locator('#changes-actor').focus();
    await page.locator('#changes-actor').selectOption(accuse.actors[0]);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.change').length > 0 &&
        !!document.querySelector('.changes-filters button'),
    );
    await page.locator('.changes-filters button').press('Enter');
    await page.getByRole('button', { name: /^Stop watching/ }).waitFor();

    // A later report about the same actors; the analyst comes back: the tab counts it.
    const r = await fetch(`${url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({
        id: 'later-accusation',
        publishedAt: '2025-12-23',
        text: 'On Monday, Moscow accused Kyiv of attacking a power station in the Belgorod region.',
      }),
    });
    expect(r.status).toBe(201);
    await page.goto(`${url}/?view=network`);
    const badge = page.locator('#tab-changes .tab-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('1');
    await page.locator('body').press('6');
    await page.locator('.change.new').first().waitFor();
    expect(await page.locator('.change.new').count()).toBe(1);
    await page.waitForFunction(() =>
      document.querySelector('#tab-changes .tab-badge')?.hasAttribute('hidden'),
    );
    await context.close();
  });
});
