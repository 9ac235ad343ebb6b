// The map (issue 15, place): the sample reports ingested by the real ingest into the real Neo4j,
// the real server, Debian's Chromium. Events sit at their places on an offline base map; a place
// chosen on the map marks its events' actors in the network; the filters apply to both views;
// the page asks nothing of any origin but the server's own.
import { resolve } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openViewer, screenshot, startStack, type Stack } from './stack.ts';

let stack: Stack;

type Cluster = { x: number; y: number; places: string[]; events: number };

beforeAll(async () => {
  // Only the samples: what is on the map is then what these two reports say.
  stack = await startStack({
    wipe: true,
    reports: [[resolve('samples/miami-talks.md'), resolve('samples/geneva-talks.md')]],
  });
}, 300_000);

afterAll(async () => {
  await stack?.close();
});

async function openMap(query = ''): Promise<{ page: Page; requests: string[] }> {
  const requests: string[] = [];
  const opened = await openViewer(stack.context, `${stack.server.url}/?view=map${query}`, (p) =>
    p.on('request', (r: Request) => requests.push(r.url())),
  );
  await opened.waitForFunction(() => window.__parley.mapPerf().firstDrawAt !== null, null, {
    timeout: 30_000,
  });
  return { page: opened, requests };
}

const clusters = (page: Page): Promise<Cluster[]> =>
  page.evaluate(() => window.__parley.mapClusters());

/** The actors of the current events at a place, straight from Neo4j. */
async function actorsAt(place: string): Promise<string[]> {
  const { records } = await stack.driver.executeQuery(
    `MATCH (:Place {id: $place})<-[:AT]-(e:Event {current: true})-[:PERFORMED|DIRECTED_AT]-(a:Actor)
     RETURN collect(DISTINCT a.id) AS ids`,
    { place },
  );
  return (records[0].get('ids') as string[]).sort();
}

describe('map', () => {
  it('draws the events at their places, from the server alone', async () => {
    const { page, requests } = await openMap();
    const drawn = (await clusters(page)).flatMap((c) => c.places);
    for (const id of ['place:miami', 'place:geneva', 'place:berlin', 'place:kostiantynivka'])
      expect(drawn).toContain(id);
    const perf = await page.evaluate(() => window.__parley.mapPerf());
    expect(perf.baseReady).toBe(true);
    // Nothing outside the server's own origin: no tiles, fonts or scripts from elsewhere.
    const origin = new URL(stack.server.url).origin;
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
    // The places not found and the events without a place are counted, not dropped.
    await expect.poll(() => page.locator('.map-summary').innerText()).toMatch(/name no place/);
    await screenshot(page, 'map-world');
    await page.close();
  });

  it('a place chosen on the map lists its events and marks exactly their actors in the network', async () => {
    const { page } = await openMap();
    // Zoom to Berlin's marker alone and click it, as an analyst would.
    await page.locator('.place-list button[data-place="place:berlin"]').waitFor();
    const berlin = (await clusters(page)).find((c) => c.places.includes('place:berlin'));
    expect(berlin).toBeDefined();
    const box = await page.locator('canvas.map-marks').boundingBox();
    if (!box || !berlin) throw new Error('no map');
    if (berlin.places.length > 1) {
      // Another place shares the marker at this zoom: choose Berlin from the list instead.
      await page.locator('.place-list button[data-place="place:berlin"]').click();
    } else {
      await page.mouse.move(box.x + berlin.x, box.y + berlin.y);
      await expect.poll(() => page.locator('.map-tooltip').innerText()).toMatch(/Berlin/);
      await page.mouse.click(box.x + berlin.x, box.y + berlin.y);
    }
    await expect
      .poll(() => page.evaluate(() => window.__parley.state().url))
      .toMatchObject({ places: ['place:berlin'] });
    await page.locator('.map-side .facts li').first().waitFor();
    const sentences = await page.locator('.map-side .facts .evidence').allInnerTexts();
    expect(sentences.some((t) => t.includes('Berlin'))).toBe(true);
    const expected = await actorsAt('place:berlin');
    expect(expected.length).toBeGreaterThan(1);
    await expect
      .poll(() => page.evaluate(() => window.__parley.placeActors().sort()))
      .toEqual(expected);
    await screenshot(page, 'map-berlin');

    await page.getByRole('button', { name: 'Show their actors in the network' }).click();
    await page.locator('#sigma').waitFor({ state: 'visible' });
    const lit = await page.evaluate(() => {
      const r = window.__parley.renderer() as unknown as {
        getNodeDisplayData(n: string): { highlighted?: boolean } | undefined;
      };
      return window.__parley.nodes().filter((n) => r.getNodeDisplayData(n)?.highlighted);
    });
    // Every drawn actor of Berlin's events lights up, and no other (isolates are not drawn).
    const drawn = await page.evaluate(() => window.__parley.nodes());
    expect(lit.sort()).toEqual(expected.filter((id) => drawn.includes(id)));
    expect(lit.length).toBeGreaterThan(1);
    await screenshot(page, 'map-berlin-network');
    await page.close();
  });

  it('opened first, asks for its places once, the network only once drawn, and leaves it undrawn until it is shown', async () => {
    const { page, requests } = await openMap();
    await expect.poll(() => page.evaluate(() => window.__parley.networkStatus())).toBe('ready');
    // The map does not share its first moments with the network's answer (12 MB at 50k edges).
    const paths = requests.map((u) => new URL(u).pathname);
    expect(paths.indexOf('/api/network')).toBeGreaterThan(paths.indexOf('/api/places'));
    // The network arrived after the places were asked for: nothing new for the map in it.
    expect(requests.filter((u) => new URL(u).pathname === '/api/places')).toHaveLength(1);
    // Building and laying out a big network would hold up the map: it waits for its tab.
    expect(await page.evaluate(() => window.__parley.nodes())).toEqual([]);
    await page.locator('#tab-network').click();
    await expect.poll(() => page.evaluate(() => window.__parley.nodes().length)).toBeGreaterThan(1);
    await page.close();
  });

  it('applies the filters to the map as to the network', async () => {
    const { page } = await openMap('&types=ASSAULT');
    await expect
      .poll(async () => (await clusters(page)).flatMap((c) => c.places).sort())
      .toEqual(['place:berlin', 'place:kostiantynivka']);
    await page.close();
  });

  it('refuses a bad map query with a clear 400', async () => {
    const res = await fetch(`${stack.server.url}/api/places?types=NOPE`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/types/);
    const unknown = await fetch(`${stack.server.url}/api/places?colour=red`);
    expect(unknown.status).toBe(400);
  });
});
