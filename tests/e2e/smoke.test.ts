// The first end-to-end check: the real server on the real Neo4j, its page loaded in Debian's
// Chromium, and /api/health reporting Neo4j 5.26 connected, as a user opening the app would see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from '../../server/api/types.ts';
import { screenshot, startStack, type Stack } from './stack.ts';

describe('smoke: server, Neo4j and Chromium', () => {
  let stack: Stack;
  let server: Stack['server'];
  let browser: Stack['browser'];

  beforeAll(async () => {
    stack = await startStack();
    ({ server, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('reports Neo4j 5.26 connected on /api/health', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const health = (await res.json()) as Health;
    expect(health.status).toBe('ok');
    expect(health.neo4j.connected).toBe(true);
    expect(health.neo4j.version).toMatch(/^5\.26\./);
    expect(typeof health.neo4j.nodes).toBe('number');
  });

  it('loads the page in Chromium without errors', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(server.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toMatch(/Parley/);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).not.toBe('');
    await screenshot(page, 'smoke-home');
    // The page's own call to the API works from the browser too (same origin, JSON).
    const health = await page.evaluate(async () => (await fetch('/api/health')).json());
    expect(health).toMatchObject({ neo4j: { connected: true } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers an unknown API path with a JSON 404, not the page', async () => {
    const res = await fetch(`${server.url}/api/no-such-thing`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBeTruthy();
  });
});
