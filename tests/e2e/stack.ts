// What every end-to-end file stands on: the test Neo4j with reports ingested by the real ingest,
// the real server over dist/web, and Debian's Chromium (driven by playwright-core, never a
// downloaded browser; each launch has a fresh, empty profile) at the 1440×900 an analyst uses.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { configFromEnv, createDriver } from '../../db/connection.ts';
import { ensureSchema } from '../../db/schema.ts';
import { ingestItems, ingestPaths, type IngestOutcome } from '../../ingest/ingest.ts';
import { readReportFile } from '../../ingest/read/file.ts';
import { startServer } from '../../server/index.ts';
import { wipe } from '../integration/ingest-helpers.ts';
import './hook.ts';

export const CHROMIUM = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';

/** Screenshots of each step are saved here and kept with the test output. */
export const SCREENSHOTS = resolve('tests/output/screenshots');

export interface Stack {
  driver: Driver;
  server: { url: string; close(): Promise<void> };
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Report paths, batch after batch (a later batch may update an earlier one). */
  reports?: string[][];
  /** Start from an empty database, and leave it empty: for files that bring a corpus of their own. */
  wipe?: boolean;
  /** The sixteen development reports and the samples (see `ingestCorpus`). */
  corpus?: boolean;
  /** Runs in every page before the viewer's own scripts (e.g. an analyst's name in storage). */
  initScript?: () => void;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const driver = createDriver({ ...configFromEnv(), uri: inject('neo4jUri') });
  await ensureSchema(driver);
  if (opts.wipe) await wipe(driver);
  if (opts.corpus) await ingestCorpus(driver);
  for (const batch of opts.reports ?? []) {
    const outcomes = await ingestPaths(
      driver,
      batch.map((p) => resolve(p)),
    );
    expect(outcomes.filter((o) => o.error)).toEqual([]);
  }
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    driver,
    logger: false,
    webRoot: resolve('dist/web'),
  });
  const browser = await launchBrowser();
  const context = await newContext(browser);
  if (opts.initScript) await context.addInitScript(opts.initScript);
  return {
    driver,
    server,
    browser,
    context,
    async close() {
      await context.close();
      await browser.close();
      await server.close();
      if (opts.wipe) await wipe(driver);
      await driver.close();
    },
  };
}

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

/** A fresh browser context (no saved state) at the analyst's 1440×900. */
export const newContext = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 1440, height: 900 } });

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
export async function openViewer(
  context: BrowserContext,
  url: string,
  /** Called with the page before it loads (to watch its requests, say). */
  before?: (page: Page) => void,
): Promise<Page> {
  const page = await context.newPage();
  before?.(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  // The network is drawn once settled; another view opened first does not ask for it (109420c).
  await page.waitForFunction(
    () => {
      const view = new URL(location.href).searchParams.get('view');
      if (window.__parley && view && view !== 'network') return true;
      return window.__parley?.networkStatus() === 'ready' && !window.__parley.isLayoutRunning();
    },
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(500); // the camera's fit animation
  expect(errors).toEqual([]);
  return page;
}

// The corpus a new analyst would bring: the sixteen development reports of ../shared/eval/dev
// (each ingested with the publication date of its gold file) plus the two samples.
export const DEV_DIR = resolve('../shared/eval/dev');
export const SAMPLES = [resolve('samples/miami-talks.md'), resolve('samples/geneva-talks.md')];

/** The dev reports with their publication dates (from the gold files). */
export function devReports(): { path: string; publishedAt?: string }[] {
  return readdirSync(DEV_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(
        readFileSync(join(DEV_DIR, f.replace(/\.txt$/, '.gold.json')), 'utf8'),
      );
      return { path: join(DEV_DIR, f), publishedAt: gold.publishedAt as string | undefined };
    });
}

/** Ingests the dev reports and the samples; throws when any of them fails. */
export async function ingestCorpus(driver: Driver): Promise<IngestOutcome[]> {
  const items = [...devReports(), ...SAMPLES.map((path) => ({ path, publishedAt: undefined }))].map(
    ({ path, publishedAt }) => ({
      path,
      load: () => readReportFile(path, publishedAt ? { publishedAt } : {}),
    }),
  );
  let outcomes = await ingestItems(driver, items);
  // A loaded machine's cold Neo4j can time the first writes out: those are tried once more, alone.
  const retry = items.filter((_, i) => outcomes[i].error);
  if (retry.length) {
    const again = await ingestItems(driver, retry, { concurrency: 1 });
    outcomes = outcomes.map((o) => (o.error ? (again.find((a) => a.path === o.path) ?? o) : o));
  }
  const failed = outcomes.filter((o) => o.error);
  if (failed.length)
    throw new Error(`ingest failed: ${failed.map((o) => o.error?.message).join('; ')}`);
  return outcomes;
}
