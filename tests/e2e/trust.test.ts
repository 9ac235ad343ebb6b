// Issue 12's viewer defects end to end: the real server, the real ingest into the test Neo4j,
// Debian's Chromium. Each test failed before its fix.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../ingest/ingest.ts';
import type { ActorCard, EventItem, Page as ApiPage } from '../../server/api/types.ts';
import { screenshot, startStack, type Stack } from './stack.ts';

interface Hook {
  queryGraphOrder(): number;
  queryGraphSize(): number;
  networkStatus(): string;
  isLayoutRunning(): boolean;
  edges(): string[];
}

let stack: Stack;
let driver: Driver;
let server: Stack['server'];
let context: BrowserContext;

beforeAll(async () => {
  // The samples, then the updated Miami report: its unchanged facts now have two revisions.
  stack = await startStack({
    reports: [
      ['samples/miami-talks.md', 'samples/geneva-talks.md'],
      ['samples/updates/miami-talks.md'],
    ],
  });
  ({ driver, server, context } = stack);
});

afterAll(async () => {
  // The 120 paging documents would only slow the other e2e files' document lists down.
  await driver
    ?.executeQuery(
      `MATCH (d:Document) WHERE d.id STARTS WITH 'paging-'
       OPTIONAL MATCH (d)-[:HAS_REVISION]->(r:Revision) DETACH DELETE d, r`,
    )
    .catch(() => {});
  await stack?.close();
});

async function api<T>(path: string): Promise<T> {
  const res = await fetch(server.url + path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function openViewer(path = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url + path);
  // Another view opened first does not ask for the network: the hook is enough there.
  await page.waitForFunction(
    () => {
      const hook = (window as unknown as { __parley?: Hook }).__parley;
      const view = new URL(location.href).searchParams.get('view');
      if (hook && view && view !== 'network') return true;
      return hook?.networkStatus() === 'ready' && !hook.isLayoutRunning();
    },
    null,
    { timeout: 60_000 },
  );
  return page;
}

describe('trust: what the viewer claims', () => {
  it('counts as corroboration only other reports, not older revisions of the same one', async () => {
    const id = 'person:kirill-dmitriev';
    const card = await api<ActorCard>(`/api/actors/${encodeURIComponent(id)}`);
    const page = await openViewer(`/?actor=${encodeURIComponent(id)}`);
    await page.waitForSelector('.detail li.event .source');
    const shown = await page.$$eval('.detail li.event', (lis) =>
      lis.map((li) => ({
        id: (li as HTMLElement).dataset.eventId ?? '',
        source: li.querySelector('.source')?.textContent ?? '',
      })),
    );
    expect(shown.length).toBe(card.events.length);
    let withHistory = 0;
    for (const s of shown) {
      const e = card.events.find((x) => x.id === s.id)!;
      const reports = new Set(e.evidence.filter((v) => v.current).map((v) => v.documentId));
      const more = /\(\+(\d+) more reports?\)/.exec(s.source);
      expect(more ? Number(more[1]) : 0, s.source).toBe(reports.size - 1);
      if (/also in \d+ earlier revision/.test(s.source)) withHistory++;
    }
    // Every Miami fact the update kept shows its history apart from its sources.
    expect(withHistory).toBeGreaterThan(0);
    await screenshot(page, 'trust-01-corroboration');
    await page.close();
  });

  it('keeps the timeline under every filter: categories, quads, countries, kinds, dates', async () => {
    const page = await openViewer();
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    const brushHasBars = async () => {
      await page.waitForFunction(
        () => (window as unknown as { __parley?: Hook }).__parley?.networkStatus() === 'ready',
      );
      await page.waitForSelector('svg.timeline rect.bar', { timeout: 30_000 });
      expect(await page.locator('.timeline-box, svg.timeline').count()).toBeGreaterThan(0);
      expect(await page.getByText('No dated events yet.').count()).toBe(0);
    };
    await brushHasBars();
    const uncheck = async (name: string) => {
      const box = page.getByRole('checkbox', { name, exact: true });
      await box.uncheck();
      await page.waitForTimeout(300);
      await brushHasBars();
    };
    await uncheck('CONSULT'); // a category
    await uncheck('Material conflict'); // a quad class
    // A country and a kind: the first of each on offer.
    const country = page.locator('.cats.countries input[type=checkbox]').first();
    await country.uncheck();
    await page.waitForTimeout(300);
    await brushHasBars();
    await uncheck('Person');
    const q = new URL(page.url()).searchParams;
    expect(q.get('types')).toBeTruthy();
    expect(q.get('countries')).toBeTruthy();
    expect(q.get('kinds')).toBeTruthy();
    // Then a date range from the brush itself, which must survive the other filters.
    const box = (await page.locator('svg.timeline').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('since'));
    await brushHasBars();
    await screenshot(page, 'trust-02-filters-timeline');
    expect(failures).toEqual([]);
    await page.close();
  });

  it('the edge panel asks for the events between the two ends, both ways, newest first', async () => {
    const [a, b] = ['person:kirill-dmitriev', 'state:USA'];
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/events')) asked.push(decodeURIComponent(r.url()));
    });
    await page.goto(`${server.url}/?edge=${encodeURIComponent(`${a}->${b}`)}`);
    await page.waitForSelector('.detail section[data-direction=out] li.event');
    expect(asked.some((u) => u.includes(`actor=${a}`) && u.includes(`counterpart=${b}`))).toBe(
      true,
    );
    const expected = await api<ApiPage<EventItem>>(
      `/api/events?actor=${a}&counterpart=${b}&order=newest&limit=500`,
    );
    const listed = await page.$$eval('.detail li.event', (lis) =>
      lis.map((li) => (li as HTMLElement).dataset.eventId ?? ''),
    );
    expect([...listed].sort()).toEqual(expected.items.map((e) => e.id).sort());
    // Within each direction, newest first.
    for (const dir of ['out', 'back']) {
      const dates = await page.$$eval(
        `.detail section[data-direction=${dir}] li.event time`,
        (ts) => ts.map((t) => t.textContent ?? ''),
      );
      const dated = dates.filter((d) => /^\d{4}/.test(d));
      expect(dated).toEqual([...dated].sort().reverse());
    }
    await screenshot(page, 'trust-03-edge-panel');
    await page.close();
  });
});

describe('trust: documents', () => {
  it('lists all 120 documents a page at a time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-paging-'));
    try {
      const files = Array.from({ length: 120 }, (_, i) => {
        const f = join(dir, `paging-${String(i).padStart(3, '0')}.txt`);
        writeFileSync(f, `Weather note ${i}: light rain is expected over the hills tomorrow.\n`);
        return f;
      });
      const outcomes = await ingestPaths(driver, files);
      expect(outcomes.filter((o) => o.error)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const page = await context.newPage();
    await page.goto(`${server.url}/?view=documents`);
    const items = page.locator('.doc-list .doc-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(50);
    for (let round = 0; round < 5; round++) {
      const more = page.getByRole('button', { name: /Show more documents/ });
      if ((await more.count()) === 0) break;
      const before = await items.count();
      await more.click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('.doc-list .doc-item').length > n,
        before,
      );
    }
    const ids = await page.$$eval('.doc-list .doc-item strong', (s) =>
      s.map((x) => x.textContent ?? ''),
    );
    const paging = ids.filter((t) => t.startsWith('paging-'));
    expect(paging.length).toBe(120);
    expect(new Set(paging).size).toBe(120); // each once: no page repeated or skipped
    expect(await page.getByRole('button', { name: /Show more documents/ }).count()).toBe(0);
    await page.close();
  });

  it('names revisions by number and time, opens older ones, and diffs the text', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/?view=documents&doc=miami-talks`);
    await page.waitForSelector('.reader .reader-meta');
    const meta = await page.locator('.reader .reader-meta').innerText();
    expect(meta).toMatch(/revision 2 of 2 \(current\)/);
    expect(meta).not.toMatch(/miami-talks@/);
    expect(meta).toMatch(/ingested \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC/);
    // The sentence-level text diff shows what the fact diff cannot: the changed figure.
    const diff = page.locator('.text-diff');
    await diff.waitFor();
    expect(await diff.locator('del').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('$105 billion')]),
    );
    expect(await diff.locator('ins').allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('$90 billion'),
        expect.stringContaining('Moscow accused Kyiv'),
      ]),
    );
    const revisions = page.locator('nav.revisions button');
    expect(await revisions.count()).toBe(2);
    for (const t of await revisions.allInnerTexts()) expect(t).not.toMatch(/\d{4}-\d\d-\d\dT/);
    await screenshot(page, 'trust-04-document-revisions');
    // The older revision opens in the reading pane.
    await revisions.first().click();
    await page.waitForFunction(() =>
      document.querySelector('.reader .reader-meta')?.textContent?.includes('revision 1 of 2'),
    );
    expect(await page.locator('.reader .reader-meta').innerText()).toMatch(/\(older\)/);
    expect(await page.locator('.reading').innerText()).toContain('$105 billion');
    await page.close();
  });
});

describe('trust: small viewer defects', () => {
  it('refreshes the timeline after an upload', async () => {
    const page = await openViewer();
    const axis = () => page.locator('.timeline-axis span').first().innerText();
    // A year before anything already in the database, so the brush must grow to show it.
    const year = Number((await axis()).slice(0, 4)) - 1;
    await page.keyboard.press('3');
    await page
      .locator('.upload textarea')
      .fill(
        `Old clash\n\nOn March 3, ${year}, Russia accused Ukraine of shelling Donetsk, officials said.`,
      );
    await page.locator('.upload input[name=doc-id]').fill(`timeline-${year}`);
    await page.getByRole('button', { name: 'Ingest pasted text' }).click();
    await page.locator('section.diff[data-status=created]').waitFor({ timeout: 60_000 });
    await page.keyboard.press('1');
    await page.waitForFunction(
      (y) => document.querySelector('.timeline-axis span')?.textContent?.startsWith(y) === true,
      String(year),
      { timeout: 30_000 },
    );
    await page.close();
  });

  it('view shortcuts never type their digit into the Cypher editor', async () => {
    const page = await openViewer();
    await page.locator('body').press('2');
    await page.locator('.cm-content').waitFor();
    await page.waitForTimeout(300);
    await page.keyboard.press('3');
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get('view') === 'documents',
    );
    await page.keyboard.press('2');
    await page.waitForTimeout(300);
    await page.keyboard.press('1');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('view'));
    await page.keyboard.press('2');
    await page.waitForTimeout(300);
    const text = await page.locator('.cm-content').innerText();
    expect(text).toMatch(/^MATCH/);
    await page.close();
  });

  it('Enter opens the first suggestion even before the suggestions arrive', async () => {
    const page = await openViewer();
    await page.keyboard.press('/');
    await page.keyboard.type('Witk');
    await page.keyboard.press('Enter'); // at once: the search has not answered yet
    await page.waitForSelector('#panel-title:text("Steve Witkoff")', { timeout: 30_000 });
    await page.close();
  });

  it('event suggestions say their category and who, so one sentence is not listed twice alike', async () => {
    const page = await openViewer();
    await page.keyboard.press('/');
    await page.keyboard.type('rejected');
    const events = page.locator('.search-results [role=option][data-type=event]');
    await events.first().waitFor();
    const rows = await events.evaluateAll((lis) =>
      lis.map((li) => ({
        kind: li.querySelector('.hit-kind')?.textContent ?? '',
        who: li.querySelector('.hit-who')?.textContent ?? '',
        text: li.querySelector('.hit-text')?.textContent ?? '',
      })),
    );
    for (const r of rows) {
      expect(r.kind).toMatch(/^[A-Z]+( ·|$)/);
      expect(r.who.length).toBeGreaterThan(0);
    }
    const keys = rows.map((r) => `${r.kind}|${r.who}|${r.text}`);
    expect(new Set(keys).size).toBe(keys.length);
    await screenshot(page, 'trust-05-event-suggestions');
    await page.close();
  });

  it('the console draws returned nodes joined by their relationships; meetings without self-pairs', async () => {
    const page = await openViewer('/?view=console');
    await page.getByRole('button', { name: /Meetings and their participants/ }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('.result-table table tbody tr');
    await page.waitForFunction(
      () => (window as unknown as { __parley: Hook }).__parley.queryGraphOrder() > 0,
    );
    const drawn = await page.evaluate(() => {
      const h = (window as unknown as { __parley: Hook }).__parley;
      return { nodes: h.queryGraphOrder(), edges: h.queryGraphSize() };
    });
    expect(drawn.nodes).toBeGreaterThan(2);
    expect(drawn.edges).toBeGreaterThan(0); // no floating nodes
    const rows = await page.$$eval('.result-table tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    for (const [a, , b] of rows) expect(a).not.toBe(b);
    await screenshot(page, 'trust-06-console-connected');
    await page.close();
  });
});
