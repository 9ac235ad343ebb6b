// `parley eval --curations`: the analysts' corrections as a gold set. Every active curation is
// scored against what the current extractor now makes of the reports that hold its target
// (curation/score.ts): does the extractor now agree with the analyst, is the correction still
// needed, or has the extraction changed in a way that conflicts with it?
import { closeDriver, configFromEnv, getDriver, verifyNeo4j } from '../../db/connection.ts';
import { evaluateCurations } from '../../curation/index.ts';
import { parseFlags, UsageError } from '../args.ts';

export const summary = "score the current extractor against the analysts' corrections";

const USAGE = `usage: parley eval --curations [--json]
  scores the current extractor against every active curation in the database
  (the extraction eval on the dev reports is \`npm run eval\`)`;

const pct = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(1)}%` : '–');

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    { curations: { type: 'boolean' }, json: { type: 'boolean' } },
    USAGE,
  );
  if (positionals.length) throw new UsageError(`unexpected '${positionals[0]}'\n${USAGE}`);
  if (!values.curations) throw new UsageError(`what to evaluate? --curations\n${USAGE}`);
  // Loaded once the arguments are good: the extractor reads its models at import.
  const { planReport } = await import('../../ingest/index.ts');
  const cfg = configFromEnv();
  const driver = getDriver(cfg);
  try {
    await verifyNeo4j(driver, cfg.uri);
    const r = await evaluateCurations(driver, (text, meta) => planReport(text, meta), cfg.database);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      return 0;
    }
    const s = r.summary;
    if (!r.results.length) {
      process.stdout.write('no active curations to score\n');
      return 0;
    }
    for (const x of r.results) {
      process.stdout.write(
        `${x.verdict.padEnd(9)}  ${x.op} ${x.target}: ${x.why}  (${x.curation})\n`,
      );
    }
    process.stdout.write(
      `\n${s.scored} curations scored over ${r.reports} reports: ${s.agrees} agree with the extractor now (${pct(s.agrees, s.scored)}), ` +
        `${s.needed} still needed, ${s.conflicts} conflict; ${s.unscored} unscored\n`,
    );
    for (const [op, n] of Object.entries(s.byOp)) {
      process.stdout.write(
        `  ${op.padEnd(12)} ${n.agrees} agree, ${n.needed} needed, ${n.conflicts} conflict, ${n.unscored} unscored\n`,
      );
    }
    return 0;
  } finally {
    await closeDriver();
  }
}
