// Big networks (issue 16) in the viewer: past its top (lowered here with `top=12` rather than
// ingesting 100,000 reports) the viewer draws the rest folded into one node per country; a click
// on a fold draws that country's actors, the overview folds them back, and a searched actor
// inside a fold is drawn by opening its fold. Synthetic reports through the real ingest into the
// real Neo4j, the real server, Debian's Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from '../../bench/synthetic.ts';
import { ingestItems } from '../../ingest/index.ts';
import type { Network } from '../../server/api/types.ts';
import { syntheticItems } from '../integration/ingest-helpers.ts';
import { openViewer, screenshot, startStack, type Stack } from './stack.ts';

const TOP = 12;
let stack: Stack;

const api = async (path: string): Promise<Network> => {
  const r = await fetch(`${stack.server.url}${path}`);
  expect(r.status, path).toBe(200);
  return (await r.json()) as Network;
};

/** The actors an answer draws: linked to another drawn actor or to a fold (isolates are not). */
function linked(net: Network): Set<string> {
  const ids = new Set<string>();
  for (const e of [...net.edges, ...(net.folded?.edges ?? [])]) ids.add(e.source).add(e.target);
  return new Set(net.nodes.map((n) => n.id).filter((id) => ids.has(id)));
}

const drawn = (page: Page) => page.evaluate(() => window.__parley.nodes());
const settled = (page: Page) =>
  page.waitForFunction(
    () => window.__parley.networkStatus() === 'ready' && !window.__parley.isLayoutRunning(),
    null,
    { timeout: 60_000 },
  );

beforeAll(async () => {
  stack = await startStack({ wipe: true });
  const outcomes = await ingestItems(stack.driver, syntheticItems(generateReports(40, 16)));
  expect(outcomes.filter((o) => o.error)).toEqual([]);
}, 300_000);

afterAll(async () => {
  await stack?.close();
});

describe('big networks folded by country', () => {
  it('draws the top and the folds, opens a fold on a click, folds it back, unfolds a searched actor', async () => {
    const whole = await api('/api/network?limit=5000');
    const folded = await api(`/api/network?limit=${TOP}&fold=country`);
    expect(whole.nodes.length).toBeGreaterThan(TOP * 3);
    const [big, other] = folded.folded!.groups.filter((g) => g.country);
    const page = await openViewer(stack.context, `${stack.server.url}/?top=${TOP}`);
    await screenshot(page, 'fold-1-folded');

    // The top as themselves, every fold as one node.
    const first = await drawn(page);
    const folds = first.filter((id) => id.startsWith('folded:'));
    expect(folds).toEqual(expect.arrayContaining([big.id, other.id]));
    expect(first.length - folds.length).toBeLessThanOrEqual(TOP);
    expect(first).toEqual(expect.arrayContaining([...linked(folded)]));
    expect(
      await page.evaluate((id) => window.__parley.graph().getNodeAttribute(id, 'label'), big.id),
    ).toBe(`${big.country} · ${big.actors} more actors`);

    const topIds = first.filter((id) => !id.startsWith('folded:'));
    const topAt = await page.evaluate(
      (ids) =>
        ids.map((id) => ({
          x: window.__parley.graph().getNodeAttribute(id, 'x') as number,
          y: window.__parley.graph().getNodeAttribute(id, 'y') as number,
        })),
      topIds,
    );

    // Where the analyst sees them: opening and closing a fold must not move them on screen.
    const onScreen = () =>
      page.evaluate((ids) => ids.map((id) => window.__parley.nodePosition(id)!), topIds);
    const screenBefore = await onScreen();
    const screenMoved = async () =>
      Math.max(
        ...(await onScreen()).map((p, i) =>
          Math.hypot(p.x - screenBefore[i].x, p.y - screenBefore[i].y),
        ),
      );

    // A click on the biggest fold draws its actors where the fold was, the rest still folded.
    const at = (await page.evaluate((id) => window.__parley.nodePosition(id), big.id))!;
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(
      (c) => new URL(location.href).searchParams.get('open') === c,
      big.country,
    );
    await page.waitForFunction((id) => !window.__parley.nodes().includes(id), big.id);
    await settled(page);
    await screenshot(page, 'fold-2-opened');
    const opened = await api(`/api/network?limit=${TOP}&fold=country&open=${big.country}`);
    const inTop = new Set(folded.nodes.map((n) => n.id));
    const inBig = [...linked(opened)].filter(
      (id) => !inTop.has(id) && opened.nodes.find((n) => n.id === id)!.country === big.country,
    );
    expect(inBig.length).toBeGreaterThan(0);
    const second = await drawn(page);
    expect(second).toEqual(expect.arrayContaining([...linked(opened), other.id]));
    // The actors drawn before kept their places (the new ones laid out around them).
    const moved = await page.evaluate(
      ({ ids, before }) => {
        const g = window.__parley.graph();
        return ids.map((id, i) => {
          const [x, y] = [g.getNodeAttribute(id, 'x'), g.getNodeAttribute(id, 'y')] as number[];
          return Math.hypot(x - before[i].x, y - before[i].y);
        });
      },
      { ids: topIds, before: topAt },
    );
    expect(Math.max(...moved)).toBeLessThan(1);
    // Nor on screen (they moved 20-100 px: sigma framed the graph's new extent).
    expect(await screenMoved()).toBeLessThan(2);

    // The overview folds it back.
    await page.getByRole('button', { name: new RegExp(`Fold ${big.country} back`) }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('open'));
    await page.waitForFunction((id) => window.__parley.nodes().includes(id), big.id);
    await settled(page);
    const third = await drawn(page);
    for (const id of inBig) expect(third).not.toContain(id);
    expect(await screenMoved()).toBeLessThan(2);

    // Search for the busiest actor folded into another country: its fold opens, it is selected.
    const target = whole.nodes
      .slice(TOP)
      .find((n) => n.country === other.country && linked(whole).has(n.id))!;
    await page.keyboard.press('/');
    await page.keyboard.type(target.name);
    await page.locator('.search-results [role=option]', { hasText: target.name }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => window.__parley.nodes().includes(id), target.id, {
      timeout: 60_000,
    });
    await page.waitForSelector(`#panel-title:text("${target.name}")`);
    const url = new URL(page.url()).searchParams;
    expect([url.get('actor'), url.get('open')]).toEqual([target.id, other.country]);
    await screenshot(page, 'fold-3-searched');
    await page.close();
  }, 180_000);

  it('keeps expanded neighbours when a fold is closed; undoing the expansion keeps those the fold draws', async () => {
    const base = stack.server.url;
    const whole = await api('/api/network?limit=5000');
    const folded = await api(`/api/network?limit=${TOP}&fold=country`);
    const top = new Set(folded.nodes.map((n) => n.id));
    const countryOf = new Map(whole.nodes.map((n) => [n.id, n.country]));
    // A top actor whose expansion draws an actor folded into a country.
    let near = '';
    let far = '';
    for (const e of whole.edges) {
      if (!top.has(e.source) || top.has(e.target) || !countryOf.get(e.target)) continue;
      const r = await fetch(
        `${base}/api/actors/${encodeURIComponent(e.source)}/neighbors?limit=50`,
      );
      if (((await r.json()) as Network).nodes.some((n) => n.id === e.target)) {
        [near, far] = [e.source, e.target];
        break;
      }
    }
    expect(far).not.toBe('');
    const country = countryOf.get(far)!;
    const page = await openViewer(
      stack.context,
      `${base}/?top=${TOP}&actor=${encodeURIComponent(near)}`,
    );
    const has = (id: string) => page.evaluate((n) => window.__parley.nodes().includes(n), id);
    const expand = async () => {
      await page.getByRole('button', { name: 'Expand neighbours' }).click();
      await page.waitForFunction((id) => window.__parley.nodes().includes(id), far);
      await settled(page);
    };
    const openFold = async () => {
      const at = (await page.evaluate(
        (id) => window.__parley.nodePosition(id),
        `folded:${country}`,
      ))!;
      await page.mouse.click(at.x, at.y);
      await page.waitForFunction(
        (c) => new URL(location.href).searchParams.get('open') === c,
        country,
      );
      await page.waitForFunction(
        (id) => !window.__parley.nodes().includes(id),
        `folded:${country}`,
      );
      await settled(page);
    };
    const closeFold = async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: new RegExp(`Fold ${country} back`) }).click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('open'));
      await page.waitForFunction((id) => window.__parley.nodes().includes(id), `folded:${country}`);
      await settled(page);
    };

    // Expanded, its fold opened, the expansion undone: the fold still draws it.
    await expand();
    await openFold();
    expect(await has(far)).toBe(true);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('.toast')?.textContent === 'Undone');
    expect(await has(far)).toBe(true);
    // Closed again, nothing holds it any more.
    await closeFold();
    expect(await has(far)).toBe(false);

    // Expanded again (opened afresh), the fold opened and closed: the expansion still draws it.
    await page.goto(`${base}/?top=${TOP}&actor=${encodeURIComponent(near)}`);
    await page.waitForFunction(
      () => window.__parley?.networkStatus() === 'ready' && !window.__parley.isLayoutRunning(),
    );
    await expand();
    await openFold();
    await closeFold();
    expect(await has(far)).toBe(true);
    expect(
      await page.evaluate(
        ([a, b]) => window.__parley.graph().neighbors(a).includes(b),
        [near, far],
      ),
    ).toBe(true);
    await page.close();
  }, 180_000);
});
