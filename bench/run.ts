// `npm run bench [-- --only NAME]`: runs every bench/<name>.bench.ts (each exports
// `run(): Promise<BenchResult[]>`), prints a table and writes bench/results.json and
// bench/results.md. A bench that throws is reported and the others still run.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchResult } from './types.ts';

const DIR = import.meta.dirname;
const USAGE = 'usage: npm run bench [-- --only NAME]   (NAME as in bench/NAME.bench.ts)';

/** One bench file's outcome. */
export type BenchRun = {
  bench: string;
  ms: number;
  results: BenchResult[];
  error?: string;
};

type ResultsFile = {
  generatedAt: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGb: number };
  runs: BenchRun[];
};

export function benchNames(dir = DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .sort();
}

function isBenchResult(x: unknown): x is BenchResult {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.name === 'string' &&
    typeof r.value === 'number' &&
    Number.isFinite(r.value) &&
    typeof r.unit === 'string' &&
    (r.note === undefined || typeof r.note === 'string')
  );
}

export async function runBench(name: string, dir = DIR): Promise<BenchRun> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  try {
    const mod: unknown = await import(pathToFileURL(join(dir, `${name}.bench.ts`)).href);
    const run = (mod as { run?: unknown }).run;
    if (typeof run !== 'function') throw new Error('exports no run() function');
    const results: unknown = await run();
    if (!Array.isArray(results) || !results.every(isBenchResult)) {
      throw new Error('run() must resolve to an array of {name, value, unit, note?}');
    }
    return { bench: name, ms: ms(), results };
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { bench: name, ms: ms(), results: [], error: message };
  }
}

function formatValue(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(4)).toString();
}

function rows(runs: BenchRun[]): string[][] {
  const out: string[][] = [];
  for (const r of runs) {
    if (r.error) out.push([r.bench, 'FAILED', '', r.error]);
    for (const x of r.results)
      out.push([r.bench, x.name, `${formatValue(x.value)} ${x.unit}`, x.note ?? '']);
  }
  return out;
}

export function textTable(runs: BenchRun[]): string {
  const head = ['bench', 'measure', 'value', 'note'];
  const all = [head, ...rows(runs)];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join(
    '\n',
  );
}

export function markdown(file: ResultsFile): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const m = file.machine;
  return [
    '# Benchmark results',
    '',
    `Generated ${file.generatedAt} by \`npm run bench\` on Node ${m.node}, ${m.platform}, ` +
      `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB.`,
    '',
    '| bench | measure | value | note |',
    '|---|---|---:|---|',
    ...rows(file.runs).map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ].join('\n');
}

/** Earlier results survive a `--only` run: only the benches that ran are replaced. */
function merge(previous: BenchRun[], now: BenchRun[], known: string[]): BenchRun[] {
  const byName = new Map(previous.filter((r) => known.includes(r.bench)).map((r) => [r.bench, r]));
  for (const r of now) byName.set(r.bench, r);
  return [...byName.values()].sort((a, b) => a.bench.localeCompare(b.bench));
}

function readPrevious(path: string): BenchRun[] {
  if (!existsSync(path)) return [];
  try {
    const runs = (JSON.parse(readFileSync(path, 'utf8')) as Partial<ResultsFile>).runs;
    return Array.isArray(runs) ? runs : [];
  } catch {
    return [];
  }
}

export async function main(argv: string[]): Promise<number> {
  let only: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { only: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length) throw new Error(`unexpected argument '${positionals[0]}'`);
    only = values.only;
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }

  const names = benchNames();
  if (only !== undefined && !names.includes(only)) {
    process.stderr.write(
      `bench: no bench named '${only}'; there are: ${names.join(', ') || 'none'}\n`,
    );
    return 2;
  }
  const selected = only === undefined ? names : [only];
  const runs: BenchRun[] = [];
  for (const name of selected) {
    process.stderr.write(`[bench] ${name}…\n`);
    const r = await runBench(name);
    process.stderr.write(
      r.error
        ? `[bench] ${name} FAILED after ${r.ms} ms: ${r.error}\n`
        : `[bench] ${name} done in ${r.ms} ms\n`,
    );
    runs.push(r);
  }

  const jsonPath = join(DIR, 'results.json');
  const file: ResultsFile = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.versions.node,
      platform: `${platform()} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
    },
    runs: merge(readPrevious(jsonPath), runs, names),
  };
  writeFileSync(jsonPath, `${JSON.stringify(file, null, 2)}\n`);
  writeFileSync(join(DIR, 'results.md'), markdown(file));
  process.stdout.write(`\n${textTable(runs)}\n\nWrote bench/results.json and bench/results.md.\n`);
  return runs.some((r) => r.error) ? 1 : 0;
}

if (import.meta.filename === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
