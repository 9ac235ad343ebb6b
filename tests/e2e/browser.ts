// Debian's Chromium driven by playwright-core; never a downloaded browser.
// Playwright gives each launch a fresh, empty profile of its own.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import './hook.ts';

export const CHROMIUM = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';

/** Screenshots of each step are saved here and kept with the test output. */
export const SCREENSHOTS = resolve('tests/output/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Opens the viewer at `url` and waits until the network is drawn and the layout has settled;
 * no page error may have happened on the way.
 */
export async function openViewer(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(
    () => window.__parley?.networkStatus() === 'ready' && !window.__parley.isLayoutRunning(),
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(500); // the camera's fit animation
  expect(errors).toEqual([]);
  return page;
}
