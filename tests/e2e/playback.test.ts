// Time playback (issue 15, time): the samples ingested by the real ingest into the real Neo4j,
// the real server, Debian's Chromium. Playing moves a one-day window through the events; at
// every moment the drawn edges are exactly the relationships with an event on that day, as
// Neo4j says; paused, the position is in the URL and a link opens the same moment.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIso, dayNumber, ONTOLOGY, type PloverCategory } from '../../domain/index.ts';
import { openViewer, screenshot, startStack, type Stack } from './stack.ts';

let stack: Stack;
/** Each current event as Neo4j has it: performer, recipient, type and date. */
let events: { a: string; b: string; type: PloverCategory; date: string | null }[];

beforeAll(async () => {
  stack = await startStack({
    wipe: true,
    reports: [[resolve('samples/miami-talks.md'), resolve('samples/geneva-talks.md')]],
  });
  const { records } = await stack.driver.executeQuery(
    `MATCH (a:Actor)-[:PERFORMED]->(e:Event {current: true})-[:DIRECTED_AT]->(b:Actor)
     WHERE a <> b RETURN a.id AS a, b.id AS b, e.type AS type, e.date AS date`,
  );
  events = records.map((r) => ({
    a: r.get('a'),
    b: r.get('b'),
    type: r.get('type'),
    date: r.get('date'),
  }));
}, 300_000);

afterAll(async () => {
  await stack?.close();
});

/** The drawn edges with an event between their ends (either way when reciprocal) on a day `at`
 * accepts (a full date only). */
function expectedWhere(at: (day: string) => boolean, drawn: string[]): string[] {
  return drawn
    .filter((id) => {
      const [s, t] = id.split('->');
      return events.some(
        (e) =>
          /^\d{4}-\d{2}-\d{2}/.test(e.date ?? '') &&
          at(e.date!.slice(0, 10)) &&
          ((e.a === s && e.b === t) || (ONTOLOGY[e.type].reciprocal && e.a === t && e.b === s)),
      );
    })
    .sort();
}
const expectedOn = (day: string, drawn: string[]) => expectedWhere((d) => d === day, drawn);

/** The play position and the edges sigma draws (not hidden), read in one go. */
const moment = (page: Page) =>
  page.evaluate(() => {
    const p = window.__parley;
    const r = p.renderer() as unknown as {
      getEdgeDisplayData(e: string): { hidden?: boolean } | undefined;
    };
    return {
      head: p.playback().head,
      playing: p.playback().playing,
      visible: p.edges().filter((e) => !r.getEdgeDisplayData(e)?.hidden),
      all: p.edges(),
    };
  });

/** The darkest pixel's red, green and blue on screen within 2 px of a point (page pixels). */
async function darkestAround(page: Page, p: { x: number; y: number }): Promise<number[]> {
  const png = await page.screenshot({ clip: { x: p.x - 2, y: p.y - 2, width: 5, height: 5 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let best = [255, 255, 255];
    for (let i = 0; i < px.length; i += 4) {
      const rgb = [px[i], px[i + 1], px[i + 2]];
      if (rgb[0] + rgb[1] + rgb[2] < best[0] + best[1] + best[2]) best = rgb;
    }
    return best;
  }, png.toString('base64'));
}

describe('time playback', () => {
  it('plays a one-day window through the events: the drawn edges are those of the day', async () => {
    const page = await openViewer(stack.context, `${stack.server.url}/?window=day`);
    const all = await page.evaluate(() => window.__parley.edges());
    expect(all.length).toBeGreaterThan(5);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
    await page.getByRole('button', { name: /Play/ }).click();
    const seen = new Map<number, string[]>();
    let shots = 0;
    for (let i = 0; i < 40 && seen.size < 4; i++) {
      const m = await moment(page);
      if (m.head !== null && m.playing && !seen.has(m.head)) {
        seen.set(m.head, m.visible.sort());
        // Three moments with something drawn, for the record.
        if (shots < 3 && m.visible.length) await screenshot(page, `playback-${++shots}`);
      }
      await page.waitForTimeout(250);
    }
    await page.keyboard.press('p'); // pause
    // Several days were played, and each showed exactly that day's relationships.
    expect(seen.size).toBeGreaterThanOrEqual(3);
    for (const [head, visible] of seen) expect(visible).toEqual(expectedOn(dayIso(head), all));
    // The window moved through days with different relationships.
    expect(new Set([...seen.values()].map((v) => v.join())).size).toBeGreaterThan(1);

    // Paused: the position is in the URL, and the link opens the same window.
    const paused = await moment(page);
    expect(paused.playing).toBe(false);
    await expect
      .poll(() => page.evaluate(() => location.search))
      .toContain(`at=${dayIso(paused.head!)}`);
    const url = await page.evaluate(() => location.href);
    await page.close();
    const again = await openViewer(stack.context, url);
    const reopened = await moment(again);
    expect(reopened.head).toBe(paused.head);
    expect(reopened.visible.sort()).toEqual(paused.visible.sort());
    await again.close();
  });

  it('the counts under the timeline say what the drawing shows, opened on a day and playing', async () => {
    // What the drawing shows and what the playbar says, read in one go.
    const said = (page: Page) =>
      page.evaluate(() => {
        const p = window.__parley;
        const r = p.renderer() as unknown as {
          getEdgeDisplayData(e: string): { hidden?: boolean } | undefined;
          getNodeDisplayData(n: string): { hidden?: boolean } | undefined;
        };
        const edges = p.edges().filter((e) => !r.getEdgeDisplayData(e)?.hidden).length;
        const actors = p.nodes().filter((n) => !r.getNodeDisplayData(n)?.hidden).length;
        return {
          head: p.playback().head,
          drawn: `${edges} relationship${edges === 1 ? '' : 's'} · ${actors} actor${actors === 1 ? '' : 's'}`,
          counts: document.querySelector('.play-counts')?.textContent,
        };
      });
    // Opened on a day with events, and on one without (the link of a paused moment): before,
    // the playbar said "All dates" for both until the window was moved.
    for (const day of ['2025-12-15', '2025-12-16']) {
      const page = await openViewer(stack.context, `${stack.server.url}/?window=day&at=${day}`);
      const m = await said(page);
      expect(m.head).toBe(dayNumber(day));
      expect(m.counts, day).toBe(m.drawn);
      if (day === '2025-12-16') expect(m.counts).toBe('0 relationships · 0 actors');
      await page.close();
    }
    // Playing: at every moment the counts are the window drawn, not the one before it (they
    // said "3 relationships · 3 actors" on an empty 16 December, the 15th's).
    const page = await openViewer(stack.context, `${stack.server.url}/?window=day`);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('7');
    await page.getByRole('button', { name: /Play/ }).click();
    const heads = new Set<number>();
    for (let i = 0; i < 60 && heads.size < 6; i++) {
      const m = await said(page);
      if (m.head !== null) {
        heads.add(m.head);
        expect(m.counts, dayIso(m.head)).toBe(m.drawn);
      }
      await page.waitForTimeout(50);
    }
    expect(heads.size).toBeGreaterThan(3);
    await page.close();
  });

  it('a week window on 20 December shows that week, "as of" shows everything up to it, and leaving playback shows everything', async () => {
    const page = await openViewer(stack.context, `${stack.server.url}/?at=2025-12-20`);
    const m = await moment(page);
    const week = ['14', '15', '16', '17', '18', '19', '20'].map((d) => `2025-12-${d}`);
    const expected = [...new Set(week.flatMap((d) => expectedOn(d, m.all)))].sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(m.visible.sort()).toEqual(expected);
    // Geneva's meetings (26–27 December) are later: not drawn.
    expect(m.visible.length).toBeLessThan(m.all.length);
    expect(await page.locator('.play-window').innerText()).toBe('14 Dec – 20 Dec 2025');
    // An edge whose latest event is days old is drawn faded, not gone: on screen it stands out
    // from the background (a faded colour sigma took as premultiplied came out almost white).
    const old = await page.evaluate(() => {
      const r = window.__parley.renderer() as unknown as {
        getEdgeDisplayData(e: string): { hidden?: boolean; color: string } | undefined;
      };
      return window.__parley.edges().find((e) => {
        const d = r.getEdgeDisplayData(e);
        return d && !d.hidden && parseInt(d.color.slice(7, 9), 16) < 0x99;
      });
    });
    expect(old, 'an edge faded by its age').toBeDefined();
    const mid = (await page.evaluate((id) => window.__parley.edgeMidpoint(id), old!))!;
    expect(Math.min(...(await darkestAround(page, mid)))).toBeLessThan(230);
    // "As of" the same day: every relationship with an event up to it, and still not Geneva's.
    await page.getByRole('combobox', { name: 'Window' }).selectOption('asof');
    const asOf = expectedWhere((d) => d <= '2025-12-20', m.all);
    await expect.poll(async () => (await moment(page)).visible.sort()).toEqual(asOf);
    expect(asOf.length).toBeGreaterThan(expected.length - 1);
    expect(asOf.length).toBeLessThan(m.all.length);
    expect(await page.locator('.play-window').innerText()).toBe('As of 20 Dec 2025');
    expect(await page.evaluate(() => location.search)).toContain('window=asof');
    await screenshot(page, 'playback-as-of');
    await page.getByRole('button', { name: 'Leave time playback' }).click();
    await expect.poll(async () => (await moment(page)).visible.length).toBe(m.all.length);
    expect(await page.evaluate(() => location.search)).not.toContain('at=');
    await page.close();
  });

  it("big networks' playback layer draws exactly the window's relationships (read from its pixels)", async () => {
    // The layer big networks play on (5,000 actors, 50,000 edges: too slow to lay out here) is
    // drawn for this network's windows in its edges' numbers as colours and read back.
    const page = await openViewer(stack.context, `${stack.server.url}/?at=2025-12-20&window=week`);
    const all = await page.evaluate(() => window.__parley.edges());
    const drawn: string[][] = [];
    for (const end of ['2025-12-08', '2025-12-14', '2025-12-20', '2025-12-27']) {
      const head = dayNumber(end)!;
      const start = dayIso(head - 6);
      const want = expectedWhere((d) => d >= start && d <= end, all);
      const got = (await page.evaluate((h) => window.__parley.playbackProbe(h), head)).sort();
      // Nothing outside the window; everything in it, but for a relationship whose reverse, drawn
      // on the same straight line, covers it.
      expect(
        got.filter((id) => !want.includes(id)),
        end,
      ).toEqual([]);
      const reverse = (id: string) => id.split('->').reverse().join('->');
      expect(
        want.filter((id) => !got.includes(id) && !got.includes(reverse(id))),
        end,
      ).toEqual([]);
      drawn.push(got);
    }
    expect(drawn.filter((d) => d.length > 0).length).toBeGreaterThanOrEqual(2);
    expect(new Set(drawn.map((d) => d.join())).size).toBeGreaterThan(2);
    await page.close();
  });

  it('the playback layer gives its memory back when time playback is left', async () => {
    const page = await openViewer(stack.context, `${stack.server.url}/?at=2025-12-20&window=week`);
    const held = () => page.evaluate(() => window.__parley.playbackBytes());
    await page.evaluate((h) => window.__parley.playbackProbe(h), dayNumber('2025-12-20')!);
    // Loaded: the segments and the kept pictures at full resolution.
    expect(await held()).toBeGreaterThan(1_000_000);
    await page.getByRole('button', { name: 'Leave time playback' }).click();
    await expect.poll(held).toBeLessThan(1_000);
    await page.close();
  });

  it('playing pauses when another view is shown, and no window steps meanwhile', async () => {
    const page = await openViewer(stack.context, `${stack.server.url}/?window=day`);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
    await page.getByRole('button', { name: /Play/ }).click();
    await expect.poll(() => page.evaluate(() => window.__parley.playback().playing)).toBe(true);
    await page.getByRole('tab', { name: /Map/ }).click();
    await expect.poll(() => page.locator('#view-map').isVisible()).toBe(true);
    const at = await page.evaluate(() => ({
      head: window.__parley.playback().head,
      steps: window.__parley.perf().timeSteps.length,
    }));
    await page.waitForTimeout(2500); // a day a second: two or three steps, were it playing
    const later = await page.evaluate(() => ({
      head: window.__parley.playback().head,
      playing: window.__parley.playback().playing,
      steps: window.__parley.perf().timeSteps.length,
    }));
    expect(later).toEqual({ head: at.head, playing: false, steps: at.steps });
    // Where it paused is in the URL, and the network shows that window again.
    expect(await page.evaluate(() => location.search)).toContain(`at=${dayIso(at.head!)}`);
    await page.getByRole('tab', { name: /Network/ }).click();
    const m = await moment(page);
    expect(m.head).toBe(at.head);
    expect(m.visible.sort()).toEqual(expectedOn(dayIso(at.head!), m.all));
    await page.close();
  });
});
