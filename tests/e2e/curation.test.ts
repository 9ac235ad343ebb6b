// The analyst's story end to end in Chromium: merge "Anwar bin Ibrahim" into "Anwar Ibrahim" (the
// formal and the usual form of one name, from two reports) from the actor card (typing the name in
// the merge form), reject an event from the Cambodia card, re-ingest
// the updated report, and find both corrections still in place; the log shows them, with undo.
// Screenshots of each step go to tests/output/screenshots/curation-*.png.
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startStack, type Stack } from './stack.ts';

const FIXTURES = resolve('tests/fixtures/curation');

let stack: Stack;
let driver: Driver;
let server: Stack['server'];
let context: BrowserContext;

beforeAll(async () => {
  stack = await startStack({
    wipe: true,
    reports: [[resolve(FIXTURES, 'asean-talks.md'), resolve(FIXTURES, 'asean-meeting.md')]],
    initScript: () => localStorage.setItem('parley.analyst', 'Ana Lyst'),
  });
  ({ driver, server, context } = stack);
  // The story needs the extractor's duplicate: the formal "Anwar bin Ibrahim" is another actor.
  const { records } = await driver.executeQuery(
    "MATCH (a:Actor) WHERE a.id IN ['person:anwar-bin-ibrahim', 'person:anwar-ibrahim'] RETURN count(a) AS n",
  );
  expect(Number(records[0].get('n')), 'the extractor now links "Anwar bin Ibrahim" by itself').toBe(
    2,
  );
});

// The database is left empty, as the other end-to-end files expect to find it.
afterAll(() => stack?.close());

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/network') reads.set(page, networkReads(page) + 1);
  });
  await page.goto(server.url + path);
  await page.waitForSelector('#panel-title');
  expect(errors).toEqual([]);
  return page;
}

/** What the network view draws, positions and pins aside. */
const drawing = (page: Page) =>
  page.evaluate(() => {
    type G = {
      forEachNode(fn: (id: string, a: Record<string, unknown>) => void): void;
      forEachEdge(fn: (id: string, a: object, s: string, t: string) => void): void;
    };
    const g = (window as unknown as { __parley: { graph(): G } }).__parley.graph();
    const nodes: Record<string, unknown> = {};
    g.forEachNode((id, a) => {
      const { x: _x, y: _y, fixed: _f, pinned: _p, ...rest } = a;
      nodes[id] = rest;
    });
    const edges: Record<string, unknown> = {};
    g.forEachEdge((id, a, s, t) => (edges[id] = [s, t, a]));
    return { nodes, edges };
  });

/**
 * The curation was drawn from its patch (the network was not read again), and the drawing
 * equals what a fresh page draws from a fresh read of the network.
 */
async function patchedLikeFresh(page: Page, reads: number, what: string): Promise<void> {
  expect(networkReads(page), `${what}: drawn from the patch, not a new read`).toBe(reads);
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await networkReady(fresh);
  expect(await drawing(page), what).toEqual(await drawing(fresh));
  await fresh.close();
}

// The viewer sets its hook once the first view has loaded: a page just navigated may not have
// it yet (it failed in CI with "reading 'networkStatus'" of undefined).
const networkReady = (page: Page) =>
  page.waitForFunction(
    () =>
      (
        window as unknown as { __parley?: { networkStatus(): string } }
      ).__parley?.networkStatus() === 'ready',
  );

/** How many times the page has read the network. */
const reads = new WeakMap<Page, number>();
const networkReads = (page: Page) => reads.get(page) ?? 0;

const eventText = (page: Page) =>
  page.$$eval('.detail li.event .evidence', (xs) => xs.map((x) => x.textContent ?? ''));

describe('curation in the viewer', () => {
  it('merges, rejects, survives a re-ingest of the updated report, and undoes from the log', async () => {
    // 1. Anwar bin Ibrahim's card: merge into Anwar Ibrahim, found by typing in the form.
    const page = await open('/?actor=person%3Aanwar-bin-ibrahim');
    await page.waitForSelector('#panel-title:text("Anwar bin Ibrahim")');
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const into = page.locator('#curate-into');
    await into.pressSequentially('Anwar Ib', { delay: 30 });
    await page.waitForFunction(
      () => document.querySelectorAll('#curate-into-list option').length > 0,
    );
    const offered = await page.$$eval('#curate-into-list option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value),
    );
    expect(offered).toContain('person:anwar-ibrahim');
    await into.fill('person:anwar-ibrahim');
    await page
      .locator('#curate-reason')
      .fill('the same man: the formal and the usual form of his name');
    await screenshot(page, 'curation-1-merge-form');
    await networkReady(page);
    const read = networkReads(page);
    await page.keyboard.press('Enter');
    // A merge reloads the network, the card and the log: slow on a loaded machine.
    await page.waitForSelector('#panel-title:text("Anwar Ibrahim")', { timeout: 90_000 });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.detail li.event .evidence')].some((x) =>
        x.textContent?.includes('criticised Myanmar'),
      ),
    );
    expect(await page.locator('.detail .card').innerText()).toContain('Anwar');
    await screenshot(page, 'curation-2-merged');
    await patchedLikeFresh(page, read, 'merge');

    // 2. Cambodia's card: reject the accusation (keyboard: the tools are buttons).
    await page.goto(`${server.url}/?actor=state%3AKHM`);
    await page.waitForSelector('#panel-title:text("Cambodia")');
    const accusation = page.locator('.detail li.event', { hasText: 'accused Thailand' });
    await accusation.getByRole('button', { name: 'Reject' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#curate-reason').fill('a claim, not an accusation event');
    await screenshot(page, 'curation-3-reject-form');
    await networkReady(page);
    const readBefore = networkReads(page);
    await page.getByRole('button', { name: 'Reject', exact: true }).last().click();
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll('.detail li.event .evidence')].some((x) =>
          x.textContent?.includes('accused Thailand'),
        ),
    );
    await patchedLikeFresh(page, readBefore, 'reject');

    // 3. The updated report is re-ingested (the API the Documents tab uses).
    const updated = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        filename: 'asean-talks.md',
        text: await import('node:fs').then((fs) =>
          fs.readFileSync(resolve(FIXTURES, 'asean-talks-updated.md'), 'utf8'),
        ),
      }),
    });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { status: string }).status).toBe('updated');

    // 4. Both corrections are still in place.
    await page.goto(`${server.url}/?actor=state%3AKHM`);
    await page.waitForSelector('#panel-title:text("Cambodia")');
    await page.waitForSelector('.detail li.event');
    const khm = await eventText(page);
    expect(khm.some((t) => t.includes('rejected the proposal of Cambodia'))).toBe(true);
    expect(khm.some((t) => t.includes('accused Thailand'))).toBe(false);
    await page.goto(`${server.url}/?actor=person%3Aanwar-ibrahim`);
    await page.waitForSelector('#panel-title:text("Anwar Ibrahim")');
    await page.waitForSelector('.detail li.event');
    expect((await eventText(page)).some((t) => t.includes('criticised Myanmar'))).toBe(true);
    await screenshot(page, 'curation-4-after-reingest');

    // 5. The log (overview panel): both entries, filterable, each with Undo.
    await page.keyboard.press('Escape');
    await page.waitForSelector('.curation-log .log-entry');
    const lines = await page.$$eval('.curation-log .log-line', (xs) =>
      xs.map((x) => x.textContent ?? ''),
    );
    expect(lines).toEqual([
      expect.stringMatching(/^Ana Lyst rejected Cambodia accused Thailand/),
      'Ana Lyst merged Anwar bin Ibrahim into Anwar Ibrahim',
    ]);
    await page.locator('.log-filter').pressSequentially('merged', { delay: 20 });
    await page.waitForFunction(() => document.querySelectorAll('.log-entry').length === 1);
    await screenshot(page, 'curation-5-log');
    await networkReady(page);
    const readUndo = networkReads(page);
    await page.locator('.log-entry').getByRole('button', { name: 'Undo' }).click();
    await page.waitForSelector('.log-entry.undone');
    await patchedLikeFresh(page, readUndo, 'undo of the merge');
    const { records } = await driver.executeQuery(
      "MATCH (a:Actor {id: 'person:anwar-bin-ibrahim'}) RETURN a.current AS current, a.mergedInto AS into",
    );
    expect(records[0].get('current')).toBe(true);
    expect(records[0].get('into')).toBeNull();
    await page.close();
  }, 240_000);

  it("corrects an event's recipients, date and place, and a statement's speaker, from their forms", async () => {
    // A statement to correct: the extractor gives it to Anutin.
    const posted = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'asean-border',
        publishedAt: '2025-10-28',
        text: 'Thai Prime Minister Anutin Charnvirakul said the border with Cambodia would reopen.',
      }),
    });
    expect(posted.status).toBe(201);
    const api = async <T>(path: string) => (await (await fetch(server.url + path)).json()) as T;
    type Ev = { id: string; text: string; date: string | null; place: { id: string } | null };
    type Evs = { items: (Ev & { recipients: { id: string }[] })[] };

    // 1. The criticism of Myanmar: Thailand added as a recipient (found by typing), a date.
    const page = await open('/?actor=person%3Aanwar-bin-ibrahim');
    await page.waitForSelector('#panel-title:text("Anwar bin Ibrahim")');
    const criticism = page.locator('.detail li.event', { hasText: 'criticised Myanmar' });
    await criticism.getByRole('button', { name: 'Edit' }).click();
    const recipients = page.locator('#curate-recipients');
    expect(await recipients.inputValue()).toBe('state:MMR');
    await recipients.fill('state:MMR, Thai');
    await recipients.pressSequentially('l', { delay: 30 });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#curate-recipients-list option')].some(
        (o) => (o as HTMLOptionElement).value === 'state:MMR, state:THA',
      ),
    );
    await recipients.fill('state:MMR, state:THA');
    await page.locator('#curate-date').fill('2025-10-26');
    await page.locator('#curate-reason').fill('Thailand was named in the next paragraph');
    await screenshot(page, 'curation-6-event-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => criticism.innerText(), { timeout: 15_000 })
      .toMatch(/Thailand[\s\S]*2025-10-26|2025-10-26[\s\S]*Thailand/);
    const anwar = await api<Evs>('/api/events?actor=person%3Aanwar-bin-ibrahim');
    const edited = anwar.items.find((e) => e.text.includes('criticised Myanmar'));
    expect(edited?.recipients.map((r) => r.id).sort()).toEqual(['state:MMR', 'state:THA']);
    expect(edited?.date).toBe('2025-10-26');

    // 2. The meeting's place taken away (the form offers the places on show).
    await page.goto(`${server.url}/?actor=person%3Aanwar-ibrahim`);
    await page.waitForSelector('#panel-title:text("Anwar Ibrahim")');
    const meeting = page.locator('.detail li.event', { hasText: 'Kuala Lumpur' }).first();
    await meeting.getByRole('button', { name: 'Edit' }).click();
    const meetingId = await meeting.getAttribute('data-event-id');
    const place = page.locator('#curate-place');
    expect(await place.inputValue()).not.toBe('');
    await place.selectOption('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await api<Ev>(`/api/events/${encodeURIComponent(meetingId!)}`)).place, {
        timeout: 20_000,
      })
      .toBeNull();
    await expect.poll(() => meeting.locator('.place').count()).toBe(0);

    // 3. The statement given to Anwar Ibrahim instead.
    await page.goto(`${server.url}/?actor=person%3Aanutin-charnvirakul`);
    await page.waitForSelector('.detail li.statement');
    const said = page.locator('.detail li.statement', { hasText: 'would reopen' });
    await said.getByRole('button', { name: 'Speaker' }).click();
    const speaker = page.locator('#curate-speaker');
    await speaker.fill('');
    await speaker.pressSequentially('Anwar Ib', { delay: 30 });
    await page.waitForFunction(
      () => document.querySelectorAll('#curate-speaker-list option').length > 0,
    );
    await speaker.fill('person:anwar-ibrahim');
    await screenshot(page, 'curation-7-speaker-form');
    // Enter submits (the name list still open over the buttons would take the click).
    await page.locator('#curate-reason').press('Enter');
    await expect
      .poll(
        async () => {
          const r = await api<{ items: { text: string; speaker: { id: string } }[] }>(
            '/api/statements?speaker=person%3Aanwar-ibrahim',
          );
          return r.items.some((s) => s.text.includes('would reopen'));
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await page.close();
  }, 240_000);
});
