// The corpus a new analyst would bring: the sixteen development reports of ../shared/eval/dev
// (each ingested with the publication date of its gold file) plus the two samples.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ingestItems, type IngestOutcome } from '../../ingest/ingest.ts';
import { readReportFile } from '../../ingest/read/file.ts';

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
export async function ingestCorpus(driver: Driver, withDev = true): Promise<IngestOutcome[]> {
  const items = [
    ...(withDev ? devReports() : []),
    ...SAMPLES.map((path) => ({ path, publishedAt: undefined })),
  ].map(({ path, publishedAt }) => ({
    path,
    load: () => readReportFile(path, publishedAt ? { publishedAt } : {}),
  }));
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
