// What every viewer e2e file stands on: the test Neo4j with reports ingested by the real ingest,
// the real server over dist/web, and Debian's Chromium at the 1440×900 an analyst uses.
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Browser, BrowserContext } from 'playwright-core';
import { expect, inject } from 'vitest';
import { configFromEnv, createDriver } from '../../db/connection.ts';
import { ensureSchema } from '../../db/schema.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { startServer } from '../../server/index.ts';
import { launchBrowser } from './browser.ts';

export interface Stack {
  driver: Driver;
  server: { url: string; close(): Promise<void> };
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Each batch of report paths is ingested in turn (a later batch may update an earlier one). */
export async function startStack(batches: string[][]): Promise<Stack> {
  const driver = createDriver({ ...configFromEnv(), uri: inject('neo4jUri') });
  await ensureSchema(driver);
  for (const batch of batches) {
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
    webRoot: resolve('dist/web'),
  });
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return {
    driver,
    server,
    browser,
    context,
    async close() {
      await context.close();
      await browser.close();
      await server.close();
      await driver.close();
    },
  };
}
