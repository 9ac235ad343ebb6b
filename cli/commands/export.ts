// `parley export --format gexf|graphml|json [--out FILE]`: the same export as GET /api/export.
import { writeFileSync } from 'node:fs';
import { closeDriver, verifyNeo4j } from '../../db/connection.ts';
import { openNeo4j } from '../connect.ts';
import { DEFAULT_LIMITS } from '../../server/context.ts';
import {
  EXPORT_FORMATS,
  exportNetwork,
  type ExportFormat,
} from '../../server/export/graph-export.ts';
import { parseFlags, UsageError } from '../args.ts';

export const summary = 'export the actor network as GEXF, GraphML or JSON';

const USAGE = 'usage: parley export --format gexf|graphml|json [--out FILE]';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    { format: { type: 'string' }, out: { type: 'string', short: 'o' } },
    USAGE,
  );
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'\n${USAGE}`);
  const format = (values.format ?? 'json') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new UsageError(`unknown format '${values.format}'\n${USAGE}`);
  }
  const { cfg, driver } = openNeo4j('export');
  try {
    await verifyNeo4j(driver, cfg.uri);
    const text = await exportNetwork(
      { driver, database: cfg.database, neo4jUri: cfg.uri, limits: DEFAULT_LIMITS },
      format,
    );
    if (values.out) {
      writeFileSync(values.out, text);
      process.stderr.write(`wrote ${values.out} (${Buffer.byteLength(text)} bytes)\n`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  } finally {
    await closeDriver();
  }
}
