// `parley curations export [--out FILE]` and `parley curations import FILE`: share analysts'
// judgements between instances. Importing the same file twice changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { closeDriver, configFromEnv, getDriver, verifyNeo4j } from '../../db/connection.ts';
import { exportCurations, importCurations } from '../../curation/index.ts';
import { parseFlags, UsageError } from '../args.ts';

export const summary = 'export or import curations as JSON';

const USAGE = 'usage: parley curations export [--out FILE] | parley curations import FILE';

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(
      `${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      { cause: e },
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not JSON (${(e as Error).message})`, { cause: e });
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { out: { type: 'string', short: 'o' } }, USAGE);
  const [action, ...rest] = positionals;
  if (action === 'export' && rest.length) throw new UsageError(`unexpected '${rest[0]}'\n${USAGE}`);
  if (action === 'import' && (rest.length !== 1 || values.out)) throw new UsageError(USAGE);
  if (action !== 'export' && action !== 'import') throw new UsageError(USAGE);
  // Bad files fail before any connection is made.
  const file = action === 'import' ? readJson(rest[0]) : null;
  const cfg = configFromEnv();
  const driver = getDriver(cfg);
  try {
    await verifyNeo4j(driver, cfg.uri);
    if (action === 'export') {
      const data = await exportCurations(driver, cfg.database);
      const text = `${JSON.stringify(data, null, 2)}\n`;
      if (values.out) {
        writeFileSync(values.out, text);
        process.stderr.write(`wrote ${data.curations.length} curations to ${values.out}\n`);
      } else process.stdout.write(text);
      return 0;
    }
    const r = await importCurations(driver, file, cfg.database);
    process.stdout.write(
      `imported ${r.imported} curations (${r.undone} undone, ${r.pending} waiting for their report), skipped ${r.skipped} already here\n`,
    );
    return 0;
  } finally {
    await closeDriver();
  }
}
