// The viewer end to end: the real server and Neo4j (with the samples ingested by the real
// ingest) driven through Debian's Chromium. Each step saves a screenshot.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, createDriver } from '../../db/connection.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { startServer } from '../../server/index.ts';
import { KIND_COLORS } from '../../web/src/core/colors/palette.ts';
import { openViewer as open, screenshot, startStack, type Stack } from './stack.ts';

const SAMPLE_ACTORS = [
  'person:kirill-dmitriev',
  'person:jared-kushner',
  'person:steve-witkoff',
  'person:volodymyr-zelensky',
  'person:marco-rubio',
  'person:friedrich-merz',
  'state:RUS',
  'state:UKR',
  'state:USA',
  'org:european-union',
];

let stack: Stack;
let driver: Driver;
let server: Stack['server'];
let context: BrowserContext;

beforeAll(async () => {
  stack = await startStack({
    reports: [['samples/miami-talks.md', 'samples/geneva-talks.md']],
  });
  ({ driver, server, context } = stack);
});

afterAll(() => stack?.close());

/** Opens the viewer and waits until the network is drawn and the layout has settled. */
const openViewer = (path = '/'): Promise<Page> => open(context, server.url + path);

describe('viewer', () => {
  it('draws the sample network: actors, a red REJECT edge and green CONSULT edges', async () => {
    // With the actors that have no relationship (Marco Rubio here), hidden by default.
    const page = await openViewer('/?isolates=1');
    const nodes = await page.evaluate(() => window.__parley.nodes());
    for (const id of SAMPLE_ACTORS) expect(nodes).toContain(id);
    const edges = await page.evaluate(() => {
      const g = window.__parley.graph();
      const color = (id: string) =>
        g.hasEdge(id) ? String(g.getEdgeAttribute(id, 'color')) : null;
      return {
        reject: color('person:kirill-dmitriev->state:USA'),
        witkoff: color('person:kirill-dmitriev->person:steve-witkoff'),
        kushner: color('person:jared-kushner->person:kirill-dmitriev'),
      };
    });
    const rgb = (hex: string | null) =>
      hex ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : [0, 0, 0];
    const [r1, g1] = rgb(edges.reject);
    expect(r1).toBeGreaterThan(g1); // red: conflict
    for (const c of [edges.witkoff, edges.kushner]) {
      const [r, g] = rgb(c);
      expect(g).toBeGreaterThan(r); // green: cooperation
    }
    // The legend and the filters a user reads.
    await expect(page.locator('.legend').innerText()).resolves.toContain('conflict');
    await expect(page.locator('.quad legend').first().innerText()).resolves.toContain(
      'Verbal cooperation',
    );
    await screenshot(page, '01-network');
    await page.close();
  });

  it('clicking Dmitriev on the canvas lists his REJECT and CONSULT events with their sentences', async () => {
    const page = await openViewer();
    const pos = await page.evaluate(() => window.__parley.nodePosition('person:kirill-dmitriev'));
    expect(pos).not.toBeNull();
    await page.mouse.move(pos!.x, pos!.y);
    await page.mouse.click(pos!.x, pos!.y);
    await page.waitForSelector('#panel-title:text("Kirill Dmitriev")');
    await page.waitForSelector('.detail li.event');
    expect(new URL(page.url()).searchParams.get('actor')).toBe('person:kirill-dmitriev');
    const events = await page.$$eval('.detail li.event', (lis) =>
      lis.map((li) => ({
        type: (li as HTMLElement).dataset.type,
        sentence: li.querySelector('.evidence')?.textContent ?? '',
      })),
    );
    const reject = events.filter((e) => e.type === 'REJECT');
    const consult = events.filter((e) => e.type === 'CONSULT');
    expect(reject.length).toBeGreaterThan(0);
    expect(consult.length).toBeGreaterThan(0);
    expect(reject.some((e) => /Dmitriev rejected/.test(e.sentence))).toBe(true);
    expect(consult.some((e) => /Kushner and Witkoff/.test(e.sentence))).toBe(true);
    for (const e of events) expect(e.sentence.length).toBeGreaterThan(20);
    const card = await page.locator('.detail .card').innerText();
    expect(card).toContain('RUS');
    expect(card).toContain('Russia'); // affiliation
    await screenshot(page, '02-actor-dmitriev');

    // Hide him, then undo with the keyboard.
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await page.waitForFunction(() =>
      window.__parley.state().hidden.includes('person:kirill-dmitriev'),
    );
    await page.locator('body').press('u');
    await page.waitForFunction(() => window.__parley.state().hidden.length === 0);

    // PNG export: a real PNG of the composited canvases.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the view as PNG' }).click(),
    ]);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
    // It reads on its own: a title band with text above the network, and the legend (with the
    // person colour's swatch) in its lower-left corner.
    const probe = await page.evaluate(
      async ({ bytes, person }) => {
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)]));
        const c = document.createElement('canvas');
        c.width = bitmap.width;
        c.height = bitmap.height;
        const x = c.getContext('2d')!;
        x.drawImage(bitmap, 0, 0);
        const r = window.devicePixelRatio || 1;
        const pixels = (x0: number, y0: number, w: number, h: number) => {
          const d = x.getImageData(x0 * r, y0 * r, w * r, h * r).data;
          const out: [number, number, number][] = [];
          for (let i = 0; i < d.length; i += 4) out.push([d[i], d[i + 1], d[i + 2]]);
          return out;
        };
        const [pr, pg, pb] = [1, 3, 5].map((i) => parseInt(person.slice(i, i + 2), 16));
        const close = ([a, b, c]: number[]) =>
          Math.abs(a - pr) + Math.abs(b - pg) + Math.abs(c - pb) < 30;
        const h = bitmap.height / r;
        return {
          titleInk: pixels(10, 8, 300, 40).filter(([a, b, c]) => a + b + c < 300).length,
          legendPerson: pixels(12, h - 200, 190, 200).filter(close).length,
        };
      },
      { bytes: [...png], person: KIND_COLORS.person },
    );
    expect(probe.titleInk).toBeGreaterThan(50);
    expect(probe.legendPerson).toBeGreaterThan(20);

    // Esc closes the panel and clears the selection from the URL.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('actor'));
    await page.close();
  });

  it('typing "Witk" offers Steve Witkoff; choosing it opens his panel', async () => {
    const page = await openViewer();
    await page.keyboard.press('/');
    await page.keyboard.type('Witk');
    const option = page.locator('.search-results [role=option]', { hasText: 'Steve Witkoff' });
    await option.first().waitFor();
    await screenshot(page, '03-search-witk');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel-title:text("Steve Witkoff")');
    expect(new URL(page.url()).searchParams.get('actor')).toBe('person:steve-witkoff');
    await page.close();
  });

  it('a shared URL restores the filters and the selection', async () => {
    const page = await openViewer('/?types=REJECT&actor=person%3Akirill-dmitriev');
    await page.waitForSelector('#panel-title:text("Kirill Dmitriev")');
    const edges = await page.evaluate(() => window.__parley.edges());
    expect(edges).toContain('person:kirill-dmitriev->state:USA');
    expect(edges).not.toContain('person:jared-kushner->person:steve-witkoff');
    const consultBox = page.getByRole('checkbox', { name: 'CONSULT', exact: true });
    expect(await consultBox.isChecked()).toBe(false);
    await screenshot(page, '04-filtered-reject');
    await page.close();

    // An edge in the URL: the events between the two actors with their evidence.
    const edgePage = await openViewer('/?edge=person%3Akirill-dmitriev-%3Estate%3AUSA');
    await edgePage.waitForSelector('#panel-title:text("Kirill Dmitriev → United States")');
    await edgePage.waitForSelector('.detail li.event');
    const items = await edgePage.$$eval('.detail section[data-direction=out] li.event', (lis) =>
      lis.map((li) => [
        (li as HTMLElement).dataset.type,
        li.querySelector('.evidence')?.textContent ?? '',
      ]),
    );
    // The panel lists exactly the events the edge aggregates, the REJECT among them.
    const byType = (
      await edgePage.evaluate(
        () =>
          window.__parley.graph().getEdgeAttribute('person:kirill-dmitriev->state:USA', 'edge') as {
            byType: Record<string, number>;
          },
      )
    ).byType;
    const listed: Record<string, number> = {};
    for (const [type] of items) listed[type!] = (listed[type!] ?? 0) + 1;
    expect(listed).toEqual(byType);
    const reject = items.find(([type]) => type === 'REJECT');
    expect(reject?.[1]).toMatch(/Dmitriev rejected the Trump administration/);
    await screenshot(edgePage, '04b-edge-dmitriev-usa');
    await edgePage.close();
  });

  it('filters by category and by a date brush from the rail, into the URL', async () => {
    const page = await openViewer();
    // Drag across the right half of the timeline: a date range lands in the URL.
    const box = (await page.locator('svg.timeline').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.98, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('since'));
    const q = new URL(page.url()).searchParams;
    expect(q.get('since')! <= q.get('until')!).toBe(true);
    await page.waitForSelector('.range');
    await screenshot(page, '04c-date-brush');
    await page.getByRole('button', { name: 'Clear dates' }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('since'));

    // Untick CONSULT: the meetings leave the map, the REJECT stays.
    await page.getByRole('checkbox', { name: 'CONSULT', exact: true }).uncheck();
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get('types')?.includes('REJECT') === true,
    );
    expect(new URL(page.url()).searchParams.get('types')).not.toContain('CONSULT');
    await page.waitForFunction(
      () =>
        window.__parley.networkStatus() === 'ready' &&
        !window.__parley.edges().includes('person:jared-kushner->person:steve-witkoff'),
    );
    expect(await page.evaluate(() => window.__parley.edges())).toContain(
      'person:kirill-dmitriev->state:USA',
    );
    await screenshot(page, '04d-without-consult');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForFunction(() => location.search === '');
    await page.close();
  });

  it('runs a Cypher query into a table and a graph; a write query shows the read-only error', async () => {
    const page = await openViewer('/?view=console');
    await page.getByRole('button', { name: /Who rejected what/ }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('.result-table table tbody tr');
    await page.waitForFunction(() => window.__parley.queryGraphOrder() > 0);
    const header = await page.$$eval('.result-table th', (ths) => ths.map((t) => t.textContent));
    expect(header).toEqual(['a', 'e']);
    const table = await page.locator('.result-table').innerText();
    expect(table).toContain('Kirill Dmitriev');
    expect(table).toContain('REJECT');
    expect(await page.locator('.result-graph').isVisible()).toBe(true);
    await screenshot(page, '05-console-reject');

    // A write: the editor keeps the query, the refusal shows inline.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type("CREATE (n:Actor {name: 'Mallory'}) RETURN n");
    await page.keyboard.press('Control+Enter');
    const alert = page.locator('.console-status [role=alert]');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/read-only/i);
    await screenshot(page, '06-console-write-refused');
    const history = await page.evaluate(() => localStorage.getItem('parley.cypher.history'));
    expect(history).toContain('Mallory');
    await page.close();
  });

  it('uploading the updated sample shows what changed', async () => {
    const page = await openViewer('/?view=documents');
    await page.waitForSelector('.doc-list .doc-item');
    await page.setInputFiles('.upload input[type=file]', resolve('samples/updates/miami-talks.md'));
    const diff = page.locator('section.diff[data-status=updated]');
    await diff.waitFor({ timeout: 60_000 });
    const text = await diff.innerText();
    expect(text).toMatch(/Updated/);
    expect(text).toMatch(/\+\d+ −\d+ events/);
    expect(await page.locator('section.diff .diff-group.added').count()).toBeGreaterThan(0);
    // The reading pane shows the new revision with its facts marked.
    await page.waitForSelector('.reading mark.hl-mention');
    expect(await page.locator('.reader').innerText()).toContain('$90 billion');
    await screenshot(page, '07-upload-diff');

    // Clicking a marked actor selects it in the graph.
    await page.locator('.reading mark.hl-mention', { hasText: 'Dmitriev' }).first().click();
    await page.waitForSelector('#panel-title:text("Kirill Dmitriev")');
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    await page.close();
  });

  it('says so when Neo4j is down, and tells a new user what to do', async () => {
    // A second server whose driver points at a port where nothing listens.
    const dead = createDriver({ ...configFromEnv(), uri: 'bolt://127.0.0.1:9' });
    const down = await startServer({
      port: 0,
      host: '127.0.0.1',
      driver: dead,
      webRoot: resolve('dist/web'),
    });
    try {
      const page = await context.newPage();
      await page.goto(down.url);
      const banner = page.locator('.banner');
      await banner.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await banner.innerText()).toMatch(/Neo4j is not reachable/);
      await page.locator('.empty-card').waitFor();
      await screenshot(page, '10-neo4j-down');
      await page.close();
    } finally {
      await down.close();
      await dead.close();
    }
  });

  it('renders a hostile report inertly', async () => {
    await ingestPaths(driver, [
      resolve('tests/fixtures/reports/hostile.txt'),
      resolve('tests/fixtures/reports/hostile.html'),
    ]);
    const page = await openViewer('/?view=documents');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // Our own payloads set a global flag if they ever run; pasted through the UI.
    const hostile = [
      'Hostile envoys <script>window.__pwned = "script"</script> meet',
      '',
      'DOHA — Qatar accused Iran of stalling the talks <img src=x onerror="window.__pwned=\'img\'"> on Monday, officials said.',
      'Egypt urged Israel to accept a truce, according to <a href="javascript:window.__pwned=\'link\'">javascript:window.__pwned=1</a> reports.',
      'Turkey said it would mediate between the sides <svg onload="window.__pwned=\'svg\'"></svg>.',
    ].join('\n');
    await page.locator('.upload textarea').fill(hostile);
    await page.locator('.upload input[name=doc-id]').fill('hostile-inline');
    await page.getByRole('button', { name: 'Ingest pasted text' }).click();
    await page.locator('section.diff[data-status=created]').waitFor({ timeout: 60_000 });
    await page.waitForSelector('.reading');
    const reading = await page.locator('.reading').innerText();
    expect(reading).toContain('<img src=x onerror=');
    await screenshot(page, '08-hostile-reading');

    // Every other hostile document, its reading pane and the cards of its actors.
    for (const id of await page.$$eval('.doc-list .doc-item strong', (s) =>
      s.map((x) => x.textContent ?? ''),
    )) {
      await page.locator('.doc-list .doc-item', { hasText: id }).first().click();
      await page.waitForSelector('.reading');
    }
    await page.keyboard.press('1');
    await page.keyboard.press('/');
    await page.keyboard.type('Qatar');
    const qatar = page.locator('.search-results [role=option]').first();
    await qatar.waitFor();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.detail li.fact');
    await screenshot(page, '09-hostile-actor');
    await page.waitForTimeout(500);

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    const injected = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('#app script')].length,
      imgs: document.querySelectorAll('#app img').length,
      svgOnload: [...document.querySelectorAll('#app svg')].filter((s) => s.hasAttribute('onload'))
        .length,
      jsLinks: [...document.querySelectorAll('a')].filter((a) =>
        a.getAttribute('href')?.startsWith('javascript:'),
      ).length,
      handlers: [...document.querySelectorAll('#app *')].filter((e) =>
        [...e.attributes].some((a) => a.name.startsWith('on')),
      ).length,
    }));
    expect(injected).toEqual({ scripts: 0, imgs: 0, svgOnload: 0, jsLinks: 0, handlers: 0 });
    await page.close();
  });
});
